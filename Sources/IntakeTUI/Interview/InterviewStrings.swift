import IntakeCore

/// The interview's interface strings, for the PO template. Each is declared
/// (key, English, translator note) beside the screen or overlay that shows
/// it, at the end of that file; this list gives their order in the template,
/// which is the order of the PO files. A string declared but missing here is
/// found by `InterfaceStringTests`. A new overlay need not be listed here:
/// its `strings` follow the list (so adding one stays one file plus its
/// line in `InterviewApp.overlays`).
public enum InterviewStrings {
    public static let all: [UIString] = composed(listed, overlays: InterviewApp.overlays)

    /// `listed`, then the strings of overlays that are not in it yet.
    static func composed(_ listed: [UIString], overlays: [any OverlayScreen.Type]) -> [UIString] {
        var out = listed
        for s in overlays.flatMap({ $0.strings }) where !out.contains(s) { out.append(s) }
        return out
    }

    static let listed: [UIString] = [
        .startTitle, .startQuestionnaire, .startIntervieweeLanguage, .startAdvocateLanguage, .startNew,
        .startResumeHeading, .startResumeItem, .startNoResumable, .startOutboxWaiting, .startHint,
        .languageDraft, .draftNotice, .draftShort, .statusSaved, .statusSaving, .statusSaveFailed,
        .statusNotSaved, .statusTypingNotSaved, .statusEphemeral, .statusDemo, .statusPractice, .statusPreview,
        .fallbackLegend, .progress, .sectionProgress, .contentNote, .forAdvocate, .chosenAnswer, .hintDate,
        .hintMonth, .hintNumber, .hintNumberRange, .hintMultiple, .hintMultiline, .hintText, .textLength,
        .textFull, .remarkShown, .moreBelow, .validationRequired, .validationNotANumber,
        .validationNotAWholeNumber, .validationBelowMinimum, .validationAboveMaximum, .validationInvalidDate,
        .validationInvalidMonth, .validationUnknownOption, .validationSpecialNotOffered, .validationWrongKind,
        .validationConstraint, .validationEmpty, .reviewTitle, .reviewFinish, .reviewHint, .reviewKeptNotUsed,
        .reviewNotAnswered, .reviewInterviewRemark, .summaryScreenHint, .exportDone, .exportFailed, .endedTitle,
        .endedResources, .endedNothingStored, .helpTitle, .pauseTitle, .pauseText, .pauseHint, .remarkTitle,
        .remarkInterviewTitle, .remarkHint, .languageTitle, .languageApply, .languageHint, .quitTitle,
        .quitSaved, .quitNotSaved, .quitSaveFailed, .quitConfirm, .changedTitle, .changedText, .changedDropped,
        .changedHint, .explainTitle, .explainNone, .explainIndicator, .explainResult, .explainDomain,
        .explainOverride, .personaAnswer, .personaNone, .keyNext, .keyBack, .keyDontKnow, .keyDeclined,
        .keyHelp, .keyHide, .keyMove, .keyCheck, .keyExport, .keyPause, .keyRemark, .keyReview, .keyLanguage,
        .keyGuidance, .keyQuit, .keyNewline, .keyExplain, .keyAskPersona, .helpNext, .helpBack, .helpHelp,
        .helpHide, .helpUnhide, .helpPause, .helpRemark, .helpLanguage, .helpGuidance, .helpDual, .helpDontKnow,
        .helpDeclined, .helpReview, .helpSelect, .helpMoveUp, .helpMoveDown, .helpToggle, .helpQuit,
        .helpExport, .helpRedraw, .helpEdit, .helpNewline, .helpExplain, .helpAskPersona, .quitFinished,
    ]
}

import Foundation
import IntakeCore

/// How an interview is run.
public enum InterviewMode: Sendable {
    /// A real interview: every event is recorded in the session store.
    case interview
    /// A real interview that writes nothing to disk.
    case ephemeral
    /// A translator's preview: every screen can be walked, nothing is recorded.
    case preview
    /// A trainer's demonstration: a persona's answers are filled in; Enter
    /// steps, and with `autoplay` ticks step by themselves.
    case demo(answers: [String: AnswerValue], autoplay: TimeInterval?)
    /// A trainee asks; the persona's answer is given on request (Ask persona).
    case practice(answers: [String: AnswerValue])

    /// Demo and practice: the explain panel is allowed. Never in a real interview.
    public var isTraining: Bool {
        switch self {
        case .demo, .practice: return true
        default: return false
        }
    }

    /// The persona's answers, in the training modes.
    public var personaAnswers: [String: AnswerValue]? {
        switch self {
        case .demo(let a, _), .practice(let a): return a
        default: return nil
        }
    }

    /// Whether the event log goes to a session store.
    public var records: Bool {
        if case .interview = self { return true }
        return false
    }
}

/// A language the interview can be shown in.
public struct LanguageOption: Sendable {
    public var tag: String
    public var translator: any Translating
    public var isDraft: Bool { translator.isDraft }
    public init(translator: any Translating) {
        self.tag = translator.language
        self.translator = translator
    }
}

/// What changed in the questionnaire since a resumed session began.
public struct ResumeNotice: Sendable, Hashable {
    public var oldVersion: String
    public var newVersion: String
    public var carriedOver: Int
    public var dropped: [String]
    public init(oldVersion: String, newVersion: String, carriedOver: Int, dropped: [String]) {
        self.oldVersion = oldVersion
        self.newVersion = newVersion
        self.carriedOver = carriedOver
        self.dropped = dropped
    }
}

/// An unfinished session the start screen offers to resume, already
/// rebuilt from its event log by the caller.
public struct ResumableSession: Sendable {
    public var id: String
    public var interview: Interview
    public var started: Date
    public var lastChange: Date
    public var change: ResumeNotice?
    public init(id: String, interview: Interview, started: Date, lastChange: Date, change: ResumeNotice? = nil) {
        self.id = id
        self.interview = interview
        self.started = started
        self.lastChange = lastChange
        self.change = change
    }
}

/// A file the summary export writes.
public struct ExportFile: Hashable, Sendable {
    public var name: String
    public var contents: String
}

/// What the interview app asks the outside world to do.
public enum InterviewEffect: Hashable, Sendable {
    /// A new interview starts: create its session (interview mode).
    case begin(questionnaireID: String, version: String, hash: String, interviewee: String, advocate: String)
    /// Continue recording into an existing session.
    case resume(sessionID: String)
    /// Append one event to the session, in order.
    case record(InterviewEvent)
    /// Try again to save what is pending.
    case retrySave
    /// The interview is complete: mark the session finished.
    case completed
    /// The interview ended at consent: delete the session.
    case discardSession
    /// Write these files into the export folder.
    case export([ExportFile])
    /// The screen was hidden: save anything pending now.
    case hide
    /// Leave the program (everything recorded is already committed).
    case quit
}

/// What the interview app is told by the outside world (see `AppEvent.report`).
public enum InterviewReport: Hashable, Sendable {
    /// A session was created for the interview, with this id.
    case sessionStarted(String)
    /// Everything recorded so far is on disk.
    case saved
    /// Saving failed; the sentence says why. Events are kept and retried.
    case saveFailed(String)
    /// Files were written into a folder.
    case exported(folder: String, files: [String])
    case exportFailed(String)
    /// The questionnaires finished loading in the background: they replace
    /// the placeholders the first screen was drawn with.
    case loaded(LoadedQuestionnaires)
}

/// Questionnaires loaded in the background, told apart by id, version and
/// content hash.
public struct LoadedQuestionnaires: Hashable, Sendable {
    public var questionnaires: [Questionnaire]
    public init(_ questionnaires: [Questionnaire]) { self.questionnaires = questionnaires }

    private var identity: [String] { questionnaires.map { "\($0.id) \($0.version) \($0.contentHash)" } }
    public static func == (a: Self, b: Self) -> Bool { a.identity == b.identity }
    public func hash(into h: inout Hasher) { h.combine(identity) }
}

/// Whether what was recorded is on disk.
public enum SaveState: Hashable, Sendable {
    case saved
    case saving
    case failed(String)
}

/// Where the app is, outside the interview's own positions.
public enum Stage: Hashable, Sendable {
    case start
    /// A resumed session whose questionnaire changed: say what changed first.
    case notice(ResumeNotice)
    case interview
}

/// A message on the message line.
public struct ScreenMessage: Hashable, Sendable {
    public var text: String
    public var isError: Bool
}

/// The whole state of the interview app. Everything the screen shows is
/// derived from this value; `InterviewApp.update` is the only thing that
/// changes it. What belongs to one screen (a highlight, typed text, how far
/// it is scrolled) is in that screen's component (`screen`, `overlay`).
public struct InterviewModel: Sendable {
    /// The organisation's service directories (then the national one),
    /// whose services the summary lists under each referral.
    public var serviceDirectories: [ServiceDirectory] = []
    /// The organisation's name and setting, for the summary's header.
    public var organisation: (name: String?, setting: String?) = (nil, nil)
    /// The screener's id on this computer's summaries (`--screener` or the config).
    public var screener: String?

    /// The summary of `iv` with the services of `serviceDirectories`.
    func summary(of iv: Interview, in tr: some Translating) -> Summary {
        SummaryBuilder.build(iv, context: SummaryContext(organisation: organisation.name, setting: organisation.setting,
                                                         screener: screener,
                                                         intervieweeLanguageDraft: intervieweeTranslator.isDraft,
                                                         dateText: DateText.minutesWithZone), in: tr)
            .withServices(from: serviceDirectories, languagesAnswer: Summary.languagesAnswer(iv.answers))
    }

    public var mode: InterviewMode
    public var questionnaires: [Questionnaire]
    public var languages: [LanguageOption] { didSet { languagesRevision = Revision.next() } }
    /// Changes with `languages` (see `Revision`): the translators a body was made with.
    private(set) var languagesRevision = Revision.next()
    public var resumable: [ResumableSession]
    public var size: Size

    /// Sealed sessions waiting in the outbox for the collection server
    /// (nil: no server configured); counted once, when the program starts.
    public var outboxWaiting: Int?

    /// Where the app is: read off the screen shown, so the two cannot disagree.
    public var stage: Stage {
        if screen is StartScreen { return .start }
        if let n = screen as? NoticeScreen { return .notice(n.notice) }
        return .interview
    }
    public var interview: Interview?
    public var sessionID: String?

    /// The screen on display (under any overlay): a component with its own
    /// state (Screens/). The app replaces it when the interview moves.
    var screen: any InterviewScreen
    public var message: ScreenMessage?

    public var showGuidance = true
    public var showDual = true
    public var showExplain = false
    /// Right-to-left text is put in visual order by intake (the default), or
    /// left to a terminal that reorders by itself (`INTAKE_BIDI=terminal`).
    public var reordersRightToLeft = true
    /// The screen shown over the interview (see `OverlayScreen`).
    var overlay: (any OverlayScreen)?
    /// What has the keyboard: the overlay, or else the screen.
    var component: any InterviewComponent { overlay ?? screen }

    /// The quick hide's page, over everything while it is shown.
    var hiding: HiddenScreen?
    /// Whether the screen is hidden (the quick hide).
    public var hidden: Bool { hiding != nil }
    public var now: Date

    public var saveState: SaveState = .saved
    public var endedAtConsent = false
    public var lastAutoStep: Date?

    public init(mode: InterviewMode, questionnaires: [Questionnaire], languages: [LanguageOption],
                resumable: [ResumableSession] = [], size: Size = Frame.minimumSize,
                questionnaireID: String? = nil, intervieweeLanguage: String? = nil,
                advocateLanguage: String? = nil, now: Date) {
        self.mode = mode
        self.questionnaires = questionnaires
        self.languages = languages.isEmpty ? [LanguageOption(translator: SourceLanguage())] : languages
        self.resumable = resumable
        self.size = size
        self.now = now
        var questionnaireIndex = 0
        if let id = questionnaireID, let i = questionnaires.firstIndex(where: { $0.id == id }) { questionnaireIndex = i }
        let source = questionnaires.isEmpty ? "en" : questionnaires[questionnaireIndex].language
        let tags = self.languages.map(\.tag)
        screen = StartScreen(questionnaire: questionnaireIndex,
                             interviewee: tags.firstIndex(of: intervieweeLanguage ?? source) ?? tags.firstIndex(of: source) ?? 0,
                             advocate: tags.firstIndex(of: advocateLanguage ?? source) ?? tags.firstIndex(of: source) ?? 0)
    }

    /// The start screen's choices, while it is shown.
    var start: StartScreen? { screen as? StartScreen }

    public var questionnaire: Questionnaire? {
        if let iv = interview { return iv.questionnaire }
        let i = start?.questionnaire ?? 0
        return questionnaires.indices.contains(i) ? questionnaires[i] : nil
    }

    /// The translator for a language tag (the source language if unknown).
    public func translator(_ tag: String) -> any Translating {
        languages.first { $0.tag == tag }?.translator ?? SourceLanguage(language: tag)
    }

    /// The interviewee's language: questions, options, section texts.
    public var intervieweeTranslator: any Translating {
        translator(interview?.intervieweeLanguage ?? languages[start?.interviewee ?? 0].tag)
    }

    /// The advocate's language: everything else.
    public var advocateTranslator: any Translating {
        translator(interview?.advocateLanguage ?? languages[start?.advocate ?? 0].tag)
    }

    /// Whether a chosen translation is an unreviewed draft.
    public var usesDraft: Bool { intervieweeTranslator.isDraft || advocateTranslator.isDraft }
}

import Foundation
import IntakeCore

/// The screening interview in the terminal: a pure `update` over
/// `InterviewModel` and a pure `view` of it (see InterviewView.swift).
///
/// The model composes components (Component.swift): the screen shown
/// (Screens/, one per kind of screen, a question's by its answer type) and
/// at most one overlay over it (Overlays/). The app hands each key to the
/// component that has the keyboard if it accepts the key's action; what
/// is the same on every screen (opening an overlay, the settings, the
/// review, moving through the interview and recording) is the app's.
///
/// Every change to the interview is an `InterviewEvent`; the app applies it
/// to its own copy and emits `.record(event)` in the same order, before the
/// status line can say "Saved" (which it says only when the effect handler
/// reports `.saved` and no typed text is waiting to be kept).
///
/// Text typed but not confirmed (an answer being edited, a remark being
/// written) is recorded as a draft (`.drafted`) whenever the advocate
/// leaves it: Back, review, pause, remark, language, quit, quick hide, and
/// a signal. It comes back into its editor on return and on resume.
public struct InterviewApp: App {
    /// Paragraphs already laid out, shared by this app's frames.
    let layoutCache = LayoutCache()
    let rowCache = RowCache()
    let footerCache = FooterCache()
    let bodyMemo = BodyMemo()
    /// The layout of the screen the event being handled arrived on (set by
    /// `update(_:_:layout:)` for that one event): how far a screen scrolls.
    private var screen: InterviewLayout?

    public init() {}

    /// The frame and the laid-out body of the current screen: what `view`
    /// draws and what `update` scrolls through.
    public func layout(_ m: InterviewModel, size: Size) -> InterviewLayout {
        let frame = Frame(size: size)
        let body = InterviewView.body(m, width: frame.body.width, cache: layoutCache, memo: bodyMemo)
        return InterviewLayout(frame: frame, body: body, keys: m.component.keys(m, scrolls: body.lines.count > frame.body.height))
    }

    public func update(_ m: inout InterviewModel, _ event: AppEvent<InterviewReport>,
                       layout: InterviewLayout) -> [InterviewEffect] {
        var app = self
        app.screen = layout
        return app.handle(&m, event)
    }

    /// `update` with the layout of the model at its own size: for an event
    /// outside the run loop (a test, the questionnaires loaded before it starts).
    public func update(_ m: inout InterviewModel, _ event: AppEvent<InterviewReport>) -> [InterviewEffect] {
        update(&m, event, layout: layout(m, size: m.size))
    }

    /// The most characters a typed answer holds. The screen counts them from
    /// nine tenths of it and says when text did not fit.
    public static let textAnswerLimit = 4000

    public func keyContext(_ m: InterviewModel) -> KeyContext {
        if m.hiding != nil { return HiddenScreen.keyContext }
        return m.component.keyContext
    }

    private func handle(_ m: inout InterviewModel, _ event: AppEvent<InterviewReport>) -> [InterviewEffect] {
        switch event {
        case .resize(let size):
            m.size = size
            return []
        case .tick(let date):
            m.now = date
            return tick(&m)
        case .signal:
            // The terminal closed or the program is told to stop: keep what is typed.
            return saveDraft(&m) + [.quit]
        case .report(let report):
            switch report {
            case .sessionStarted(let id): m.sessionID = id
            case .saved: m.saveState = .saved
            case .saveFailed(let reason): m.saveState = .failed(reason)
            case .exported(let folder, let files):
                m.message = ScreenMessage(text: Words(m).ui(.exportDone, ["folder": folder, "files": files.joined(separator: ", ")]), isError: false)
            case .exportFailed(let reason):
                m.message = ScreenMessage(text: Words(m).ui(.exportFailed, ["reason": reason]), isError: true)
            case .loaded(let loaded):
                m.questionnaires = loaded.questionnaires
            }
            return []
        case .key(let key, let action):
            if let hiding = m.hiding {
                hiding.update(key, action, &m)
                return []
            }
            guard let action else { return [] }
            if action == .quickHide { return HiddenScreen.open(&m, self) }
            if action == .redraw { return [] }
            if m.overlay != nil { return overlayKey(&m, action) }
            return screenKey(&m, action)
        }
    }

    private func tick(_ m: inout InterviewModel) -> [InterviewEffect] {
        var out: [InterviewEffect] = []
        if case .failed = m.saveState { out.append(.retrySave) }
        // Autoplay, for a projected demo: start, step through every screen,
        // finish at the summary, and stay there.
        if case .demo(_, let autoplay?) = m.mode, m.overlay == nil, m.hiding == nil,
           m.interview?.position != .finished {
            let last = m.lastAutoStep ?? m.now
            if m.lastAutoStep == nil { m.lastAutoStep = m.now }
            if m.now.timeIntervalSince(last) >= autoplay {
                m.lastAutoStep = m.now
                switch m.stage {
                case .start: out += startNew(&m)
                case .notice: leaveNotice(&m)
                case .interview: out += next(&m)
                }
            }
        }
        return out
    }

    // MARK: - Keys on the screens

    /// An action on the screen (no overlay shown): only the actions the
    /// screen accepts reach it. Opening an overlay, the settings and the
    /// review are the same on every screen that offers them, and are the app's.
    private func screenKey(_ m: inout InterviewModel, _ action: Action) -> [InterviewEffect] {
        guard m.screen.accepts(action, keys: keys(m)) else { return [] }
        if let effects = openOverlay(for: action, &m) { return effects }
        switch action {
        case .toggleGuidance:
            m.showGuidance.toggle()
            return []
        case .toggleDualLanguage:
            m.showDual.toggle()
            return []
        case .explain:
            if m.mode.isTraining { m.showExplain.toggle() }
            return []
        case .review:
            guard let iv = m.interview, iv.position != .review, !(iv.isOver && !iv.isCompleted) else { return [] }
            return saveDraft(&m) + move(&m, to: .review)
        default:
            return m.screen.update(action, &m, self)
        }
    }

    /// From the notice of a changed questionnaire into the interview.
    func leaveNotice(_ m: inout InterviewModel) {
        showPosition(&m)
        reopenRemarkDraft(&m)
    }

    /// Shows the screen of the interview's position (leaving the start
    /// screen or the notice).
    private func showPosition(_ m: inout InterviewModel) {
        if let iv = m.interview { m.screen = Self.screen(for: iv) }
    }

    /// Starts a new interview with the start screen's choices.
    public func startNew(_ m: inout InterviewModel) -> [InterviewEffect] {
        guard let q = m.questionnaire else { return [] }
        let start = m.start ?? StartScreen(questionnaire: 0, interviewee: 0, advocate: 0)
        let a = m.languages[start.interviewee].tag, b = m.languages[start.advocate].tag
        m.interview = Interview(questionnaire: q, intervieweeLanguage: a, advocateLanguage: b)
        m.saveState = m.mode.records ? .saving : .saved
        showPosition(&m)
        var out: [InterviewEffect] = [.begin(questionnaireID: q.id, version: q.version, hash: q.contentHash, interviewee: a, advocate: b)]
        // The languages are in the session header; the log starts with them too.
        out += apply(&m, [.languagesChanged(interviewee: a, advocate: b)])
        return out
    }

    /// Resumes the unfinished session at `index` of `resumable`.
    public func resume(_ m: inout InterviewModel, at index: Int) -> [InterviewEffect] {
        guard m.resumable.indices.contains(index) else { return [] }
        let s = m.resumable[index]
        m.interview = s.interview
        m.sessionID = s.id
        if let change = s.change {
            m.screen = NoticeScreen(notice: change)
        } else {
            showPosition(&m)
            reopenRemarkDraft(&m)
        }
        return [.resume(sessionID: s.id)]
    }

    /// A remark left unfinished at the current position is shown again in
    /// its editor when the interview is resumed.
    private func reopenRemarkDraft(_ m: inout InterviewModel) {
        guard let iv = m.interview, !iv.isOver, m.overlay == nil else { return }
        let remark = RemarkOverlay(at: iv)
        if iv.drafts[.remark(question: remark.question)] != nil { m.overlay = remark }
    }

    /// The events that would keep what is typed but not confirmed on screen
    /// (the remark being written, the current question's typed answer) as
    /// drafts; empty when all of it is saved already. The status line says
    /// "Saved" only when this is empty.
    static func unsavedDrafts(_ m: InterviewModel) -> [InterviewEvent] {
        guard m.stage == .interview, var iv = m.interview else { return [] }
        var out: [InterviewEvent] = []
        if let remark = m.overlay as? RemarkOverlay {
            out += iv.draft(remark.editor.text, for: .remark(question: remark.question), confirmed: remark.confirmed(in: iv))
            for e in out { iv.apply(e, at: m.now) }
        }
        if let q = iv.currentQuestion, let typed = m.screen as? any TypedAnswerScreen, typed.position == iv.position {
            out += iv.draft(typed.editor.text, for: .answer(question: q.id), confirmed: Self.editorText(iv.answers[q.id]))
        }
        return out
    }

    /// Records what is typed but not confirmed, before the screen is left.
    func saveDraft(_ m: inout InterviewModel) -> [InterviewEffect] {
        apply(&m, Self.unsavedDrafts(m))
    }

    /// What the component with the keyboard acts on now: from the layout
    /// of the screen the event arrived on, which the footer showed.
    func keys(_ m: InterviewModel) -> [KeyUse] {
        screen?.keys ?? m.component.keys(m, scrolls: maxScroll(m) > 0)
    }

    /// How far the current screen scrolls: from the layout the event
    /// arrived with.
    func maxScroll(_ m: InterviewModel) -> Int {
        let l = screen ?? layout(m, size: m.size)
        return max(0, l.body.lines.count - l.frame.body.height)
    }

    /// How far `component`'s body would scroll at the model's size (the
    /// screen under an overlay, say).
    func maxScroll(_ m: InterviewModel, of component: any InterviewComponent) -> Int {
        let frame = Frame(size: m.size)
        var b = Body(width: frame.body.width, reordersRightToLeft: m.reordersRightToLeft, cache: layoutCache)
        component.body(m, Words(m), &b)
        return max(0, b.lines.count - frame.body.height)
    }

    // MARK: - Moving

    /// Every screen of the questionnaire, relevant or not: a translator's
    /// preview walks them all in order.
    static func previewOrder(_ q: Questionnaire) -> [InterviewPosition] {
        var out: [InterviewPosition] = [.intro]
        for s in q.sections {
            if s.intro != nil || s.contentNote != nil { out.append(.sectionIntro(s.id)) }
            out += s.questions.map { .question($0.id) }
        }
        return out + [.review]
    }

    func next(_ m: inout InterviewModel) -> [InterviewEffect] {
        guard let iv = m.interview else { return [] }
        if case .preview = m.mode, iv.position != .review {
            let order = Self.previewOrder(iv.questionnaire)
            if let i = order.firstIndex(of: iv.position), i + 1 < order.count { return move(&m, to: order[i + 1]) }
        }
        switch iv.next() {
        case .failure(let issue):
            m.message = ScreenMessage(text: Words(m).issue(issue, iv.currentQuestion), isError: true)
            return []
        case .success(let events):
            var out = apply(&m, events)
            if let after = m.interview {
                if after.endedByQuestion != nil {
                    // Nothing else was said: the person did not consent. Keep nothing.
                    let others = after.answers.keys.filter { $0 != after.endedByQuestion }
                    if others.isEmpty {
                        m.endedAtConsent = true
                        out.append(.discardSession)
                    }
                } else if after.isCompleted, events.contains(.completed) {
                    out.append(.completed)
                }
            }
            return out
        }
    }

    func back(_ m: inout InterviewModel) -> [InterviewEffect] {
        guard let iv = m.interview else { return [] }
        let events = iv.back()
        if events.isEmpty { return [] }
        return apply(&m, events)
    }

    func move(_ m: inout InterviewModel, to p: InterviewPosition) -> [InterviewEffect] {
        apply(&m, [.moved(to: p)])
    }

    /// Applies events to the interview and emits them to be recorded, in order.
    func apply(_ m: inout InterviewModel, _ events: [InterviewEvent]) -> [InterviewEffect] {
        guard var iv = m.interview, !events.isEmpty else { return [] }
        let before = iv.position
        for e in events { iv.apply(e, at: m.now) }
        m.interview = iv
        if m.mode.records { m.saveState = .saving }
        if iv.position != before {
            m.message = nil
            syncScreen(&m)
        }
        // A translator's preview records nothing at all.
        if case .preview = m.mode { return prefillFromPersona(&m) }
        var out = events.map { InterviewEffect.record($0) }
        out += prefillFromPersona(&m)
        return out
    }

    /// In a demo the persona's answer is given as each question appears.
    private func prefillFromPersona(_ m: inout InterviewModel) -> [InterviewEffect] {
        guard case .demo(let persona, _) = m.mode, let iv = m.interview, let q = iv.currentQuestion,
              iv.answers[q.id] == nil, let a = persona[q.id], case .success(let events) = iv.answer(a, for: q.id) else { return [] }
        var copy = iv
        for e in events { copy.apply(e, at: m.now) }
        m.interview = copy
        syncScreen(&m, force: true)
        return events.map { .record($0) }
    }

    /// Shows the screen of the interview's position, when the position
    /// changed (or `force`), with the current answer in it. What is being
    /// typed survives everything else: overlays, resizes, hiding.
    func syncScreen(_ m: inout InterviewModel, force: Bool = false) {
        guard let iv = m.interview, m.stage == .interview else { return }
        guard force || m.screen.position != iv.position else { return }
        m.screen = Self.screen(for: iv)
    }

    /// The screen for an interview's position.
    static func screen(for iv: Interview) -> any InterviewScreen {
        switch iv.position {
        case .intro: return IntroScreen(section: nil)
        case .sectionIntro(let id): return IntroScreen(section: id)
        case .question:
            guard let q = iv.currentQuestion else { return IntroScreen(section: nil) }
            return questionScreen(q, in: iv)
        case .review: return ReviewScreen()
        case .finished: return iv.isCompleted ? SummaryScreen() as any InterviewScreen : EndedScreen()
        }
    }
}


// The interface strings this file shows (key, English, translator note);
// `InterviewStrings.all` lists them for the PO template.
extension UIString {
    static let exportDone = UIString("screen/export_done", "Saved to {folder}: {files}",
                                     note: "After exporting the summary; {files} lists file names.")
    public static let exportFailed = UIString("screen/export_failed", "Export failed: {reason}", note: "After an export failed.")
}

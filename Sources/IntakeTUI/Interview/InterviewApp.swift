import Foundation
import IntakeCore

/// The screening interview in the terminal: a pure `update` over
/// `InterviewModel` and a pure `view` of it (see InterviewView.swift).
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
    public init() {}

    /// The most characters a typed answer holds. The screen counts them from
    /// nine tenths of it and says when text did not fit.
    public static let textAnswerLimit = 4000

    public func keyContext(_ m: InterviewModel) -> KeyContext {
        if m.hidden { return .hidden }
        if let overlay = m.overlay { return overlay.keyContext }
        guard m.stage == .interview, let iv = m.interview else { return .screen }
        switch iv.position {
        case .question:
            guard let q = iv.currentQuestion else { return .screen }
            switch q.type {
            case .yesNo, .single, .multiple: return .choice
            case .number, .date, .monthYear: return .text
            case .text: return q.multiline ? .multilineText : .text
            case .note: return .screen
            }
        case .review: return .review
        case .finished: return iv.isCompleted ? .review : .screen
        default: return .screen
        }
    }

    public func update(_ m: inout InterviewModel, _ event: AppEvent<InterviewReport>) -> [InterviewEffect] {
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
            if m.hidden {
                if m.hideLock.feed(key, action: action) {
                    m.hidden = false
                    m.hiddenSince = nil
                }
                return []
            }
            guard let action else { return [] }
            if action == .quickHide {
                let draft = saveDraft(&m)
                m.hidden = true
                m.hideLock = HideLock()
                m.hiddenSince = m.now
                return draft + [.hide]
            }
            if action == .redraw { return [] }
            if m.overlay != nil { return overlayKey(&m, action) }
            return key_(&m, action)
        }
    }

    private func tick(_ m: inout InterviewModel) -> [InterviewEffect] {
        var out: [InterviewEffect] = []
        if case .failed = m.saveState { out.append(.retrySave) }
        // Autoplay, for a projected demo: start, step through every screen,
        // finish at the summary, and stay there.
        if case .demo(_, let autoplay?) = m.mode, m.overlay == nil, !m.hidden,
           m.interview?.position != .finished {
            let last = m.lastAutoStep ?? m.now
            if m.lastAutoStep == nil { m.lastAutoStep = m.now }
            if m.now.timeIntervalSince(last) >= autoplay {
                m.lastAutoStep = m.now
                switch m.stage {
                case .start: out += startNew(&m)
                case .notice: m.stage = .interview
                case .interview: out += next(&m)
                }
            }
        }
        return out
    }

    // MARK: - Keys on the screens

    private func key_(_ m: inout InterviewModel, _ action: Action) -> [InterviewEffect] {
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
        default: break
        }
        switch m.stage {
        case .start: return StartScreen.update(&m, action, self)
        case .notice:
            if action == .next { m.stage = .interview; syncEditor(&m); reopenRemarkDraft(&m) }
            return []
        case .interview: break
        }
        guard let iv = m.interview else { return [] }
        switch action {
        case .review:
            if iv.position == .review { return [] }
            if iv.isOver && !iv.isCompleted { return [] }
            return saveDraft(&m) + move(&m, to: .review)
        default: break
        }
        switch iv.position {
        case .intro, .sectionIntro: return scrollOrStep(&m, action)
        case .question: return questionKey(&m, action)
        case .review: return reviewKey(&m, action)
        case .finished: return finishedKey(&m, action)
        }
    }

    /// Starts a new interview with the start screen's choices.
    public func startNew(_ m: inout InterviewModel) -> [InterviewEffect] {
        guard let q = m.questionnaire else { return [] }
        let a = m.languages[m.intervieweeIndex].tag, b = m.languages[m.advocateIndex].tag
        m.interview = Interview(questionnaire: q, intervieweeLanguage: a, advocateLanguage: b)
        m.stage = .interview
        m.saveState = m.mode.records ? .saving : .saved
        syncEditor(&m)
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
        m.stage = s.change.map { .notice($0) } ?? .interview
        syncEditor(&m)
        if m.stage == .interview { reopenRemarkDraft(&m) }
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
        if let q = iv.currentQuestion, m.editorPosition == iv.position, Self.isTyped(q) {
            out += iv.draft(m.editor.text, for: .answer(question: q.id), confirmed: Self.editorText(iv.answers[q.id]))
        }
        return out
    }

    /// Records what is typed but not confirmed, before the screen is left.
    func saveDraft(_ m: inout InterviewModel) -> [InterviewEffect] {
        apply(&m, Self.unsavedDrafts(m))
    }

    /// Whether a question's answer is typed (in the text editor).
    static func isTyped(_ q: Question) -> Bool {
        switch q.type {
        case .number, .date, .monthYear, .text: return true
        case .yesNo, .single, .multiple, .note: return false
        }
    }

    /// A confirmed answer as the editor shows it.
    static func editorText(_ a: AnswerValue?) -> String {
        switch a {
        case .number(let n)?: return AnswerValue.format(n)
        case .date(let d)?: return d.description
        case .text(let t)?: return t
        default: return ""
        }
    }

    private func scrollOrStep(_ m: inout InterviewModel, _ action: Action) -> [InterviewEffect] {
        switch action {
        case .moveUp: m.scroll = max(0, m.scroll - 1)
        case .moveDown: m.scroll = min(m.scroll + 1, maxScroll(m))
        case .next: return next(&m)
        case .back: return back(&m)
        default: break
        }
        return []
    }

    private func maxScroll(_ m: InterviewModel) -> Int {
        let frame = Frame(size: m.size)
        let body = InterviewView.body(m, width: frame.body.width)
        return max(0, body.lines.count - frame.body.height)
    }

    // MARK: Questions

    private func questionKey(_ m: inout InterviewModel, _ action: Action) -> [InterviewEffect] {
        guard let iv = m.interview, let q = iv.currentQuestion else { return [] }
        let options = InterviewView.optionIDs(q)
        switch action {
        case .back: return saveDraft(&m) + back(&m)
        case .dontKnow, .declined:
            let s: SpecialAnswer = action == .dontKnow ? .dontKnow : .declined
            guard q.special.contains(s) else {
                m.message = ScreenMessage(text: Words(m).issue(.specialNotOffered(s), q), isError: true)
                return []
            }
            m.choiceFocus = nil
            m.checked = []
            m.editor.apply(.clear)
            return answer(&m, .special(s), q)
        case .askPersona:
            guard case .practice(let persona) = m.mode else { return [] }
            guard let a = persona[q.id] else {
                m.message = ScreenMessage(text: Words(m).ui(.personaNone), isError: false)
                return []
            }
            let out = answer(&m, a, q)
            syncEditor(&m, force: true)
            m.message = ScreenMessage(text: Words(m).ui(.personaAnswer, ["answer": Words(m).advocate.answer(a, of: q)]), isError: false)
            return out
        case .moveUp:
            if q.type == .note { m.scroll = max(0, m.scroll - 1); return [] }
            if let f = m.choiceFocus, f > 0 { m.choiceFocus = f - 1 } else if m.choiceFocus == nil { m.choiceFocus = 0 } else { m.scroll = max(0, m.scroll - 1) }
            m.choiceTouched = true
        case .moveDown:
            if q.type == .note { m.scroll = min(m.scroll + 1, maxScroll(m)); return [] }
            if let f = m.choiceFocus {
                if f + 1 < options.count { m.choiceFocus = f + 1 } else { m.scroll = min(m.scroll + 1, maxScroll(m)) }
            } else { m.choiceFocus = 0 }
            m.choiceTouched = true
        case .select(let n):
            guard n >= 1, n <= options.count else { return [] }
            m.choiceFocus = n - 1
            m.choiceTouched = true
            if q.type == .multiple {
                toggle(&m, options[n - 1])
                return []
            }
            return answer(&m, .choice(options[n - 1]), q)
        case .toggle:
            guard q.type == .multiple else { return [] }
            let f = m.choiceFocus ?? 0
            m.choiceFocus = f
            m.choiceTouched = true
            toggle(&m, options[f])
        case .edit(let e):
            m.editor.apply(e, width: Frame(size: m.size).body.width)
            m.message = nil
            if m.editor.refused > 0, let max = m.editor.maxLength {
                m.message = ScreenMessage(text: Words(m).ui(.textFull, ["max": String(max)]), isError: true)
            }
        case .next:
            var out: [InterviewEffect] = []
            switch commitPending(&m, q) {
            case .failure(let issue):
                // Refused, and kept: the text stays on screen and is saved as a draft.
                let draft = saveDraft(&m)
                m.message = ScreenMessage(text: Words(m).issue(issue, q), isError: true)
                return draft
            case .success(let events): out = events
            }
            // Confirmed: what is on screen is the answer, so a draft that differed goes.
            if m.interview?.drafts[.answer(question: q.id)] != nil {
                out += apply(&m, [.drafted(field: .answer(question: q.id), text: nil)])
            }
            return out + next(&m)
        default: break
        }
        return []
    }

    private func toggle(_ m: inout InterviewModel, _ id: String) {
        if m.checked.contains(id) { m.checked.remove(id) } else { m.checked.insert(id) }
    }

    /// Records what is on screen but not yet answered: a moved choice
    /// highlight, changed checks, typed text.
    private func commitPending(_ m: inout InterviewModel, _ q: Question) -> Result<[InterviewEffect], ValidationIssue> {
        guard let iv = m.interview else { return .success([]) }
        let current = iv.answers[q.id]
        var value: AnswerValue?
        var clear = false
        switch q.type {
        case .note: return .success([])
        case .yesNo, .single:
            guard m.choiceTouched, let f = m.choiceFocus else { return .success([]) }
            value = .choice(InterviewView.optionIDs(q)[f])
        case .multiple:
            guard m.choiceTouched else { return .success([]) }
            if m.checked.isEmpty { clear = current != nil && current?.special == nil }
            else { value = .choices(Array(m.checked)) }
        case .number, .date, .monthYear, .text:
            let text = m.editor.text.trimmingWhitespace()
            if text.isEmpty {
                if let current, current.special == nil { clear = true }
            } else {
                switch Self.parse(text, for: q) {
                case .failure(let issue): return .failure(issue)
                case .success(let v): value = v
                }
            }
        }
        if clear { return .success(apply(&m, [.cleared(question: q.id)])) }
        guard let value else { return .success([]) }
        switch iv.answer(value, for: q.id) {
        case .failure(let issue): return .failure(issue)
        case .success(let events):
            if events.contains(where: { if case .answered(_, let v) = $0 { return v == current } else { return false } }) { return .success([]) }
            return .success(apply(&m, events))
        }
    }

    /// Typed text as an answer of the question's type.
    static func parse(_ text: String, for q: Question) -> Result<AnswerValue, ValidationIssue> {
        switch q.type {
        case .number:
            guard let n = Double(text.replacingOccurrences(of: ",", with: ".")), n.isFinite else { return .failure(.notANumber) }
            return .success(.number(n))
        case .date, .monthYear:
            guard let d = CalendarDate(parsing: text), (d.day == nil) == (q.type == .monthYear) else { return .failure(.invalidDate) }
            return .success(.date(d))
        default:
            return .success(.text(text))
        }
    }

    private func answer(_ m: inout InterviewModel, _ value: AnswerValue, _ q: Question) -> [InterviewEffect] {
        guard let iv = m.interview else { return [] }
        switch iv.answer(value, for: q.id) {
        case .failure(let issue):
            m.message = ScreenMessage(text: Words(m).issue(issue, q), isError: true)
            return []
        case .success(let events):
            m.message = nil
            if iv.answers[q.id] == value { return [] }
            return apply(&m, events)
        }
    }

    // MARK: Review and the end

    private func reviewKey(_ m: inout InterviewModel, _ action: Action) -> [InterviewEffect] {
        let items = InterviewView.reviewItems(m)
        switch action {
        case .moveUp: m.reviewFocus = max(0, m.reviewFocus - 1)
        case .moveDown: m.reviewFocus = min(items.count - 1, m.reviewFocus + 1)
        case .back: return back(&m)
        case .next:
            guard items.indices.contains(m.reviewFocus), let iv = m.interview else { return [] }
            guard let qid = items[m.reviewFocus] else { return next(&m) }
            let events = iv.jump(to: qid)
            if events.isEmpty {
                m.message = ScreenMessage(text: Words(m).ui(.reviewKeptNotUsed), isError: false)
                return []
            }
            return apply(&m, events)
        default: break
        }
        return []
    }

    private func finishedKey(_ m: inout InterviewModel, _ action: Action) -> [InterviewEffect] {
        guard let iv = m.interview else { return [] }
        switch action {
        case .moveUp: m.scroll = max(0, m.scroll - 1)
        case .moveDown: m.scroll = min(m.scroll + 1, maxScroll(m))
        case .back: return iv.isCompleted ? back(&m) : []
        case .next: m.overlay = QuitOverlay()
        case .export:
            guard iv.isCompleted else { return [] }
            return [.export(exportFiles(m))]
        default: break
        }
        return []
    }

    /// The summary in every format, named after the session (or the time).
    func exportFiles(_ m: InterviewModel) -> [ExportFile] {
        guard let iv = m.interview else { return [] }
        let tr = m.advocateTranslator
        let summary = m.summary(of: iv, in: tr)
        var stem = "summary-"
        if let id = m.sessionID { stem += String(id.prefix(8)) } else {
            var cal = Calendar(identifier: .gregorian)
            cal.timeZone = TimeZone(identifier: "UTC")!
            let c = cal.dateComponents([.year, .month, .day, .hour, .minute, .second], from: m.now)
            stem += String(format: "%04d%02d%02d-%02d%02d%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
        }
        return SummaryFormat.allCases.map { f in
            ExportFile(name: stem + "." + f.fileExtension, contents: summary.rendered(f, in: tr))
        }
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

    private func next(_ m: inout InterviewModel) -> [InterviewEffect] {
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

    private func back(_ m: inout InterviewModel) -> [InterviewEffect] {
        guard let iv = m.interview else { return [] }
        let events = iv.back()
        if events.isEmpty { return [] }
        return apply(&m, events)
    }

    private func move(_ m: inout InterviewModel, to p: InterviewPosition) -> [InterviewEffect] {
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
            syncEditor(&m)
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
        syncEditor(&m, force: true)
        return events.map { .record($0) }
    }

    /// Loads the answer widgets from the current question's answer, when
    /// the position changed (or `force`). What is being typed survives
    /// everything else: overlays, resizes, hiding.
    func syncEditor(_ m: inout InterviewModel, force: Bool = false) {
        guard let iv = m.interview else { return }
        guard force || m.editorPosition != iv.position else { return }
        m.editorPosition = iv.position
        m.scroll = 0
        m.choiceFocus = nil
        m.choiceTouched = false
        m.checked = []
        m.reviewFocus = 0
        guard let q = iv.currentQuestion else { m.editor = TextEditor(); return }
        let a = iv.answers[q.id]
        let options = InterviewView.optionIDs(q)
        switch a {
        case .choice(let c)?: m.choiceFocus = options.firstIndex(of: c)
        case .choices(let cs)?: m.checked = Set(cs); m.choiceFocus = cs.first.flatMap { options.firstIndex(of: $0) }
        default: break
        }
        let text = iv.drafts[.answer(question: q.id)] ?? Self.editorText(a)
        m.editor = TextEditor(text: text, multiline: q.type == .text && q.multiline,
                              maxLength: q.type == .text ? InterviewApp.textAnswerLimit : 40)
    }
}

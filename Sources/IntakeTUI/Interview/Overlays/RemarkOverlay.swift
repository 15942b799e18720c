import IntakeCore

/// Writing a remark on the current question, or (question nil) on the
/// whole interview. What is typed is kept as a draft when it is left.
struct RemarkOverlay: OverlayScreen {
    var question: String?
    var editor: TextEditor

    static let opener: Action? = .remark
    static func open(_ m: inout InterviewModel, _ app: InterviewApp) -> [InterviewEffect]? {
        guard m.stage == .interview, let iv = m.interview, !iv.isOver else { return nil }
        let draft = app.saveDraft(&m)
        m.overlay = RemarkOverlay(at: iv)
        return draft
    }

    init(question: String?, editor: TextEditor) {
        self.question = question
        self.editor = editor
    }

    /// The editor for the interview's position, with its draft when there is one.
    init(at iv: Interview) {
        var question: String?
        if case .question(let q) = iv.position { question = q }
        let confirmed = question.map { iv.remarks[$0] ?? "" } ?? iv.interviewRemark
        let text = iv.drafts[.remark(question: question)] ?? confirmed
        self.init(question: question, editor: TextEditor(text: text, multiline: true))
    }

    func keys(_ m: InterviewModel, scrolls: Bool) -> [KeyUse] { [.shown(.next), .shown(.back), .shown(.edit(.newline)), .unlisted(.remark), .unlisted(.quit)] }
    var keyContext: KeyContext { .multilineText }

    /// Every editing action, besides `keys`.
    func accepts(_ action: Action, keys: [KeyUse]) -> Bool {
        if case .edit = action { return true }
        return keys.contains { $0.action == action }
    }

    func title(_ m: InterviewModel, _ w: Words) -> String { w.ui(question == nil ? .remarkInterviewTitle : .remarkTitle) }
    func hint(_ m: InterviewModel, _ w: Words) -> String? { w.ui(.remarkHint) }

    func body(_ m: InterviewModel, _ w: Words, _ b: inout Body) {
        if let question, let q = m.interview?.questionnaire.question(question) {
            b.para(w.a(q.text), .muted)
            b.blank()
        }
        let v = editor.render(width: b.width - 4, height: 8)
        let start = b.lines.count
        let lines = v.lines.isEmpty ? [""] : v.lines
        for l in lines {
            b.lines.append(BodyLine(text: "  " + l + String(repeating: " ", count: max(0, b.width - 4 - DisplayWidth.of(l))), style: Style(underline: true)))
        }
        b.cursor = Point(row: start + v.cursor.row, col: 2 + v.cursor.col)
    }

    /// The confirmed remark this editor started from.
    func confirmed(in iv: Interview) -> String {
        question.map { iv.remarks[$0] ?? "" } ?? iv.interviewRemark
    }

    func update(_ action: Action, _ m: inout InterviewModel, _ app: InterviewApp) -> [InterviewEffect] {
        switch action {
        case .edit(let e):
            var changed = self
            changed.editor.apply(e, width: m.size.width - 4)
            m.overlay = changed
        case .next:
            m.overlay = nil
            let old = question.flatMap { m.interview?.remarks[$0] } ?? (question == nil ? m.interview?.interviewRemark : nil) ?? ""
            if editor.text != old { return app.apply(&m, [.remarked(question: question, text: editor.text)]) }
            // Confirmed unchanged: a draft that differed is dropped.
            if m.interview?.drafts[.remark(question: question)] != nil {
                return app.apply(&m, [.drafted(field: .remark(question: question), text: nil)])
            }
        case .quit:
            let draft = app.saveDraft(&m)
            m.overlay = QuitOverlay()
            return draft
        default:  // back, remark: leave, keeping what is typed as a draft
            let draft = app.saveDraft(&m)
            m.overlay = nil
            return draft
        }
        return []
    }
}


// The interface strings this file shows (key, English, translator note);
// `InterviewStrings.all` lists them for the PO template.
extension UIString {
    static let remarkTitle = UIString("screen/remark_title", "Remark on this question",
                                      note: "Title of the remark editor.")
    static let remarkInterviewTitle = UIString("screen/remark_interview_title", "Remark on the whole interview",
                                               note: "Title of the remark editor for the whole interview.")
    static let remarkHint = UIString("screen/remark_hint", "Enter saves, Page Up cancels, Ctrl-O starts a new line.",
                                     note: "Remark editor hint.")
}

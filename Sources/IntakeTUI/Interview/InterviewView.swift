import Synchronization
import Foundation
import IntakeCore

/// One line of a screen's body, already wrapped.
struct BodyLine: Hashable {
    var text: String
    var style: Style = .plain
    var indent: Int = 0
}

/// Laid-out paragraphs, by text and width: a key press redraws the whole
/// screen, but its paragraphs seldom change, and wrapping them again was the
/// largest part of a frame. Bounded; emptied when full.
final class LayoutCache: Sendable {
    struct Key: Hashable {
        var text: String
        var width: Int
        var align: Bool
        var reorders: Bool
    }
    static let shared = LayoutCache()
    static let capacity = 1024
    private let table = Mutex<[Key: [String]]>([:])

    func lines(for key: Key) -> [String]? { table.withLock { $0[key] } }

    func store(_ lines: [String], for key: Key) {
        table.withLock {
            if $0.count >= Self.capacity { $0.removeAll(keepingCapacity: true) }
            $0[key] = lines
        }
    }
}

/// A screen's body before scrolling: its lines, the line that must stay
/// visible (the highlighted option), and where the text cursor is.
struct Body {
    let width: Int
    /// Whether right-to-left text is put in visual order here (see `Bidi`);
    /// off when the terminal reorders by itself.
    let reordersRightToLeft: Bool
    var lines: [BodyLine] = []
    var focus: Int?
    var cursor: Point?

    init(width: Int, reordersRightToLeft: Bool = true) {
        self.width = width
        self.reordersRightToLeft = reordersRightToLeft
    }

    /// Wraps logically, then lays out each line: right-to-left text in
    /// visual order, and right-aligned when `align` is set.
    private func layout(_ text: String, width w: Int, align: Bool) -> [String] {
        let key = LayoutCache.Key(text: text, width: w, align: align, reorders: reordersRightToLeft)
        if let hit = LayoutCache.shared.lines(for: key) { return hit }
        let lines = Self.layout(text, width: w, align: align, reorders: reordersRightToLeft)
        LayoutCache.shared.store(lines, for: key)
        return lines
    }

    private static func layout(_ text: String, width w: Int, align: Bool, reorders reordersRightToLeft: Bool) -> [String] {
        let wrapped = Wrap.lines(Sanitize.multiLine(text), width: w)
        guard reordersRightToLeft, Bidi.containsRightToLeft(text) else { return wrapped }
        return wrapped.map { line in
            let visual = Bidi.visualLine(line)
            return align ? String(repeating: " ", count: max(0, w - DisplayWidth.of(visual))) + visual : visual
        }
    }

    /// Adds word-wrapped text. The last column stays free for the scroll marks.
    mutating func para(_ text: String, _ style: Style = .plain, indent: Int = 0) {
        let w = max(1, width - 1 - indent)
        for l in layout(text, width: w, align: true) { lines.append(BodyLine(text: l, style: style, indent: indent)) }
    }

    /// Adds wrapped text whose first line starts with `prefix` and the rest hang under it.
    mutating func hanging(_ prefix: String, _ text: String, _ style: Style = .plain, indent: Int = 0) {
        let pw = DisplayWidth.of(prefix)
        let w = max(1, width - 1 - indent - pw)
        for (i, l) in layout(text, width: w, align: false).enumerated() {
            lines.append(BodyLine(text: (i == 0 ? prefix : String(repeating: " ", count: pw)) + l, style: style, indent: indent))
        }
    }

    mutating func blank() { lines.append(BodyLine(text: "")) }
    var hasFallback: Bool { lines.contains { Words.isMarked($0.text) } }

    /// Draws the lines into `rect`, scrolled by `scroll` but keeping the
    /// focus and the cursor in view; arrows show that more is above or below.
    func draw(into grid: inout Grid, _ rect: Rect, scroll: Int) {
        let h = rect.height
        var top = 0
        if lines.count > h {
            top = min(max(0, scroll), lines.count - h)
            for keep in [focus, cursor?.row].compactMap({ $0 }) {
                if keep < top { top = keep } else if keep >= top + h { top = keep - h + 1 }
            }
        }
        for (i, line) in lines.dropFirst(top).prefix(h).enumerated() {
            grid.put(line.text, row: rect.row + i, col: rect.col + line.indent, width: rect.width - line.indent - 1, style: line.style)
        }
        if top > 0 { grid.put("↑", row: rect.row, col: rect.right - 1, style: .bold) }
        if top + h < lines.count { grid.put("↓", row: rect.bottom - 1, col: rect.right - 1, style: .bold) }
        if let c = cursor, c.row >= top, c.row < top + h {
            grid.cursor = Point(row: rect.row + c.row - top, col: rect.col + lines[c.row].indent + c.col)
        }
    }
}

/// The views of the interview app. Pure functions of the model.
enum InterviewView {
    /// `text` cut to `width` columns with a visible `…` when it does not fit.
    static func clip(_ text: String, _ width: Int) -> String {
        let t = Sanitize.singleLine(text)
        if DisplayWidth.of(t) <= width { return t }
        return Wrap.truncate(t, width: max(0, width - 1)) + "…"
    }

    static func optionIDs(_ q: Question) -> [String] {
        q.type == .yesNo ? ["yes", "no"] : q.options.map(\.id)
    }

    /// The review list: nil is "finish", then question ids.
    static func reviewItems(_ m: InterviewModel) -> [String?] {
        guard let iv = m.interview else { return [nil] }
        var out: [String?] = [nil]
        for q in iv.questionnaire.questions where q.takesAnswer {
            if iv.relevance.isRelevant(q.id) || iv.answers[q.id] != nil { out.append(q.id) }
        }
        return out
    }

    // MARK: - The whole screen

    static func view(_ app: InterviewApp, _ m: InterviewModel, size: Size) -> Grid {
        if m.hidden {
            let elapsed = m.hiddenSince.map { m.now.timeIntervalSince($0) } ?? 0
            return HideScreen.view(size: size, percent: HideScreen.percent(elapsedSeconds: elapsed))
        }
        guard Frame.fits(size) else { return Frame.enlargeScreen(size: size) }
        let w = Words(m)
        let frame = Frame(size: size)
        var body = self.body(m, width: frame.body.width)
        let context = app.keyContext(m)
        var message = m.message
        if case .failed(let reason) = m.saveState, m.mode.records {
            message = ScreenMessage(text: w.ui(.statusSaveFailed, ["reason": reason]), isError: true)
        }
        if message == nil, body.hasFallback { message = ScreenMessage(text: w.ui(.fallbackLegend), isError: false) }
        if message == nil, let hint = hint(m, w) { message = ScreenMessage(text: hint, isError: false) }
        if let text = message?.text, DisplayWidth.of(text) > frame.message.width {
            // Never cut a message silently: the whole of it goes under the body too.
            body.blank()
            body.para(text, message?.isError == true ? Style.warning : Style.muted)
            message?.text = clip(text, frame.message.width)
        }
        // A title line is short enough never to wrap: put it in visual order as a whole.
        let heading = title(m, w)
        let shownTitle = m.reordersRightToLeft ? Bidi.visualLine(heading) : heading
        var grid = Frame.screen(size: size, title: shownTitle, status: status(m, w),
                                message: message?.text ?? "", messageStyle: message?.isError == true ? .warning : .muted,
                                footer: footer(app, m, w, context: context)) { grid, rect in
            body.draw(into: &grid, rect, scroll: m.overlay?.scroll ?? m.scroll)
        }
        if body.cursor == nil { grid.cursor = nil }
        return grid
    }

    static func title(_ m: InterviewModel, _ w: Words) -> String {
        if let overlay = m.overlay { return overlay.title(w) }
        switch m.stage {
        case .start: return w.ui(.startTitle)
        case .notice: return w.ui(.changedTitle)
        case .interview: break
        }
        guard let iv = m.interview else { return "" }
        switch iv.position {
        case .review: return w.ui(.reviewTitle)
        case .finished: return iv.isCompleted ? w.ui(.summaryTitle) : w.ui(.endedTitle)
        default:
            if let s = iv.currentSection { return w.q(s.title) }
            return w.q(iv.questionnaire.title)
        }
    }

    static func status(_ m: InterviewModel, _ w: Words) -> String {
        var parts: [String] = []
        switch m.mode {
        case .interview:
            if m.stage != .start {
                switch m.saveState {
                case .saved:
                    // "Saved" only when the text typed on screen is saved too.
                    parts.append(w.ui(InterviewApp.unsavedDrafts(m).isEmpty ? .statusSaved : .statusTypingNotSaved))
                case .saving: parts.append(w.ui(.statusSaving))
                case .failed: parts.append(w.ui(.statusNotSaved))
                }
            }
        case .ephemeral: parts.append(w.ui(.statusEphemeral))
        case .preview: parts.append(w.ui(.statusPreview))
        case .demo: parts.append(w.ui(.statusDemo))
        case .practice: parts.append(w.ui(.statusPractice))
        }
        if m.usesDraft && m.stage != .start { parts.append(w.ui(.draftShort)) }
        return parts.joined(separator: " · ")
    }

    static func hint(_ m: InterviewModel, _ w: Words) -> String? {
        if let overlay = m.overlay { return overlay.hint(w) }
        switch m.stage {
        case .start: return w.ui(.startHint)
        case .notice: return w.ui(.changedHint)
        case .interview: break
        }
        guard let iv = m.interview else { return nil }
        switch iv.position {
        case .review: return w.ui(.reviewHint)
        case .finished: return iv.isCompleted ? w.ui(.summaryScreenHint) : nil
        case .question:
            guard let q = iv.currentQuestion else { return nil }
            switch q.type {
            case .multiple: return w.ui(.hintMultiple)
            case .text: return w.ui(q.multiline ? .hintMultiline : .hintText)
            default: return nil
            }
        default: return nil
        }
    }

    /// The footer: the keys that work on this screen now, labelled in the advocate's language.
    static func footer(_ app: InterviewApp, _ m: InterviewModel, _ w: Words, context: KeyContext) -> [FooterItem] {
        // A short list rather than a Set: built on every frame, and hashing actions cost more than scanning a dozen.
        var allowed: [Action]
        if let overlay = m.overlay {
            allowed = overlay.footerActions
        } else if m.stage != .interview {
            allowed = [.next, .moveUp, .moveDown, .help, .quickHide, .quit]
        } else if let iv = m.interview {
            let common: [Action] = [.help, .quickHide, .quit]
            let running: [Action] = [.pause, .remark, .review, .switchLanguage, .toggleGuidance]
            switch iv.position {
            case .finished:
                allowed = common + [.moveUp, .moveDown]
                if iv.isCompleted { allowed += [.export, .back] }
            case .review:
                allowed = common + running.filter { $0 != .review } + [.next, .back, .moveUp, .moveDown]
            case .question:
                allowed = common + running + [.next, .edit(.newline)]
                if iv.back().isEmpty == false { allowed.append(.back) }
                if let q = iv.currentQuestion {
                    if q.special.contains(.dontKnow) { allowed.append(.dontKnow) }
                    if q.special.contains(.declined) { allowed.append(.declined) }
                    if q.type == .multiple { allowed.append(.toggle) }
                    if q.type.hasOptions || q.type == .note { allowed += [.moveUp, .moveDown] }
                }
            default:
                allowed = common + running + [.next, .moveUp, .moveDown]
                if !iv.back().isEmpty { allowed.append(.back) }
            }
            if m.mode.isTraining { allowed.append(.explain) }
            if case .practice = m.mode { allowed.append(.askPersona) }
        } else {
            allowed = [.quickHide]
        }
        return app.keyMap.footer(for: context) { allowed.contains($0) }.map { item in
            var i = item
            i.label = w.label(item.action) ?? item.label
            return i
        }
    }

    // MARK: - Bodies

    static func body(_ m: InterviewModel, width: Int) -> Body {
        let w = Words(m)
        var b = Body(width: width, reordersRightToLeft: m.reordersRightToLeft)
        if let overlay = m.overlay {
            overlay.body(m, w, &b)
            return b
        }
        switch m.stage {
        case .start: StartScreen.body(m, w, &b)
        case .notice(let n):
            b.para(w.ui(.changedText, ["old": n.oldVersion, "new": n.newVersion, "carried": String(n.carriedOver)]))
            if !n.dropped.isEmpty {
                b.blank()
                b.para(w.ui(.changedDropped, ["list": n.dropped.joined(separator: ", ")]), .warning)
            }
        case .interview:
            guard let iv = m.interview else { break }
            switch iv.position {
            case .intro: introBody(m, iv, w, &b)
            case .sectionIntro(let id): sectionBody(m, iv, id, w, &b)
            case .question: questionBody(m, iv, w, &b)
            case .review: reviewBody(m, iv, w, &b)
            case .finished: iv.isCompleted ? summaryBody(m, iv, w, &b) : endedBody(m, iv, w, &b)
            }
        }
        return b
    }

    static func languageName(_ m: InterviewModel, _ i: Int, _ w: Words) -> String {
        let tag = m.languages[i].tag
        var name = tag
        let native = LanguageTag.endonym(tag)
        if native != tag { name = "\(tag) (\(native))" }
        return m.languages[i].isDraft ? w.ui(.languageDraft, ["language": name]) : name
    }

    static func row(_ b: inout Body, _ text: String, focused: Bool) {
        if focused { b.focus = b.lines.count }
        b.hanging(focused ? "› " : "  ", text, focused ? Style(bold: true, reverse: true) : .plain)
    }

    private static func dual(_ m: InterviewModel, _ iv: Interview, _ w: Words, _ s: SourceText?, _ b: inout Body, indent: Int = 2) {
        guard let s, m.showDual, iv.intervieweeLanguage != iv.advocateLanguage else { return }
        let other = w.a(s)
        if Words.unmarked(other) == Words.unmarked(w.q(s)) { return }
        b.para(other, .muted, indent: indent)
    }

    private static func introBody(_ m: InterviewModel, _ iv: Interview, _ w: Words, _ b: inout Body) {
        let q = iv.questionnaire
        b.para(w.q(q.title), .bold)
        dual(m, iv, w, q.title, &b)
        b.blank()
        if let intro = q.intro {
            b.para(w.q(intro))
            dual(m, iv, w, intro, &b)
        }
    }

    private static func sectionBody(_ m: InterviewModel, _ iv: Interview, _ id: String, _ w: Words, _ b: inout Body) {
        guard let s = iv.questionnaire.section(id) else { return }
        if let n = iv.positionNumbers {
            b.para(w.ui(.sectionProgress, ["section": String(n.section), "sections": String(n.sections)]), .muted)
            b.blank()
        }
        b.para(w.q(s.title), .bold)
        dual(m, iv, w, s.title, &b)
        if let intro = s.intro {
            b.blank()
            b.para(w.q(intro))
            dual(m, iv, w, intro, &b)
        }
        if let note = s.contentNote {
            b.blank()
            b.para("▲ " + w.ui(.contentNote), .warning)
            b.para(w.q(note), Style(color: .warning), indent: 2)
            dual(m, iv, w, note, &b, indent: 4)
        }
    }

    private static func questionBody(_ m: InterviewModel, _ iv: Interview, _ w: Words, _ b: inout Body) {
        guard let q = iv.currentQuestion else { return }
        if let n = iv.positionNumbers {
            b.para(w.ui(.progress, ["section": String(n.section), "sections": String(n.sections),
                                     "question": String(n.question), "questions": String(n.questions)]), .muted)
            b.blank()
        }
        b.para(w.q(q.text), .bold)
        dual(m, iv, w, q.text, &b)
        b.blank()
        let answer = iv.answers[q.id]
        let showDualOptions = m.showDual && iv.intervieweeLanguage != iv.advocateLanguage
        switch q.type {
        case .yesNo, .single, .multiple:
            for (i, id) in optionIDs(q).enumerated() {
                let focused = m.choiceFocus == i
                let mark: String
                if q.type == .multiple { mark = m.checked.contains(id) ? "[x]" : "[ ]" }
                else { mark = answer == .choice(id) ? "(•)" : "( )" }
                var text = w.option(id, of: q)
                if showDualOptions {
                    let other = w.option(id, of: q, advocateSide: true)
                    if Words.unmarked(other) != Words.unmarked(text) { text += "  · " + other }
                }
                if focused { b.focus = b.lines.count }
                let number = i < 9 ? "\(i + 1)." : "  "
                b.hanging("\(focused ? "›" : " ") \(number) \(mark) ", text, focused ? Style(bold: true, reverse: true) : .plain)
            }
        case .number, .date, .monthYear, .text:
            let fieldWidth = b.width - 4
            let lines: [String]
            let cursor: Point
            if m.editor.multiline {
                let v = m.editor.render(width: fieldWidth, height: 5)
                lines = v.lines.isEmpty ? [""] : v.lines
                cursor = v.cursor
            } else {
                let v = m.editor.render(width: fieldWidth)
                lines = v.lines
                cursor = v.cursor
            }
            let start = b.lines.count
            for (i, l) in lines.enumerated() {
                let pad = String(repeating: " ", count: max(0, fieldWidth - DisplayWidth.of(l)))
                b.lines.append(BodyLine(text: (i == 0 ? "› " : "  ") + l + pad, style: Style(underline: true), indent: 0))
            }
            b.cursor = Point(row: start + cursor.row, col: 2 + cursor.col)
            var formatHint: String?
            switch q.type {
            case .date: formatHint = w.ui(.hintDate)
            case .monthYear: formatHint = w.ui(.hintMonth)
            case .number:
                if let lo = q.min, let hi = q.max { formatHint = w.ui(.hintNumberRange, ["min": AnswerValue.format(lo), "max": AnswerValue.format(hi)]) }
                else { formatHint = w.ui(.hintNumber) }
            default: break
            }
            if let formatHint { b.para(formatHint, .muted, indent: 2) }
            if q.type == .text, let max = m.editor.maxLength, m.editor.characters.count >= max * 9 / 10 {
                let count = m.editor.characters.count
                b.para(w.ui(.textLength, ["count": String(count), "max": String(max)]),
                       count >= max ? .warning : .muted, indent: 2)
            }
        case .note:
            break
        }
        if let special = answer?.special {
            b.blank()
            b.para(w.ui(.chosenAnswer, ["answer": w.ui(special == .dontKnow ? .dontKnow : .declined)]), Style(bold: true, color: .accent))
        }
        if let r = iv.remarks[q.id] {
            b.blank()
            b.para(w.ui(.remarkShown, ["text": r]), .muted)
        }
        if m.showGuidance, let g = q.guidance {
            b.blank()
            b.para("▌ " + w.ui(.forAdvocate), Style(bold: true, color: .accent))
            b.para(w.a(g), .muted, indent: 2)
        }
        if m.mode.isTraining && m.showExplain {
            b.blank()
            b.para(w.ui(.explainTitle), Style(bold: true, underline: true))
            let raised = iv.score().indicators.filter { r in
                r.indicator.questionID == q.id || r.evidence.contains { $0.questionID == q.id }
            }
            if raised.isEmpty { b.para(w.ui(.explainNone), .muted, indent: 2) }
            for r in raised {
                let domain = iv.questionnaire.domain(r.indicator.domain).map { w.a($0.title) } ?? r.indicator.domain
                b.para(w.ui(.explainIndicator, ["id": r.indicator.id, "strength": strength(r.indicator.strength, w), "domain": domain]), .plain, indent: 2)
                if let why = r.indicator.why { b.para(w.a(why), .muted, indent: 4) }
            }
        }
    }

    private static func strength(_ s: Strength, _ w: Words) -> String {
        switch s {
        case .strong: return w.ui(.strengthStrong)
        case .medium: return w.ui(.strengthMedium)
        case .weak: return w.ui(.strengthWeak)
        }
    }

    private static func reviewBody(_ m: InterviewModel, _ iv: Interview, _ w: Words, _ b: inout Body) {
        if !iv.interviewRemark.isEmpty {
            b.para(w.ui(.reviewInterviewRemark, ["text": iv.interviewRemark]), .muted)
            b.blank()
        }
        let idWidth = min(22, (iv.questionnaire.questions.map { $0.id.count }.max() ?? 10) + 1)
        let textWidth = max(10, (b.width - 1 - 2 - idWidth) / 2)
        let answerWidth = b.width - 1 - 2 - idWidth - textWidth - 2
        for (i, item) in reviewItems(m).enumerated() {
            let focused = m.reviewFocus == i
            let prefix = focused ? "› " : "  "
            if focused { b.focus = b.lines.count }
            guard let qid = item, let q = iv.questionnaire.question(qid) else {
                b.lines.append(BodyLine(text: prefix + w.ui(.reviewFinish), style: focused ? Style(bold: true, reverse: true) : .bold))
                b.blank()
                continue
            }
            let relevant = iv.relevance.isRelevant(qid)
            var answer: String
            if let a = iv.answers[qid] { answer = w.answer(a, of: q) } else { answer = "— " + w.ui(.reviewNotAnswered) }
            if !relevant { answer += " (" + w.ui(.reviewKeptNotUsed) + ")" }
            let idCol = clip(qid, idWidth - 1)
            let text = clip(w.a(q.text), textWidth)
            var line = prefix + idCol + String(repeating: " ", count: max(1, idWidth - DisplayWidth.of(idCol)))
            line += text + String(repeating: " ", count: max(0, textWidth - DisplayWidth.of(text))) + "  "
            line += clip(answer, answerWidth)
            let style: Style = focused ? Style(bold: true, reverse: true) : (relevant ? .plain : Style(dim: true, color: .muted))
            b.lines.append(BodyLine(text: line, style: style))
        }
    }

    private static func summaryBody(_ m: InterviewModel, _ iv: Interview, _ w: Words, _ b: inout Body) {
        if case .practice(let persona) = m.mode {
            // The trainee's screening beside the persona's full story.
            let c = PracticeComparison.compare(questionnaire: iv.questionnaire, trainee: iv.answers,
                                               persona: persona, language: iv.intervieweeLanguage)
            b.para(w.ui(.practiceTitle), Style(bold: true, underline: true))
            for line in c.report(questionnaire: iv.questionnaire, in: w.advocate) {
                let style: Style = line.isWarning ? Style(bold: true, color: .warning) : .plain
                if line.text.isEmpty { b.blank() } else { b.para(line.text, style) }
            }
            b.blank()
        }
        if m.mode.isTraining && m.showExplain { explainSummary(iv, w, &b) }
        let summary = m.summary(of: iv, in: w.advocate)
        // Laid out at the body's width, so no line is wrapped a second time.
        let lines = summary.textLines(in: w.advocate, width: b.width - 1)  // `para` keeps the last column free
        for line in lines {
            if line.text.isEmpty { b.blank() } else { b.para(line.text, line.isRule ? .muted : .plain) }
        }
        // The text format ends in a newline: a last, empty line.
        b.blank()
    }

    private static func explainSummary(_ iv: Interview, _ w: Words, _ b: inout Body) {
        let score = iv.score()
        let result = w.ui(.result(score.result))
        b.para(w.ui(.explainTitle), Style(bold: true, underline: true))
        b.para(w.ui(.explainResult, ["result": result]), .bold)
        for d in score.domains where d.positive || !d.indicators.isEmpty {
            b.para((d.positive ? "✓ " : "  ") + w.ui(.explainDomain, ["domain": w.a(d.domain.title), "strong": String(d.tally.strong),
                                                                      "medium": String(d.tally.medium), "weak": String(d.tally.weak)]), indent: 2)
            for r in d.indicators {
                let answers = r.evidence.map { e in "\(e.questionID) = \(iv.questionnaire.question(e.questionID).map { w.answer(e.answer, of: $0) } ?? e.answer.plainDescription)" }
                b.para("\(r.indicator.id) (\(strength(r.indicator.strength, w))) ← " + answers.joined(separator: ", "), .muted, indent: 6)
            }
        }
        for o in score.overrides {
            b.para(w.ui(.explainOverride, ["id": o.override.id, "reason": w.a(o.override.reason)]), .plain, indent: 2)
        }
        b.blank()
    }

    private static func endedBody(_ m: InterviewModel, _ iv: Interview, _ w: Words, _ b: inout Body) {
        let q = iv.endedByQuestion.flatMap { iv.questionnaire.question($0) }
        if let message = q?.endMessage ?? iv.questionnaire.endMessage {
            b.para(w.q(message))
            dual(m, iv, w, message, &b)
            b.blank()
        }
        if !iv.questionnaire.resources.isEmpty {
            b.para(w.ui(.endedResources), .bold)
            b.blank()
            for r in iv.questionnaire.resources {
                b.hanging("• ", w.q(r.title), .bold)
                b.para(w.q(r.text), .plain, indent: 2)
            }
        }
        if m.endedAtConsent && m.mode.records {
            b.blank()
            b.para(w.ui(.endedNothingStored), .muted)
        }
    }
}

extension InterviewApp {
    public func view(_ m: InterviewModel, size: Size) -> Grid {
        InterviewView.view(self, m, size: size)
    }
}

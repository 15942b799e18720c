import Foundation
import IntakeCore

// A question: choosing options, typing an answer, "don't know" and
// "prefers not to answer", the persona's answer in practice.

extension InterviewApp {
    func questionKey(_ m: inout InterviewModel, _ action: Action) -> [InterviewEffect] {
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

    func toggle(_ m: inout InterviewModel, _ id: String) {
        if m.checked.contains(id) { m.checked.remove(id) } else { m.checked.insert(id) }
    }

    /// Records what is on screen but not yet answered: a moved choice
    /// highlight, changed checks, typed text.
    func commitPending(_ m: inout InterviewModel, _ q: Question) -> Result<[InterviewEffect], ValidationIssue> {
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

    func answer(_ m: inout InterviewModel, _ value: AnswerValue, _ q: Question) -> [InterviewEffect] {
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
}

extension InterviewView {
    /// The actions its footer offers: the special answers the question
    /// allows, checking on a multiple choice, moving where there are options.
    static func questionFooter(_ iv: Interview) -> [Action] {
        var allowed = commonActions + runningActions + [.next, .edit(.newline)]
        if iv.back().isEmpty == false { allowed.append(.back) }
        if let q = iv.currentQuestion {
            if q.special.contains(.dontKnow) { allowed.append(.dontKnow) }
            if q.special.contains(.declined) { allowed.append(.declined) }
            if q.type == .multiple { allowed.append(.toggle) }
            if q.type.hasOptions || q.type == .note { allowed += [.moveUp, .moveDown] }
        }
        return allowed
    }

    static func questionBody(_ m: InterviewModel, _ iv: Interview, _ w: Words, _ b: inout Body) {
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
}

import Foundation
import IntakeCore

/// One line of a screen's body, already wrapped.
struct BodyLine: Hashable {
    var text: String
    var style: Style = .plain
    var indent: Int = 0
}

/// What a paragraph is laid out for: its text, the width, and how.
struct LayoutKey: Hashable, Sendable {
    var text: String
    var width: Int
    var align: Bool
    var reorders: Bool
}

/// Laid-out paragraphs, by text and width: a key press redraws the whole
/// screen, but its paragraphs seldom change, and wrapping them again was the
/// largest part of a frame.
typealias LayoutCache = BoundedCache<LayoutKey, [String]>

extension BoundedCache where Key == LayoutKey, Value == [String] {
    convenience init() { self.init(capacity: 1024) }
}

/// What a footer offers: the actions, where, and in which language. The
/// languages of a run, each with its translation, are fixed when its model
/// is made, so within one app (one run) the tag names the labels.
struct FooterKey: Hashable, Sendable {
    var actions: [Action]
    var context: KeyContext
    var language: String
}

/// Footers by what they offer: building one (the key table filtered, each
/// label translated) cost as much as drawing it.
typealias FooterCache = BoundedCache<FooterKey, [FooterItem]>

extension BoundedCache where Key == FooterKey, Value == [FooterItem] {
    convenience init() { self.init(capacity: 256) }
}

/// A screen's body before scrolling: its lines, the line that must stay
/// visible (the highlighted option), and where the text cursor is.
struct Body {
    let width: Int
    /// Whether right-to-left text is put in visual order here (see `Bidi`);
    /// off when the terminal reorders by itself.
    let reordersRightToLeft: Bool
    /// Paragraphs laid out before, if a cache is given.
    let cache: LayoutCache?
    /// The parts of a question's body laid out for the last frame, if a
    /// memo is given (see `BodyMemo`).
    let memo: BodyMemo?
    var lines: [BodyLine] = []
    var focus: Int?
    var cursor: Point?

    init(width: Int, reordersRightToLeft: Bool = true, cache: LayoutCache? = nil, memo: BodyMemo? = nil) {
        self.width = width
        self.reordersRightToLeft = reordersRightToLeft
        self.cache = cache
        self.memo = memo
    }

    /// An empty body laid out as this one is.
    func empty() -> Body {
        Body(width: width, reordersRightToLeft: reordersRightToLeft, cache: cache, memo: memo)
    }

    /// Wraps logically, then lays out each line: right-to-left text in
    /// visual order, and right-aligned when `align` is set.
    private func layout(_ text: String, width w: Int, align: Bool) -> [String] {
        let make = { Self.layout(text, width: w, align: align, reorders: reordersRightToLeft) }
        return cache?.value(for: LayoutKey(text: text, width: w, align: align, reorders: reordersRightToLeft), make: make) ?? make()
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

    // MARK: - The whole screen

    static func view(_ app: InterviewApp, _ m: InterviewModel, size: Size, layout: InterviewLayout) -> Grid {
        if let hiding = m.hiding { return hiding.view(m, size: size) }
        guard Frame.fits(size) else { return Frame.enlargeScreen(size: size) }
        let w = Words(m)
        let frame = Frame(size: size)
        var body = layout.body
        let component = m.component
        var message = m.message
        if case .failed(let reason) = m.saveState, m.mode.records {
            message = ScreenMessage(text: w.ui(.statusSaveFailed, ["reason": reason]), isError: true)
        }
        if message == nil, body.hasFallback { message = ScreenMessage(text: w.ui(.fallbackLegend), isError: false) }
        if message == nil, let hint = component.hint(m, w) { message = ScreenMessage(text: hint, isError: false) }
        if let text = message?.text, DisplayWidth.of(text) > frame.message.width {
            // Never cut a message silently: the whole of it goes under the body too.
            body.blank()
            body.para(text, message?.isError == true ? Style.warning : Style.muted)
            message?.text = clip(text, frame.message.width)
        }
        // A title line is short enough never to wrap: put it in visual order as a whole.
        let heading = component.title(m, w)
        let shownTitle = m.reordersRightToLeft ? Bidi.visualLine(heading) : heading
        var grid = Frame.screen(size: size, title: shownTitle, status: status(m, w),
                                message: message?.text ?? "", messageStyle: message?.isError == true ? .warning : .muted,
                                footer: footer(app, m, w, keys: layout.keys), rows: app.rowCache) { grid, rect in
            body.draw(into: &grid, rect, scroll: component.scroll)
        }
        if body.cursor == nil { grid.cursor = nil }
        return grid
    }

    /// The title of the screens inside a section: the section's, or the questionnaire's.
    static func sectionTitle(_ m: InterviewModel, _ w: Words) -> String {
        // Read in place: `guard let iv = m.interview` copied the whole
        // interview, every frame, for a title.
        if let s = m.interview?.currentSection { return w.q(s.title) }
        if let t = m.interview?.questionnaire.title { return w.q(t) }
        return ""
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

    /// The footer: the keys that work on this screen now (the shown
    /// actions of the component that has the keyboard), labelled in the
    /// advocate's language.
    static func footer(_ app: InterviewApp, _ m: InterviewModel, _ w: Words, keys: [KeyUse]) -> [FooterItem] {
        // A short list rather than a Set: built on every frame, and hashing actions cost more than scanning a dozen.
        // Quick hide is on every screen.
        let allowed = keys.filter(\.inFooter).map(\.action) + [.quickHide]
        let context = app.keyContext(m)
        return app.footerCache.value(for: FooterKey(actions: allowed, context: context, language: w.advocate.language)) {
            app.keyMap.footer(for: context) { allowed.contains($0) }.map { item in
                var i = item
                i.label = w.label(item.action) ?? item.label
                return i
            }
        }
    }

    // MARK: - Bodies

    static func body(_ m: InterviewModel, width: Int, cache: LayoutCache? = nil, memo: BodyMemo? = nil) -> Body {
        let w = Words(m)
        var b = Body(width: width, reordersRightToLeft: m.reordersRightToLeft, cache: cache, memo: memo)
        m.component.body(m, w, &b)
        return b
    }

    static func languageName(_ m: InterviewModel, _ i: Int, _ w: Words) -> String {
        let tag = m.languages[i].tag
        var name = tag
        let native = LanguageTag.endonym(tag)
        if native != tag { name = "\(tag) (\(native))" }
        return m.languages[i].isDraft ? w.ui(.languageDraft, ["language": name]) : name
    }

    /// The warning that a chosen language (indices into `languages`) is an unreviewed draft.
    static func draftNotice(_ m: InterviewModel, _ chosen: [Int], _ w: Words, _ b: inout Body) {
        guard chosen.contains(where: { m.languages[$0].isDraft }) else { return }
        b.para(w.ui(.draftNotice), .warning)
        b.blank()
    }

    static func row(_ b: inout Body, _ text: String, focused: Bool) {
        if focused { b.focus = b.lines.count }
        b.hanging(focused ? "› " : "  ", text, focused ? Style(bold: true, reverse: true) : .plain)
    }

    static func strength(_ s: Strength, _ w: Words) -> String {
        switch s {
        case .strong: return w.ui(.strengthStrong)
        case .medium: return w.ui(.strengthMedium)
        case .weak: return w.ui(.strengthWeak)
        }
    }

    static func dual(_ m: InterviewModel, _ iv: Interview, _ w: Words, _ s: SourceText?, _ b: inout Body, indent: Int = 2) {
        guard let s, m.showDual, iv.intervieweeLanguage != iv.advocateLanguage else { return }
        let other = w.a(s)
        if Words.unmarked(other) == Words.unmarked(w.q(s)) { return }
        b.para(other, .muted, indent: indent)
    }
}

/// The layout of an interview screen (see `App.Layout`).
public struct InterviewLayout {
    let frame: Frame
    /// The body, laid out at the frame's width, before scrolling.
    let body: Body
    /// What the component with the keyboard acts on (its `keys`, knowing
    /// whether the body scrolls): computed once for the footer of this
    /// frame and the next key's `update`.
    let keys: [KeyUse]
}

extension InterviewApp {
    public func view(_ m: InterviewModel, layout: InterviewLayout, size: Size) -> Grid {
        InterviewView.view(self, m, size: size, layout: layout)
    }

    /// `view` with a layout of its own: for a frame outside the run loop.
    public func view(_ m: InterviewModel, size: Size) -> Grid {
        view(m, layout: layout(m, size: size), size: size)
    }
}


// The interface strings this file shows (key, English, translator note);
// `InterviewStrings.all` lists them for the PO template.
extension UIString {
    static let languageDraft = UIString("screen/language_draft", "{language} (draft)",
                                        note: "A language whose translation has not been reviewed yet.")
    static let draftNotice = UIString("screen/draft_notice", "Draft translation: not yet reviewed by a qualified translator",
                                      note: "Shown when a chosen translation is a draft.")
    static let draftShort = UIString("screen/draft_short", "Draft translation",
                                     note: "Short form of the draft notice, in the status line.")
    static let statusSaved = UIString("screen/status_saved", "Saved", note: "Status line: every answer is saved.")
    static let statusSaving = UIString("screen/status_saving", "Saving…", note: "Status line: an answer is being saved.")
    static let statusSaveFailed = UIString("screen/status_save_failed", "Saving failed: {reason} — kept in memory, retrying",
                                           note: "Message when saving failed; {reason} says why.")
    static let statusNotSaved = UIString("screen/status_not_saved", "Not saved", note: "Status line while saving fails.")
    static let statusTypingNotSaved = UIString("screen/status_typing_not_saved", "Typed text not saved yet",
                                               note: "Status line: text is being typed (an answer or a remark) and is saved when the advocate leaves it or confirms it.")
    static let statusEphemeral = UIString("screen/status_ephemeral", "Not recording (ephemeral)",
                                          note: "Status line when nothing is written to disk.")
    static let statusDemo = UIString("screen/status_demo", "Demo",
                                     note: "Status line in the trainer's demonstration mode.")
    static let statusPractice = UIString("screen/status_practice", "Practice",
                                         note: "Status line in the trainee's practice mode.")
    static let statusPreview = UIString("screen/status_preview", "Preview",
                                        note: "Status line in the translator's preview mode.")
    static let fallbackLegend = UIString("screen/fallback_legend", "° not yet translated",
                                         note: "Explains the ° mark after text shown in the source language. Keep the ° sign.")
    static let moreBelow = UIString("screen/more_below", "More below: Down or Page Down",
                                    note: "Shown when text continues below the screen.")
}

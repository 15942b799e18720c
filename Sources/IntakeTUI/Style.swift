/// A small semantic palette. Screens say what a piece of text *is*; the
/// terminal backend decides how to show it (a colour, or on a monochrome
/// terminal and under `NO_COLOR`, an attribute).
public enum SemanticColor: Int, Hashable, Sendable, CaseIterable {
    case normal
    /// Highlights and the current selection.
    case accent
    /// Things to notice: a content note, an unanswered required question.
    case warning
    /// Safety-relevant text: an indicator of immediate danger.
    case danger
    /// Secondary text: guidance, hints, the source-language original.
    case muted
}

/// How a cell is drawn.
public struct Style: Hashable, Sendable {
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool
    public var color: SemanticColor

    public init(bold: Bool = false, dim: Bool = false, reverse: Bool = false,
                underline: Bool = false, color: SemanticColor = .normal) {
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
        self.color = color
    }

    public static let plain = Style()
    public static let bold = Style(bold: true)
    public static let reverse = Style(reverse: true)
    public static let accent = Style(color: .accent)
    public static let warning = Style(bold: true, color: .warning)
    public static let danger = Style(bold: true, color: .danger)
    public static let muted = Style(color: .muted)
}

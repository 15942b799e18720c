/// An editing command for `TextEditor`.
public enum EditorAction: Hashable, Sendable {
    /// Insert typed or pasted text (sanitized by the editor).
    case insert(String)
    case newline
    case left, right, up, down
    case home, end
    case wordLeft, wordRight
    case backspace, delete
    /// Remove all text.
    case clear
}

import Foundation
import IntakeTUI

/// Sensitive text goes to a file or a pipe as is; on a terminal it is shown
/// in a full-screen pager that clears itself, so nothing stays in the
/// scrollback.
public enum SensitiveOutput {
    public static func show(_ text: String, title: String) throws {
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            print(text, terminator: "")
            return
        }
        do {
            try PagerApp.show(title: title, text: text)
        } catch {
            printError("intake: cannot open the terminal (\(error)); redirect the output to a file to read it")
            throw Failure.failed
        }
    }
}

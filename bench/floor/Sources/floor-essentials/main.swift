// The least a Swift program does to draw a screen like intake's first one:
// ncurses, 24 lines of text, one refresh, exit. With FoundationEssentials only: the data folder
// listed and the start of each file read, as intake does before its first frame.
import CCurses
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

setlocale(LC_ALL, "")
let base = URL(fileURLWithPath: CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : ".")
var bytes = 0
for folder in ["questionnaires", "locales"] {
    let dir = base.appending(path: folder, directoryHint: .isDirectory)
    for name in ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted() {
        let url = dir.appending(path: name, directoryHint: .notDirectory)
        let fd = open(url.path, O_RDONLY); if fd >= 0 { var buf = [UInt8](repeating: 0, count: 16384); bytes += read(fd, &buf, 16384); close(fd) }
    }
}
guard let screen = newterm(nil, stdout, stdin) else { exit(1) }
set_term(screen)
endwin()
raw(); noecho(); nonl()
let w = stdscr
var lines: [String] = [" Start a screening                                    Not recording (ephemeral) "]
lines += ["", "    Questionnaire: Work and safety screening", "    Interviewee's language: en (English)",
          "    Advocate's language: en (English)", "", "  › Start a new interview", "    Practice with a persona"]
for i in 0..<12 { lines.append("    line \(i) of the start screen, with some words on it") }
lines.append("\(bytes) bytes of headers read")
lines.append("────────────────────────────────────────────────────────────────────────────────")
lines.append(" [Enter] Start  [↑↓] Choose  [F1] Help  [F10] Quit  [Esc] Hide")
for (i, l) in lines.enumerated() { mvwaddstr(w, Int32(i), 0, l) }
wrefresh(w)
endwin()

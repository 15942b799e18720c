// What each floor program draws: a screen like intake's first one, through
// ncurses as intake drives it (left once at start, so that the frame goes
// out in one write), then the end. No Foundation here.
import CCurses
#if canImport(Glibc)
import Glibc
#endif

public func drawFirstScreen(note: String) {
    guard let screen = newterm(nil, stdout, stdin) else { exit(1) }
    set_term(screen)
    endwin()
    raw(); noecho(); nonl()
    let w = stdscr
    var lines: [String] = [" Start a screening                                    Not recording (ephemeral) "]
    lines += ["", "    Questionnaire: Work and safety screening", "    Interviewee's language: en (English)",
              "    Advocate's language: en (English)", "", "  › Start a new interview", "    Practice with a persona"]
    for i in 0..<12 { lines.append("    line \(i) of the start screen, with some words on it") }
    lines.append(note)
    lines.append("────────────────────────────────────────────────────────────────────────────────")
    lines.append(" [Enter] Start  [↑↓] Choose  [F1] Help  [F10] Quit  [Esc] Hide")
    for (i, l) in lines.enumerated() { mvwaddstr(w, Int32(i), 0, l) }
    wrefresh(w)
    endwin()
}

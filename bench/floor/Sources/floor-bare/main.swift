// The least a Swift program does to draw a screen like intake's first one:
// ncurses, 24 lines of text, one refresh, exit. No Foundation.
import FloorScreen
#if canImport(Glibc)
import Glibc
#endif

setlocale(LC_ALL, "")
drawFirstScreen(note: "")

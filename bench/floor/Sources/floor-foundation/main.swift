// floor-bare, and before it the data folder listed and the start of each
// file read, as intake does before its first frame: Foundation linked whole,
// as intake links it.
import FloorScreen
import Foundation

setlocale(LC_ALL, "")
let base = URL(fileURLWithPath: CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : ".")
var bytes = 0
for folder in ["questionnaires", "locales"] {
    let dir = base.appending(path: folder, directoryHint: .isDirectory)
    for name in ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted() {
        guard let h = FileHandle(forReadingAtPath: dir.appending(path: name, directoryHint: .notDirectory).path) else { continue }
        bytes += h.readData(ofLength: 16384).count
        try? h.close()
    }
}
drawFirstScreen(note: "\(bytes) bytes of headers read")

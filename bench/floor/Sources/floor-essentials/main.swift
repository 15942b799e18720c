// floor-bare, and before it the data folder listed and the start of each
// file read, as intake does before its first frame: FoundationEssentials only.
import FloorScreen
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
        let fd = open(dir.appending(path: name, directoryHint: .notDirectory).path, O_RDONLY)
        if fd >= 0 { var buf = [UInt8](repeating: 0, count: 16384); bytes += read(fd, &buf, 16384); close(fd) }
    }
}
drawFirstScreen(note: "\(bytes) bytes of headers read")

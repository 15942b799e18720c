import Foundation
import GRDB
@testable import IntakeStore

/// A fresh directory under the system temp dir, removed by `remove()`.
struct TempDir {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("intake-store-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The store directory inside (not created).
    var store: URL { url.appendingPathComponent("store", isDirectory: true) }
    var database: URL { store.appendingPathComponent(SessionStore.databaseFileName) }

    func remove() {
        // Make everything removable again after read-only experiments.
        if let items = FileManager.default.enumerator(atPath: url.path) {
            for case let item as String in items {
                chmod(url.appendingPathComponent(item).path, 0o700)
            }
        }
        try? FileManager.default.removeItem(at: url)
    }
}

let testPassphrase = "correct horse battery staple"

func openStore(_ dir: URL, passphrase: String = testPassphrase, create: Bool = true,
               mode: SessionStore.AccessMode = .readWrite) throws -> SessionStore {
    try SessionStore.open(directory: dir, passphrase: passphrase, create: create,
                          kdf: .insecureForTesting, mode: mode)
}

func json(_ string: String) -> Data { Data(string.utf8) }

/// Every regular file in `dir` and its raw bytes.
func rawFiles(in dir: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
        let path = dir.appendingPathComponent(name).path
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue {
            result[name] = try Data(contentsOf: URL(fileURLWithPath: path))
        }
    }
    return result
}

/// Names of the files in `dir` whose bytes contain `needle`.
func filesContaining(_ needle: Data, in dir: URL) throws -> [String] {
    try rawFiles(in: dir).filter { $0.value.range(of: needle) != nil }.map(\.key).sorted()
}

func mode(of url: URL) -> mode_t {
    var st = stat()
    guard stat(url.path, &st) == 0 else { return 0 }
    return st.st_mode & 0o7777
}


/// Raw SQL access to a store's database, bypassing the store (to tamper).
func rawDatabase(_ url: URL) throws -> DatabaseQueue {
    try DatabaseQueue(path: url.path)
}

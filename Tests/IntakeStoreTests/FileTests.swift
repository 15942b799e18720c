import Foundation
import Testing
@testable import IntakeStore

@Suite struct PassphraseSourceTests {
    func write(_ text: String, mode: mode_t, in tmp: TempDir) throws -> String {
        let path = tmp.url.appendingPathComponent("pass").path
        try? FileManager.default.removeItem(atPath: path)  // an earlier one may be 0400
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, mode)
        return path
    }

    @Test func firstLineWithoutTrailingNewline() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        #expect(try PassphraseSource.file(write("s3cret pass\nsecond line\n", mode: 0o600, in: tmp)).resolve()
            == "s3cret pass")
        #expect(try PassphraseSource.file(write("crlf\r\n", mode: 0o400, in: tmp)).resolve() == "crlf")
        #expect(try PassphraseSource.file(write("no newline", mode: 0o600, in: tmp)).resolve() == "no newline")
        #expect(try PassphraseSource.value("v").resolve() == "v")
    }

    @Test func groupOrWorldReadableFileIsRefused() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let path = try write("secret-value\n", mode: 0o644, in: tmp)
        do {
            _ = try PassphraseSource.file(path).resolve()
            Issue.record("accepted a world-readable passphrase file")
        } catch {
            let text = String(describing: error)
            #expect(text.contains("other users can access it (mode 0644)"))
            #expect(text.contains("chmod 600"))
            #expect(!text.contains("secret-value"))
        }
    }

    @Test func emptyOrMissingFileIsRefused() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        #expect(throws: StoreError.self) { try PassphraseSource.file(write("\nx", mode: 0o600, in: tmp)).resolve() }
        #expect(throws: StoreError.self) { try PassphraseSource.file(tmp.url.appendingPathComponent("none").path).resolve() }
        #expect(throws: StoreError.emptyPassphrase) { try PassphraseSource.value("").resolve() }
    }

    @Test func environmentVariable() {
        #expect(PassphraseSource.fromEnvironment(["INTAKE_PASSPHRASE_FILE": "/run/p"]) == .file("/run/p"))
        #expect(PassphraseSource.fromEnvironment(["INTAKE_PASSPHRASE_FILE": ""]) == nil)
        #expect(PassphraseSource.fromEnvironment([:]) == nil)
    }

    @Test func storeOpensFromAPassphraseFile() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let path = try write("\(testPassphrase)\n", mode: 0o600, in: tmp)
        try openStore(tmp.store).close()
        let store = try SessionStore.open(directory: tmp.store, passphrase: .file(path), create: false,
                                          kdf: .insecureForTesting)
        #expect(try store.list().isEmpty)
    }
}

@Suite struct SecureFileTests {
    @Test func writesA0600FileAtomically() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let target = tmp.url.appendingPathComponent("export.json")
        try SecureFile.write(json("first"), to: target)
        #expect(try Data(contentsOf: target) == json("first"))
        #expect(mode(of: target) == 0o600)

        chmod(target.path, 0o644)
        try SecureFile.write(json("second"), to: target)
        #expect(try Data(contentsOf: target) == json("second"))
        #expect(mode(of: target) == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.url.path) == ["export.json"])
    }

    @Test func failureLeavesNoTemporaryFile() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let missingDir = tmp.url.appendingPathComponent("nope/export.json")
        #expect(throws: StoreError.self) { try SecureFile.write(json("x"), to: missingDir) }
        // Renaming onto a directory fails after the temp file was written.
        let dirTarget = tmp.url.appendingPathComponent("adir")
        try FileManager.default.createDirectory(at: dirTarget.appendingPathComponent("inner"), withIntermediateDirectories: true)
        #expect(throws: StoreError.self) { try SecureFile.write(json("x"), to: dirTarget) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.url.path) == ["adir"])
    }
}

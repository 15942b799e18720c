import Foundation
import IntakeStore
import Testing
@testable import IntakeApp

/// What `intake keys` and `intake store passphrase` do, short of a terminal.
@Suite struct KeysAndPassphraseTests {
    @Test func aKeyFileIsNeverWrittenOverAnExistingFile() throws {
        let tmp = try Scratch()
        defer { tmp.remove() }
        let existing = try tmp.write("org.key", "keep me")
        #expect(throws: Failure.failed) { try OrganisationKeys.makePair(output: existing.path, protect: false) }
        #expect(try String(contentsOf: existing, encoding: .utf8) == "keep me")
    }

    @Test func aNewKeyFileIsReadBack() throws {
        let tmp = try Scratch()
        defer { tmp.remove() }
        let url = tmp.path("org.key")
        try OrganisationKeys.makePair(output: url.path, protect: false)
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        _ = try OrganisationKeys.load(url.path)
    }

    @Test func changingThePassphraseOfNoStoreFails() throws {
        let tmp = try Scratch()
        defer { tmp.remove() }
        #expect(throws: Failure.failed) { try StorePassphraseChange.run(directory: tmp.path("none"), environment: [:]) }
        #expect(StorePassphraseChange.count(1) == "1 session")
        #expect(StorePassphraseChange.count(3) == "3 sessions")
    }
}

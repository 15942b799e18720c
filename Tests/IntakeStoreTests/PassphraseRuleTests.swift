import Foundation
import Testing
@testable import IntakeStore

/// The prompt asks for at least 8 characters for a new store; a passphrase
/// file must meet the same rule.
@Suite struct PassphraseRuleTests {
    static func file(_ tmp: TempDir, _ contents: String) throws -> PassphraseSource {
        let path = tmp.url.appendingPathComponent("passphrase").path
        FileManager.default.createFile(atPath: path, contents: Data(contents.utf8), attributes: [.posixPermissions: 0o600])
        return .file(path)
    }

    @Test(arguments: ["x\n", "1234567\n", "abcdéfg\n"])
    func aShortPassphraseFileCannotCreateAStore(contents: String) throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        #expect(throws: StoreError.passphraseTooShort(minimum: 8)) {
            _ = try SessionStore.open(directory: tmp.store, passphrase: try Self.file(tmp, contents), create: true,
                                      kdf: .insecureForTesting)
        }
        // Nothing was created, so the next run still creates a new store.
        #expect(!SessionStore.exists(at: tmp.store))
    }

    @Test func eightCharactersAreEnough() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        // 8 characters, 9 bytes in UTF-8: characters count, as at the prompt.
        let store = try SessionStore.open(directory: tmp.store, passphrase: try Self.file(tmp, "abcdéfgh\n"),
                                          create: true, kdf: .insecureForTesting)
        try store.close()
        _ = try SessionStore.open(directory: tmp.store, passphrase: "abcdéfgh", create: false, kdf: .insecureForTesting)
    }

    @Test func theRuleIsForNewStoresOnly() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        try openStore(tmp.store).close()
        // A short wrong passphrase on an existing store is just wrong.
        #expect(throws: StoreError.wrongPassphrase) {
            _ = try SessionStore.open(directory: tmp.store, passphrase: try Self.file(tmp, "x\n"), create: false,
                                      kdf: .insecureForTesting)
        }
    }

    @Test func theMessage() {
        #expect(StoreError.passphraseTooShort(minimum: 8).description
                == "A new passphrase must have at least 8 characters; nothing was changed.")
    }
}

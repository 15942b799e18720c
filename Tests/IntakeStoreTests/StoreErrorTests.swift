import Foundation
import Testing
@testable import IntakeStore

@Suite struct StoreErrorTests {
    static let all: [StoreError] = [
        .wrongPassphrase, .emptyPassphrase, .passphraseTooShort(minimum: 8),
        .passphraseFile(path: "/p", problem: "its first line is empty"),
        .notFound(path: "/s"), .corrupt(path: "/s", detail: "not an SQLite database"),
        .readOnly(path: "/s"), .insecurePermissions(path: "/s", detail: "mode 0777, owned by user id 7"),
        .diskFull(path: "/s"), .ioError(path: "/s", detail: "disk I/O error"), .busy(path: "/s"),
        .sessionNotFound(SessionID()), .tampered(what: "event 1 of session x"),
        .unsupportedFormat(path: "/s", detail: "format version 9"), .needsUpgrade(path: "/s"),
        .invalidKDFParameters("r must be between 1 and 32"),
        .fileWrite(path: "/e", detail: "No such file or directory"),
        .sealedExport("it was sealed to a different key"), .keyFile("it is not an intake organisation key file"),
        .unsafeRecipientKey, .database(path: "/s", detail: "x"),
    ]

    @Test(arguments: all) func descriptionIsOneSentence(error: StoreError) {
        let text = error.description
        #expect(text.first?.isUppercase == true, "\(text)")
        #expect(text.hasSuffix("."), "\(text)")
        #expect(!text.contains("\n"), "\(text)")
        #expect(!text.dropLast().contains(". "), "\(text)")
        #expect(String(describing: error) == text)
        #expect((error as Error).localizedDescription == text)
    }
}

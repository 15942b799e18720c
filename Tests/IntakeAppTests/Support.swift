import Foundation
import IntakeCore
@testable import IntakeApp

/// The checkout this test file is in (questionnaires/, locales/, personas/).
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A fresh folder under the system temp folder, removed by `remove()`.
struct Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("intake-app-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> URL { url.appendingPathComponent(name) }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> URL {
        let u = path(name)
        try FileManager.default.createDirectory(at: u.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: u)
        return u
    }

    func remove() {
        if let items = FileManager.default.enumerator(atPath: url.path) {
            for case let item as String in items { chmod(url.appendingPathComponent(item).path, 0o700) }
        }
        try? FileManager.default.removeItem(at: url)
    }
}

/// A bundled questionnaire, loaded from the checkout.
func bundledQuestionnaire(_ id: String) throws -> Questionnaire {
    try QuestionnaireFiles.load(repositoryRoot.appendingPathComponent("questionnaires/\(id).yaml"))
}

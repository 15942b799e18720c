import Foundation

/// The checkout the tests run in (questionnaires/, locales/, Sources/).
public enum Checkout {
    /// Tests/IntakeTestSupport/Checkout.swift, three folders up.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The bundled translations, locales/*.po, sorted by name.
    public static func localeFiles() -> [URL] {
        let dir = root.appendingPathComponent("locales")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".po") }.sorted().map { dir.appendingPathComponent($0) }
    }
}

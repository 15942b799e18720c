import Foundation
import Testing
@testable import IntakeCore

/// The start screen is drawn from `QuestionnaireHeader.scan` while the file
/// loads: the scan must read what the loader reads, or read nothing.
@Suite struct QuestionnaireHeaderTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func files() throws -> [URL] {
        var out: [URL] = []
        for dir in ["questionnaires", "Tests/IntakeCoreTests/Fixtures", "Tests/IntakeCoreTests/Fixtures/rules"] {
            let d = root.appendingPathComponent(dir)
            out += try FileManager.default.contentsOfDirectory(atPath: d.path).filter { $0.hasSuffix(".yaml") }
                .map { d.appendingPathComponent($0) }
        }
        return out
    }

    @Test func agreesWithTheLoaderOnEveryBundledAndFixtureFile() throws {
        var scanned = 0
        for url in try Self.files() {
            let bytes = try [UInt8](Data(contentsOf: url))
            guard let q = QuestionnaireLoader.load(bytes: bytes, path: url.lastPathComponent).questionnaire else { continue }
            guard let h = QuestionnaireHeader.scan(bytes) else { continue }
            scanned += 1
            #expect(h == QuestionnaireHeader(id: q.id, version: q.version, language: q.language, title: q.title.text), "\(url.lastPathComponent)")
            #expect(Questionnaire.placeholder(h, path: q.path).title.key == q.title.key)
        }
        #expect(scanned >= 3)
        let bundled = try [UInt8](Data(contentsOf: Self.root.appendingPathComponent("questionnaires/trafficking-screening.yaml")))
        #expect(QuestionnaireHeader.scan(bundled) != nil, "the bundled screening's start screen is drawn from its header")
    }

    static let base = "format: 1\nid: demo\nversion: \"1.0\"\nlanguage: en\n"

    @Test func readsPlainAndQuotedValues() {
        #expect(QuestionnaireHeader.scan(Array((Self.base + "title: Work and safety # a comment\n").utf8))?.title == "Work and safety")
        #expect(QuestionnaireHeader.scan(Array((Self.base + "title: \"Work: safety\"\n").utf8))?.title == "Work: safety")
        #expect(QuestionnaireHeader.scan(Array((Self.base + "title: 'It is fine'\r\n").utf8))?.title == "It is fine")
        #expect(QuestionnaireHeader.scan(Array((Self.base + "title: Plain\n").utf8))?.version == "1.0")
    }

    @Test func leavesAnythingHarderToTheLoader() {
        for title in ["title: >\n  Folded\n", "title: |\n  Literal\n", "title: Two\n  lines\n", "title: \"Esc\\u0041pe\"\n",
                      "title: 'It''s'\n", "title: &a Anchored\n", "title: [a, b]\n", "title: a: b\n", "title:\n"] {
            #expect(QuestionnaireHeader.scan(Array((Self.base + title).utf8)) == nil, "\(title)")
        }
        #expect(QuestionnaireHeader.scan(Array("id: demo\ntitle: T\nlanguage: en\n".utf8)) == nil)  // no version
        #expect(QuestionnaireHeader.scan(Array((Self.base + "title: A\ntitle: B\n").utf8)) == nil)  // duplicate
        #expect(QuestionnaireHeader.scan([0xFF, 0xFE]) == nil)
    }

    /// The file's edges: empty, a byte-order mark alone or before the keys,
    /// a last line without its newline, a key as the file's last bytes.
    @Test func readsToTheEdgesOfTheFile() {
        #expect(QuestionnaireHeader.scan([]) == nil)
        #expect(QuestionnaireHeader.scan([0xEF, 0xBB, 0xBF]) == nil)
        #expect(QuestionnaireHeader.scan([0xEF, 0xBB, 0xBF] + Array((Self.base + "title: Last line").utf8))?.title == "Last line")
        #expect(QuestionnaireHeader.scan([0xEF, 0xBB, 0xBF] + Array("id: first\nversion: 1\nlanguage: en\ntitle: T\n".utf8))?.id == "first")
        #expect(QuestionnaireHeader.scan(Array((Self.base + "title: T\n\n\n").utf8))?.title == "T")
        #expect(QuestionnaireHeader.scan(Array((Self.base + "title:").utf8)) == nil)
        #expect(QuestionnaireHeader.scan(Array(("title: T\n" + Self.base + "versions: 2\nidentity: x\n").utf8))?.version == "1.0")
    }

    @Test func nestedKeysAreNotTopLevel() {
        let text = Self.base + "sections:\n  - id: s\n    title: Section\ntitle: Top\n"
        #expect(QuestionnaireHeader.scan(Array(text.utf8))?.title == "Top")
    }
}

import Foundation
import Testing
import IntakeTestSupport
@testable import IntakeCore

extension Gettext {
    /// Fails the test unless `msgfmt -c` accepts `text`.
    static func expectMsgfmtAccepts(_ text: String, name: String = "out.po",
                                    sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let dir = try TempDir()
        let file = try dir.write(name, text)
        let r = try run("msgfmt", ["-c", "-o", "/dev/null", file.lastPathComponent], in: dir.url)
        #expect(r.status == 0, "msgfmt -c rejected \(name):\n\(r.stderr)\n---\n\(text)", sourceLocation: sourceLocation)
    }
}

/// Committed fixtures under Tests/IntakeCoreTests/Fixtures/po/.
enum POFixture {
    static func url(_ name: String) throws -> URL {
        let base = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return base.appendingPathComponent("po").appendingPathComponent(name)
    }

    static func text(_ name: String) throws -> String {
        // Read bytes so a BOM and CRLF reach the parser untouched.
        let data = try Data(contentsOf: url(name))
        return String(decoding: data, as: UTF8.self)
    }

    /// Parses a fixture, failing the test on any diagnostic.
    static func parse(_ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> POFile {
        let (file, diagnostics) = POFile.parse(try text(name), file: name)
        #expect(diagnostics.isEmpty, "\(diagnostics)", sourceLocation: sourceLocation)
        return try #require(file, sourceLocation: sourceLocation)
    }
}

/// Parses text that must be valid.
func parsePO(_ text: String, file: String = "test.po", sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> POFile {
    let (po, diagnostics) = POFile.parse(text, file: file)
    #expect(diagnostics.isEmpty, "\(diagnostics)", sourceLocation: sourceLocation)
    return try #require(po, sourceLocation: sourceLocation)
}

import Foundation
@testable import IntakeTUI
import Testing

/// README.md's key table is the key map's own table, so the documentation
/// cannot drift from the keys. INTAKE_UPDATE_GOLDEN=1 rewrites it.
@Suite struct ReadmeKeyTableTests {
    @Test func readmeListsEveryKey() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        var readme = try String(contentsOf: url, encoding: .utf8)
        let begin = "<!-- keys:begin -->\n", end = "<!-- keys:end -->"
        let start = try #require(readme.range(of: begin)), stop = try #require(readme.range(of: end))
        let table = KeyMap.standard.markdownTable()
        if ProcessInfo.processInfo.environment["INTAKE_UPDATE_GOLDEN"] == "1" {
            readme.replaceSubrange(start.upperBound..<stop.lowerBound, with: table)
            try readme.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        #expect(String(readme[start.upperBound..<stop.lowerBound]) == table, "README key table is out of date; run INTAKE_UPDATE_GOLDEN=1 swift test --filter ReadmeKeyTableTests")
    }
}

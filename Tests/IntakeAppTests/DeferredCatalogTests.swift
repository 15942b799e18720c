import Foundation
import IntakeCore
import Testing
@testable import IntakeApp

/// Translations whose strings parse in the background.
@Suite struct DeferredCatalogTests {
    @Test func theHeaderIsReadAtOnceAndTheStringsOnceParsed() throws {
        let url = repositoryRoot.appendingPathComponent("locales/es.po")
        let c = try DeferredCatalog.open(url, language: "es", lane: 0).get()
        #expect(c.language == "es")
        #expect(c.isDraft)
        guard case .success = c.wait() else { Issue.record("es.po did not parse"); return }
        #expect(c.translate(key: "ui/yes", source: "Yes") == Translated(text: "Sí", isFallback: false))
    }

    @Test func aBrokenFileIsReportedByWait() throws {
        let tmp = try Scratch()
        defer { tmp.remove() }
        let url = try tmp.write("xx.po", "msgid \"\"\nmsgstr \"Language: xx\\n\"\n\nmsgid \"a\"\nmsgstr \"b\" trailing\n")
        let c = try DeferredCatalog.open(url, language: "xx", lane: 0).get()
        guard case .failure(let f) = c.wait() else { Issue.record("a broken file parsed"); return }
        #expect(!f.diagnostics.isEmpty)
        // Its strings fall back to the source, unmarked, as the source language does.
        #expect(c.translate(key: "ui/yes", source: "Yes") == Translated(text: "Yes", isFallback: false))
    }
}

import Foundation
import Testing
@testable import IntakeCore

/// The interface strings are declared once each (key, English, note); the
/// PO template lists them through `allCases`, which must miss none.
@Suite struct UIStringTableTests {
    static let sourceFile = repositoryRoot.appendingPathComponent("Sources/IntakeCore/Interface/UIStrings.swift")

    @Test func everyDeclaredStringIsInTheTemplateOnce() throws {
        let text = try String(contentsOf: Self.sourceFile, encoding: .utf8)
        let declared = text.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("    public static let "), line.contains(" = UIString(") else { return nil }
            return String(line.dropFirst("    public static let ".count).prefix { $0 != " " })
        }
        #expect(declared.count == 215)
        #expect(UIString.allCases.count == 215)
        #expect(Set(UIString.allCases.map(\.key)).count == 215, "two strings share a key")
        // The order of declaration is the order of the template.
        let keysByName = Dictionary(uniqueKeysWithValues: zip(declared, UIString.allCases.map(\.key)))
        #expect(keysByName["yes"] == "ui/yes")
        #expect(keysByName["quitFinished"] == "ui/screen/quit_finished")
    }

    @Test func aFewStringsAsTheTranslatorsSeeThem() {
        #expect(UIString.dontKnow.key == "ui/answer/dont_know")
        #expect(UIString.dontKnow.source == "Don't know")
        #expect(UIString.dontKnow.note == "Special answer, offered on every question.")
        #expect(UIString.result(.likely).source == "Likely trafficking indicators reported")
        #expect(UIPlural.summaryIndicatorCount.plural == "{count} indicators")
    }
}

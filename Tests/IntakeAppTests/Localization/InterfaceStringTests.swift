import Foundation
import IntakeCore
import IntakeTestSupport
@testable import IntakeTUI
import Testing
@testable import IntakeApp

/// Every interface string is declared once, beside the code that shows it,
/// and the template composed here misses none (issue 17).
@Suite struct InterfaceStringTests {
    /// Every `UIString(` declaration under Sources/: key → declaring file.
    static func declarations() throws -> [(key: String, file: String)] {
        let sources = Checkout.root.appendingPathComponent("Sources")
        var out: [(key: String, file: String)] = []
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String } ?? []
        for rel in files.sorted() where rel.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(rel), encoding: .utf8)
            var rest = text[...]
            while let r = rest.range(of: " = UIString(") {
                // The key is the first argument, on the same line or the next.
                let after = rest[r.upperBound...].drop { $0 == " " || $0 == "\n" }
                guard after.first == "\"" else { rest = rest[r.upperBound...]; continue }
                let key = after.dropFirst().prefix { $0 != "\"" }
                out.append((key: "ui/" + key, file: "Sources/" + rel))
                rest = rest[r.upperBound...]
            }
        }
        return out
    }

    @Test func everyDeclaredStringIsInTheTemplateOnceWithItsFile() throws {
        let declared = try Self.declarations()
        #expect(declared.count == 246)
        #expect(InterfaceStrings.all.count == 246)
        #expect(Set(InterfaceStrings.all.map(\.key)).count == 246, "two strings share a key")
        let listed = Dictionary(uniqueKeysWithValues: InterfaceStrings.all.map { ($0.key, $0.reference) })
        for d in declared {
            #expect(listed[d.key] == d.file, "\(d.key), declared in \(d.file), is not listed (UIString.core, InterviewStrings.all or UIString.narration) or names another file")
        }
    }

    @Test func stringsLiveBesideTheirScreens() {
        #expect(UIString.startHint.reference == "Sources/IntakeTUI/Interview/Screens/StartScreen.swift")
        #expect(UIString.quitFinished.reference == "Sources/IntakeTUI/Interview/Overlays/QuitOverlay.swift")
        #expect(UIString.keyNext.reference == "Sources/IntakeTUI/Interview/Words.swift")
        #expect(UIString.narrationPaused.reference == "Sources/IntakeApp/Sessions/NarrationStrings.swift")
        #expect(UIString.summaryTitle.reference == "Sources/IntakeCore/Interface/UIStrings.swift")
        #expect(UIPlural.summaryIndicatorCount.reference == "Sources/IntakeCore/Interface/UIStrings.swift")
    }

    @Test func aFewStringsAsTheTranslatorsSeeThem() {
        #expect(UIString.dontKnow.key == "ui/answer/dont_know")
        #expect(UIString.dontKnow.source == "Don't know")
        #expect(UIString.dontKnow.note == "Special answer, offered on every question.")
        #expect(UIString.result(.likely).source == "Likely trafficking indicators reported")
        #expect(UIPlural.summaryIndicatorCount.plural == "{count} indicators")
        // The template's order is the PO files' order: Core's strings, the
        // screens', the replay's, then the plural.
        let keys = InterfaceStrings.all.map(\.key)
        #expect(keys.first == "ui/yes")
        #expect(keys[81] == "ui/practice/referrals_extra")
        #expect(keys[82] == "ui/screen/start_title")
        #expect(keys[214] == "ui/screen/quit_finished")
        #expect(keys[215] == "ui/narration/no_events")
        #expect(keys.last == "ui/narration/progress_on_break")
    }

    /// A new overlay's strings reach the template from its own file: they
    /// follow the listed ones, each once, without a line in the list.
    @Test func aNewOverlaysStringsNeedNoLineInTheList() {
        let composed = InterviewStrings.composed([.startTitle, .pauseTitle], overlays: [SampleOverlay.self, PauseOverlay.self])
        #expect(composed.map(\.key) == ["ui/screen/start_title", "ui/screen/pause_title", "ui/screen/sample_title"])
        #expect(InterviewStrings.all.count == InterviewStrings.listed.count)
    }
}

/// An overlay as a contributor would add one, with a string of its own.
struct SampleOverlay: OverlayScreen {
    static let opener: Action? = nil
    static let strings: [UIString] = [UIString("screen/sample_title", "Sample", note: "Test only."), .pauseTitle]
    static func open(_ m: inout InterviewModel, _ app: InterviewApp) -> [InterviewEffect]? { nil }
    func keys(_ m: InterviewModel, scrolls: Bool) -> [KeyUse] { [] }
    func title(_ m: InterviewModel, _ w: Words) -> String { "" }
    func body(_ m: InterviewModel, _ w: Words, _ b: inout Body) {}
    func update(_ action: Action, _ m: inout InterviewModel, _ app: InterviewApp) -> [InterviewEffect] { [] }
}

import Foundation
import Testing
@testable import IntakeCore

/// A note wrapped by another tool keeps its wrapping (issue 16); the rest
/// of the churn tests hold the bundled files and live in IntakeAppTests.
extension LocalizationTests {
    @Suite struct NoteWrappingTests {
        @Test func notesWrappedByPolibAreKept() throws {
            // polib (and translate-toolkit, which Weblate uses) wrap a long
            // '#.' note over several lines; the words are the same.
            let template = [TemplateEntry(key: "ui/result/possible", source: "Possible",
                                          note: "Screening result level. Never call the person a victim; this names what was reported.")]
            let text = """
            msgid ""
            msgstr ""
            "Language: ko\\n"
            "Plural-Forms: nplurals=1; plural=0;\\n"

            #. Screening result level. Never call the person a victim; this names what was
            #. reported.
            msgctxt "ui/result/possible"
            msgid "Possible"
            msgstr "가능"

            """
            #expect(try parsePO(text).merged(with: template).serialized() == text)
            // polib also drops the empty '#.' line of a note that ends in a line break.
            var trailing = template
            trailing[0].note = "Screening result level. Never call the person a victim; this names what was reported.\n"
            #expect(try parsePO(text).merged(with: trailing).serialized() == text)
            var changed = template
            changed[0].note = "Screening result level."
            #expect(try parsePO(text).merged(with: changed).entries[0].extractedComments == ["Screening result level."])
        }
    }
}

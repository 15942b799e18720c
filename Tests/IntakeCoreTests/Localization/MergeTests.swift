import Foundation
import IntakeTestSupport
import Testing
@testable import IntakeCore

extension LocalizationTests {
    @Suite struct MergeTests {
        static let template: [TemplateEntry] = [
            TemplateEntry(key: "q/question/documents_held/text", source: "Does someone else keep your passport or ID card?",
                          note: "Question text (yes/no).", reference: "questionnaires/q.yaml:212"),
            TemplateEntry(key: "ui/footer/skip", source: "Skip", note: "Footer key hint.", reference: "Sources/IntakeTUI/Strings.swift:10"),
            TemplateEntry(key: "ui/saved_answers", source: "Saved {count} answer", sourcePlural: "Saved {count} answers",
                          note: "{count} is a number.", reference: "Sources/IntakeTUI/Strings.swift:22"),
        ]

        @Test func newCatalogHasTheHeaderAndEmptyEntries() throws {
            let po = POFile.newCatalog(language: "ru", template: Self.template)
            #expect(po.language == "ru")
            #expect(po.pluralFormsHeader == PluralForms.cldr(for: "ru"))
            #expect(po.headerValue("Content-Type") == "text/plain; charset=UTF-8")
            #expect(po.headerValue("X-Intake-Status") == "draft")
            #expect(po.headerFields.contains(POHeaderField("X-Intake-Reviewed-By", "")))
            #expect(po.reviewedBy == nil)
            #expect(po.entries.map(\.context) == Self.template.map(\.key))
            #expect(po.entries[0].extractedComments == ["Question text (yes/no)."])
            #expect(po.entries[0].references == ["questionnaires/q.yaml:212"])
            #expect(po.entries[0].translations == [""])
            #expect(po.entries[2].idPlural == "Saved {count} answers")
            #expect(po.entries[2].translations == ["", "", ""])
            #expect(POFile.newCatalog(language: "zh-Hans", template: Self.template).entries[2].translations == [""])
            #expect(POFile.newCatalog(language: "ar", template: Self.template).entries[2].translations.count == 6)
        }

        @Test func templateIsAPOTFile() throws {
            let pot = POFile.template(Self.template)
            #expect(pot.language == "")
            #expect(pot.headerValue("Content-Type") == "text/plain; charset=UTF-8")
            #expect(pot.entries.count == 3)
            #expect(pot.entries.allSatisfy { !$0.isTranslated })
            let dir = try TempDir()
            try dir.write("intake.pot", pot.serialized())
            // msginit can start a translation from it, as Poedit and Weblate do.
            let r = try Gettext.run("msginit", ["--no-translator", "-l", "es", "-i", "intake.pot", "-o", "es.po"], in: dir.url)
            #expect(r.status == 0, "\(r.stderr)")
            let es = try parsePO(try dir.read("es.po"))
            #expect(es.entries.map(\.context) == Self.template.map(\.key))
        }

        private func translatedSpanish() -> POFile {
            var po = POFile.newCatalog(language: "es", template: Self.template)
            po.entries[0].translation = "¿Alguien más guarda su pasaporte o documento de identidad?"
            po.entries[1].translation = "Omitir"
            po.entries[2].translations = ["Se guardó {count} respuesta", "Se guardaron {count} respuestas"]
            return po
        }

        @Test func mergeAddsMarksFuzzyAndObsoletes() throws {
            let old = translatedSpanish()
            var template = Self.template
            template[0].source = "Does anyone else keep your passport or identity card?"
            template[0].note = "Updated note."
            template.remove(at: 1)
            template.append(TemplateEntry(key: "ui/footer/quit", source: "Quit", reference: "Sources/IntakeTUI/Strings.swift:11"))

            let merged = old.merged(with: template)
            #expect(merged.activeEntries.map(\.context) == template.map(\.key))

            let changed = try #require(merged.entry(key: "q/question/documents_held/text"))
            #expect(changed.isFuzzy)
            #expect(changed.previousID == "Does someone else keep your passport or ID card?")
            #expect(changed.id == template[0].source)
            #expect(changed.translation == "¿Alguien más guarda su pasaporte o documento de identidad?")
            #expect(changed.extractedComments == ["Updated note."])

            let plural = try #require(merged.entry(key: "ui/saved_answers"))
            #expect(!plural.isFuzzy)
            #expect(plural.previousID == nil)

            let added = try #require(merged.entry(key: "ui/footer/quit"))
            #expect(added.translation == "")
            #expect(!added.isFuzzy)

            #expect(merged.entries.last?.isObsolete == true)
            #expect(merged.obsoleteEntries.map(\.context) == ["ui/footer/skip"])
            #expect(merged.obsoleteEntries.first?.translation == "Omitir")

            // The result is a valid file and survives a round trip.
            try Gettext.expectMsgfmtAccepts(merged.serialized())
            #expect(try parsePO(merged.serialized()) == merged)
        }

        @Test func obsoleteEntriesAreRevived() throws {
            let old = translatedSpanish()
            var without = Self.template
            without.remove(at: 1)
            let dropped = old.merged(with: without)
            #expect(dropped.obsoleteEntries.count == 1)

            // Same text comes back: revived as it was.
            let back = dropped.merged(with: Self.template)
            let skip = try #require(back.entry(key: "ui/footer/skip"))
            #expect(skip.translation == "Omitir")
            #expect(!skip.isFuzzy)
            #expect(back.obsoleteEntries.isEmpty)
            #expect(back.activeEntries.map(\.context) == Self.template.map(\.key))

            // Different text comes back: revived as fuzzy with the previous source.
            var changed = Self.template
            changed[1].source = "Skip question"
            let fuzzy = try #require(dropped.merged(with: changed).entry(key: "ui/footer/skip"))
            #expect(fuzzy.isFuzzy)
            #expect(fuzzy.previousID == "Skip")
            #expect(fuzzy.translation == "Omitir")
        }

        @Test func untranslatedEntriesJustTakeTheNewSource() throws {
            let fresh = POFile.newCatalog(language: "es", template: Self.template)
            var template = Self.template
            template[1].source = "Skip this"
            let e = try #require(fresh.merged(with: template).entry(key: "ui/footer/skip"))
            #expect(e.id == "Skip this")
            #expect(!e.isFuzzy)
            #expect(e.previousID == nil)
        }

        @Test func pluralSourceChangesKeepThePreviousPlural() throws {
            var template = Self.template
            template[2].sourcePlural = "Saved all {count} answers"
            let merged = translatedSpanish().merged(with: template)
            let e = try #require(merged.entry(key: "ui/saved_answers"))
            #expect(e.isFuzzy)
            #expect(e.previousID == "Saved {count} answer")
            #expect(e.previousIDPlural == "Saved {count} answers")
            #expect(e.idPlural == "Saved all {count} answers")
            #expect(e.translations == ["Se guardó {count} respuesta", "Se guardaron {count} respuestas"])

            // A string that becomes plural gets nplurals msgstr[] and keeps
            // its translation in the first.
            template[1].sourcePlural = "Skips"
            let widened = try #require(translatedSpanish().merged(with: template).entry(key: "ui/footer/skip"))
            #expect(widened.translations == ["Omitir", ""])
            #expect(widened.isFuzzy)
            try Gettext.expectMsgfmtAccepts(translatedSpanish().merged(with: template).serialized())
        }

        @Test func headerFieldsKeepTheirOrderWhenChanged() {
            var po = POFile.newCatalog(language: "es", template: [])
            let names = po.headerFields.map(\.name)
            po.reviewStatus = .reviewed
            po.reviewedBy = "Ana Pérez"
            po.language = "es-MX"
            #expect(po.headerFields.map(\.name) == names)
            #expect(po.headerValue("x-intake-status") == "reviewed")
            #expect(po.reviewedBy == "Ana Pérez")
            po.setHeaderValue("yes", for: "X-Poedit-Basepath")
            #expect(po.headerFields.last == POHeaderField("X-Poedit-Basepath", "yes"))
            po.setHeaderValue(nil, for: "X-Poedit-Basepath")
            #expect(po.headerFields.map(\.name) == names)
        }

        @Test func mergingTwiceChangesNothing() throws {
            var template = Self.template
            template[0].source = "Changed"
            let once = translatedSpanish().merged(with: template)
            #expect(once.merged(with: template) == once)
        }

        @Test func msgmergeWithOurOwnTemplateChangesNoEntry() throws {
            // Our catalog merged by gettext against our POT of the same
            // strings must come back with the same entries.
            var ours = translatedSpanish()
            ours.entries[1].isFuzzy = true
            ours.entries[1].previousID = "Skip it"
            var gone = POEntry(context: "ui/old", id: "Old", translations: ["Viejo"])
            gone.isObsolete = true
            ours.entries.append(gone)
            let dir = try TempDir()
            try dir.write("es.po", ours.serialized())
            try dir.write("intake.pot", POFile.template(Self.template).serialized())
            let r = try Gettext.run("msgmerge", ["--quiet", "--previous", "-o", "merged.po", "es.po", "intake.pot"], in: dir.url)
            #expect(r.status == 0, "\(r.stderr)")
            let theirs = try parsePO(try dir.read("merged.po"), file: "merged.po")
            #expect(Array(semantic(theirs).dropFirst()) == Array(semantic(ours).dropFirst()))
            #expect(theirs.language == "es")
            // And our merge against the same template is a no-op too.
            #expect(ours.merged(with: Self.template).entries == ours.entries)
        }

        @Test func agreesWithMsgmergeOnTheSameChange() throws {
            // Our merge and gettext's msgmerge (which matches on msgctxt when the
            // msgid changed) should produce the same entries.
            let old = translatedSpanish()
            var template = Self.template
            template[0].source = "Does anyone else keep your passport or identity card?"
            template.remove(at: 1)
            let ours = old.merged(with: template)

            let dir = try TempDir()
            try dir.write("old.po", old.serialized())
            try dir.write("new.pot", POFile.template(template).serialized())
            let r = try Gettext.run("msgmerge", ["--quiet", "--previous", "--no-fuzzy-matching", "-o", "theirs.po", "old.po", "new.pot"], in: dir.url)
            #expect(r.status == 0, "\(r.stderr)")
            // Without fuzzy matching msgmerge cannot pair a changed msgid, so run
            // it with fuzzy matching too and compare the changed entry there.
            let theirsExact = try parsePO(try dir.read("theirs.po"))
            #expect(theirsExact.obsoleteEntries.contains { $0.context == "ui/footer/skip" && $0.translation == "Omitir" })
            let r2 = try Gettext.run("msgmerge", ["--quiet", "--previous", "-o", "fuzzy.po", "old.po", "new.pot"], in: dir.url)
            #expect(r2.status == 0, "\(r2.stderr)")
            let theirs = try parsePO(try dir.read("fuzzy.po"))
            let mine = try #require(ours.entry(key: "q/question/documents_held/text"))
            let gettexts = try #require(theirs.entry(key: "q/question/documents_held/text"))
            #expect(mine.isFuzzy == gettexts.isFuzzy)
            #expect(mine.previousID == gettexts.previousID)
            #expect(mine.translation == gettexts.translation)
            #expect(mine.id == gettexts.id)
            #expect(ours.obsoleteEntries.map(\.context) == theirs.obsoleteEntries.map(\.context))
        }
    }
}

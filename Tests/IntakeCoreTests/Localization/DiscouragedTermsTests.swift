import Foundation
import Testing
@testable import IntakeCore

extension LocalizationTests {
    @Suite struct DiscouragedTermsTests {
        /// The shipped list, read from the repository.
        static func shipped() throws -> DiscouragedTerms {
            let url = URL(fileURLWithPath: #filePath)
                .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("locales/discouraged-terms.yaml")
            let yaml = try String(contentsOf: url, encoding: .utf8)
            let (terms, diagnostics) = DiscouragedTerms.parse(yaml: yaml, file: "locales/discouraged-terms.yaml")
            #expect(diagnostics.isEmpty, "\(diagnostics)")
            return try #require(terms)
        }

        private func terms(_ text: String, _ language: String) throws -> [String] {
            try Self.shipped().findings(in: text, language: language).map(\.term)
        }

        @Test func shippedListCoversTheRequiredLanguages() throws {
            let t = try Self.shipped()
            for lang in ["en", "es", "zh-Hans", "ko", "th", "ar", "fa", "ne"] {
                #expect(!(t.rules[lang] ?? []).isEmpty, "\(lang)")
            }
        }

        /// Every language that ships a PO file has a list (issue 16).
        @Test func everyShippedLanguageHasAList() throws {
            let locales = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("locales")
            let shipped = try FileManager.default.contentsOfDirectory(atPath: locales.path)
                .filter { $0.hasSuffix(".po") }.map { String($0.dropLast(3)) }.sorted()
            #expect(shipped == ["es", "fa", "ko", "ne", "th", "zh-Hans"])
            let t = try Self.shipped()
            for lang in shipped { #expect(!(t.rules[lang] ?? []).isEmpty, "no discouraged terms for \(lang)") }
        }

        @Test func nepaliStemsCatchAttachedPostpositionsButNotOrdinaryWords() throws {
            #expect(try terms("उनी वेश्यालाई भेटे", "ne") == ["वेश्या"])
            #expect(try terms("पीडितहरूको सूची", "ne") == ["पीडित"])
            #expect(try terms("अपराध पीडित सहायता केन्द्र", "ne") == [])
            #expect(try terms("नयाँ नोकरी खोज्दै", "ne") == [])   // नोकरी is "a job"
            #expect(try terms("घरमा नोकर्नीलाई", "ne") == ["नोकर"])
        }

        @Test func thaiTermsMatchInsideUnspacedText() throws {
            #expect(try terms("เขาเรียกเธอว่ากะหรี่", "th") == ["กะหรี่"])
            #expect(try terms("ทาสีบ้านใหม่", "th") == [])
        }

        @Test func englishWholeWordsIgnoringCase() throws {
            let t = try Self.shipped()
            let f = t.findings(in: "Is the Prostitute an ILLEGAL   alien?", language: "en")
            #expect(f.map(\.term) == ["prostitute", "illegal alien"])
            #expect(f.map(\.offset) == [7, 21])
            #expect(f[0].suggestion == "person who sells sex / person in the sex trade")
            #expect(f[1].suggestion.contains("undocumented"))
            // Whole words only: no match inside other words.
            #expect(try terms("The victimization survey; slavery; prostitution law", "en") == [])
            #expect(try terms("Ask if the person is a runaway.", "en") == ["runaway"])
            #expect(try terms("hooker, whore; slave.", "en") == ["hooker", "whore", "slave"])
        }

        @Test func longerTermsWinOverTheirParts() throws {
            let f = try Self.shipped().findings(in: "a child prostitute and a prostitute", language: "en")
            #expect(f.map(\.term) == ["child prostitute", "prostitute"])
            #expect(f[0].suggestion == "child who is sexually exploited")
            #expect(f.map(\.offset) == [2, 25])
        }

        @Test func victimIsContextAware() throws {
            #expect(try terms("Are you a victim?", "en") == ["victim"])
            #expect(try terms("We can refer you to victim services.", "en") == [])
            #expect(try terms("Victim Services can help the victim.", "en") == ["victim"])
            let f = try Self.shipped().findings(in: "Victim Services can help the victim.", language: "en")
            #expect(f.first?.offset == 29)
        }

        @Test func substringMatchingForLanguagesWithoutSpaces() throws {
            #expect(try terms("她是妓女吗？", "zh-Hans") == ["妓女"])
            #expect(try terms("我们可以介绍受害者服务。", "zh-Hans") == [])
            #expect(try terms("你是受害者吗？", "zh-Hans") == ["受害者"])
            #expect(try terms("불법체류자입니까?", "ko") == ["불법체류자"])
            #expect(try terms("피해자 지원 센터", "ko") == [])
            #expect(try terms("เธอเป็นโสเภณีหรือไม่", "th") == ["โสเภณี"])
            #expect(try terms("โสเภณีเด็ก", "th") == ["โสเภณีเด็ก"])
            #expect(try terms("ทาสีบ้าน", "th") == [])
            #expect(try terms("هل أنت الضحية؟", "ar") == ["ضحية"])
            // Offsets are in Unicode scalars, so a caller can compute a column.
            let f = try Self.shipped().findings(in: "你是受害者吗？", language: "zh-Hans")
            #expect(f.first?.offset == 2)
        }

        @Test func spanishWithAccentsAndCase() throws {
            #expect(try terms("¿Es usted una VÍCTIMA?", "es") == ["víctima"])
            #expect(try terms("Hay servicios para víctimas.", "es") == [])
            #expect(try terms("Un inmigrante ilegal", "es-MX") == ["inmigrante ilegal"])
        }

        @Test func inflectedFormsAreReportedUnderTheirHeadword() throws {
            let f = try Self.shipped().findings(in: "Las Prostitutas y los esclavos", language: "es")
            #expect(f.map(\.term) == ["prostituta", "esclavo"])
            #expect(f.map(\.matched) == ["Prostitutas", "esclavos"])
            #expect(try terms("Are they victims?", "en") == ["victim"])
            #expect(try terms("the victims of crime act", "en") == [])
            #expect(try terms("Was the child prostitutes' money taken?", "en") == ["child prostitute"])
        }

        @Test func stemsMatchWordBeginnings() throws {
            let t = try DiscouragedTerms.parse(yaml: """
            es:
              - term: "prostituta"
                stems: ["prostitu"]
                suggest: "persona que vende sexo"
            """, file: "t.yaml").0!
            let f = t.findings(in: "la prostitución, el prostituto y la antiprostitución", language: "es")
            #expect(f.map(\.matched) == ["prostitución", "prostituto"])
            #expect(f.map(\.offset) == [3, 20])
        }

        @Test func persianFormsStemsAndWritingVariants() throws {
            let zwnj = "\u{200C}"
            // A stem finds the plural and the abstract noun.
            #expect(try terms("روسپیان و روسپی\(zwnj)گری", "fa") == ["روسپی", "روسپی"])
            // A ZWNJ in a term also finds a space or nothing in its place,
            // and Arabic yeh (ي) is Persian yeh (ی).
            #expect(try terms("مهاجران غيرقانونی", "fa") == ["مهاجر غیر\(zwnj)قانونی"])
            #expect(try terms("مهاجر غیر قانونی", "fa") == ["مهاجر غیر\(zwnj)قانونی"])
            #expect(try terms("تنفروشی", "fa") == ["تن\(zwnj)فروش"])
            #expect(try terms("آیا شما قربانی\(zwnj)ها را دیدید؟", "fa") == ["قربانی"])
            // The longer phrase wins.
            #expect(try terms("کودکان روسپی", "fa") == ["کودک روسپی"])
            // Ordinary words that contain a term are left alone.
            #expect(try terms("شما را به کجا برده شدید؟", "fa") == [])
            #expect(try terms("به\(zwnj)صورت قاچاقی از مرز رد شدید؟", "fa") == [])
            #expect(try terms("کسر غیرقانونی از دستمزد", "fa") == [])
            #expect(try terms("قربان شما", "fa") == [])
            #expect(try terms("ما می\(zwnj)توانیم شما را به خدمات قربانیان معرفی کنیم.", "fa") == [])
        }

        @Test func formsAndStemsMustBeListsOfWords() throws {
            let (bad, d) = DiscouragedTerms.parse(yaml: """
            fa:
              - term: "x"
                forms: "y"
                stems: [""]
                suggest: "z"
            """, file: "t.yaml")
            #expect(bad == nil)
            #expect(d.map(\.message) == ["'forms' must be a list of non-empty strings", "'stems' must be a list of non-empty strings"])
        }

        @Test func chineseTagsFindTheScriptRules() throws {
            #expect(try terms("她是妓女吗？", "zh_CN") == ["妓女"])
            #expect(try terms("她是妓女吗？", "zh") == ["妓女"])
            #expect(try terms("她是妓女嗎？", "zh-TW") == [])
        }

        @Test func unknownLanguagesHaveNoFindings() throws {
            #expect(try terms("victim", "de") == [])
            #expect(try terms("victim", "not a tag!") == [])
        }

        @Test func badYAMLGivesLocatedDiagnostics() throws {
            let (none, d1) = DiscouragedTerms.parse(yaml: "en: [term: \"x\"\n", file: "t.yaml")
            #expect(none == nil)
            #expect(d1.first?.severity == .error)
            #expect(d1.first?.location.file == "t.yaml")
            #expect(d1.first?.message.hasPrefix("invalid YAML") == true)

            let yaml = """
            en:
              - term: "slave"
                suggest: "person in forced labor"
              - term: "hooker"
              - sugest: "x"
                term: "y"
            not a tag!: []
            es: "prostituta"
            """
            let (bad, d2) = DiscouragedTerms.parse(yaml: yaml, file: "t.yaml")
            #expect(bad == nil)
            let byLine = Dictionary(grouping: d2, by: \.location.line)
            #expect(byLine[4]?.first?.message == "missing 'suggest' for 'hooker'")
            #expect(byLine[5]?.first?.message.contains("unknown field 'sugest'") == true)
            #expect(byLine[5]?.first?.location.column == 5)
            #expect(byLine[7]?.first?.message.contains("language tag") == true)
            #expect(byLine[8]?.first?.message.contains("expected a list") == true)
        }
    }
}

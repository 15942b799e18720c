import IntakeTestSupport
import Testing
@testable import IntakeCore

extension LocalizationTests {
    @Suite struct LanguageTagTests {
        @Test(arguments: ["es", "zh-Hans", "pt-BR", "sr-Latn-RS", "es-419", "de-CH-1996", "zh-yue-HK", "fil",
                          "en-US-x-intake", "ca-ES-valencia", "th-TH-u-nu-thai", "ast"])
        func validTags(tag: String) {
            #expect(LanguageTag.isValid(tag))
        }

        @Test(arguments: ["", "e", "toolonglang", "zh_", "zh--Hans", "-es", "es-", "123", "es-Latn-Latn-Latn",
                          "pt-BRA1", "es_ES.UTF-8", "zh-Hans-CN-x", "de-DE-1996-1996", "en-a", "ko KR", "ру"])
        func invalidTags(tag: String) {
            #expect(!LanguageTag.isValid(tag), "\(tag)")
        }

        @Test func canonicalCaseAndParts() throws {
            let t = try #require(LanguageTag("SR-latn-rs"))
            #expect(t.description == "sr-Latn-RS")
            #expect(t.language == "sr")
            #expect(t.script == "Latn")
            #expect(t.region == "RS")
            #expect(LanguageTag("pt_BR")?.description == "pt-BR")
            #expect(LanguageTag("de-CH-1996")?.variants == ["1996"])
        }

        @Test func englishDisplayNames() {
            #expect(LanguageTag.displayName("zh-Hans") == "Chinese (Simplified)")
            #expect(LanguageTag.displayName("zh-Hant") == "Chinese (Traditional)")
            #expect(LanguageTag.displayName("pt-BR") == "Portuguese (Brazil)")
            #expect(LanguageTag.displayName("es") == "Spanish")
            #expect(LanguageTag.displayName("sr-Latn-RS") == "Serbian (Latin, Serbia)")
            #expect(LanguageTag.displayName("es-MX") == "Spanish (Mexico)")
            #expect(LanguageTag.displayName("qaa") == "qaa")
        }

        @Test func endonyms() {
            let expected: [String: String] = [
                "es": "Español", "zh-Hans": "简体中文", "zh-Hant": "繁體中文", "ko": "한국어", "th": "ไทย",
                "ar": "العربية", "fa": "فارسی", "ru": "Русский", "vi": "Tiếng Việt", "ht": "Kreyòl ayisyen",
                "zh-TW": "繁體中文", "es-MX": "Español",
            ]
            for (tag, name) in expected { #expect(LanguageTag.endonym(tag) == name, "\(tag)") }
            let listed = ["en", "es", "fr", "pt", "pt-BR", "de", "it", "nl", "ru", "uk", "pl", "cs", "ar", "fa", "ur", "he",
                          "hi", "bn", "zh", "zh-Hans", "zh-Hant", "ja", "ko", "th", "vi", "id", "tl", "km", "my", "ne",
                          "am", "ti", "so", "sw", "ha", "yo", "ro", "tr", "el", "ht"]
            for tag in listed {
                #expect(LanguageTag.endonyms[tag] != nil, "no endonym for \(tag)")
                #expect(LanguageTag.displayName(tag) != tag, "no English name for \(tag)")
            }
        }

        @Test func rightToLeft() {
            for tag in ["ar", "fa", "ur", "he", "ps", "yi", "ar-EG", "fa-AF"] { #expect(LanguageTag.isRightToLeft(tag), "\(tag)") }
            for tag in ["en", "zh-Hans", "th", "ko", "es", "pa"] {
                #expect(!LanguageTag.isRightToLeft(tag), "\(tag)")
            }
            // The script decides when it is given.
            #expect(LanguageTag.isRightToLeft("pa-Arab"))
            #expect(!LanguageTag.isRightToLeft("az-Latn"))
        }

        /// The bare-language path against the general parse, on seeded
        /// short texts drawn from letters of both cases, digits, `-`, `_`,
        /// the bytes beside the letters (`@ [ ` { `), a space and non-ASCII
        /// letters; and written out.
        @Test func aBareLanguageIsParsedAsInGeneral() {
            var g = SplitMix64(seed: 19_701)
            let pieces = Array("aezAEZmQ09-_@[`{ éЖ")
            var bare = 0
            for _ in 0..<20_000 {
                let text = String((0..<Int.random(in: 0...5, using: &g)).map { _ in pieces.randomElement(using: &g)! })
                let fast = LanguageTag(text)
                #expect(fast == LanguageTag(parsing: text), "\(text)")
                if LanguageTag.bareLanguage(text) != nil { bare += 1 }
            }
            #expect(bare > 500)
            #expect(LanguageTag.bareLanguage("EN") == "en")
            #expect(LanguageTag.bareLanguage("Fil") == "fil")
            #expect(LanguageTag.bareLanguage("e") == nil)
            #expect(LanguageTag.bareLanguage("engl") == nil)
            #expect(LanguageTag.bareLanguage("e[") == nil)
            #expect(LanguageTag.bareLanguage("é") == nil)
            #expect(LanguageTag("FA")?.description == "fa")
        }
    }
}

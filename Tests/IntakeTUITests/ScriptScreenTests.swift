import Foundation
import IntakeCore
@testable import IntakeTUI
import Testing

/// Scripts with spacing vowel signs, no spaces between words, or conjuncts,
/// on the question screen at 80×24: every vowel sign reaches a cell, and a
/// wrapped paragraph never splits a word that fits on the next line.
/// (The questionnaires' text is written in the script; the interface stays
/// in its English source.)
@Suite struct ScriptScreens {
    struct Sample: CustomStringConvertible, Sendable {
        var language: String
        var title: String
        var question: String
        var options: [String]
        var description: String { language }
    }

    static let samples: [Sample] = [
        Sample(language: "th", title: "ตำรวจ ทำงาน",
               question: "มีใครเคยขู่ว่าจะเรียกตำรวจ ถ้าคุณหยุดทำงาน หรือขอเงินค่าจ้างของคุณหรือไม่ คุณไม่ต้องตอบคำถามนี้ก็ได้ และคุณหยุดพักได้ทุกเมื่อ ข้อจำกัดของงานนี้คืออะไร",
               options: ["ตำรวจ", "นายจ้างของฉัน", "ไม่มีใคร"]),
        Sample(language: "km", title: "ចាប់ផ្តើម",
               question: "តើមាននរណាម្នាក់គំរាមហៅប៉ូលីស ប្រសិនបើអ្នកឈប់ធ្វើការ ឬសុំប្រាក់ឈ្នួលរបស់អ្នកទេ? អ្នកមិនចាំបាច់ឆ្លើយសំណួរនេះទេ ហើយអ្នកអាចឈប់បានគ្រប់ពេល។ ចាប់ផ្តើម",
               options: ["ប៉ូលីស", "និយោជករបស់ខ្ញុំ", "គ្មាននរណាម្នាក់ទេ"]),
        Sample(language: "my", title: "မြန်မာ",
               question: "သင် အလုပ်ရပ်လျှင် သို့မဟုတ် လုပ်ခ တောင်းလျှင် ရဲကို ခေါ်မည်ဟု တစ်စုံတစ်ယောက်က ခြိမ်းခြောက်ဖူးပါသလား။ ဤမေးခွန်းကို ဖြေရန် မလိုအပ်ပါ။ သင် အချိန်မရွေး ရပ်နိုင်ပါသည်။",
               options: ["ရဲ", "ကျွန်ုပ်၏ အလုပ်ရှင်", "မည်သူမျှ မဟုတ်ပါ"]),
        Sample(language: "hi", title: "पुलिस",
               question: "क्या किसी ने धमकी दी कि अगर आप काम बंद करेंगे या अपनी मज़दूरी माँगेंगे तो वे पुलिस को बुलाएँगे? आपको इस प्रश्न का उत्तर देना ज़रूरी नहीं है, और आप किसी भी समय रुक सकते हैं।",
               options: ["पुलिस", "मेरा मालिक", "कोई नहीं"]),
        Sample(language: "ne", title: "पुलिस",
               question: "के कसैले तपाईंले काम छोड्नुभयो वा आफ्नो तलब माग्नुभयो भने पुलिस बोलाउने धम्की दिएको छ? तपाईंलाई यहाँसम्म पुर्\u{200D}याएको व्यक्तिले तपाईंको राहदानी राखेको छ?",
               options: ["पुलिस", "मेरो रोजगारदाता", "कोही पनि होइन"]),
        Sample(language: "bn", title: "বাংলা",
               question: "আপনি কাজ বন্ধ করলে বা আপনার মজুরি চাইলে কেউ কি পুলিশ ডাকার হুমকি দিয়েছে? আপনাকে এই প্রশ্নের উত্তর দিতে হবে না, এবং আপনি যে কোনো সময় থামতে পারেন।",
               options: ["পুলিশ", "আমার মালিক", "কেউ না"]),
    ]

    static func questionnaire(_ s: Sample) -> Questionnaire {
        let options = s.options.enumerated().map { "              - id: o\($0.offset)\n                text: \"\($0.element)\"" }.joined(separator: "\n")
        let yaml = """
        format: 1
        id: scripts-\(s.language)
        version: "1"
        language: \(s.language)
        title: "\(s.title)"
        domains: []
        sections:
          - id: s
            title: "\(s.title)"
            questions:
              - id: q
                type: single
                text: "\(s.question)"
                options:
        \(options)
        result:
          possible: q == o0
        """
        let outcome = QuestionnaireLoader.load(text: yaml, path: "scripts-\(s.language).yaml")
        guard let q = outcome.questionnaire else { fatalError("\(outcome.diagnostics)") }
        return q
    }

    @Test(arguments: samples)
    func questionScreen(_ s: Sample) throws {
        let r = makeRunner(Self.questionnaire(s), languages: [SourceLanguage(language: s.language)],
                           interviewee: s.language, advocate: s.language)
        for _ in 0..<4 where !r.screen.contains("question 1 of 1") { r.press(.enter) }
        #expect(r.screen.contains("question 1 of 1"))
        Golden.check("script-\(s.language)-question", r.grid)
        let rows = r.grid.lines
        // The paragraph wraps onto several rows...
        let firstWord = String(s.question.split(separator: " ")[0])
        let start = try #require(rows.firstIndex { $0.contains(firstWord) })
        let lastWord = String(s.question.split(separator: " ").last!)
        let end = try #require(rows.lastIndex { $0.contains(lastWord) })
        #expect(end > start)
        // ...and every word of it is whole on one row, with every mark.
        for word in s.question.split(separator: " ") {
            #expect(rows.contains { $0.contains(word) }, "split or lost: \(word)")
        }
        for option in s.options {
            #expect(rows.contains { $0.contains(option) }, "option lost: \(option)")
        }
    }

    /// The exact words of issue 16, on screen whole.
    @Test func theWordsTheIssueNamesAreWhole() {
        let screens = Self.samples.map { s -> String in
            let r = makeRunner(Self.questionnaire(s), languages: [SourceLanguage(language: s.language)],
                               interviewee: s.language, advocate: s.language)
            for _ in 0..<4 where !r.screen.contains("question 1 of 1") { r.press(.enter) }
            return r.screen
        }.joined(separator: "\n")
        for word in ["ตำรวจ", "ทำงาน", "पुलिस", "ចាប់ផ្តើម", "मेरा मालिक", "पुर्\u{200D}याएको"] {
            #expect(screens.contains(word), "missing: \(word)")
        }
    }
}

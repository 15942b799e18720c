import Foundation
import Testing
@testable import IntakeCore

/// Issue 14: a summary a caseworker can act on. Built from the bundled full
/// screen with the benign answers of ScreeningLawTests and a few changes.
@Suite struct SummaryReferralTests {
    static func summary(_ changes: [String: AnswerValue], endedBy: String? = nil) -> Summary {
        let answers = ScreeningLawTests.benign.merging(changes) { _, new in new }
        let q = ScreeningLawTests.q
        return SummaryBuilder.build(questionnaire: q, score: Scorer.score(q, answers: answers, language: "en"),
                                    answers: answers, remarks: [:], interviewRemark: "", intervieweeLanguage: "am",
                                    endedBy: endedBy, context: SummaryContext(interviewDate: "2026-11-30 09:15 EST",
                                                                              organisation: "Harbor Legal Aid",
                                                                              setting: "walk-in clinic",
                                                                              screener: "HLA-07",
                                                                              intervieweeLanguageDraft: true),
                                    in: SourceLanguage(language: "en"))
    }

    @Test func theHeaderSaysWhoWhenAndHow() {
        let s = Self.summary(["interpreter_used": .choice("yes"), "interpreter_language": .text("Amharic"),
                              "languages": .text("Amharic, some Arabic")])
        #expect(s.header.interviewDate == "2026-11-30 09:15 EST")
        #expect(s.header.organisation == "Harbor Legal Aid")
        #expect(s.header.questionnaireHash == ScreeningLawTests.q.contentHash)
        let text = s.rendered(.text, in: SourceLanguage(language: "en"))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains("Interview date: 2026-11-30 09:15 EST"))
        #expect(lines.contains("Organisation: Harbor Legal Aid (walk-in clinic)"))
        #expect(lines.contains("Screener: HLA-07"))
        #expect(lines.contains("Languages: am (draft translation) / en"))
        #expect(lines.contains("Interpreter: Yes, Amharic"))
        #expect(lines.contains("The person's languages: Amharic, some Arabic"))
    }

    /// The interview's date comes from its first event, written by the
    /// caller's formatter (Core reads no clock and no time-zone database).
    @Test func theInterviewDateIsWhenTheFirstEventHappened() {
        var iv = Interview(questionnaire: ScreeningLawTests.q, intervieweeLanguage: "en", advocateLanguage: "en")
        iv.apply(.answered(question: "privacy_checked", value: .choice("yes")), at: Date(timeIntervalSince1970: 1_764_494_100))
        iv.apply(.answered(question: "consent", value: .choice("yes")), at: Date(timeIntervalSince1970: 1_764_497_700))
        #expect(iv.startedAt == Date(timeIntervalSince1970: 1_764_494_100))
        let s = SummaryBuilder.build(iv, context: SummaryContext(dateText: { "at \(Int($0.timeIntervalSince1970))" }),
                                     in: SourceLanguage(language: "en"))
        #expect(s.header.interviewDate == "at 1764494100")
    }

    /// The Interpretation referral names the language, so that the service
    /// books the right interpreter.
    @Test func theInterpretationReferralNamesTheLanguage() {
        let s = Self.summary(["interpreter_used": .choice("yes"), "interpreter_language": .text("Amharic"),
                              "languages": .text("Amharic, some Arabic"), "interpreter_wanted": .choice("yes")])
        let r = try! #require(s.referrals.first { $0.id == "interpretation" })
        #expect(r.details?.map(\.answer) == ["Amharic", "Amharic, some Arabic"])
        let text = s.rendered(.text, in: SourceLanguage(language: "en"))
        #expect(text.contains("""
            Details:
              For the advocate: in which language is the interpreter working?
              → Amharic
        """))
        // A referral without details has none in its JSON.
        #expect(s.referrals.first { $0.id != "interpretation" }?.details == nil)
    }

    /// "Offer the full screening" is this organisation's own step, not a
    /// service to share with: it is neither agreed nor refused.
    @Test func aReferralThatIsNotSharedIsNeitherAgreedNorRefused() throws {
        let q = try bundledQuestionnaire("quick-screen")
        let answers: [String: AnswerValue] = ["interpreter_used": .choice("no"), "consent": .choice("yes"),
                                              "papers_held": .choice("yes"), "hurt_by_others": .choice("yes"),
                                              "share_consent": .choices(["medical"])]
        let tr = SourceLanguage(language: "en")
        let s = SummaryBuilder.build(questionnaire: q, score: Scorer.score(q, answers: answers, language: "en"),
                                     answers: answers, remarks: [:], interviewRemark: "", intervieweeLanguage: "en",
                                     endedBy: nil, in: tr)
        #expect(s.referrals.map(\.id) == ["full_screen", "full_screen_later", "crime_victim_help", "medical"])
        #expect(s.referrals.map(\.agreed) == [nil, nil, false, true])
        let text = s.rendered(.text, in: tr)
        #expect(text.contains("""
        REFERRALS THE PERSON AGREED TO
        ──────────────────────────────
        • Medical care:
        """))
        #expect(text.contains("""
        OTHER SUGGESTIONS (NOT AGREED TO SHARE)
        ───────────────────────────────────────
        • Help after a crime, and legal advice:
        """))
        #expect(text.contains("""
        SUGGESTED REFERRALS
        ───────────────────
        • Offer the full screening:
        """))
    }

    @Test func theClosingRemarkIsWithTheOtherRemarks() {
        let s = Self.summary(["remarks": .text("A man waited outside and phoned her twice.")])
        #expect(s.remarks.map(\.text) == ["A man waited outside and phoned her twice."])
        #expect(s.remarks.map(\.question) == ["remarks"])
    }

    @Test func agreedReferralsComeFirstAndTheOthersStaySuggestions() {
        let s = Self.summary(["safe_tonight": .choice("no"), "wants_now": .choices(["medical_care", "legal_help"]),
                              "came_from_abroad": .choice("yes"), "share_consent": .choices(["medical"])])
        #expect(s.referrals.map(\.id) == ["immigration_legal", "shelter_housing", "medical"])
        #expect(s.referrals.map(\.agreed) == [false, false, true])
        #expect(s.referrals.map(\.timeCritical) == [false, true, false])
        #expect(s.referrals[1].evidence.map(\.question) == ["safe_tonight"])
        let text = s.rendered(.text, in: SourceLanguage(language: "en"))
        let agreed = text.range(of: "REFERRALS THE PERSON AGREED TO")!.lowerBound
        let others = text.range(of: "OTHER SUGGESTIONS (NOT AGREED TO SHARE)")!.lowerBound
        #expect(agreed < others)
        #expect(text.contains("• [TIME-CRITICAL] Shelter and housing:"))
    }

    @Test func aCourtDateMakesRecordReliefTimeCritical() {
        let s = Self.summary(["arrested": .choice("yes"), "criminal_record": .choice("no"), "court_date": .choice("yes")])
        #expect(s.referrals.first { $0.id == "criminal_record_relief" }?.timeCritical == true)
    }

    @Test func dependantsAndSafeContactAreInTheSummary() {
        let s = Self.summary(["children_depend": .choice("yes"), "children_safe": .choice("no"),
                              "safe_contact": .choices(["text_message"]), "safe_contact_times": .text("After 8pm"),
                              "never_contact": .text("Never call the landline")])
        #expect(s.dependants.map(\.answer) == ["Yes", "No"])
        #expect(s.safeContact.map(\.answer) == ["A text message", "After 8pm", "Never call the landline"])
        #expect(s.urgent)   // a child who is not safe makes it urgent
    }

    @Test func aConsentDeclinedSummarySaysTheRestWasNotAsked() {
        let q = ScreeningLawTests.q
        let answers: [String: AnswerValue] = ["privacy_checked": .choice("yes"), "others_present": .choice("nobody"),
                                              "interpreter_used": .choice("no"), "consent": .choice("no")]
        let s = SummaryBuilder.build(questionnaire: q, score: Scorer.score(q, answers: answers, language: "en"),
                                     answers: answers, remarks: [:], interviewRemark: "", intervieweeLanguage: "en",
                                     endedBy: "consent", in: SourceLanguage(language: "en"))
        #expect(s.header.endedAt?.answer == "No")
        let text = s.rendered(.text, in: SourceLanguage(language: "en"))
        #expect(!text.contains("Every question that applied was answered."))
        #expect(text.contains("Ended at: Are you willing to talk with me about these things today? → No"))
    }

    @Test func theMarkdownDomainTableColumnIsTheFinding() {
        let md = Self.summary([:]).rendered(.markdown, in: SourceLanguage(language: "en"))
        #expect(md.contains("| Findings by domain | Finding |"))
    }
}

import Testing
@testable import IntakeCore

/// Issue 13: the bundled screen's conclusions against the law (TVPA act,
/// means, purpose; ILO indicators), not against the program. Each test
/// states what the law says in its name; expected results are written out.
@Suite struct ScreeningLawTests {
    static let q: Questionnaire = {
        let url = repositoryRoot.appendingPathComponent("questionnaires/trafficking-screening.yaml")
        let text = try! String(contentsOf: url, encoding: .utf8)
        return QuestionnaireLoader.load(text: text, path: "questionnaires/trafficking-screening.yaml").questionnaire!
    }()

    /// An adult in ordinary work who reports nothing: every answer written out.
    static let benign: [String: AnswerValue] = {
        var a: [String: AnswerValue] = [:]
        let yes = ["privacy_checked", "consent", "safe_tonight", "paid_at_all", "paid_as_promised", "rest_day",
                   "medical_allowed", "free_to_leave", "come_and_go", "family_contact", "language_isolation"]
        let no = ["interpreter_used", "in_danger_now", "urgent_medical", "children_depend", "may_be_minor",
                  "came_from_abroad", "interpreter_wanted", "travel_arranged", "recruitment_debt",
                  "recruited_in_hardship", "pay_deductions", "earnings_kept", "quota", "always_on_call",
                  "employer_housing", "food_withheld", "dangerous_work", "locked_in", "watched", "documents_held",
                  "phone_controlled", "told_what_to_say", "false_law_info", "situation_used", "physical_violence",
                  "sexual_violence", "threatened_harm", "threats_family", "threat_authorities", "threat_expose",
                  "threat_worse", "substances_control", "forced_tasks", "made_to_break_law", "afraid_to_leave",
                  "owes_now", "arrested", "family_apart", "family_pressured"]
        for id in yes { a[id] = .choice("yes") }
        for id in no { a[id] = .choice("no") }
        a["others_present"] = .choice("nobody")
        a["age_group"] = .choice("adult")
        a["sectors"] = .choices(["restaurant"])
        a["situation_now"] = .choice("ongoing")
        a["what_differed"] = .choices(["nothing_differed"])
        a["hours_per_day"] = .number(8)
        a["police_contact_wish"] = .choice("does_not_want")
        a["wants_now"] = .choices(["nothing_now"])
        a["advocate_concern"] = .choice("none")
        return a
    }()

    static func score(_ changes: [String: AnswerValue]) -> ScoreResult {
        Scorer.score(q, answers: benign.merging(changes) { _, new in new }, language: "en")
    }

    static func summary(_ changes: [String: AnswerValue]) -> String {
        let answers = benign.merging(changes) { _, new in new }
        let tr = SourceLanguage(language: "en")
        let s = SummaryBuilder.build(questionnaire: q, score: Scorer.score(q, answers: answers, language: "en"),
                                     answers: answers, remarks: [:], interviewRemark: "", intervieweeLanguage: "en",
                                     endedBy: nil, in: tr)
        return s.rendered(.text, in: tr)
    }

    static let yes = AnswerValue.choice("yes"), no = AnswerValue.choice("no")
    static let declined = AnswerValue.special(.declined), dontKnow = AnswerValue.special(.dontKnow)

    @Test func benignAnswersReportNothing() {
        let r = Self.score([:])
        #expect(r.result == .noIndicators)
        #expect(r.indicators.isEmpty)
        #expect(r.safety == .noConcernReported)
    }

    // MARK: Who did it

    @Test func sexWorkerAssaultedByAClientIsASafetyConcernNotTrafficking() {
        let r = Self.score(["sectors": .choices(["sex_trade"]),
                            "physical_violence": Self.yes, "physical_violence_by": .choices(["client"]),
                            "sexual_violence": Self.yes, "sexual_violence_by": .choices(["client"])])
        #expect(r.result == .concerns)
        #expect(r.domain("force")?.positive == false)
        #expect(r.indicators.map(\.id) == ["harm_by_client"])
        #expect(r.referrals.map(\.referral.id) == ["mental_health", "crime_victim_help", "medical"])
    }

    @Test func policeViolenceInARaidIsASafetyConcernNotTrafficking() {
        let r = Self.score(["sectors": .choices(["nail_beauty"]),
                            "physical_violence": Self.yes, "physical_violence_by": .choices(["police"]),
                            "locked_in": Self.yes, "locked_in_by": .choices(["police"]),
                            "arrested": Self.yes, "criminal_record": Self.no])
        #expect(r.result == .concerns)
        #expect(r.indicators.map(\.id) == ["harm_by_officials"])
        #expect(r.positiveDomains == ["harm_by_others"])
    }

    @Test func violenceByThoseWhoControlTheWorkIsForce() {
        let r = Self.score(["physical_violence": Self.yes, "physical_violence_by": .choices(["controller", "client"])])
        #expect(r.result == .likely)
        #expect(r.indicators.map(\.id) == ["physical_harm", "harm_by_client"])
    }

    @Test func violenceWhoseAuthorIsDeclinedIsNotReadAsAClient() {
        let r = Self.score(["physical_violence": Self.yes, "physical_violence_by": Self.declined])
        #expect(r.result == .possible)
        #expect(r.overrides.map(\.override.id) == ["who_not_established"])
    }

    // MARK: Act, means, purpose

    @Test func fraudAloneIsPossibleNotLikely() {
        let r = Self.score(["what_differed": .choices(["job", "pay", "hours"]), "paid_as_promised": Self.no])
        #expect(r.domain("fraud")?.positive == true)
        #expect(r.result == .possible)
    }

    @Test func fraudWithPapersRefusedIsLikely() {
        let r = Self.score(["what_differed": .choices(["job", "pay"]),
                            "documents_held": Self.yes, "documents_back": Self.no])
        #expect(r.result == .likely)
    }

    @Test func papersRefusedNotFreeWatchedAndConfinedAreCoercionAndLikely() {
        let r = Self.score(["documents_held": Self.yes, "documents_back": Self.no, "free_to_leave": Self.no,
                            "watched": Self.yes])
        #expect(r.domain("coercion")?.positive == true)
        #expect(r.result == .likely)
        let confined = Self.score(["locked_in": Self.yes, "locked_in_by": .choices(["controller"])])
        #expect(confined.result == .likely)
    }

    @Test func aDeclinedSectorQuestionNoLongerBlocksLikely() {
        let r = Self.score(["sectors": Self.declined,
                            "physical_violence": Self.yes, "physical_violence_by": .choices(["controller"]),
                            "locked_in": Self.yes, "locked_in_by": .choices(["controller"])])
        #expect(r.result == .likely)
    }

    // MARK: Thresholds

    @Test(arguments: [
        ["language_isolation": AnswerValue.choice("no")],
        ["hours_per_day": AnswerValue.number(12)],
        ["recruitment_debt": AnswerValue.choice("yes")],
        ["afraid_to_leave": AnswerValue.choice("yes")],
    ])
    func oneWeakOrMediumSignIsAConcernNotPossibleTrafficking(_ change: [String: AnswerValue]) {
        #expect(Self.score(change).result == .concerns)
    }

    @Test func twoMediumSignsArePossible() {
        #expect(Self.score(["afraid_to_leave": Self.yes, "hours_per_day": .number(12)]).result == .possible)
    }

    @Test func oneStrongSignIsPossible() {
        #expect(Self.score(["documents_held": Self.yes, "documents_back": Self.yes]).result == .possible)
    }

    // MARK: Unknown is never reassuring

    @Test func declinedSafetyQuestionsSayThatSafetyWasNotEstablished() {
        let r = Self.score(["in_danger_now": Self.declined, "safe_tonight": Self.dontKnow])
        #expect(r.safety == .notEstablished(["in_danger_now", "safe_tonight"]))
        let text = Self.summary(["in_danger_now": Self.declined, "safe_tonight": Self.dontKnow])
        #expect(!text.contains("No urgent safety concern"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        // The first line after the header, before the result.
        let first = lines.firstIndex { $0.hasPrefix("! ") }
        #expect(first != nil && first! < lines.firstIndex(of: "SCREENING RESULT")!)
        #expect(first.map { lines[$0] } == "! Safety was not established: these safety questions have no answer. Ask again,")
    }

    @Test func urgentShowsOnlyTheAnswersThatMadeItUrgent() {
        let r = Self.score(["safe_tonight": Self.no])
        #expect(r.urgentEvidence.map(\.questionID) == ["safe_tonight"])
        let text = Self.summary(["safe_tonight": Self.no])
        #expect(text.contains("• Do you have a safe place to sleep tonight? → No"))
        #expect(!text.contains("danger right now"))
    }

    // MARK: Minors

    @Test func unknownAgeWithCommercialSexIsAtLeastPossibleAndFlagged() {
        let r = Self.score(["age_group": Self.declined, "sectors": .choices(["sex_trade"])])
        #expect(r.result == .possible)
        #expect(r.overrides.map(\.override.id) == ["age_not_established"])
        let doubted = Self.score(["may_be_minor": Self.yes, "minor_exchange_sex": Self.yes])
        #expect(doubted.result == .possible)
        #expect(doubted.overrides.map(\.override.id) == ["age_not_established"])
    }

    @Test func aMinorsOverrideShowsTheCommercialSexAnswer() {
        let r = Self.score(["age_group": .choice("under_18"), "sectors": .choices(["sex_trade", "restaurant"])])
        let evidence = r.overrides.first { $0.override.id == "minor_in_commercial_sex" }?.evidence ?? []
        #expect(evidence.map(\.questionID) == ["age_group", "sectors"])
        #expect(evidence.last?.answer == .choices(["sex_trade"]))
    }

    @Test func hazardousWorkByAMinorRaisesChildWelfareAndLabourReferrals() {
        let r = Self.score(["age_group": .choice("under_18"), "sectors": .choices(["cleaning"]), "dangerous_work": Self.yes])
        // unsafe_work is the adult reading of the same answer: one medium sign.
        #expect(r.indicators.map(\.id) == ["unsafe_work", "hazardous_child_labour"])
        #expect(r.result == .concerns)
        #expect(r.referrals.map(\.referral.id) == ["child_services", "mental_health", "labor_rights"])
    }

    @Test func aMinorsCommercialSexEarningsAreNoWageClaim() {
        let r = Self.score(["age_group": .choice("under_18"), "sectors": .choices(["sex_trade"]), "hours_per_day": .number(10),
                            "earnings_kept": Self.yes, "earnings_kept_by": .choice("controller")])
        #expect(r.result == .likely)
        #expect(r.indicators.map(\.id) == ["earnings_taken", "minor_commercial_sex"])
        #expect(r.referrals.map(\.referral.id) == ["child_services", "mental_health", "benefits"])
    }

    @Test func aForeignBornMinorIsReferredForImmigrationHelp() {
        let r = Self.score(["age_group": .choice("under_18"), "came_from_abroad": Self.yes])
        #expect(r.referrals.map(\.referral.id).contains("immigration_legal"))
        #expect(r.referrals.first?.referral.id == "child_services")
    }

    // MARK: Evidence

    @Test func multipleChoiceEvidenceShowsOnlyTheOptionThatRaisedEachIndicator() {
        let r = Self.score(["what_differed": .choices(["job", "pay", "housing"])])
        let byID = Dictionary(uniqueKeysWithValues: r.indicators.map { ($0.id, $0.evidence) })
        #expect(byID["job_deception"]?.map(\.answer) == [.choices(["job"])])
        #expect(byID["pay_deception"]?.map(\.answer) == [.choices(["pay"])])
        #expect(byID["housing_deception"]?.map(\.answer) == [.choices(["housing"])])
    }

    // MARK: Past situations

    @Test func aSituationThatEndedStillScoresAndTheSummarySaysEnded() {
        let changes: [String: AnswerValue] = ["situation_now": .choice("ended"), "ended_when": .choice("under_month"),
                                              "locked_in": Self.yes, "locked_in_by": .choices(["controller"])]
        #expect(Self.score(changes).result == .likely)
        let text = Self.summary(changes)
        #expect(text.contains("Situation now: It has ended\nEnded: Less than a month ago\n"))
    }
}

/// A trainee's practice interview compared with the persona's full story:
/// what was missed, which sections were skipped, and whether the result,
/// the positive domains and the referrals came out the same.
public struct PracticeComparison: Sendable {
    /// Questions the persona has an answer for, that applied in the full
    /// story, but that the trainee never asked.
    public var missedQuestions: [String]
    /// Sections with at least one missed question and no asked question.
    public var skippedSections: [String]
    public var traineeResult: ResultLevel
    public var expectedResult: ResultLevel
    public var traineeUrgent: Bool
    public var expectedUrgent: Bool
    /// Domains positive in one but not the other.
    public var domainsOnlyInExpected: [String]
    public var domainsOnlyInTrainee: [String]
    public var referralsOnlyInExpected: [String]
    public var referralsOnlyInTrainee: [String]

    public var resultDiffers: Bool { traineeResult != expectedResult || traineeUrgent != expectedUrgent }
    public var isPerfect: Bool {
        missedQuestions.isEmpty && !resultDiffers && domainsOnlyInExpected.isEmpty && domainsOnlyInTrainee.isEmpty
            && referralsOnlyInExpected.isEmpty && referralsOnlyInTrainee.isEmpty
    }

    /// Compares the trainee's answers with the persona's.
    public static func compare(questionnaire q: Questionnaire, trainee: [String: AnswerValue],
                               persona: [String: AnswerValue], language: String) -> PracticeComparison {
        let mine = Scorer.score(q, answers: trainee, language: language)
        let full = Scorer.score(q, answers: persona, language: language)
        let missed = q.questions.filter { question in
            question.takesAnswer && persona[question.id] != nil && full.relevance.isRelevant(question.id)
                && trainee[question.id] == nil
        }.map(\.id)
        let missedSet = Set(missed)
        let skipped = q.sections.filter { s in
            let ids = s.questions.map(\.id)
            return ids.contains(where: missedSet.contains) && !ids.contains { trainee[$0] != nil }
        }.map(\.id)
        func diff(_ a: [String], _ b: [String]) -> [String] { a.filter { !b.contains($0) } }
        let myDomains = mine.positiveDomains, fullDomains = full.positiveDomains
        let myRefs = mine.referrals.map(\.referral.id), fullRefs = full.referrals.map(\.referral.id)
        return PracticeComparison(missedQuestions: missed, skippedSections: skipped,
                                  traineeResult: mine.result, expectedResult: full.result,
                                  traineeUrgent: mine.urgent, expectedUrgent: full.urgent,
                                  domainsOnlyInExpected: diff(fullDomains, myDomains),
                                  domainsOnlyInTrainee: diff(myDomains, fullDomains),
                                  referralsOnlyInExpected: diff(fullRefs, myRefs),
                                  referralsOnlyInTrainee: diff(myRefs, fullRefs))
    }

    /// A line of the comparison; `isWarning` on the one that says the
    /// trainee's result differs from the expected one.
    public struct Line: Hashable, Sendable {
        public var text: String
        public var isWarning = false
    }

    /// The comparison as lines of text in the advocate's language.
    public func lines(questionnaire q: Questionnaire, in tr: some Translating) -> [String] {
        report(questionnaire: q, in: tr).map(\.text)
    }

    /// The comparison's lines, for the practice summary screen.
    public func report(questionnaire q: Questionnaire, in tr: some Translating) -> [Line] {
        func resultText(_ r: ResultLevel) -> String { tr.result(r) }
        func domainTitle(_ id: String) -> String { q.domain(id).map { tr($0.title) } ?? id }
        func referralTitle(_ id: String) -> String { q.referrals.first { $0.id == id }.map { tr($0.title) } ?? id }
        var out: [Line] = []
        out.append(Line(text: tr.ui(.practiceYourResult, ["result": resultText(traineeResult)])))
        out.append(Line(text: tr.ui(.practiceExpectedResult, ["result": resultText(expectedResult)])))
        if resultDiffers { out.append(Line(text: "! " + tr.ui(.practiceResultDiffers), isWarning: true)) }
        if isPerfect { out.append(Line(text: tr.ui(.practicePerfect))) }
        // Each difference: a heading, then its items by name.
        let groups: [(UIString, [String])] = [
            (.practiceMissed, missedQuestions.map { id in q.question(id).map { tr($0.text) } ?? id }),
            (.practiceSkippedSections, skippedSections.map { id in q.section(id).map { tr($0.title) } ?? id }),
            (.practiceDomainsMissed, domainsOnlyInExpected.map(domainTitle)),
            (.practiceDomainsExtra, domainsOnlyInTrainee.map(domainTitle)),
            (.practiceReferralsMissed, referralsOnlyInExpected.map(referralTitle)),
            (.practiceReferralsExtra, referralsOnlyInTrainee.map(referralTitle)),
        ]
        for (heading, items) in groups where !items.isEmpty {
            out.append(Line(text: ""))
            out.append(Line(text: tr.ui(heading)))
            out += items.map { Line(text: "  - " + $0) }
        }
        return out
    }
}

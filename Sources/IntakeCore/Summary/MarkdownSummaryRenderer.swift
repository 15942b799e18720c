import Foundation

/// Markdown punctuation escaped wherever it is: emphasis, code, links,
/// HTML, headings, tables, entities, strikethrough and fences (`~`).
private let markdownInlinePunctuation: Set<Character> = ["\\", "`", "*", "_", "{", "}", "[", "]", "<", ">", "#", "|", "!", "&", "~"]

/// Markdown for pasting into a case management system.
struct MarkdownSummaryRenderer<T: Translating> {
    let summary: Summary
    let tr: T

    /// Escapes text from answers, data files and translations so it stays
    /// text. Any piece may begin a line (a remark line, a list item's text),
    /// so each is escaped as if it did: leading spaces (an indented code
    /// block) are dropped, and a leading `-`, `+` or `=` (list item, setext
    /// underline, thematic break) or the `.` or `)` after leading digits
    /// and before a space (ordered list) gets a backslash, besides `markdownInlinePunctuation`
    /// anywhere.
    static func escape(_ s: String) -> String {
        var rest = Sanitize.singleLine(s).drop { $0 == " " }
        var out = ""
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        let afterDigits = rest.dropFirst(digits.count)
        // A list marker is followed by a space or ends the line ("2.0.0" is not one).
        if !digits.isEmpty, let next = afterDigits.first, next == "." || next == ")",
           afterDigits.dropFirst().first.map({ $0 == " " }) ?? true {
            out += String(digits) + "\\" + String(next)
            rest = rest.dropFirst(digits.count + 1)
        } else if let first = rest.first, first == "-" || first == "+" || first == "=" {
            out += "\\" + String(first)
            rest = rest.dropFirst()
        }
        for c in rest {
            if markdownInlinePunctuation.contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }

    /// A domain's heading and its indicators, each with the answers behind
    /// it; concerns are not trafficking indicators, so no strength is shown.
    private func domainSection(_ d: Summary.DomainItem) -> [String] {
        var out = ["", "### \(Self.escape(d.title))", ""]
        for ind in d.indicators {
            out.append(d.kind == .concern ? "- `\(ind.id)`" : "- `\(ind.id)` (\(Self.escape(tr.strength(ind.strength))))")
            out += evidenceLines(ind.evidence)
        }
        return out
    }

    /// A referral's services as a nested list, or the statement that there are none.
    private func serviceLines(_ services: [Summary.ServiceItem]?, indent: String) -> [String] {
        guard let services else { return [] }
        if services.isEmpty { return ["\(indent)- _\(Self.escape(tr.ui(.summaryNoLocalService)))_"] }
        return services.flatMap { sv in
            ["\(indent)- \(Self.escape(sv.displayTitle(tr)))"] + sv.detailLines(tr).map { "\(indent)  - \(Self.escape($0))" }
        }
    }

    private func evidenceLines(_ evidence: [Summary.EvidenceItem]) -> [String] {
        evidence.map { "  - \(Self.escape($0.questionText)): \(Self.escape($0.answer))" }
    }

    func render() -> String {
        let s = summary
        let e = Self.escape
        var out: [String] = []
        out.append("# \(e(tr.ui(.summaryTitle)))")
        out.append("")
        out.append("- \(e(tr.ui(.summaryQuestionnaire))): \(e(s.questionnaire.title)) (`\(s.questionnaire.id)` \(e(s.questionnaire.version)), sha256 `\(s.header.questionnaireHash.prefix(12))`)")
        if let d = s.header.interviewDate { out.append("- \(e(tr.ui(.summaryInterviewDate))): \(e(d))") }
        if let o = s.header.organisation { out.append("- \(e(tr.ui(.summaryOrganisation))): \(e(o))\(s.header.setting.map { " (\(e($0)))" } ?? "")") }
        if let sc = s.header.screener { out.append("- \(e(tr.ui(.summaryScreener))): \(e(sc))") }
        out.append("- \(e(tr.ui(.summaryLanguages))): \(e(s.languagesLine(tr)))")
        if let i = s.interpreterLine { out.append("- \(e(tr.ui(.summaryInterpreter))): \(e(i))") }
        if let p = s.header.preferredLanguages { out.append("- \(e(tr.ui(.summaryPreferredLanguages))): \(e(p))") }
        if let x = s.header.endedAt { out.append("- \(e(tr.ui(.summaryEndedAt))): \(e(x.questionText)): \(e(x.answer))") }
        out.append("")
        switch s.safety {
        case .urgent:
            out.append("## ⚠ \(e(tr.ui(.summaryUrgent)))")
            out.append("")
            for u in s.urgentReasons { out.append("- \(e(u))") }
            out.append("")
            if let es = s.emergencyServices, !es.isEmpty {
                out.append("**\(e(tr.ui(.summaryEmergencyServices)))**")
                out.append("")
                out += serviceLines(es, indent: "")
                out.append("")
            }
        case .notEstablished:
            out.append("**\(e(tr.ui(.summarySafetyUnknown)))**")
            out.append("")
            for u in s.safetyUnanswered { out.append("- \(e(u.questionText)) (\(e(tr.reason(u.reason))))") }
            out.append("")
        case .noConcernReported:
            out.append(e(tr.ui(.summaryUrgentNone)))
            out.append("")
        }
        out.append("## \(e(tr.ui(.summaryResult)))")
        out.append("")
        out.append("**\(e(s.resultText))**")
        if let sit = s.situation { out.append(""); out.append("\(e(tr.ui(.summarySituation))): \(e(sit.text))") }
        if let ended = s.situationEnded { out.append(""); out.append("\(e(tr.ui(.summarySituationEnded))): \(e(ended.text))") }
        if s.endedEarly { out.append(""); out.append(e(tr.ui(.summaryEndedEarly))) }
        if !s.overrides.isEmpty {
            out.append("")
            out.append("\(e(tr.ui(.summaryOverrides))):")
            out.append("")
            for o in s.overrides {
                out.append("- \(e(o.reason))")
                out += evidenceLines(o.evidence)
            }
        }
        out.append("")
        out.append("## \(e(tr.ui(.summaryDomains)))")
        out.append("")
        out.append("| \(e(tr.ui(.summaryDomains))) | \(e(tr.ui(.summaryFinding))) |")
        out.append("| --- | --- |")
        for (_, d) in s.indicatorDomains {
            let status = d.positive ? "**\(e(tr.ui(.summaryPositive)))**"
                : d.indicators.isEmpty ? e(tr.ui(.summaryNoIndicatorsInDomain)) : e(tr.ui(.summaryNotPositive))
            out.append("| \(e(d.title)) | \(status) (\(e(tr.ui(.summaryIndicatorCount, count: d.indicators.count)))) |")
        }
        for (_, d) in s.indicatorDomains where !d.indicators.isEmpty {
            out += domainSection(d)
        }
        if !s.reportedConcerns.isEmpty {
            out.append("")
            out.append("## \(e(tr.ui(.summaryConcerns)))")
            out.append("")
            out.append("_\(e(tr.ui(.summaryConcernNote)))_")
            for (_, d) in s.reportedConcerns { out += domainSection(d) }
        }
        if !s.needs.isEmpty {
            out.append("")
            out.append("## \(e(tr.ui(.summaryNeeds)))")
            out.append("")
            for n in s.needs { out.append("- \(e(n))") }
        }
        if s.referrals.isEmpty {
            out += ["", "## \(e(tr.ui(.summaryReferrals)))", "", e(tr.ui(.summaryNoReferrals))]
        }
        for group in s.referralGroups(tr) {
            out += ["", "## \(e(group.heading))", ""]
            for r in group.items {
                let mark = r.timeCritical ? "**\(e(tr.ui(.summaryTimeCritical)))** " : ""
                out.append("- \(mark)**\(e(r.title))**: \(e(r.reason))")
                out += evidenceLines(r.evidence)
                if let details = r.details, !details.isEmpty {
                    out.append("  - \(e(tr.ui(.summaryReferralDetails))):")
                    out += evidenceLines(details).map { "  " + $0 }
                }
                out += serviceLines(r.services, indent: "  ")
            }
        }
        if let limits = s.shareLimits { out += ["", "\(e(tr.ui(.summaryShareLimits))): \(e(limits))"] }
        for (title, lines) in [(tr.ui(.summarySafeContact), s.safeContact), (tr.ui(.summaryDependants), s.dependants)] where !lines.isEmpty {
            out += ["", "## \(e(title))", ""]
            out += lines.map { "- \(e($0.questionText)): \(e($0.answer))" }
        }
        if let le = s.lawEnforcementPreference {
            out.append("")
            out.append("## \(e(tr.ui(.summaryLawEnforcement)))")
            out.append("")
            out.append(e(le.text))
            out.append("")
            out.append("_\(e(tr.ui(.summaryLawEnforcementNote)))_")
        }
        if let c = s.advocateConcern {
            out.append("")
            out.append("## \(e(tr.ui(.summaryAdvocateConcern)))")
            out.append("")
            out.append(e(c.text))
        }
        out.append("")
        out.append("## \(e(tr.ui(.summaryUnanswered)))")
        out.append("")
        if s.unanswered.isEmpty { out.append(e(tr.ui(s.endedEarly ? .summaryEndedNotAsked : .summaryNothingUnanswered))) }
        for u in s.unanswered { out.append("- \(e(u.questionText)) (\(e(tr.reason(u.reason))))") }
        out.append("")
        out.append("## \(e(tr.ui(.summaryRemarks)))")
        out.append("")
        if s.remarks.isEmpty { out.append(e(tr.ui(.summaryNoRemarks))) }
        for r in s.remarks {
            out.append("- \(e(r.questionText ?? tr.ui(.summaryInterviewRemark))):")
            for line in r.text.split(separator: "\n", omittingEmptySubsequences: false) {
                out.append("  > \(e(String(line)))")
            }
        }
        out.append("")
        out.append("---")
        out.append("")
        if s.usesFallbackText { out.append("_\(e(tr.ui(.summaryFallbackNotice)))_"); out.append("") }
        out.append("_\(e(s.disclaimer))_")
        return out.joined(separator: "\n") + "\n"
    }
}

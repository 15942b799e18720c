import Foundation

/// The output formats of a summary.
public enum SummaryFormat: String, Sendable, CaseIterable {
    case text, markdown, json, html

    public var fileExtension: String {
        switch self {
        case .text: return "txt"
        case .markdown: return "md"
        case .json: return "json"
        case .html: return "html"
        }
    }
}

public extension Summary {
    /// Renders in `format`. `tr` supplies the headings (the advocate's
    /// language); `width` is the text format's line width (80 for files,
    /// the screen's width on the summary screen).
    func rendered(_ format: SummaryFormat, in tr: some Translating, ascii: Bool = false, width: Int = 80) -> String {
        switch format {
        case .text: return TextSummaryRenderer(summary: self, tr: tr, ascii: ascii, width: width).render()
        case .markdown: return MarkdownSummaryRenderer(summary: self, tr: tr).render()
        case .json: return jsonString()
        case .html: return HTMLSummaryRenderer(summary: self, tr: tr).render()
        }
    }

    /// Stable, pretty JSON (keys sorted) ending in a newline.
    func jsonString() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The domains in questionnaire order.
    var orderedDomains: [(id: String, item: DomainItem)] {
        domainOrder.compactMap { id in domains[id].map { (id, $0) } }
    }

    /// "fa (draft translation) / en": the interview's and the summary's languages.
    func languagesLine(_ tr: some Translating) -> String {
        func tag(_ t: String, _ draft: Bool) -> String { draft ? "\(t) (\(tr.ui(.summaryDraftMark)))" : t }
        return "\(tag(intervieweeLanguage, header.intervieweeLanguageDraft)) / \(tag(language, header.languageDraft))"
    }

    /// "Yes, Amharic": whether an interpreter took part, and the language.
    var interpreterLine: String? {
        guard let used = header.interpreter else { return header.interpreterLanguage }
        return [used.text, header.interpreterLanguage].compactMap { $0 }.joined(separator: ", ")
    }

    /// The referrals in the order to print them, under their heading: those
    /// the person agreed to, those they did not, then steps that are not a
    /// matter of sharing (all of them when consent to share was not recorded).
    func referralGroups(_ tr: some Translating) -> [(heading: String, items: [ReferralItem])] {
        [(tr.ui(.summaryAgreedReferrals), referrals.filter { $0.agreed == true }),
         (tr.ui(.summaryOtherReferrals), referrals.filter { $0.agreed == false }),
         (tr.ui(.summaryReferrals), referrals.filter { $0.agreed == nil })]
            .filter { !$0.items.isEmpty }
    }

    /// Domains of trafficking indicators, in order.
    var indicatorDomains: [(id: String, item: DomainItem)] { orderedDomains.filter { $0.item.kind == .indicator } }

    /// Domains of other concerns in which something was reported, in order.
    var reportedConcerns: [(id: String, item: DomainItem)] {
        orderedDomains.filter { $0.item.kind == .concern && !$0.item.indicators.isEmpty }
    }
}

extension Translating {
    func strength(_ s: Strength) -> String {
        switch s {
        case .strong: return ui(.strengthStrong)
        case .medium: return ui(.strengthMedium)
        case .weak: return ui(.strengthWeak)
        }
    }

    func reason(_ r: UnansweredReason) -> String {
        switch r {
        case .declined: return ui(.reasonDeclined)
        case .dontKnow: return ui(.reasonDontKnow)
        case .notAsked: return ui(.reasonNotAsked)
        }
    }
}

/// Printable plain text, never wider than `width` columns (display width per
/// grapheme, so Chinese and Korean lines wrap correctly). With `ascii`, the
/// program's own decorations are ASCII and accented letters lose their
/// accents; characters with no ASCII form become '?'.
struct TextSummaryRenderer<T: Translating> {
    let summary: Summary
    let tr: T
    let ascii: Bool
    let width: Int
    private var lines: [String] = []

    init(summary: Summary, tr: T, ascii: Bool, width: Int) {
        self.summary = summary
        self.tr = tr
        self.ascii = ascii
        self.width = width
    }

    private var bullet: String { ascii ? "-" : "•" }

    private mutating func heading(_ text: String, rule: Character) {
        if !lines.isEmpty { lines.append("") }
        add(LanguageTag.uppercased(text, language: tr.language))
        let w = min(width, DisplayWidth.of(lines.last ?? ""))
        lines.append(String(repeating: ascii ? (rule == "═" ? "=" : "-") : rule, count: max(w, 3)))
    }

    /// Adds wrapped text with a first-line prefix and a hanging indent. All
    /// text, translated headings included, comes through here, so this is
    /// where the sanitizing rule is applied.
    private mutating func add(_ text: String, prefix: String = "", indent: Int = 0) {
        let clean = Sanitize.multiLine(text)
        let text = ascii ? Self.asciiFold(clean) : clean
        let firstPrefix = String(repeating: " ", count: indent) + prefix
        let hanging = String(repeating: " ", count: indent + DisplayWidth.of(prefix))
        let available = width - DisplayWidth.of(hanging)
        let wrapped = Wrap.lines(text, width: max(available, 20))
        for (i, l) in wrapped.enumerated() {
            lines.append((i == 0 ? firstPrefix : hanging) + l)
        }
    }

    private mutating func addEvidence(_ evidence: [Summary.EvidenceItem], indent: Int) {
        for e in evidence {
            add(e.questionText, indent: indent)
            add(e.answer, prefix: ascii ? "-> " : "→ ", indent: indent)
        }
    }

    /// A referral's services (nothing without a directory), or the plain
    /// statement that the directory lists none.
    private mutating func addServices(_ services: [Summary.ServiceItem]?, indent: Int) {
        guard let services else { return }
        if services.isEmpty { add(tr.ui(.summaryNoLocalService), indent: indent) }
        for sv in services {
            add(sv.displayTitle(tr), prefix: ascii ? "- " : "◦ ", indent: indent)
            for line in sv.detailLines(tr) { add(line, indent: indent + 2) }
        }
    }

    func render() -> String {
        var r = self
        r.build()
        return r.lines.joined(separator: "\n") + "\n"
    }

    /// ASCII for a printer that has nothing else. Folded per grapheme,
    /// before wrapping: accents are dropped, typographic punctuation becomes
    /// its ASCII form, and anything else becomes one '?' per column it took.
    static func asciiFold(_ s: String) -> String {
        var out = ""
        for c in s {
            if c.isASCII { out.append(c); continue }
            switch c {
            case "\u{2018}", "\u{2019}": out.append("'"); continue
            case "\u{201C}", "\u{201D}": out.append("\""); continue
            case "\u{2013}", "\u{2014}", "•", "─": out.append("-"); continue
            case "═": out.append("="); continue
            case "\u{2026}": out.append("..."); continue
            case "\u{2192}": out.append("->"); continue
            default: break
            }
            let folded = String(c).folding(options: [.diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "en"))
            if folded.allSatisfy(\.isASCII), !folded.isEmpty {
                out += folded
            } else {
                out += String(repeating: "?", count: DisplayWidth.of(c))
            }
        }
        return out
    }

    private mutating func build() {
        let s = summary
        add(LanguageTag.uppercased(tr.ui(.summaryTitle), language: tr.language))
        add("\(tr.ui(.summaryQuestionnaire)): \(s.questionnaire.title) (\(s.questionnaire.id) \(s.questionnaire.version), sha256:\(s.header.questionnaireHash.prefix(12)))")
        if let d = s.header.interviewDate { add("\(tr.ui(.summaryInterviewDate)): \(d)") }
        if let o = s.header.organisation { add("\(tr.ui(.summaryOrganisation)): \(o)\(s.header.setting.map { " (\($0))" } ?? "")") }
        if let sc = s.header.screener { add("\(tr.ui(.summaryScreener)): \(sc)") }
        add("\(tr.ui(.summaryLanguages)): \(s.languagesLine(tr))")
        if let i = s.interpreterLine { add("\(tr.ui(.summaryInterpreter)): \(i)") }
        if let p = s.header.preferredLanguages { add("\(tr.ui(.summaryPreferredLanguages)): \(p)") }
        if let e = s.header.endedAt { add("\(tr.ui(.summaryEndedAt)): \(e.questionText) \(ascii ? "->" : "→") \(e.answer)") }

        switch s.safety {
        case .urgent:
            heading("!! " + tr.ui(.summaryUrgent) + " !!", rule: "═")
            for u in s.urgentReasons { add(u, prefix: bullet + " ") }
            if let es = s.emergencyServices, !es.isEmpty {
                lines.append("")
                add(tr.ui(.summaryEmergencyServices) + ":")
                addServices(es, indent: 0)
            }
        case .notEstablished:
            lines.append("")
            add(tr.ui(.summarySafetyUnknown), prefix: "! ")
            for u in s.safetyUnanswered { add("\(u.questionText) (\(tr.reason(u.reason)))", prefix: bullet + " ", indent: 2) }
        case .noConcernReported:
            lines.append("")
            add(tr.ui(.summaryUrgentNone))
        }

        heading(tr.ui(.summaryResult), rule: "═")
        add(s.resultText)
        if let sit = s.situation { add("\(tr.ui(.summarySituation)): \(sit.text)") }
        if let ended = s.situationEnded { add("\(tr.ui(.summarySituationEnded)): \(ended.text)") }
        if s.endedEarly { add(tr.ui(.summaryEndedEarly)) }
        for o in s.overrides {
            add(o.reason, prefix: bullet + " ")
            addEvidence(o.evidence, indent: 4)
        }

        heading(tr.ui(.summaryDomains), rule: "─")
        for (_, d) in s.indicatorDomains where d.positive || !d.indicators.isEmpty {
            let status = d.positive ? tr.ui(.summaryPositive) : tr.ui(.summaryNotPositive)
            add("\(d.title): \(status) (\(tr.ui(.summaryIndicatorCount, count: d.indicators.count)))")
            for ind in d.indicators {
                add("\(ind.id) [\(tr.strength(ind.strength))]", prefix: bullet + " ", indent: 2)
                addEvidence(ind.evidence, indent: 6)
            }
        }
        let quiet = s.indicatorDomains.filter { !$0.item.positive && $0.item.indicators.isEmpty }.map(\.item.title)
        if !quiet.isEmpty {
            add("\(tr.ui(.summaryNoIndicatorsInDomain)): \(quiet.joined(separator: ", "))")
        }

        if !s.reportedConcerns.isEmpty {
            heading(tr.ui(.summaryConcerns), rule: "─")
            add(tr.ui(.summaryConcernNote))
            for (_, d) in s.reportedConcerns {
                add("\(d.title):")
                for ind in d.indicators {
                    add(ind.id, prefix: bullet + " ", indent: 2)
                    addEvidence(ind.evidence, indent: 6)
                }
            }
        }

        if !s.needs.isEmpty {
            heading(tr.ui(.summaryNeeds), rule: "─")
            for n in s.needs { add(n, prefix: bullet + " ") }
        }

        if s.referrals.isEmpty {
            heading(tr.ui(.summaryReferrals), rule: "─")
            add(tr.ui(.summaryNoReferrals))
        }
        for group in s.referralGroups(tr) {
            heading(group.heading, rule: "─")
            for r in group.items {
                let mark = r.timeCritical ? "[\(tr.ui(.summaryTimeCritical))] " : ""
                add("\(mark)\(r.title): \(r.reason)", prefix: bullet + " ")
                if !r.evidence.isEmpty {
                    add("\(tr.ui(.summaryRaisedBy)):", indent: 4)
                    addEvidence(r.evidence, indent: 6)
                }
                if let details = r.details, !details.isEmpty {
                    add("\(tr.ui(.summaryReferralDetails)):", indent: 4)
                    addEvidence(details, indent: 6)
                }
                addServices(r.services, indent: 4)
            }
        }
        if let limits = s.shareLimits { add("\(tr.ui(.summaryShareLimits)): \"\(limits)\"") }

        if !s.safeContact.isEmpty {
            heading(tr.ui(.summarySafeContact), rule: "─")
            addEvidence(s.safeContact, indent: 0)
        }
        if !s.dependants.isEmpty {
            heading(tr.ui(.summaryDependants), rule: "─")
            addEvidence(s.dependants, indent: 0)
        }

        if let le = s.lawEnforcementPreference {
            heading(tr.ui(.summaryLawEnforcement), rule: "─")
            add(le.text)
            add(tr.ui(.summaryLawEnforcementNote))
        }
        if let c = s.advocateConcern {
            heading(tr.ui(.summaryAdvocateConcern), rule: "─")
            add(c.text)
        }

        heading(tr.ui(.summaryUnanswered), rule: "─")
        if s.unanswered.isEmpty { add(tr.ui(s.endedEarly ? .summaryEndedNotAsked : .summaryNothingUnanswered)) }
        for u in s.unanswered { add("\(u.questionText) (\(tr.reason(u.reason)))", prefix: bullet + " ") }

        heading(tr.ui(.summaryRemarks), rule: "─")
        if s.remarks.isEmpty { add(tr.ui(.summaryNoRemarks)) }
        for r in s.remarks {
            add(r.questionText ?? tr.ui(.summaryInterviewRemark), prefix: bullet + " ")
            add("\"\(r.text)\"", indent: 4)
        }

        lines.append("")
        if s.usesFallbackText { add(tr.ui(.summaryFallbackNotice)) }
        add(s.disclaimer)
    }
}

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

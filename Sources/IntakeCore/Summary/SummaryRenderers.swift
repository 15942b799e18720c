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

    /// The text format's lines, each saying whether it is a heading's rule,
    /// so a screen can style them by what they are.
    func textLines(in tr: some Translating, ascii: Bool = false, width: Int = 80) -> [SummaryTextLine] {
        TextSummaryRenderer(summary: self, tr: tr, ascii: ascii, width: width).renderLines()
    }

    /// Stable, pretty JSON (keys sorted) ending in a newline: what
    /// `JSONEncoder` writes with `[.prettyPrinted, .sortedKeys,
    /// .withoutEscapingSlashes]`, written by `SummaryJSON` (see there why).
    func jsonString() -> String {
        String(decoding: SummaryJSON.render(self), as: UTF8.self)
    }

    /// `rendered(format, ...)`'s UTF-8 bytes, for a file; the JSON is
    /// written as bytes to begin with.
    func renderedUTF8(_ format: SummaryFormat, in tr: some Translating, ascii: Bool = false, width: Int = 80) -> [UInt8] {
        if format == .json { return SummaryJSON.render(self) }
        return Array(rendered(format, in: tr, ascii: ascii, width: width).utf8)
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

/// A line of the text summary.
public struct SummaryTextLine: Hashable, Sendable {
    public var text: String
    /// The rule under a heading (═ or ─, = or - in ASCII).
    public var isRule: Bool
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
    /// Indices in `lines` of the rules under headings.
    private var rules: Set<Int> = []

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
        rules.insert(lines.count)
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
        renderLines().map(\.text).joined(separator: "\n") + "\n"
    }

    func renderLines() -> [SummaryTextLine] {
        var r = self
        r.build()
        return r.lines.enumerated().map { SummaryTextLine(text: $0.element, isRule: r.rules.contains($0.offset)) }
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

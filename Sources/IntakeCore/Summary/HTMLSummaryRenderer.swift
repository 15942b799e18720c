import Foundation

/// One self-contained HTML page for printing or for a browser: no scripts,
/// no fonts, images or stylesheets from elsewhere, no links, so it shows
/// the same offline and tells nobody that it was opened. Same sections in
/// the same order as the text summary. Print styles fit both A4 and Letter
/// (the page size is left to the printer; the layout fits the narrower
/// A4 width and the shorter Letter height), the urgent section comes first
/// inside a thick border that survives black-and-white printing, and the
/// disclaimer is a fixed footer, which browsers repeat on every printed
/// page. The document has the advocate's language as `lang` (so the
/// browser picks Chinese, Japanese or Korean glyphs correctly) and its
/// direction as `dir`; every paragraph, list item and heading has
/// `dir="auto"`, because an answer or a remark may run the other way.
/// All text is sanitized and HTML-escaped.
struct HTMLSummaryRenderer<T: Translating> {
    let summary: Summary
    let tr: T

    /// System fonts that cover Latin, Arabic script (Persian, Arabic, Urdu),
    /// Chinese, Korean, Japanese and Thai on Linux, macOS and Windows; none
    /// is downloaded.
    static var fontStack: String {
        [
            "\"Noto Sans\"", "\"Noto Sans Arabic\"", "\"Noto Naskh Arabic\"", "Vazirmatn", "Tahoma", "\"Segoe UI\"",
            "\"Noto Sans CJK SC\"", "\"Source Han Sans SC\"", "\"PingFang SC\"", "\"Microsoft YaHei\"",
            "\"Noto Sans CJK KR\"", "\"Apple SD Gothic Neo\"", "\"Malgun Gothic\"", "\"Noto Sans CJK JP\"",
            "\"Hiragino Sans\"", "\"Noto Sans Thai\"", "\"DejaVu Sans\"", "Arial", "sans-serif",
        ].joined(separator: ", ")
    }

    static var style: String {
        """
        @page { size: auto; margin: 18mm 16mm 12mm; }
        html { font-family: \(fontStack); font-size: 11pt; line-height: 1.45; color: #000; background: #fff; }
        body { max-width: 170mm; margin: 0 auto; padding: 8mm 6mm; overflow-wrap: anywhere; }
        h1 { font-size: 17pt; margin: 0 0 2mm; }
        h2 { font-size: 13pt; margin: 6mm 0 2mm; border-bottom: 1px solid #555; break-after: avoid; page-break-after: avoid; }
        h3 { font-size: 11.5pt; margin: 4mm 0 1mm; break-after: avoid; page-break-after: avoid; }
        p { margin: 1mm 0; }
        ul { margin: 1mm 0; padding-inline-start: 6mm; }
        li { margin: 0.5mm 0; break-inside: avoid; page-break-inside: avoid; }
        .meta { color: #333; }
        .urgent { border: 1.2mm solid #b00020; background: #fdecee; padding: 2mm 5mm; margin: 5mm 0;
          -webkit-print-color-adjust: exact; print-color-adjust: exact; break-inside: avoid; page-break-inside: avoid; }
        .urgent h2 { color: #b00020; border-bottom: none; margin-top: 1mm; font-size: 15pt; }
        .urgent p { font-weight: bold; }
        .result { font-weight: bold; font-size: 12pt; }
        .positive { font-weight: bold; }
        .evidence { list-style: none; padding-inline-start: 4mm; border-inline-start: 0.6mm solid #999; }
        .evidence p { margin: 0; }
        .answer { font-weight: bold; padding-inline-start: 4mm; }
        .note { font-style: italic; }
        blockquote { margin: 1mm 0; padding-inline-start: 4mm; border-inline-start: 0.6mm solid #999; }
        .disclaimer { margin-top: 8mm; padding-top: 2mm; border-top: 1px solid #555; font-size: 9pt; }
        .disclaimer p { margin: 0; }
        @media print {
          body { max-width: none; margin: 0; padding: 0; }
          /* The footer is fixed, so it is printed at the foot of every page; the
             spacer, a repeated table footer, keeps that space free of text. */
          .sheet { display: table; width: 100%; border-collapse: collapse; }
          .sheet > main { display: table-row-group; }
          .sheet > .footer-space { display: table-footer-group; }
          .footer-space > div { height: 22mm; }
          .disclaimer { position: fixed; left: 0; right: 0; bottom: 0; margin: 0; background: #fff; }
        }
        """
    }

    /// Text as HTML: controls removed, `& < > " '` escaped, on one line.
    static func escape(_ s: String) -> String {
        var out = ""
        for c in Sanitize.singleLine(s) {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    private var out: [String] = []

    init(summary: Summary, tr: T) {
        self.summary = summary
        self.tr = tr
    }

    func render() -> String {
        var r = self
        r.build()
        return r.out.joined(separator: "\n") + "\n"
    }

    private mutating func p(_ text: String, cls: String? = nil) {
        out.append("<p dir=\"auto\"\(cls.map { " class=\"\($0)\"" } ?? "")>\(Self.escape(text))</p>")
    }

    private mutating func h2(_ text: String) {
        out.append("<h2 dir=\"auto\">\(Self.escape(text))</h2>")
    }

    private mutating func list(_ items: [String]) {
        guard !items.isEmpty else { return }
        out.append("<ul>")
        for i in items { out.append("<li dir=\"auto\">\(Self.escape(i))</li>") }
        out.append("</ul>")
    }

    private mutating func evidence(_ items: [Summary.EvidenceItem]) {
        guard !items.isEmpty else { return }
        out.append("<ul class=\"evidence\">")
        for e in items {
            out.append("<li dir=\"auto\"><p dir=\"auto\">\(Self.escape(e.questionText))</p><p dir=\"auto\" class=\"answer\">\(Self.escape(e.answer))</p></li>")
        }
        out.append("</ul>")
    }

    /// Indicators, each with the answers behind it; concerns have no strength.
    private mutating func indicators(_ d: Summary.DomainItem) {
        guard !d.indicators.isEmpty else { return }
        out.append("<ul>")
        for ind in d.indicators {
            let label = d.kind == .concern ? ind.id : "\(ind.id) [\(tr.strength(ind.strength))]"
            out.append("<li dir=\"auto\"><p dir=\"auto\">\(Self.escape(label))</p>")
            evidence(ind.evidence)
            out.append("</li>")
        }
        out.append("</ul>")
    }

    /// A referral's services, or the statement that the directory lists none.
    private mutating func services(_ services: [Summary.ServiceItem]?) {
        guard let services else { return }
        if services.isEmpty { p(tr.ui(.summaryNoLocalService), cls: "note"); return }
        out.append("<ul class=\"evidence\">")
        for sv in services {
            out.append("<li dir=\"auto\"><p dir=\"auto\">\(Self.escape(sv.displayTitle(tr)))</p>")
            for line in sv.detailLines(tr) { p(line) }
            out.append("</li>")
        }
        out.append("</ul>")
    }

    private mutating func build() {
        let s = summary
        let lang = Self.escape(s.language)
        let dir = LanguageTag.isRightToLeft(s.language) ? "rtl" : "ltr"
        out.append("<!DOCTYPE html>")
        out.append("<html lang=\"\(lang)\" dir=\"\(dir)\">")
        out.append("<head>")
        out.append("<meta charset=\"utf-8\">")
        out.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        out.append("<title>\(Self.escape(tr.ui(.summaryTitle)))</title>")
        out.append("<style>\n\(Self.style)\n</style>")
        out.append("</head>")
        out.append("<body>")
        out.append("<div class=\"sheet\">")
        out.append("<main>")
        out.append("<header>")
        out.append("<h1 dir=\"auto\">\(Self.escape(tr.ui(.summaryTitle)))</h1>")
        p("\(tr.ui(.summaryQuestionnaire)): \(s.questionnaire.title) (\(s.questionnaire.id) \(s.questionnaire.version), sha256:\(s.header.questionnaireHash.prefix(12)))", cls: "meta")
        if let d = s.header.interviewDate { p("\(tr.ui(.summaryInterviewDate)): \(d)", cls: "meta") }
        if let o = s.header.organisation { p("\(tr.ui(.summaryOrganisation)): \(o)\(s.header.setting.map { " (\($0))" } ?? "")", cls: "meta") }
        if let sc = s.header.screener { p("\(tr.ui(.summaryScreener)): \(sc)", cls: "meta") }
        p("\(tr.ui(.summaryLanguages)): \(s.languagesLine(tr))", cls: "meta")
        if let i = s.interpreterLine { p("\(tr.ui(.summaryInterpreter)): \(i)", cls: "meta") }
        if let l = s.header.preferredLanguages { p("\(tr.ui(.summaryPreferredLanguages)): \(l)", cls: "meta") }
        if let e = s.header.endedAt { p("\(tr.ui(.summaryEndedAt)): \(e.questionText) → \(e.answer)", cls: "meta") }
        out.append("</header>")

        switch s.safety {
        case .urgent:
            out.append("<section class=\"urgent\">")
            h2("⚠ " + tr.ui(.summaryUrgent))
            list(s.urgentReasons)
            if let es = s.emergencyServices, !es.isEmpty {
                p(tr.ui(.summaryEmergencyServices) + ":")
                services(es)
            }
            out.append("</section>")
        case .notEstablished:
            out.append("<section class=\"urgent safety-unknown\">")
            p("⚠ " + tr.ui(.summarySafetyUnknown))
            list(s.safetyUnanswered.map { "\($0.questionText) (\(tr.reason($0.reason)))" })
            out.append("</section>")
        case .noConcernReported:
            p(tr.ui(.summaryUrgentNone))
        }

        out.append("<section>")
        h2(tr.ui(.summaryResult))
        p(s.resultText, cls: "result")
        if let sit = s.situation { p("\(tr.ui(.summarySituation)): \(sit.text)") }
        if let ended = s.situationEnded { p("\(tr.ui(.summarySituationEnded)): \(ended.text)") }
        if s.endedEarly { p(tr.ui(.summaryEndedEarly)) }
        if !s.overrides.isEmpty {
            p("\(tr.ui(.summaryOverrides)):")
            out.append("<ul>")
            for o in s.overrides {
                out.append("<li dir=\"auto\"><p dir=\"auto\">\(Self.escape(o.reason))</p>")
                evidence(o.evidence)
                out.append("</li>")
            }
            out.append("</ul>")
        }
        out.append("</section>")

        out.append("<section>")
        h2(tr.ui(.summaryDomains))
        for (_, d) in s.indicatorDomains where d.positive || !d.indicators.isEmpty {
            let status = d.positive ? tr.ui(.summaryPositive) : tr.ui(.summaryNotPositive)
            let title = "\(d.title): \(status) (\(tr.ui(.summaryIndicatorCount, count: d.indicators.count)))"
            out.append("<h3 dir=\"auto\"\(d.positive ? " class=\"positive\"" : "")>\(Self.escape(title))</h3>")
            indicators(d)
        }
        let quiet = s.indicatorDomains.filter { !$0.item.positive && $0.item.indicators.isEmpty }.map(\.item.title)
        if !quiet.isEmpty { p("\(tr.ui(.summaryNoIndicatorsInDomain)): \(quiet.joined(separator: ", "))") }
        out.append("</section>")

        if !s.reportedConcerns.isEmpty {
            out.append("<section>")
            h2(tr.ui(.summaryConcerns))
            p(tr.ui(.summaryConcernNote), cls: "note")
            for (_, d) in s.reportedConcerns {
                out.append("<h3 dir=\"auto\">\(Self.escape(d.title))</h3>")
                indicators(d)
            }
            out.append("</section>")
        }

        if !s.needs.isEmpty {
            out.append("<section>")
            h2(tr.ui(.summaryNeeds))
            list(s.needs)
            out.append("</section>")
        }

        if s.referrals.isEmpty {
            out.append("<section>")
            h2(tr.ui(.summaryReferrals))
            p(tr.ui(.summaryNoReferrals))
            out.append("</section>")
        }
        for group in s.referralGroups(tr) {
            out.append("<section>")
            h2(group.heading)
            out.append("<ul>")
            for r in group.items {
                let mark = r.timeCritical ? "[\(tr.ui(.summaryTimeCritical))] " : ""
                out.append("<li dir=\"auto\"><p dir=\"auto\">\(Self.escape(mark + r.title + ": " + r.reason))</p>")
                evidence(r.evidence)
                if let details = r.details, !details.isEmpty {
                    p("\(tr.ui(.summaryReferralDetails)):", cls: "note")
                    evidence(details)
                }
                services(r.services)
                out.append("</li>")
            }
            out.append("</ul>")
            out.append("</section>")
        }
        if let limits = s.shareLimits { p("\(tr.ui(.summaryShareLimits)): \"\(limits)\"") }
        for (title, lines) in [(tr.ui(.summarySafeContact), s.safeContact), (tr.ui(.summaryDependants), s.dependants)] where !lines.isEmpty {
            out.append("<section>")
            h2(title)
            evidence(lines)
            out.append("</section>")
        }

        if let le = s.lawEnforcementPreference {
            out.append("<section>")
            h2(tr.ui(.summaryLawEnforcement))
            p(le.text, cls: "answer")
            p(tr.ui(.summaryLawEnforcementNote), cls: "note")
            out.append("</section>")
        }
        if let c = s.advocateConcern {
            out.append("<section>")
            h2(tr.ui(.summaryAdvocateConcern))
            p(c.text, cls: "answer")
            out.append("</section>")
        }

        out.append("<section>")
        h2(tr.ui(.summaryUnanswered))
        if s.unanswered.isEmpty { p(tr.ui(s.endedEarly ? .summaryEndedNotAsked : .summaryNothingUnanswered)) }
        list(s.unanswered.map { "\($0.questionText) (\(tr.reason($0.reason)))" })
        out.append("</section>")

        out.append("<section>")
        h2(tr.ui(.summaryRemarks))
        if s.remarks.isEmpty { p(tr.ui(.summaryNoRemarks)) }
        if !s.remarks.isEmpty {
            out.append("<ul>")
            for r in s.remarks {
                out.append("<li dir=\"auto\"><p dir=\"auto\">\(Self.escape(r.questionText ?? tr.ui(.summaryInterviewRemark)))</p>")
                out.append("<blockquote dir=\"auto\">")
                for line in Sanitize.multiLine(r.text).split(separator: "\n") { p(String(line)) }
                out.append("</blockquote></li>")
            }
            out.append("</ul>")
        }
        out.append("</section>")
        if s.usesFallbackText { p(tr.ui(.summaryFallbackNotice), cls: "note") }
        out.append("</main>")
        out.append("<div class=\"footer-space\" aria-hidden=\"true\"><div></div></div>")
        out.append("</div>")
        out.append("<footer class=\"disclaimer\">")
        p(s.disclaimer)
        out.append("</footer>")
        out.append("</body>")
        out.append("</html>")
    }
}

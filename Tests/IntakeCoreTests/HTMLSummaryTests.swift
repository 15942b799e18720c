import Foundation
import Testing
@testable import IntakeCore

/// The start and end tags of an HTML document, in order, without their
/// attributes; comments and the doctype are skipped. Text is escaped by the
/// renderer, so every `<` in it starts a tag.
private func tags(_ html: String) -> [(name: String, closing: Bool)] {
    var out: [(String, Bool)] = []
    var rest = Substring(html)
    while let open = rest.firstIndex(of: "<") {
        rest = rest[rest.index(after: open)...]
        guard let close = rest.firstIndex(of: ">") else { break }
        let inside = rest[..<close]
        rest = rest[rest.index(after: close)...]
        if inside.hasPrefix("!") { continue }
        let closing = inside.hasPrefix("/")
        let name = (closing ? inside.dropFirst() : inside).prefix { $0.isLetter || $0.isNumber }.lowercased()
        out.append((name, closing))
    }
    return out
}

/// Elements with no end tag.
private let voidElements: Set<String> = ["meta", "br", "hr", "link", "img", "input", "wbr"]

/// Tags left open or closed out of order; empty when the document nests properly.
private func unbalancedTags(_ html: String) -> [String] {
    var stack: [String] = []
    var problems: [String] = []
    for t in tags(html) where !voidElements.contains(t.name) {
        if !t.closing { stack.append(t.name); continue }
        if stack.last == t.name { stack.removeLast() } else { problems.append("</\(t.name)> closes <\(stack.last ?? "nothing")>") }
    }
    return problems + stack.map { "<\($0)> never closed" }
}

/// The text of each `<h2>`, in order (they hold no other tags).
private func h2Headings(_ html: String) -> [String] {
    html.components(separatedBy: "<h2").dropFirst().compactMap { part in
        guard let start = part.firstIndex(of: ">"), let end = part.range(of: "</h2>") else { return nil }
        return String(part[part.index(after: start)..<end.lowerBound])
    }
}

@Suite struct HTMLSummaryTests {
    let b = SummaryBench()

    @Test func htmlIsAFormatWithItsOwnExtension() {
        #expect(SummaryFormat(rawValue: "html") == .html)
        #expect(SummaryFormat.html.fileExtension == "html")
    }

    @Test func everyOpenedTagIsClosedInOrder() {
        let html = b.render(b.summary(), .html)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html "))
        #expect(html.hasSuffix("</html>\n"))
        #expect(unbalancedTags(html) == [])
        #expect(tags(html).count > 40)
    }

    /// A printed summary must not call out to anything: no scripts, fonts,
    /// images or links that could leak that a case exists, or fail offline.
    @Test func referencesNothingOutsideTheFile() {
        let html = b.render(b.summary(remarks: ["hit": "see https://example.org/x.png and http://a.b"], interviewRemark: ""), .html)
            .lowercased()
        for needle in ["<script", "src=", "url(", "<link", "@import", "href="] {
            #expect(!html.contains(needle), "found \(needle)")
        }
        // The remark's own words are text, not a reference; the scheme is there only as text.
        #expect(html.contains("see https://example.org/x.png"))
    }

    @Test func referencesNothingOutsideTheFileWithoutHostileText() {
        let html = b.render(b.summary(remarks: [:], interviewRemark: ""), .html).lowercased()
        for needle in ["<script", "http://", "https://", "src=", "url("] {
            #expect(!html.contains(needle), "found \(needle)")
        }
    }

    @Test func hostileRemarkComesOutInert() {
        let s = b.summary(remarks: ["hit": "</p><script>alert(1)</script>"],
                          interviewRemark: "Tom & \"Jerry's\" <b>bold</b>")
        let html = b.render(s, .html)
        #expect(html.contains("&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("Tom &amp; &quot;Jerry&#39;s&quot; &lt;b&gt;bold&lt;/b&gt;"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("<b>"))
        #expect(unbalancedTags(html) == [])
    }

    @Test func answersAreEscaped() {
        var a = SummaryBench.answers
        a["story"] = .text("a < b && c > \"d\"")
        let html = b.render(b.summary(answers: a, remarks: [:], interviewRemark: ""), .html)
        #expect(!html.contains("a < b"))
        #expect(unbalancedTags(html) == [])
    }

    @Test func controlCharactersAreRemovedAndTheirTextKept() {
        let html = b.render(b.summary(), .html)
        #expect(forbiddenScalars(html).filter { $0 != "U+000A" } == [])
        #expect(html.contains("desrever"))
        #expect(!html.contains("\u{1B}") && !html.contains("&#27;") && !html.contains("&#x1b;"))
    }

    @Test func englishDocumentIsLeftToRight() {
        let html = b.render(b.summary(), .html)
        #expect(html.contains("<html lang=\"en\" dir=\"ltr\">"))
    }

    @Test func persianDocumentIsRightToLeft() {
        let tr = SourceLanguage(language: "fa")
        let s = SummaryBuilder.build(questionnaire: b.q, score: Scorer.score(b.q, answers: SummaryBench.answers, language: "fa"),
                                     answers: SummaryBench.answers, remarks: [:], interviewRemark: "",
                                     intervieweeLanguage: "fa", endedBy: nil, in: tr)
        let html = s.rendered(.html, in: tr)
        #expect(html.contains("<html lang=\"fa\" dir=\"rtl\">"))
    }

    @Test func chineseDocumentHasItsLanguageAndACJKFont() {
        let tr = SourceLanguage(language: "zh-Hans")
        let s = SummaryBuilder.build(questionnaire: b.q, score: Scorer.score(b.q, answers: SummaryBench.answers, language: "zh-Hans"),
                                     answers: SummaryBench.answers, remarks: [:], interviewRemark: "",
                                     intervieweeLanguage: "zh-Hans", endedBy: nil, in: tr)
        let html = s.rendered(.html, in: tr)
        #expect(html.contains("<html lang=\"zh-Hans\" dir=\"ltr\">"))
        #expect(html.contains("\"Noto Sans CJK SC\""))
        #expect(html.contains("\"Noto Sans Arabic\""))
    }

    /// Free text and question text may be in either direction whatever the
    /// document's: every paragraph, list item and heading finds its own.
    @Test func everyParagraphListItemAndHeadingHasDirAuto() {
        let html = b.render(b.summary(), .html)
        var missing: [String] = []
        for tag in ["<p", "<li", "<h1", "<h2", "<h3", "<blockquote"] {
            for part in html.components(separatedBy: tag).dropFirst() {
                let attrs = part.prefix { $0 != ">" }
                // "<pre" or "<link" would start the same way; only the tag itself counts.
                guard attrs.first == " " || attrs.isEmpty else { continue }
                if !attrs.contains("dir=\"auto\"") { missing.append(tag + attrs) }
            }
        }
        #expect(missing == [])
    }

    @Test func sectionsComeInTheTextRenderersOrder() {
        let html = b.render(b.summary(), .html)
        #expect(h2Headings(html) == [
            "⚠ URGENT: act on safety first",
            "Screening result",
            "Findings by domain",
            "What the person wants now",
            "Suggested referrals",
            "Preference about contact with law enforcement",
            "Advocate&#39;s level of concern",
            "Questions declined, not known or not asked",
            "Advocate&#39;s remarks",
        ])
        #expect(html.contains("<section class=\"urgent\""))
        let urgent = html.range(of: "<section class=\"urgent\"")!
        #expect(urgent.lowerBound < html.range(of: "Screening result")!.lowerBound)
        #expect(html.range(of: "Are you in danger right now? → Yes")!.lowerBound < html.range(of: "Screening result")!.lowerBound)
    }

    @Test func notEstablishedSafetyIsMarkedLikeUrgent() {
        var s = b.summary()
        s.safety = .notEstablished
        s.urgent = false
        s.urgentReasons = []
        s.safetyUnanswered = [.init(question: "danger_now", questionText: "Are you in danger right now?", reason: .declined)]
        let html = b.render(s, .html)
        #expect(html.contains("<section class=\"urgent safety-unknown\""))
        #expect(html.contains("Safety was not established"))
        #expect(html.contains("Are you in danger right now? (prefers not to answer)"))
    }

    @Test func printStylesKeepTheDisclaimerOnEveryPage() {
        let html = b.render(b.summary(), .html)
        #expect(html.contains("@page { size: auto; margin: 18mm 16mm 12mm; }"))
        #expect(html.contains("@media print"))
        #expect(html.contains("position: fixed"))
        #expect(html.contains("<footer class=\"disclaimer\">"))
        let footer = html.range(of: "<footer class=\"disclaimer\">")!
        #expect(html[footer.upperBound...].contains("not a legal determination"))
        #expect(html.contains("<title>Screening summary</title>"))
    }
}

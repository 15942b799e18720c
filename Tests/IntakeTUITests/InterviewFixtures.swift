import Foundation
import IntakeCore
@testable import IntakeTUI
import Testing

/// The time the tests' interviews happen at: no test reads the clock.
let testTime = Date(timeIntervalSince1970: 1_700_000_000)

/// Questionnaires, translators and golden files for the interview screens.
enum Fixtures {
    /// The checkout, found from this file.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func load(_ relative: String) -> Questionnaire {
        let url = root.appendingPathComponent(relative)
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        let outcome = QuestionnaireLoader.load(text: text, path: relative)
        guard let q = outcome.questionnaire else { fatalError("\(relative): \(outcome.diagnostics)") }
        return q
    }

    static let quick = load("questionnaires/quick-screen.yaml")
    static let full = load("questionnaires/trafficking-screening.yaml")

    /// Every question type, a content note, a constraint, an end_if.
    static let allTypesYAML = """
    format: 1
    id: all-types
    version: "1.0.0"
    language: en
    title: Every kind of question
    intro: This short test interview shows every kind of question the program can ask.
    end_message: Thank you. You can come back at any time.
    domains:
      - id: coercion
        title: Coercion and threats
        core: true
        rule: any
    sections:
      - id: start
        title: Before we begin
        questions:
          - id: consent
            type: yes_no
            text: Is it all right if I ask you some questions about your work?
            guidance: Explain that every question may be skipped.
            special: []
            required: true
            end_if: consent == no
            end_message: That is fine. Thank you for your time.
      - id: work
        title: Your work
        intro: Now some questions about your work.
        content_note: The next questions ask about threats and fear.
        relevant: consent == yes
        questions:
          - id: threatened
            type: yes_no
            text: Has anyone threatened you to keep you working?
            guidance: "Why we ask: threats used to keep someone working are coercion."
            required: true
            indicators:
              - id: threats
                answer: yes
                domain: coercion
                strength: strong
                phase: any
                why: Threats used to keep someone working are coercion as the law defines it.
          - id: sector
            type: single
            text: What kind of work do you do?
            options:
              - id: farm
                text: Farm work
              - id: cleaning
                text: Cleaning
              - id: other
                text: Other work
          - id: tasks
            type: multiple
            text: Which of these tasks have you done? You can choose more than one.
            options:
              - id: cooking
                text: Cooking
              - id: driving
                text: Driving
              - id: caring
                text: Caring for children
          - id: hours
            type: number
            text: On a usual day, about how many hours do you work?
            min: 0
            max: 24
          - id: arrived
            type: date
            text: On what date did you start this work?
          - id: arrived_month
            type: month_year
            text: In what month did you come to this country?
          - id: employer
            type: text
            text: What is the name of the business you work for?
          - id: story
            type: text
            multiline: true
            text: Is there anything else you would like to tell me about your work?
          - id: thanks
            type: note
            text: Thank you. The last questions are about what help you would like.
    result:
      possible: indicators() >= 1
    resources:
      - id: hotline
        title: National Human Trafficking Hotline
        text: Call 1-888-373-7888 any time, in many languages.
    """

    static let allTypes: Questionnaire = {
        let outcome = QuestionnaireLoader.load(text: allTypesYAML, path: "all-types.yaml")
        guard let q = outcome.questionnaire else { fatalError("\(outcome.diagnostics)") }
        return q
    }()
}

/// A tiny Simplified Chinese catalogue: a handful of questionnaire and
/// interface strings; everything else falls back to English (and is marked).
struct ZhHans: Translating {
    var language: String { "zh-Hans" }
    var isDraft: Bool { true }
    let table: [String: String]

    init(_ q: Questionnaire = Fixtures.allTypes) {
        var t: [String: String] = [
            UIString.yes.key: "是",
            UIString.no.key: "否",
            UIString.keyNext.key: "下一步",
            UIString.keyBack.key: "返回",
            UIString.progress.key: "第 {section}/{sections} 部分 · 第 {question}/{questions} 题",
            UIString.forAdvocate.key: "给工作人员",
            UIString.startTitle.key: "开始筛查",
        ]
        if let c = q.question("consent") { t[c.text.key] = "我可以问您一些关于您工作的问题吗？您可以跳过任何问题，也可以随时停止。您说的话只留在我们团队，除非您同意告诉别人；无论您是否和警察谈话，我们都会帮助您。" }
        if let s = q.question("sector") {
            t[s.text.key] = "您做什么样的工作？"
            t[s.options[0].text.key] = "农场工作"
        }
        if let s = q.section("work") { t[s.title.key] = "您的工作" }
        table = t
    }

    func translate(key: String, source: String) -> Translated {
        if let t = table[key] { return Translated(text: t, isFallback: false) }
        return Translated(text: source, isFallback: true)
    }

    func translatePlural(key: String, source: String, sourcePlural: String, count: Int) -> Translated {
        Translated(text: count == 1 ? source : sourcePlural, isFallback: true)
    }
}

/// Golden screens: Tests/IntakeTUITests/Golden/<name>.txt holds the text,
/// and Golden/styled/<name>.txt the text with every cell's style (see
/// `styled`), as ratatui's buffer tests compare both. Run with
/// INTAKE_UPDATE_GOLDEN=1 to write them anew.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ name: String, _ grid: Grid, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        compare(grid.text() + "\n", folder.appendingPathComponent(name + ".txt"), sourceLocation)
        compare(styled(grid), folder.appendingPathComponent("styled/" + name + ".txt"), sourceLocation)
    }

    static func compare(_ text: String, _ url: URL, _ sourceLocation: Testing.SourceLocation) {
        let name = url.deletingLastPathComponent().lastPathComponent + "/" + url.lastPathComponent
        if ProcessInfo.processInfo.environment["INTAKE_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no golden file \(name); run with INTAKE_UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        #expect(text == expected, "screen \(name) differs:\n\(text)", sourceLocation: sourceLocation)
    }

    /// The screen with its styles: a header with the size and the cursor,
    /// then each row as `NN|text`, followed (when any cell of it is not
    /// plain) by one `  |` line per run of equally styled cells:
    /// `cols 0-79 bold reverse accent`.
    static func styled(_ grid: Grid) -> String {
        var out = "\(grid.size.width)x\(grid.size.height), "
        out += grid.cursor.map { "cursor at row \($0.row), col \($0.col)" } ?? "no cursor"
        out += "\n"
        for (row, line) in grid.lines.enumerated() {
            out += (row < 10 ? "0" : "") + "\(row)|\(line)\n"
            var col = 0
            while col < grid.size.width {
                let style = grid[row, col].style
                var end = col
                while end + 1 < grid.size.width, grid[row, end + 1].style == style { end += 1 }
                if style != .plain { out += "  |   cols \(col)-\(end) \(describe(style))\n" }
                col = end + 1
            }
        }
        return out
    }

    static func describe(_ s: Style) -> String {
        var parts: [String] = []
        if s.bold { parts.append("bold") }
        if s.dim { parts.append("dim") }
        if s.reverse { parts.append("reverse") }
        if s.underline { parts.append("underline") }
        if s.color != .normal { parts.append("\(s.color)") }
        return parts.joined(separator: " ")
    }
}

/// A headless interview with the fixture, and a log of effects.
func makeRunner(_ q: Questionnaire = Fixtures.allTypes, mode: InterviewMode = .interview,
                languages: [any Translating] = [SourceLanguage()], interviewee: String? = nil, advocate: String? = nil,
                size: Size = Frame.minimumSize, reordersRightToLeft: Bool = true) -> HeadlessRunner<InterviewApp> {
    var model = InterviewModel(mode: mode, questionnaires: [q], languages: languages.map(LanguageOption.init),
                               size: size, intervieweeLanguage: interviewee, advocateLanguage: advocate,
                               now: Date(timeIntervalSince1970: 1_700_000_000))
    model.reordersRightToLeft = reordersRightToLeft
    return HeadlessRunner(app: InterviewApp(), model: model, size: size) { effect, control in
        if case .record = effect { control.send(.report(.saved)) }
        if case .begin = effect { control.send(.report(.sessionStarted("0123456789abcdef"))) }
        if case .quit = effect { control.stop() }
    }
}

/// Answers the fixture's questions up to its multiline text question
/// (the same answers in every test that starts there).
func walkToMultilineQuestion(_ r: HeadlessRunner<InterviewApp>) {
        r.press(.enter, .enter, .char("1"), .enter, .enter, .function(2), .enter, .char("1"), .enter, .char("1"), .enter)
        r.type("10"); r.press(.enter)
        r.type("2024-02-15"); r.press(.enter)
        r.type("2023-11"); r.press(.enter)
        r.type("Farm"); r.press(.enter)
}

extension InterviewModel {
    /// The text in the answer field of the question on screen ("" if none).
    var typedText: String { (screen as? any TypedAnswerScreen)?.editor.text ?? "" }
}

extension HeadlessRunner where A == InterviewApp {
    var interview: Interview { model.interview! }
    var position: InterviewPosition { model.interview!.position }
    var recorded: [InterviewEvent] {
        effects.compactMap { if case .record(let e) = $0 { return e } else { return nil } }
    }
    var screen: String { grid.text() }
}

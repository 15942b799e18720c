import ArgumentParser
import Foundation
import IntakeCore
import IntakeTUI

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Trainer mode: step through a fictional persona's interview, or practise interviewing one.",
        discussion: """
        intake demo --list                      the personas, with their stories and expected results
        intake demo PERSONA                     the interview with the persona's answers filled in; Enter steps
        intake demo PERSONA --autoplay 3        advances by itself every 3 seconds, for a projector
        intake demo PERSONA --practice          you ask; the persona answers; at the end your summary is compared with the full story
        Demo and practice show an explain panel and record nothing.
        """
    )

    @OptionGroup var data: DataOptions

    @Flag(name: .customLong("list"), help: "List the personas.")
    var list = false

    @Argument(help: "Persona id (file name in personas/ without .yaml).")
    var persona: String?

    @Option(name: .customLong("autoplay"), help: "Advance automatically every SECONDS.")
    var autoplay: Double?

    @Flag(name: .customLong("practice"), help: "Practice: the trainee asks the questions.")
    var practice = false

    @Option(name: .customLong("language"), help: "Language of the screens (interviewee and advocate).")
    var language: String?

    func validate() throws {
        if !list && persona == nil { throw ValidationError("name a persona, or use --list") }
        if let a = autoplay, !(a > 0 && a <= 3600) { throw ValidationError("--autoplay takes a number of seconds above 0") }
        if practice && autoplay != nil { throw ValidationError("--autoplay is for demos; practice is driven by the trainee") }
    }

    func run() throws {
        let loc = try data.locate()
        if list {
            try printList(loc)
            return
        }
        try DemoRunner.run(persona: persona!, autoplay: autoplay, practice: practice, language: language, location: loc)
    }

    func printList(_ loc: DataLocation) throws {
        let personas = try Personas.all(loc)
        if personas.isEmpty { print("No personas in \(Sanitize.singleLine(loc.personas.path))."); return }
        for p in personas {
            guard let info = p.file.persona else { continue }
            let expected = info.expected.map { e in
                "\(e.result.rawValue)\(e.urgent ? ", urgent" : "")" + (e.domains.isEmpty ? "" : "; domains: \(e.domains.joined(separator: ", "))")
            } ?? "not stated"
            print("\(p.id)  [\(p.questionnaire.id)]")
            // Persona files are data: nothing in them reaches the terminal unsanitized.
            for line in Wrap.lines(Sanitize.singleLine("\(info.name), \(info.sector). \(info.story)"), width: 76) { print("    " + line) }
            for line in Wrap.lines("Expected: \(expected)", width: 76) { print("    " + line) }
        }
    }
}

/// The trainers' fictional personas (answer files with a `persona` block).
struct Personas {
    var id: String
    var questionnaire: Questionnaire
    var file: AnswerFile

    static func all(_ loc: DataLocation) throws -> [Personas] {
        let cache = QuestionnaireCache()
        return try DataLocation.files(in: loc.personas, ext: ["yaml"]).map { try load($0, loc, cache) }
    }

    static func named(_ id: String, _ loc: DataLocation) throws -> Personas {
        let url = loc.personas.appendingPathComponent("\(id).yaml")
        guard FileManager.default.fileExists(atPath: url.path) else {
            let known = DataLocation.files(in: loc.personas, ext: ["yaml"]).map { $0.deletingPathExtension().lastPathComponent }
            printError("intake: no persona '\(Sanitize.singleLine(id))' (personas: \(known.joined(separator: ", ")))")
            throw Failure(code: 2)
        }
        return try load(url, loc, QuestionnaireCache())
    }

    static func load(_ url: URL, _ loc: DataLocation, _ cache: QuestionnaireCache) throws -> Personas {
        let bytes = try QuestionnaireFiles.read(url)
        let path = QuestionnaireFiles.displayPath(url)
        let qid = AnswerFile.peekQuestionnaireID(bytes: bytes, path: path) ?? "trafficking-screening"
        let q = try cache.get(qid, loc)
        switch AnswerFile.load(bytes: bytes, path: path, questionnaire: q) {
        case .failure(let e):
            for d in e.diagnostics { printError(d.description) }
            throw Failure(code: 1)
        case .success(let f):
            return Personas(id: url.deletingPathExtension().lastPathComponent, questionnaire: q, file: f)
        }
    }
}

/// Demo and practice: the interview screens with a persona's answers, no
/// session store, and the explain panel available.
enum DemoRunner {
    static func run(persona: String, autoplay: Double?, practice: Bool, language: String?, location: DataLocation) throws {
        let p = try Personas.named(persona, location)
        let loaded = try RunCommand.load(location, requestedLanguages: [language].compactMap { $0 })
        // A demo plays a persona's answers: it starts on the loaded questionnaires.
        let questionnaires = try RunCommand.waitOutsideTerminal(loaded.ready)
        let languages = loaded.languages
        let mode: InterviewMode = practice ? .practice(answers: p.file.answers)
                                           : .demo(answers: p.file.answers, autoplay: autoplay)
        let lang = language ?? p.file.language
        var model = InterviewModel(mode: mode, questionnaires: questionnaires, languages: languages,
                                   questionnaireID: p.questionnaire.id, intervieweeLanguage: lang, advocateLanguage: lang)
        // Trainers see the directory the organisation config names, with the national one.
        model.serviceDirectories = try ServiceDirectories.load(config: OrganisationOptions.parse([]).load(data: location).config,
                                                               location: location)
        // Exports a trainer asks for go to the current folder; nothing else is written.
        let handler = InterviewEffectHandler(store: nil, exportFolder: URL(fileURLWithPath: "demo-exports"))
        // Autoplay faster than the usual tick needs ticks as often as its steps.
        try RunCommand.runTerminal(model, first: [], handler: handler, ready: loaded.ready, tickInterval: min(0.25, autoplay ?? 0.25))
    }
}

import Foundation
import IntakeCore
import IntakeTUI

/// The trainers' fictional personas (answer files with a `persona` block).
public struct Personas {
    public var id: String
    public var questionnaire: Questionnaire
    public var file: AnswerFile

    /// Prints every persona with its story and expected result (`intake demo --list`).
    public static func printList(_ loc: DataLocation) throws {
        let personas = try all(loc)
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

    public static func all(_ loc: DataLocation) throws -> [Personas] {
        let cache = QuestionnaireCache()
        return try DataLocation.files(in: loc.personas, ext: ["yaml"]).map { try load($0, loc, cache) }
    }

    public static func named(_ id: String, _ loc: DataLocation) throws -> Personas {
        let url = loc.personas.appendingPathComponent("\(id).yaml")
        guard FileManager.default.fileExists(atPath: url.path) else {
            let known = DataLocation.files(in: loc.personas, ext: ["yaml"]).map { $0.deletingPathExtension().lastPathComponent }
            printError("intake: no persona '\(Sanitize.singleLine(id))' (personas: \(known.joined(separator: ", ")))")
            throw Failure.usage
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
            throw Failure.failed
        case .success(let f):
            return Personas(id: url.deletingPathExtension().lastPathComponent, questionnaire: q, file: f)
        }
    }
}

/// Demo and practice: the interview screens with a persona's answers, no
/// session store, and the explain panel available.
public enum DemoRunner {
    public static func run(persona: String, autoplay: Double?, practice: Bool, language: String?, location: DataLocation) throws {
        let p = try Personas.named(persona, location)
        let loaded = try InterviewData.load(location, requestedLanguages: [language].compactMap { $0 })
        // A demo plays a persona's answers: it starts on the loaded questionnaires.
        let questionnaires = try InterviewData.waitOutsideTerminal(loaded.ready)
        let languages = loaded.languages
        let mode: InterviewMode = practice ? .practice(answers: p.file.answers)
                                           : .demo(answers: p.file.answers, autoplay: autoplay)
        let lang = language ?? p.file.language
        var model = InterviewModel(mode: mode, questionnaires: questionnaires, languages: languages,
                                   questionnaireID: p.questionnaire.id, intervieweeLanguage: lang, advocateLanguage: lang,
                                   now: Date())
        // Trainers see the directory the organisation config names, with the national one.
        model.serviceDirectories = try ServiceDirectories.load(config: Organisation.load(path: nil, data: location).config,
                                                               location: location)
        // Exports a trainer asks for go to the current folder; nothing else is written.
        let handler = InterviewEffectHandler(store: nil, exportFolder: URL(fileURLWithPath: "demo-exports"))
        // Autoplay faster than the usual tick needs ticks as often as its steps.
        try InterviewRun.runTerminal(model, first: [], handler: handler, ready: loaded.ready, tickInterval: min(0.25, autoplay ?? 0.25))
    }
}

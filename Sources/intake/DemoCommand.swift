import ArgumentParser
import Foundation
import IntakeApp

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

    @OptionGroup var language: LanguageOption

    func validate() throws {
        if !list && persona == nil { throw ValidationError("name a persona, or use --list") }
        if let a = autoplay, !(a > 0 && a <= 3600) { throw ValidationError("--autoplay takes a number of seconds above 0") }
        if practice && autoplay != nil { throw ValidationError("--autoplay is for demos; practice is driven by the trainee") }
    }

    func run() throws {
        let loc = try data.locate()
        guard let persona, !list else {
            try Personas.printList(loc)
            return
        }
        try DemoRunner.run(persona: persona, autoplay: autoplay, practice: practice, language: language.language, location: loc)
    }
}

import ArgumentParser
import Foundation
import IntakeApp
import IntakeCore
import IntakeStore

/// `intake open`: reads a sealed export with the organisation's private key.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open a sealed export with the organisation's private key: its summary, or its whole record.",
        discussion: """
        The summary is rebuilt from the record with the questionnaires in the data folder (--data-dir), in the \
        advocate's language unless --language says otherwise. --format events prints the record itself (JSON, \
        as 'sessions export --format events' writes it). On a terminal the result is shown in a view that is \
        cleared on exit; --output writes a file readable by you only.
        """
    )

    @Argument(help: "The sealed file (.sealed).") var file: String
    @Option(name: .customLong("key"), help: "The organisation's private key file (from 'intake keys new').") var key: String
    @Option(name: .customLong("format"), help: "text, markdown, json, html (the summary), events (the record) or fhir (the answers as a FHIR R4 QuestionnaireResponse).") var format: RecordFormat = .text
    @Option(name: .customLong("language"), help: "Language of the summary (default: the advocate's).",
            transform: LocaleFiles.canonical) var language: String?
    @Option(name: .customLong("output"), help: "Write to this file (0600) instead of the screen.") var output: String?
    @OptionGroup var data: DataOptions
    @OptionGroup var organisationOptions: OrganisationOptions

    func run() throws {
        guard let sealed = FileManager.default.contents(atPath: file) else {
            printError("intake: cannot read \(Sanitize.singleLine(file))")
            throw Failure(code: 1)
        }
        let privateKey = try KeysCommand.load(key)
        let text: String
        do {
            let record = try SessionExport.decode(try SealedExport.open(sealed, with: privateKey))
            if record.status != .finished {
                printError("intake: note: this record is of a session that was not finished (\(record.status.rawValue)).")
            }
            if format == .fhir {
                let (header, events) = try InterviewCodec.load(record)
                let q = try data.locate().questionnaire(id: header.questionnaireID)
                let r = InterviewCodec.resume(header: header, events: events, questionnaire: q)
                if let c = r.change { printError("intake: note: \(SessionLoader.describe(c))") }
                text = r.interview.fhirResponse(finished: record.status == .finished)
            } else if let summary = format.summary {
                let (header, events) = try InterviewCodec.load(record)
                let loc = try data.locate()
                let q = try loc.questionnaire(id: header.questionnaireID)
                let r = InterviewCodec.resume(header: header, events: events, questionnaire: q)
                if let c = r.change { printError("intake: note: \(SessionLoader.describe(c))") }
                let tr = try CatalogCache(locales: loc.locales).translator(language ?? r.interview.advocateLanguage,
                                                                          source: q.language)
                let config = try organisationOptions.load(data: loc).config
                let directories = try ServiceDirectories.load(config: config, location: loc)
                text = SummaryBuilder.build(r.interview, context: config.summaryContext(for: header), in: tr)
                    .withServices(from: directories, languagesAnswer: Summary.languagesAnswer(r.interview.answers))
                    .rendered(summary, in: tr)
            } else {  // events: the record itself
                text = String(decoding: try record.encoded(), as: UTF8.self) + "\n"
            }
        } catch let e as StoreError {
            printError("intake: \(e.description)")
            throw Failure(code: 1)
        }
        if let output {
            do { try SecureFile.write(Data(text.utf8), to: URL(fileURLWithPath: output)) } catch let e as StoreError {
                printError("intake: \(e.description)")
                throw Failure(code: 1)
            }
            print("Wrote \(Sanitize.singleLine(output)) (readable by you only).")
        } else {
            try SensitiveOutput.show(text, title: "Sealed export")
        }
    }
}

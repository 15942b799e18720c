import Foundation
import IntakeCore
import IntakeStore

/// What `intake open` does: reads a sealed export with the organisation's
/// private key, and shows (or writes) its summary, its record or its
/// answers as FHIR.
public enum SealedOpen {
    public static func run(file: String, keyFile: String, format: RecordFormat, language: String?, output: String?,
                           locate: () throws -> DataLocation, organisationConfig: String?) throws {
        guard let sealed = FileManager.default.contents(atPath: file) else {
            printError("intake: cannot read \(Sanitize.singleLine(file))")
            throw Failure.failed
        }
        let privateKey = try OrganisationKeys.load(keyFile)
        let text: String
        do {
            let record = try SessionExport.decode(try SealedExport.open(sealed, with: privateKey))
            if record.status != .finished {
                printError("intake: note: this record is of a session that was not finished (\(record.status.rawValue)).")
            }
            text = try Self.text(record, format: format, language: language, locate: locate, organisationConfig: organisationConfig)
        } catch let e as StoreError {
            printError("intake: \(e.description)")
            throw Failure.failed
        }
        if let output {
            do { try SecureFile.write(Data(text.utf8), to: URL(fileURLWithPath: output)) } catch let e as StoreError {
                printError("intake: \(e.description)")
                throw Failure.failed
            }
            print("Wrote \(Sanitize.singleLine(output)) (readable by you only).")
        } else {
            try SensitiveOutput.show(text, title: "Sealed export")
        }
    }

    /// An opened record in `format`: the summary rebuilt with the data
    /// folder's questionnaire (a changed questionnaire is noted on standard
    /// error), the answers as FHIR, or the record itself.
    static func text(_ record: SessionExport, format: RecordFormat, language: String?,
                     locate: () throws -> DataLocation, organisationConfig: String?) throws -> String {
        guard format == .fhir || format.summary != nil else {
            // events: the record itself
            return String(decoding: try record.encoded(), as: UTF8.self) + "\n"
        }
        let (header, events) = try InterviewCodec.load(record)
        let loc = try locate()
        let q = try loc.questionnaire(id: header.questionnaireID)
        let r = InterviewCodec.resume(header: header, events: events, questionnaire: q)
        if let c = r.change { printError("intake: note: \(SessionLoader.describe(c))") }
        guard let summary = format.summary else { return r.interview.fhirResponse(finished: record.status == .finished) }
        let tr = try CatalogCache(locales: loc.locales).translator(language ?? r.interview.advocateLanguage, source: q.language)
        let config = try Organisation.load(path: organisationConfig, data: loc).config
        let directories = try ServiceDirectories.load(config: config, location: loc)
        return SummaryBuilder.build(r.interview, context: config.summaryContext(for: header), in: tr)
            .withServices(from: directories, languagesAnswer: Summary.languagesAnswer(r.interview.answers))
            .rendered(summary, in: tr)
    }
}

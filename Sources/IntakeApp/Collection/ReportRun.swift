import Crypto
import Foundation
import IntakeCore
import IntakeStore

/// `intake report`: opens every sealed session in a folder with the
/// organisation's private key, reduces each to its categories
/// (`ReportRecord`), and prints the suppressed counts. Nothing decrypted
/// is written anywhere.
public enum ReportRun {
    public enum Format: String, CaseIterable, Sendable {
        case csv, markdown
    }

    public struct Gathered {
        public var records: [ReportRecord] = []
        public var order: [ReportDimension: [String]] = [:]
        public var unfinished = 0
        public var unreadable: [(String, String)] = []
        /// Earlier copies of a session also in the folder (sealed again
        /// after a later remark): only the latest copy of each is counted.
        public var superseded = 0
    }

    /// Reads the folder's `*.sealed` files.
    public static func gather(folder: URL, key: Curve25519.KeyAgreement.PrivateKey, location: DataLocation) throws -> Gathered {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            printError("intake: cannot read the folder \(Sanitize.singleLine(folder.path))")
            throw Failure.failed
        }
        var g = Gathered()
        var questionnaires: [String: Questionnaire] = [:]
        var latest: [SessionID: (updated: Date, record: ReportRecord)] = [:]
        for name in names.sorted() where name.hasSuffix(".sealed") {
            let url = folder.appendingPathComponent(name)
            do {
                guard let sealed = FileManager.default.contents(atPath: url.path) else { throw StoreError.sealedExport("it cannot be read") }
                let record = try SessionExport.decode(try SealedExport.open(sealed, with: key))
                guard record.status == .finished else { g.unfinished += 1; continue }
                let (header, events) = try InterviewCodec.load(record)
                let q: Questionnaire
                if let known = questionnaires[header.questionnaireID] { q = known } else {
                    q = try location.questionnaire(id: header.questionnaireID)
                    questionnaires[q.id] = q
                    for (d, cats) in ReportRecord.categories(of: q) {
                        g.order[d, default: []] += cats.filter { !(g.order[d] ?? []).contains($0) }
                    }
                }
                let r = InterviewCodec.resume(header: header, events: events, questionnaire: q)
                let item = (record.updatedAt, ReportRecord(interview: r.interview, began: record.createdAt))
                if let earlier = latest[record.id] {
                    g.superseded += 1
                    if earlier.updated >= record.updatedAt { continue }
                }
                latest[record.id] = item
            } catch let e as StoreError {
                g.unreadable.append((name, e.description))
            }
        }
        g.records = latest.sorted { $0.key.string < $1.key.string }.map(\.value.record)
        return g
    }

    public static func run(folder: String, keyFile: String, format: Format, output: String?, skipUnreadable: Bool,
                           location: DataLocation) throws {
        let key = try OrganisationKeys.load(keyFile)
        let g = try gather(folder: URL(fileURLWithPath: folder), key: key, location: location)
        for (name, why) in g.unreadable { printError("intake: \(Sanitize.singleLine(name)): \(why)") }
        if !g.unreadable.isEmpty && !skipUnreadable {
            printError("intake: \(g.unreadable.count) file\(g.unreadable.count == 1 ? "" : "s") could not be opened; no report was made (--skip-unreadable makes one without them)")
            throw Failure.failed
        }
        if g.superseded > 0 { printError("intake: note: \(g.superseded) earlier cop\(g.superseded == 1 ? "y" : "ies") of a session sealed again later \(g.superseded == 1 ? "was" : "were") not counted twice") }
        if g.unfinished > 0 { printError("intake: note: \(g.unfinished) unfinished session\(g.unfinished == 1 ? " was" : "s were") left out") }
        let tables = AggregateReport.tables(g.records, order: g.order)
        let text = format == .csv ? ReportRenderer.csv(tables) : ReportRenderer.markdown(tables, sessions: g.records.count)
        if let output {
            try OutputFile.write(text, to: URL(fileURLWithPath: output))
            print("Wrote \(Sanitize.singleLine(output)): \(g.records.count) sessions, small counts suppressed.")
        } else {
            print(text, terminator: "")
        }
    }
}

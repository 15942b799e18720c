import ArgumentParser
import Foundation
import IntakeCore
import IntakeStore
import IntakeSync

/// Test and benchmark support for the collection server (not installed).
@main
struct LoadGen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intake-loadgen",
        abstract: "Make sealed sessions from persona answer files, and play devices submitting them.",
        subcommands: [Seal.self, Run.self])
}

/// `seal`: N finished sessions, each a persona's answers recorded as the
/// interview would record them (answered events, then completed), exported
/// and sealed with `SealedExport` to the organisation's public key, spread
/// over `--devices` outbox folders and over six months.
struct Seal: ParsableCommand {
    @Option(name: .customLong("public-key")) var publicKey: String
    @Option(name: .customLong("questionnaires"), help: "The questionnaires folder.") var questionnaires: String
    @Option(name: .customLong("personas"), help: "A folder of answer files.") var personas: String
    @Option(name: .customLong("count")) var count: Int
    @Option(name: .customLong("devices")) var devices = 1
    @Option(name: .customLong("seed")) var seed: UInt64 = 1
    @Option(name: .customLong("out"), help: "Writes OUT/device-NN/session-NNNNN.sealed.") var out: String

    func run() throws {
        let key = try SealedExport.publicKey(base64: publicKey)
        var qs: [String: Questionnaire] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: questionnaires) where name.hasSuffix(".yaml") {
            let path = questionnaires + "/" + name
            if let q = QuestionnaireLoader.load(bytes: [UInt8](FileManager.default.contents(atPath: path) ?? Data()), path: path).questionnaire {
                qs[q.id] = q
            }
        }
        var files: [(Questionnaire, AnswerFile)] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: personas).sorted() where name.hasSuffix(".yaml") {
            let path = personas + "/" + name
            let bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
            guard let q = qs[AnswerFile.peekQuestionnaireID(bytes: bytes, path: path) ?? "trafficking-screening"],
                  case .success(let f) = AnswerFile.load(bytes: bytes, path: path, questionnaire: q) else { continue }
            files.append((q, f))
        }
        guard !files.isEmpty else { throw ValidationError("no persona answer files could be read in \(personas)") }
        var rng = SeededRandom(seed: seed)
        let start = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
        for i in 0..<count {
            let (q, file) = files[i % files.count]
            let began = start.addingTimeInterval(Double(rng.next() % (182 * 86_400)))
            var header = InterviewHeader(questionnaireID: q.id, questionnaireVersion: q.version, questionnaireHash: q.contentHash,
                                         intervieweeLanguage: file.language ?? q.language, advocateLanguage: q.language)
            header.screener = "loadgen"
            var events: [SessionExport.Event] = []
            var at = began
            for question in q.questions {
                guard let v = file.answer(question.id) else { continue }  // `answers` would be made anew each time
                at.addTimeInterval(20)
                events.append(.init(seq: events.count + 1, at: at, payload: InterviewCodec.encode(.answered(question: question.id, value: v))))
            }
            events.append(.init(seq: events.count + 1, at: at, payload: InterviewCodec.encode(.completed)))
            var uuid = UUID().uuid
            withUnsafeMutableBytes(of: &uuid) { raw in for j in raw.indices { raw[j] = UInt8(truncatingIfNeeded: rng.next()) } }
            let export = SessionExport(id: SessionID(UUID(uuid: uuid)), createdAt: began, updatedAt: at, status: .finished,
                                       questionnaireID: q.id, questionnaireVersion: q.version, questionnaireHash: q.contentHash,
                                       header: InterviewCodec.encode(header), events: events)
            let folder = URL(fileURLWithPath: out).appendingPathComponent(String(format: "device-%02d", i % devices))
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try SecureFile.write(try SealedExport.seal(try export.encoded(), to: key),
                                 to: folder.appendingPathComponent(String(format: "session-%05d.sealed", i)))
        }
        print("Sealed \(count) sessions from \(files.count) answer files into \(devices) outbox\(devices == 1 ? "" : "es") in \(out).")
    }
}

/// `run`: every device folder OUT/device-NN submitted at once, device NN
/// with the token in TOKENS/device-NN. A device sends its files one after
/// another; with --resend, some files are sent again after their receipt
/// (as if the receipt had been lost), which must come back "duplicate".
/// When a server cannot be reached, the next try goes to the next server
/// in --server (the devices' failover), with seeded jittered backoff.
struct Run: AsyncParsableCommand {
    @Option(name: .customLong("server"), help: "Server URLs, comma-separated.") var servers: String
    @Option(name: .customLong("outboxes")) var outboxes: String
    @Option(name: .customLong("tokens"), help: "Folder of token files named like the outboxes.") var tokens: String
    @Option(name: .customLong("seed")) var seed: UInt64 = 1
    @Option(name: .customLong("resend"), help: "Share of files sent a second time, 0 to 1.") var resend = 0.0
    @Option(name: .customLong("attempts")) var attempts = 40

    struct DeviceResult: Sendable {
        var stored = 0, duplicate = 0, failed: [String] = [], latencies: [Double] = [], retries = 0
        /// Files confirmed by the server (stored, or found there already).
        var confirmed = 0
        /// First sends answered "duplicate": stored by a try whose answer was lost.
        var lostReceipts = 0
    }

    func run() async throws {
        let addresses = try servers.split(separator: ",").map { try ServerAddress(String($0)) }
        let devices = try FileManager.default.contentsOfDirectory(atPath: outboxes).filter { $0.hasPrefix("device-") }.sorted()
        let started = ContinuousClock.now
        let attempts = self.attempts, resend = self.resend, seed = self.seed, tokens = self.tokens, outboxes = self.outboxes
        let results: [DeviceResult] = try await withThrowingTaskGroup(of: DeviceResult.self) { group in
            for (d, name) in devices.enumerated() {
                let token = try TokenFile.read(tokens + "/" + name)
                group.addTask {
                    let clients = addresses.map { CollectionClient(address: $0, token: token, timeout: .seconds(20), connectTimeout: .milliseconds(500)) }
                    var rng = SeededRandom(seed: seed &+ UInt64(d) &* 7919)
                    var r = DeviceResult()
                    // The server this device uses; it moves to the next one only when that fails.
                    var k = d
                    let files = (try? FileManager.default.contentsOfDirectory(atPath: outboxes + "/" + name).filter { $0.hasSuffix(".sealed") }.sorted()) ?? []
                    for file in files {
                        guard let bytes = FileManager.default.contents(atPath: outboxes + "/" + name + "/" + file) else { r.failed.append(file); continue }
                        let sends = rng.unit() < resend ? 2 : 1
                        for send in 0..<sends {
                            var attempt = 0
                            while true {
                                attempt += 1
                                let t0 = ContinuousClock.now
                                do throws(CollectionClient.Failure) {
                                    let receipt = try await clients[k % clients.count].submit(Array(bytes))
                                    r.latencies.append((ContinuousClock.now - t0) / .milliseconds(1))
                                    if receipt.status == "stored" { r.stored += 1 } else { r.duplicate += 1 }
                                    if send == 0 {
                                        r.confirmed += 1
                                        if receipt.status != "stored" { r.lostReceipts += 1 }
                                    }
                                    break
                                } catch {
                                    guard error.isRetryable, attempt < attempts else { r.failed.append("\(file): \(error)"); break }
                                    r.retries += 1
                                    k += 1
                                    let cap = min(2.0, 0.05 * pow(2, Double(attempt - 1)))
                                    try? await Task.sleep(nanoseconds: UInt64(cap * rng.unit() * 1e9))
                                }
                            }
                        }
                    }
                    for c in clients { await c.shutdown() }
                    return r
                }
            }
            var all: [DeviceResult] = []
            for try await r in group { all.append(r) }
            return all
        }
        let seconds = (ContinuousClock.now - started) / .seconds(1)
        let lat = results.flatMap(\.latencies).sorted()
        func pct(_ p: Double) -> Double { lat.isEmpty ? 0 : lat[min(lat.count - 1, Int((Double(lat.count) * p).rounded(.up)) - 1)] }
        let stored = results.map(\.stored).reduce(0, +), duplicate = results.map(\.duplicate).reduce(0, +)
        let failed = results.flatMap(\.failed)
        print("devices \(devices.count) confirmed \(results.map(\.confirmed).reduce(0, +)) stored \(stored) duplicate \(duplicate) lost_receipts \(results.map(\.lostReceipts).reduce(0, +)) failed \(failed.count) retries \(results.map(\.retries).reduce(0, +))")
        print(String(format: "seconds %.2f requests_per_second %.1f p50_ms %.1f p99_ms %.1f max_ms %.1f",
                     seconds, Double(lat.count) / seconds, pct(0.5), pct(0.99), lat.last ?? 0))
        for f in failed.prefix(10) { print("failed: \(f)") }
        if !failed.isEmpty { throw ExitCode(1) }
    }
}

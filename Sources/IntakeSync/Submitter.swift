import Foundation
import IntakeCore
import IntakeStore

/// `intake sessions submit`: sends every waiting file of the outbox, each
/// with retries, and confirms it only when the server returns the digest of
/// exactly the bytes sent.
public enum Submitter {
    public struct Outcome: Sendable, Equatable {
        public var sent: [String] = []
        /// Already on the server (an earlier try whose answer was lost).
        public var alreadyThere: [String] = []
        /// Still waiting: the server could not be reached.
        public var unreachable: [String] = []
        /// Refused by the server, with its reason.
        public var refused: [(String, String)] = []
        public var deleted = 0

        public static func == (a: Outcome, b: Outcome) -> Bool {
            a.sent == b.sent && a.alreadyThere == b.alreadyThere && a.unreachable == b.unreachable
                && a.refused.map(\.0) == b.refused.map(\.0) && a.refused.map(\.1) == b.refused.map(\.1) && a.deleted == b.deleted
        }
    }

    public static func run(outbox: Outbox, client: CollectionClient, deleteAfterConfirm: Bool, retry: RetryPolicy,
                           say: (String) -> Void) async -> Outcome {
        var outcome = Outcome()
        var rng = SystemRandomNumberGenerator()
        for file in outbox.waiting() {
            let name = file.lastPathComponent
            guard let data = FileManager.default.contents(atPath: file.path) else {
                outcome.refused.append((name, "it cannot be read"))
                say("✘ \(name): it cannot be read")
                continue
            }
            // Once unreachable, the rest would only wait the same way: try
            // each once more only if the server answered in between.
            let policy = outcome.unreachable.isEmpty ? retry : RetryPolicy(attempts: 1)
            do throws(CollectionClient.Failure) {
                let receipt = try await policy.run(random: { Double.random(in: 0..<1, using: &rng) }) { () async throws(CollectionClient.Failure) in
                    try await client.submit(Array(data))
                }
                do {
                    try outbox.confirm(file, digest: receipt.digest, delete: deleteAfterConfirm)
                    if deleteAfterConfirm { outcome.deleted += 1 }
                } catch {
                    say("intake: the server has \(name), but the local copy could not be \(deleteAfterConfirm ? "deleted" : "marked as sent"): \(error)")
                }
                let short = receipt.digest.prefix(12)
                if receipt.status == "duplicate" {
                    outcome.alreadyThere.append(name)
                    say("✔ \(name): already on the server (digest \(short)…)\(deleteAfterConfirm ? "; local copy deleted" : "")")
                } else {
                    outcome.sent.append(name)
                    say("✔ \(name): sent, confirmed (digest \(short)…)\(deleteAfterConfirm ? "; local copy deleted" : "")")
                }
            } catch {
                if error.isRetryable {
                    outcome.unreachable.append(name)
                    say("… \(name): still waiting; \(error)")
                } else {
                    outcome.refused.append((name, error.description))
                    say("✘ \(name): \(error)")
                }
            }
        }
        return outcome
    }
}

/// `intake org pull`: downloads the sealed files a folder does not have yet,
/// each named by its digest and checked against it.
public enum Puller {
    public struct Outcome: Sendable, Equatable {
        public var downloaded = 0
        public var present = 0
    }

    public static func run(client: CollectionClient, folder: URL, retry: RetryPolicy, say: (String) -> Void) async throws(CollectionClient.Failure) -> Outcome {
        var rng = SystemRandomNumberGenerator()
        let listed = try await retry.run(random: { Double.random(in: 0..<1, using: &rng) }) { () async throws(CollectionClient.Failure) in try await client.list() }
        var outcome = Outcome()
        for item in listed {
            let url = folder.appendingPathComponent(item.digest + ".sealed")
            if let existing = FileManager.default.contents(atPath: url.path), SealedFormat.digest(existing) == item.digest {
                outcome.present += 1
                continue
            }
            let bytes = try await retry.run(random: { Double.random(in: 0..<1, using: &rng) }) { () async throws(CollectionClient.Failure) in
                try await client.download(digest: item.digest)
            }
            do {
                try SecureFile.write(Data(bytes), to: url)
            } catch {
                throw .badAnswer("could not write \(url.path): \(error)")
            }
            outcome.downloaded += 1
        }
        say("Downloaded \(outcome.downloaded) new sealed session\(outcome.downloaded == 1 ? "" : "s") into \(folder.path); \(outcome.present) were there already.")
        return outcome
    }
}

import Foundation
import IntakeStore

/// What `intake sessions submit` and `intake org pull` do, given their
/// parsed options (the `intake-sync` executable only parses).
public enum SyncCommands {
    /// Exit status when something still waits because the server could not be reached (EX_TEMPFAIL).
    public static let stillWaiting: Int32 = 75

    public static func token(file: String?, environmentVariable: String) throws -> String {
        if let file { return try TokenFile.read(file) }
        if let v = ProcessInfo.processInfo.environment[environmentVariable]?.trimmingCharacters(in: .whitespacesAndNewlines), !v.isEmpty {
            return v
        }
        throw ServerAddress.Refused(description: "no token: give --token-file FILE (mode 600), or set \(environmentVariable)")
    }

    /// Sends the outbox; returns the exit status (0 all sent, 75 some wait, 1 some refused).
    public static func submit(server: String, tokenFile: String?, outbox: String, deleteAfterConfirm: Bool,
                              attempts: Int, caFile: String?) async -> Int32 {
        let address: ServerAddress
        let token: String
        do {
            address = try ServerAddress(server)
            token = try self.token(file: tokenFile, environmentVariable: "INTAKE_DEVICE_TOKEN")
        } catch {
            printError("intake: \(error)")
            return 1
        }
        let box = Outbox(folder: URL(fileURLWithPath: outbox))
        let waiting = box.waitingCount()
        if waiting == 0 {
            print("Nothing to send: no sealed session is waiting in \(outbox).")
            return 0
        }
        print("Sending \(waiting) sealed session\(waiting == 1 ? "" : "s") from \(outbox) to \(address.base.absoluteString)")
        let client = CollectionClient(address: address, token: token, caFile: caFile)
        let outcome = await Submitter.run(outbox: box, client: client, deleteAfterConfirm: deleteAfterConfirm,
                                          retry: RetryPolicy(attempts: attempts)) { print($0) }
        await client.shutdown()
        var parts = ["\(outcome.sent.count) sent", "\(outcome.alreadyThere.count) already on the server"]
        if !outcome.unreachable.isEmpty { parts.append("\(outcome.unreachable.count) still waiting (server unreachable; run this again later)") }
        if !outcome.refused.isEmpty { parts.append("\(outcome.refused.count) refused") }
        if deleteAfterConfirm { parts.append("\(outcome.deleted) local cop\(outcome.deleted == 1 ? "y" : "ies") deleted") }
        print("Done: " + parts.joined(separator: ", ") + ".")
        if !outcome.refused.isEmpty { return 1 }
        return outcome.unreachable.isEmpty ? 0 : stillWaiting
    }

    public static func pull(server: String, tokenFile: String?, folder: String, caFile: String?) async -> Int32 {
        let address: ServerAddress
        let token: String
        do {
            address = try ServerAddress(server)
            token = try self.token(file: tokenFile, environmentVariable: "INTAKE_SUPERVISOR_TOKEN")
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            printError("intake: \(error)")
            return 1
        }
        let client = CollectionClient(address: address, token: token, caFile: caFile)
        do {
            _ = try await Puller.run(client: client, folder: URL(fileURLWithPath: folder), retry: RetryPolicy()) { print($0) }
            await client.shutdown()
            return 0
        } catch {
            await client.shutdown()
            printError("intake: \(error)")
            return error.isRetryable ? stillWaiting : 1
        }
    }
}

func printError(_ s: String) {
    FileHandle.standardError.write(Data((s + "\n").utf8))
}

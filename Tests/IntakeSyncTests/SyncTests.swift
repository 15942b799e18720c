import Foundation
import IntakeStore
import IntakeTestSupport
import Testing
@testable import IntakeSync

@Suite struct ServerAddressTests {
    @Test func httpsAnywhereAndPlainHTTPOnlyToLoopback() throws {
        #expect(try ServerAddress("https://intake.example.org").base.absoluteString == "https://intake.example.org")
        #expect(try ServerAddress("https://intake.example.org/").url("/health") == "https://intake.example.org/health")
        for ok in ["http://127.0.0.1:8080", "http://127.9.0.1", "http://localhost:80", "http://[::1]:8080"] {
            #expect(throws: Never.self) { _ = try ServerAddress(ok) }
        }
        for refused in ["http://192.168.1.10:8080", "http://intake.example.org", "http://128.0.0.1", "http://127.0.0.1.example.org"] {
            #expect(throws: ServerAddress.Refused.self) { _ = try ServerAddress(refused) }
        }
        #expect(throws: ServerAddress.Refused(description: "'ftp://x' is not an http(s) address")) { _ = try ServerAddress("ftp://x") }
    }
}

@Suite struct RetryPolicyTests {
    @Test func theCapsGrowToTheMaximum() {
        let p = RetryPolicy(attempts: 8, firstDelay: 0.5, maximumDelay: 4)
        #expect((1...6).map(p.cap(after:)) == [0.5, 1, 2, 4, 4, 4])
    }

    @Test func unreachableIsRetriedWithJitteredWaitsThenGivenUp() async {
        let p = RetryPolicy(attempts: 4, firstDelay: 1, maximumDelay: 30)
        var waits: [Double] = []
        var calls = 0
        await #expect(throws: CollectionClient.Failure.unreachable("connection refused")) {
            _ = try await p.run(random: { 0.5 }, sleep: { waits.append($0) }) { () async throws(CollectionClient.Failure) -> Int in
                calls += 1
                throw .unreachable("connection refused")
            }
        }
        #expect(calls == 4)
        #expect(waits == [0.5, 1, 2])
    }

    @Test func aRefusalIsNotRetried() async {
        var calls = 0
        await #expect(throws: CollectionClient.Failure.refused(status: 401, message: "the token was revoked")) {
            _ = try await RetryPolicy(attempts: 5).run(random: { 0 }, sleep: { _ in }) { () async throws(CollectionClient.Failure) -> Int in
                calls += 1
                throw .refused(status: 401, message: "the token was revoked")
            }
        }
        #expect(calls == 1)
    }

    @Test func successAfterTwoFailures() async throws {
        var calls = 0
        let v = try await RetryPolicy(attempts: 5).run(random: { 0 }, sleep: { _ in }) { () async throws(CollectionClient.Failure) -> Int in
            calls += 1
            if calls < 3 { throw .unreachable("timed out") }
            return 42
        }
        #expect(v == 42 && calls == 3)
    }

    @Test func theSeededGeneratorIsReproducible() {
        var a = SeededRandom(seed: 18), b = SeededRandom(seed: 18), c = SeededRandom(seed: 19)
        let x = (0..<4).map { _ in a.next() }
        #expect(x == (0..<4).map { _ in b.next() })
        #expect(x != (0..<4).map { _ in c.next() })
        // SplitMix64's first output for seed 0 (Vigna's reference implementation).
        var z = SeededRandom(seed: 0)
        #expect(z.next() == 0xe220_a839_7b1d_cdaf)
    }

    /// The product's generator draws what the tests' shared one draws.
    @Test func theProductGeneratorIsTheTestsSplitMix64() {
        for seed: UInt64 in [0, 1, 18, 0xDEAD_BEEF, .max] {
            var product = SeededRandom(seed: seed), shared = SplitMix64(seed: seed)
            #expect((0..<64).map { _ in product.next() } == (0..<64).map { _ in shared.next() })
        }
    }
}

@Suite struct OutboxTests {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("outbox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func waitingIsSealedFilesWithoutReceipts() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["session-a.sealed", "session-b.sealed", "session-b.sealed.sent", "notes.txt", "session-c.sealed"] {
            try Data("x".utf8).write(to: dir.appendingPathComponent(name))
        }
        let box = Outbox(folder: dir)
        #expect(box.waiting().map(\.lastPathComponent) == ["session-a.sealed", "session-c.sealed"])
        try box.confirm(dir.appendingPathComponent("session-a.sealed"), digest: "ab12", delete: false)
        #expect(String(decoding: try Data(contentsOf: dir.appendingPathComponent("session-a.sealed.sent")), as: UTF8.self) == "ab12\n")
        try box.confirm(dir.appendingPathComponent("session-c.sealed"), digest: "cd34", delete: true)
        #expect(box.waitingCount() == 0)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("session-c.sealed").path))
        #expect(Outbox(folder: dir.appendingPathComponent("missing")).waitingCount() == 0)
    }

    @Test func aTokenFileMustBeTheUsersAlone() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("token").path
        try Data("intake-device-0000abcd-secret\n".utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o644)
        #expect(throws: StoreError.tokenFile(path: path, problem: "other users can access it (mode 0644); run chmod 600 on it")) {
            _ = try TokenFile.read(path)
        }
        chmod(path, 0o600)
        #expect(try TokenFile.read(path) == "intake-device-0000abcd-secret")
    }
}

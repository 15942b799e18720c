import AsyncHTTPClient
import Foundation
import IntakeCore
import NIOCore
import NIOHTTP1
import NIOSSL

/// Talks to the collection server (see IntakeServer's `CollectionRoutes`).
public final class CollectionClient: Sendable {
    public let address: ServerAddress
    let token: String
    let http: HTTPClient
    let timeout: TimeAmount

    /// What went wrong with one request.
    public enum Failure: Error, CustomStringConvertible, Equatable {
        /// The server could not be reached, or answered 5xx: worth trying again later.
        case unreachable(String)
        /// The server refused (4xx): trying again will not help.
        case refused(status: Int, message: String)
        /// The server's answer does not make sense (e.g. a digest that is not the one sent).
        case badAnswer(String)

        public var description: String {
            switch self {
            case .unreachable(let s): return "the server could not be reached (\(s))"
            case .refused(let status, let message): return "the server refused it (\(status)): \(message)"
            case .badAnswer(let s): return "the server's answer is not right: \(s)"
            }
        }

        public var isRetryable: Bool { if case .unreachable = self { return true } else { return false } }
    }

    /// `caFile`: a PEM file of certificates to trust (a self-signed server
    /// certificate); the system's trust roots otherwise.
    /// `connectTimeout` bounds how long an unreachable server holds a try:
    /// AsyncHTTPClient keeps trying to connect until then, even when the
    /// connection is refused at once.
    public init(address: ServerAddress, token: String, caFile: String? = nil, timeout: TimeAmount = .seconds(30),
                connectTimeout: TimeAmount = .seconds(5)) {
        self.address = address
        self.token = token
        var tls = TLSConfiguration.makeClientConfiguration()
        if let caFile { tls.trustRoots = .file(caFile) }
        var config = HTTPClient.Configuration(tlsConfiguration: tls, redirectConfiguration: .disallow)
        config.timeout = .init(connect: connectTimeout, read: timeout)
        self.http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: config)
        self.timeout = timeout
    }

    public func shutdown() async {
        try? await http.shutdown()
    }

    /// The server's receipt for one upload.
    public struct Receipt: Sendable, Equatable {
        public var digest: String
        /// "stored" (new) or "duplicate" (it had it already, from this device).
        public var status: String
        public var seq: Int64
    }

    /// Sends one sealed file; returns the receipt once the server confirmed
    /// the digest of exactly these bytes.
    public func submit(_ bytes: [UInt8]) async throws(Failure) -> Receipt {
        let digest = SealedFormat.digest(bytes)
        var request = HTTPClientRequest(url: address.url("/v1/submissions"))
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/octet-stream")
        request.headers.add(name: "Intake-Digest", value: digest)
        request.body = .bytes(ByteBuffer(bytes: bytes))
        let (status, body) = try await send(request)
        guard status == 200 || status == 201 else { throw Self.refusal(status, body) }
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
              let confirmed = object["digest"] as? String, let state = object["status"] as? String,
              let seq = (object["seq"] as? NSNumber)?.int64Value else {
            throw .badAnswer("no receipt in the answer")
        }
        guard confirmed == digest else { throw .badAnswer("it confirmed digest \(confirmed), not \(digest)") }
        return Receipt(digest: confirmed, status: state, seq: seq)
    }

    /// One entry of the server's list.
    public struct Listed: Sendable, Equatable {
        public var seq: Int64
        public var digest: String
        public var size: Int
    }

    /// Everything the server holds, oldest first (paged).
    public func list() async throws(Failure) -> [Listed] {
        var out: [Listed] = []
        var after: Int64 = 0
        while true {
            let request = HTTPClientRequest(url: address.url("/v1/submissions?after=\(after)&limit=1000"))
            let (status, body) = try await send(request)
            guard status == 200 else { throw Self.refusal(status, body) }
            guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
                  let rows = object["submissions"] as? [[String: Any]] else { throw .badAnswer("no list in the answer") }
            for r in rows {
                guard let seq = (r["seq"] as? NSNumber)?.int64Value, let d = r["digest"] as? String,
                      let size = (r["size"] as? NSNumber)?.intValue else { throw .badAnswer("a list entry without seq, digest or size") }
                out.append(Listed(seq: seq, digest: d, size: size))
            }
            guard let last = out.last, rows.count == 1000 else { return out }
            after = last.seq
        }
    }

    /// The sealed bytes of one submission, checked against its digest.
    public func download(digest: String, maxBytes: Int = 1 << 30) async throws(Failure) -> [UInt8] {
        let request = HTTPClientRequest(url: address.url("/v1/submissions/\(digest)"))
        let (status, body) = try await send(request, maxBytes: maxBytes)
        guard status == 200 else { throw Self.refusal(status, body) }
        guard SealedFormat.digest(body) == digest else { throw .badAnswer("the file downloaded for \(digest) has another digest") }
        return body
    }

    func send(_ request: HTTPClientRequest, maxBytes: Int = 16 << 20) async throws(Failure) -> (Int, [UInt8]) {
        var request = request
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: "User-Agent", value: "intake-sync")
        do {
            let response = try await http.execute(request, timeout: timeout)
            let body = try await response.body.collect(upTo: maxBytes)
            let status = Int(response.status.code)
            if status >= 500 { throw Failure.unreachable("status \(status)") }
            return (status, Array(body.readableBytesView))
        } catch let f as Failure {
            throw f
        } catch {
            throw .unreachable(Self.describe(error))
        }
    }

    static func describe(_ error: Error) -> String {
        let text = String(describing: error)
        if text.contains("connectionRefused") || text.contains("Connection refused") { return "connection refused" }
        if text.contains("connectTimeout") || text.contains("deadlineExceeded") || text.contains("readTimeout") { return "timed out" }
        return text.count > 160 ? String(text.prefix(160)) + "…" : text
    }

    static func refusal(_ status: Int, _ body: [UInt8]) -> Failure {
        let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
        let message = (object?["error"] as? [String: Any])?["message"] as? String
            ?? String(decoding: body.prefix(300), as: UTF8.self)
        return .refused(status: status, message: message.isEmpty ? "(no message)" : message)
    }
}

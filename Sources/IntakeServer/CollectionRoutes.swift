import Foundation
import HTTPTypes
import Hummingbird
import IntakeCore
import Logging
import NIOCore

/// The HTTP interface:
///
/// - `GET /health`: 200 when the database answers, 503 when it does not.
/// - `POST /v1/submissions` (device token): the body is one sealed session;
///   201 with its digest when stored, 200 with the same digest when it was
///   already stored from this device (a retry).
/// - `GET /v1/submissions?after=SEQ&limit=N` (supervisor token): what has
///   arrived, oldest first, without content.
/// - `GET /v1/submissions/DIGEST` (supervisor token): the sealed bytes.
///
/// A refusal is a 4xx status with `{"error":{"message":"..."}}`.
public enum CollectionRoutes {
    public static func router(database: CollectionDatabase, config: ServerConfig, logger: Logger) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: AccessLog(logger: logger))
        let auth = Authenticator(database: database)

        router.get("/health") { _, _ -> Response in
            do {
                try await database.ping()
                return json(.ok, ["status": "ok"])
            } catch {
                logger.error("health check: database unavailable")
                return json(.serviceUnavailable, ["status": "database unavailable"])
            }
        }

        router.post("/v1/submissions") { request, _ -> Response in
            let token = try await auth.require(.device, request)
            let body: ByteBuffer
            if let length = request.headers[.contentLength].flatMap(Int.init), length > config.maxUploadBytes {
                throw HTTPError(.contentTooLarge, message: "the upload is \(length) bytes; this server accepts at most \(config.maxUploadBytes)")
            }
            do {
                body = try await request.body.collect(upTo: config.maxUploadBytes)
            } catch is NIOTooManyBytesError {
                throw HTTPError(.contentTooLarge, message: "the upload is larger than this server accepts (\(config.maxUploadBytes) bytes)")
            }
            let bytes = Array(body.readableBytesView)
            let header: SealedFormat.Header
            do throws(SealedFormat.Problem) {
                header = try SealedFormat.inspect(bytes)
            } catch {
                logger.notice("refused upload", metadata: ["token": "\(token.id)", "size": "\(bytes.count)", "reason": "\(error)"])
                if case .notSealed = error {
                    throw HTTPError(.unsupportedMediaType, message: "\(error); only sealed sessions are accepted")
                }
                throw HTTPError(.badRequest, message: "\(error)")
            }
            if !config.acceptedKeyIDs.isEmpty, !config.acceptedKeyIDs.contains(header.keyID) {
                throw HTTPError(.unprocessableContent,
                                message: "the session is sealed to key \(header.keyID), which this server does not accept; reseal it to the organisation's key")
            }
            let digest = SealedFormat.digest(bytes)
            if let claimed = request.headers[HTTPField.Name("Intake-Digest")!], claimed.lowercased() != digest {
                throw HTTPError(.badRequest, message: "the upload's SHA-256 is \(digest), not the \(claimed) the client sent: it was damaged on the way; send it again")
            }
            switch try await database.store(sealed: body, digest: digest, keyID: header.keyID, deviceID: token.id) {
            case .stored(let info):
                logger.info("stored", metadata: ["token": "\(token.id)", "digest": "\(digest)", "size": "\(info.size)", "key_id": "\(info.keyID)"])
                return json(.created, receipt(info, status: "stored"))
            case .duplicate(let info):
                logger.info("duplicate", metadata: ["token": "\(token.id)", "digest": "\(digest)"])
                return json(.ok, receipt(info, status: "duplicate"))
            case .fromAnotherDevice:
                logger.notice("refused replay", metadata: ["token": "\(token.id)", "digest": "\(digest)"])
                throw HTTPError(.conflict, message: "this sealed session was already received from another device; it is not stored twice")
            }
        }

        router.get("/v1/submissions") { request, _ -> Response in
            _ = try await auth.require(.supervisor, request)
            let q = request.uri.queryParameters
            let after = q["after"].map { Int64(String($0)) } ?? 0
            let limit = q["limit"].map { Int(String($0)) } ?? 500
            guard let after, let limit, after >= 0, (1...1000).contains(limit) else {
                throw HTTPError(.badRequest, message: "after takes a sequence number (0 or more) and limit 1 to 1000")
            }
            let rows = try await database.submissions(after: after, limit: limit)
            return json(.ok, ["submissions": rows.map { receipt($0, status: nil) }, "next": rows.last?.seq ?? after])
        }

        router.get("/v1/submissions/:digest") { request, context -> Response in
            _ = try await auth.require(.supervisor, request)
            let digest = context.parameters.get("digest") ?? ""
            guard digest.count == 64, digest.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
                throw HTTPError(.badRequest, message: "a submission is named by its SHA-256 digest: 64 lower-case hex digits")
            }
            guard let bytes = try await database.sealed(digest: digest) else {
                throw HTTPError(.notFound, message: "no submission with digest \(digest)")
            }
            var headers = HTTPFields()
            headers[.contentType] = "application/octet-stream"
            headers[HTTPField.Name("Intake-Digest")!] = digest
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: bytes))
        }
        return router
    }

    static func receipt(_ info: CollectionDatabase.SubmissionInfo, status: String?) -> [String: Any] {
        var r: [String: Any] = [
            "seq": info.seq, "digest": info.digest, "key_id": info.keyID, "device": info.deviceID, "size": info.size,
            "received_at": ISO8601DateFormatter.string(from: info.receivedAt, timeZone: .gmt,
                                                       formatOptions: [.withInternetDateTime, .withFractionalSeconds]),
        ]
        if let status { r["status"] = status }
        return r
    }

    static func json(_ status: HTTPResponse.Status, _ object: [String: Any]) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// Checks a bearer token against the database: the hash is compared in
/// constant time, then revocation, then the role.
struct Authenticator: Sendable {
    let database: CollectionDatabase

    func require(_ role: Role, _ request: Request) async throws -> CollectionDatabase.TokenRow {
        guard let value = request.headers[.authorization], value.hasPrefix("Bearer ") else {
            throw HTTPError(.unauthorized, headers: [.wwwAuthenticate: "Bearer"], message: "a token is needed (Authorization: Bearer <token>)")
        }
        let text = String(value.dropFirst("Bearer ".count)).trimmingCharacters(in: .whitespaces)
        guard let claimed = AccessToken.parse(text), let row = try await database.token(id: claimed.id),
              AccessToken.constantTimeEqual(AccessToken.hash(text), row.hash) else {
            throw HTTPError(.unauthorized, headers: [.wwwAuthenticate: "Bearer"], message: "the token is not known to this server")
        }
        guard row.revokedAt == nil else {
            throw HTTPError(.unauthorized, headers: [.wwwAuthenticate: "Bearer"], message: "the token was revoked; ask the organisation's administrator for a new one")
        }
        guard row.role == role else {
            throw HTTPError(.forbidden, message: row.role == .device
                            ? "a device token may only submit sessions; listing and downloading need a supervisor token"
                            : "a supervisor token may only list and download; submitting needs a device token")
        }
        return row
    }
}

/// One log line a request: method, path, status and duration; no body, no token.
struct AccessLog<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        func line(_ status: HTTPResponse.Status) {
            let ms = (ContinuousClock.now - start) / .milliseconds(1)
            logger.info("request", metadata: ["method": "\(request.method.rawValue)", "path": "\(request.uri.path)",
                                              "status": "\(status.code)", "ms": "\(String(format: "%.1f", ms))"])
        }
        do {
            let response = try await next(request, context)
            line(response.status)
            return response
        } catch let error as HTTPResponseError {
            line(error.status)
            throw error
        } catch {
            line(.internalServerError)
            throw error
        }
    }
}

import Foundation

/// Identifies one interview session. Stored as a lowercase UUID string.
public struct SessionID: Hashable, Sendable, Codable, CustomStringConvertible {
    public let uuid: UUID

    public init(_ uuid: UUID = UUID()) { self.uuid = uuid }

    /// Parses the textual form (any case); `nil` if it is not a UUID.
    public init?(_ string: String) {
        guard let uuid = UUID(uuidString: string) else { return nil }
        self.uuid = uuid
    }

    /// The stored textual form, lowercase.
    public var string: String { uuid.uuidString.lowercased() }
    public var description: String { string }

    /// Encoded as its string form.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(string)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let id = SessionID(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a UUID")
        }
        self = id
    }
}

/// Where a session stands. Only these three values are stored.
public enum SessionStatus: String, Sendable, Codable, CaseIterable {
    case unfinished, finished, abandoned
}

/// The plaintext facts about a session needed to list and purge sessions.
/// Nothing here is about the person interviewed.
public struct SessionInfo: Equatable, Sendable {
    public var id: SessionID
    public var createdAt: Date
    public var updatedAt: Date
    public var status: SessionStatus
    public var questionnaireID: String
    public var questionnaireVersion: String
    public var questionnaireHash: String
    public var eventCount: Int
}

/// One decrypted event of a session's log.
public struct StoredEvent: Equatable, Sendable {
    /// 1-based position in the session's log; strictly increasing, no gaps.
    public var seq: Int
    /// When the event happened (the caller's timestamp, kept across retries).
    public var at: Date
    /// The caller's payload (JSON), decrypted.
    public var payload: Data
}

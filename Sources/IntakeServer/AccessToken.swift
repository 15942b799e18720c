import Crypto
import Foundation

/// What a token allows: a device only submits; a supervisor only lists and
/// downloads. No token does both.
public enum Role: String, Sendable, CaseIterable {
    case device
    case supervisor
}

/// A bearer token: `intake-<role>-<id>-<secret>`, where the id (8 hex
/// digits) names the token in the database and in the logs, and the secret
/// is 32 random bytes in base64url. Only SHA-256 of the whole token is
/// stored; the token itself is shown once, when it is made.
public struct AccessToken: Sendable, Equatable {
    public var role: Role
    public var id: String
    public var text: String

    /// A new token with a fresh random id and secret.
    public static func make(role: Role) -> AccessToken {
        var g = SystemRandomNumberGenerator()
        let id = String(format: "%08x", UInt32.random(in: .min ... .max, using: &g))
        let secret = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return AccessToken(role: role, id: id, text: "intake-\(role.rawValue)-\(id)-\(secret)")
    }

    /// The role and id a presented token claims (nothing is trusted until
    /// its hash matches the stored one).
    public static func parse(_ text: String) -> (role: Role, id: String)? {
        let parts = text.split(separator: "-", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "intake", let role = Role(rawValue: String(parts[1])),
              parts[2].count == 8, parts[2].allSatisfy(\.isHexDigit), parts[3].count >= 32 else { return nil }
        return (role, String(parts[2]))
    }

    /// SHA-256 of the token's text: what the database holds.
    public static func hash(_ text: String) -> [UInt8] {
        Array(SHA256.hash(data: Data(text.utf8)))
    }

    /// Compares two hashes in time that depends on their length only, so
    /// the comparison says nothing about how much of a guess was right.
    public static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in a.indices { difference |= a[i] ^ b[i] }
        return difference == 0
    }
}

import Foundation

/// What the admin commands do with tokens.
public enum TokenAdmin {
    /// Makes a token, stores its hash under `name`, and returns it: the only
    /// time its text exists outside the holder's hands.
    public static func create(role: Role, name: String, in database: CollectionDatabase) async throws -> AccessToken {
        let token = AccessToken.make(role: role)
        try await database.insertToken(token, name: name)
        return token
    }
}

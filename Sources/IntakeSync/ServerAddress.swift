import Foundation

/// The collection server's address, checked: https, or plain http only to
/// this computer (loopback), where nothing crosses a network.
public struct ServerAddress: Sendable, Equatable {
    public let base: URL

    public struct Refused: Error, CustomStringConvertible, Equatable {
        public var description: String
    }

    public init(_ text: String) throws {
        let trimmed = text.hasSuffix("/") ? String(text.dropLast()) : text
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else {
            throw Refused(description: "'\(text)' is not a server address (https://host[:port])")
        }
        switch scheme {
        case "https": break
        case "http":
            guard Self.isLoopback(host) else {
                throw Refused(description: "refusing plain http:// to \(host): sessions and tokens would cross the network unencrypted; use https:// (plain http is allowed only to this computer: 127.0.0.1, ::1, localhost)")
            }
        default:
            throw Refused(description: "'\(text)' is not an http(s) address")
        }
        base = url
    }

    /// 127.0.0.0/8, ::1 and localhost.
    public static func isLoopback(_ host: String) -> Bool {
        let h = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if h == "localhost" || h == "::1" || h == "0:0:0:0:0:0:0:1" { return true }
        let parts = h.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts.allSatisfy({ UInt8($0) != nil }) else { return false }
        return parts[0] == "127"
    }

    public func url(_ path: String) -> String { base.absoluteString + path }
}

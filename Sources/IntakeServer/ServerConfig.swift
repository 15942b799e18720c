import Foundation
import Yams

/// The collection server's settings: a YAML file (`--config`, or
/// `$INTAKE_SERVER_CONFIG`), then environment variables, which win.
///
/// ```yaml
/// listen: 127.0.0.1:8080                  # host:port (INTAKE_SERVER_LISTEN)
/// database_url: postgres://intake@127.0.0.1:5432/intake   # (INTAKE_DATABASE_URL)
/// database_password_file: /etc/intake/db-password          # (INTAKE_DATABASE_PASSWORD_FILE)
/// database_tls: disable                   # disable | require (INTAKE_DATABASE_TLS)
/// database_pool_size: 8                   # connections per instance (INTAKE_DATABASE_POOL_SIZE)
/// max_upload_bytes: 4194304               # larger uploads are refused (INTAKE_SERVER_MAX_UPLOAD_BYTES)
/// accepted_key_ids: [3f9a2c1b8d7e6f50]    # optional: only files sealed to these keys (INTAKE_SERVER_ACCEPTED_KEY_IDS, comma-separated)
/// tls_certificate: /etc/intake/cert.pem   # optional: native TLS (INTAKE_SERVER_TLS_CERTIFICATE)
/// tls_key: /etc/intake/key.pem            #           (INTAKE_SERVER_TLS_KEY)
/// ```
///
/// An unknown key is an error. The server never needs a private key: the
/// accepted key ids are the organisation's public key fingerprints
/// (`intake keys public`, without spaces).
public struct ServerConfig: Equatable, Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    public var database = DatabaseSettings()
    public var maxUploadBytes = 4 << 20
    public var acceptedKeyIDs: [String] = []
    public var tlsCertificate: String?
    public var tlsKey: String?

    public init() {}

    public struct DatabaseSettings: Equatable, Sendable {
        public var host = "127.0.0.1"
        public var port = 5432
        public var user = "intake"
        public var password: String?
        public var name = "intake"
        public var requireTLS = false
        public var poolSize = 8
        public init() {}
    }

    public struct Problem: Error, CustomStringConvertible, Equatable {
        public var description: String
        init(_ d: String) { description = d }
    }

    static let keys = ["listen", "database_url", "database_password_file", "database_tls", "database_pool_size",
                       "max_upload_bytes", "accepted_key_ids", "tls_certificate", "tls_key"]
    static let environment: [(variable: String, key: String)] = [
        ("INTAKE_SERVER_LISTEN", "listen"), ("INTAKE_DATABASE_URL", "database_url"),
        ("INTAKE_DATABASE_PASSWORD_FILE", "database_password_file"), ("INTAKE_DATABASE_TLS", "database_tls"),
        ("INTAKE_DATABASE_POOL_SIZE", "database_pool_size"), ("INTAKE_SERVER_MAX_UPLOAD_BYTES", "max_upload_bytes"),
        ("INTAKE_SERVER_ACCEPTED_KEY_IDS", "accepted_key_ids"), ("INTAKE_SERVER_TLS_CERTIFICATE", "tls_certificate"),
        ("INTAKE_SERVER_TLS_KEY", "tls_key"),
    ]

    /// Reads the file (if any), then the environment; `readFile` reads a
    /// password file (injected so tests need no files).
    public static func load(fileText: String?, environment env: [String: String],
                            readFile: (String) throws -> String = { try String(contentsOfFile: $0, encoding: .utf8) }) throws -> ServerConfig {
        var values: [(String, String)] = []
        if let fileText {
            let node: Node?
            do { node = try Yams.compose(yaml: fileText) } catch { throw Problem("the server config is not valid YAML: \(error)") }
            if let node {
                guard let mapping = node.mapping else { throw Problem("the server config must be a mapping of settings (listen: ...)") }
                for (k, v) in mapping {
                    guard let key = k.string, keys.contains(key) else {
                        throw Problem("unknown setting '\(k.string ?? "?")' in the server config; known: \(keys.joined(separator: ", "))")
                    }
                    if let seq = v.sequence {
                        values.append((key, seq.compactMap(\.string).joined(separator: ",")))
                    } else if let s = v.string {
                        values.append((key, s))
                    } else {
                        throw Problem("\(key) takes a single value")
                    }
                }
            }
        }
        for (variable, key) in environment { if let v = env[variable], !v.isEmpty { values.append((key, v)) } }
        var c = ServerConfig()
        var passwordFile: String?
        for (key, value) in values {
            switch key {
            case "listen": (c.host, c.port) = try hostPort(value, what: "listen")
            case "database_url": try c.database.apply(url: value)
            case "database_password_file": passwordFile = value
            case "database_tls":
                switch value {
                case "disable": c.database.requireTLS = false
                case "require": c.database.requireTLS = true
                default: throw Problem("database_tls takes disable or require, not '\(value)'")
                }
            case "database_pool_size": c.database.poolSize = try number(value, key, in: 1...1000)
            case "max_upload_bytes": c.maxUploadBytes = try number(value, key, in: 1024...(1 << 30))
            case "accepted_key_ids":
                c.acceptedKeyIDs = try value.split(separator: ",").map {
                    let id = $0.lowercased().filter { !$0.isWhitespace }
                    guard id.count == 16, id.allSatisfy(\.isHexDigit) else {
                        throw Problem("accepted_key_ids: '\($0)' is not a key fingerprint (16 hex digits, as 'intake keys public' prints)")
                    }
                    return id
                }
            case "tls_certificate": c.tlsCertificate = value
            case "tls_key": c.tlsKey = value
            default: break
            }
        }
        if let passwordFile {
            do {
                c.database.password = try readFile(passwordFile).trimmingCharacters(in: .newlines)
            } catch {
                throw Problem("cannot read database_password_file \(passwordFile)")
            }
        }
        if (c.tlsCertificate == nil) != (c.tlsKey == nil) {
            throw Problem("native TLS needs both tls_certificate and tls_key")
        }
        return c
    }

    static func number(_ s: String, _ key: String, in range: ClosedRange<Int>) throws -> Int {
        guard let n = Int(s), range.contains(n) else { throw Problem("\(key) takes a whole number from \(range.lowerBound) to \(range.upperBound), not '\(s)'") }
        return n
    }

    static func hostPort(_ s: String, what: String) throws -> (String, Int) {
        guard let colon = s.lastIndex(of: ":"), let port = Int(s[s.index(after: colon)...]), (0...65535).contains(port) else {
            throw Problem("\(what) takes host:port, e.g. 127.0.0.1:8080, not '\(s)'")
        }
        var host = String(s[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return (host.isEmpty ? "0.0.0.0" : host, port)
    }
}

extension ServerConfig.DatabaseSettings {
    /// postgres://user[:password]@host[:port]/database
    mutating func apply(url text: String) throws {
        guard let u = URLComponents(string: text), u.scheme == "postgres" || u.scheme == "postgresql",
              let host = u.host, !host.isEmpty else {
            throw ServerConfig.Problem("database_url takes postgres://user@host:port/database")
        }
        self.host = host
        if let p = u.port { port = p }
        if let user = u.user, !user.isEmpty { self.user = user }
        if let pw = u.password { password = pw }
        let db = u.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        if !db.isEmpty { name = db }
    }
}

import Testing
@testable import IntakeServer

@Suite struct ServerConfigTests {
    @Test func theFileIsReadAndTheEnvironmentWins() throws {
        let file = """
            listen: 0.0.0.0:9000
            database_url: postgres://collector@db.internal:6543/screenings
            database_password_file: /etc/intake/db-password
            max_upload_bytes: 65536
            accepted_key_ids: [3F9A2C1B8D7E6F50]
            """
        let c = try ServerConfig.load(fileText: file, environment: ["INTAKE_SERVER_LISTEN": "127.0.0.1:8081"],
                                      readFile: { path in
                                          #expect(path == "/etc/intake/db-password")
                                          return "s3cret\n"
                                      })
        #expect(c.host == "127.0.0.1")
        #expect(c.port == 8081)
        #expect(c.database.host == "db.internal")
        #expect(c.database.port == 6543)
        #expect(c.database.user == "collector")
        #expect(c.database.name == "screenings")
        #expect(c.database.password == "s3cret")
        #expect(c.maxUploadBytes == 65536)
        #expect(c.acceptedKeyIDs == ["3f9a2c1b8d7e6f50"])
        #expect(c.tlsCertificate == nil)
    }

    @Test func defaults() throws {
        let c = try ServerConfig.load(fileText: nil, environment: [:])
        #expect(c.host == "127.0.0.1" && c.port == 8080)
        #expect(c.database.host == "127.0.0.1" && c.database.port == 5432 && c.database.name == "intake")
        #expect(c.maxUploadBytes == 4_194_304)
    }

    @Test func anUnknownKeyIsAnError() {
        #expect(throws: ServerConfig.Problem("unknown setting 'max_upload' in the server config; known: listen, database_url, database_password_file, database_tls, database_pool_size, max_upload_bytes, accepted_key_ids, tls_certificate, tls_key")) {
            _ = try ServerConfig.load(fileText: "max_upload: 10\n", environment: [:])
        }
    }

    @Test func badValuesAreErrors() {
        #expect(throws: ServerConfig.Problem("listen takes host:port, e.g. 127.0.0.1:8080, not '8080'")) {
            _ = try ServerConfig.load(fileText: nil, environment: ["INTAKE_SERVER_LISTEN": "8080"])
        }
        #expect(throws: ServerConfig.Problem("native TLS needs both tls_certificate and tls_key")) {
            _ = try ServerConfig.load(fileText: "tls_certificate: /c.pem\n", environment: [:])
        }
        #expect(throws: ServerConfig.Problem("accepted_key_ids: 'abc' is not a key fingerprint (16 hex digits, as 'intake keys public' prints)")) {
            _ = try ServerConfig.load(fileText: nil, environment: ["INTAKE_SERVER_ACCEPTED_KEY_IDS": "abc"])
        }
        #expect(throws: ServerConfig.Problem("database_url takes postgres://user@host:port/database")) {
            _ = try ServerConfig.load(fileText: nil, environment: ["INTAKE_DATABASE_URL": "mysql://x@y/z"])
        }
    }
}

@Suite struct AccessTokenTests {
    @Test func aNewTokenNamesItsRoleAndIdAndParsesBack() {
        let t = AccessToken.make(role: .device)
        #expect(t.text.hasPrefix("intake-device-\(t.id)-"))
        #expect(t.id.count == 8)
        #expect(t.text.count == "intake-device-".count + 8 + 1 + 43)
        let parsed = AccessToken.parse(t.text)
        #expect(parsed?.role == .device && parsed?.id == t.id)
        #expect(AccessToken.make(role: .supervisor).text.hasPrefix("intake-supervisor-"))
        #expect(AccessToken.make(role: .device) != AccessToken.make(role: .device))
    }

    @Test func malformedTokensAreNotParsed() {
        #expect(AccessToken.parse("") == nil)
        #expect(AccessToken.parse("intake-admin-0000abcd-" + String(repeating: "A", count: 43)) == nil)
        #expect(AccessToken.parse("intake-device-0000abc-" + String(repeating: "A", count: 43)) == nil)
        #expect(AccessToken.parse("intake-device-0000abcd-short") == nil)
    }

    @Test func theStoredHashIsSHA256OfTheText() {
        // SHA-256("abc"), FIPS 180-2 appendix B.1.
        #expect(AccessToken.hash("abc").map { String(format: "%02x", $0) }.joined()
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func constantTimeComparison() {
        #expect(AccessToken.constantTimeEqual([1, 2, 3], [1, 2, 3]))
        #expect(!AccessToken.constantTimeEqual([1, 2, 3], [1, 2, 4]))
        #expect(!AccessToken.constantTimeEqual([9, 2, 3], [1, 2, 3]))
        #expect(!AccessToken.constantTimeEqual([1, 2], [1, 2, 3]))
    }
}

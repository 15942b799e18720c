import Testing
@testable import IntakeCore

@Suite struct OrganisationConfigTests {
    @Test func everySettingIsRead() throws {
        let text = """
            public_key: hSDwCYkwp1R0i33ctD73Wg2/Og0mOBr066SpjqqbTmo=
            sealed_dir: ~/outbox
            export_dir: /srv/exports
            plaintext_exports: true
            """
        let c = try OrganisationConfig.parse(text: text, path: "org.yaml", home: "/home/ana")
        #expect(c == OrganisationConfig(publicKey: "hSDwCYkwp1R0i33ctD73Wg2/Og0mOBr066SpjqqbTmo=",
                                        sealedDirectory: "/home/ana/outbox", exportDirectory: "/srv/exports",
                                        plaintextExports: true))
    }

    @Test func aTypoIsAnErrorAtItsLine() {
        let text = "public_key: abc\npublic_kye: def\n"
        #expect(throws: Diagnostic.error(SourceLocation(file: "org.yaml", line: 2, column: 1),
                                         "unknown setting 'public_kye'; did you mean 'public_key'?")) {
            _ = try OrganisationConfig.parse(text: text, path: "org.yaml")
        }
    }

    @Test func nameSettingAndDirectoryAreRead() throws {
        let text = "name: Riverside Legal Aid\nsetting: walk-in legal clinic\ndirectory: services/local.yaml\n"
        let c = try OrganisationConfig.parse(text: text, path: "/etc/intake/organisation.yaml")
        #expect(c.name == "Riverside Legal Aid")
        #expect(c.setting == "walk-in legal clinic")
        // Relative to the config file; absolute and ~ paths as written.
        #expect(c.directory == "/etc/intake/services/local.yaml")
        #expect(try OrganisationConfig.parse(text: "directory: /srv/d.yaml", path: "org.yaml").directory == "/srv/d.yaml")
        #expect(try OrganisationConfig.parse(text: "directory: ~/d.yaml", path: "org.yaml", home: "/home/ana").directory == "/home/ana/d.yaml")
        #expect(try OrganisationConfig.parse(text: "directory: d.yaml", path: "org.yaml").directory == "d.yaml")
    }

    @Test func aTypoInTheNewSettingsIsAnError() {
        #expect(throws: Diagnostic.error(SourceLocation(file: "org.yaml", line: 1, column: 1),
                                         "unknown setting 'directry'; did you mean 'directory'?")) {
            _ = try OrganisationConfig.parse(text: "directry: d.yaml\n", path: "org.yaml")
        }
    }

    @Test func whereItIsLookedFor() {
        #expect(OrganisationConfig.defaultPath(environment: ["INTAKE_ORG": "/etc/org.yaml", "HOME": "/h"]) == ("/etc/org.yaml", true))
        // The earlier name still works; INTAKE_ORG wins when both are set.
        #expect(OrganisationConfig.defaultPath(environment: ["INTAKE_ORG_CONFIG": "/etc/old.yaml", "HOME": "/h"]) == ("/etc/old.yaml", true))
        #expect(OrganisationConfig.defaultPath(environment: ["INTAKE_ORG": "/etc/org.yaml", "INTAKE_ORG_CONFIG": "/etc/old.yaml"]) == ("/etc/org.yaml", true))
        #expect(OrganisationConfig.defaultPath(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]) == ("/x/intake/organisation.yaml", false))
        #expect(OrganisationConfig.defaultPath(environment: ["XDG_CONFIG_HOME": "rel", "HOME": "/h"]) == ("/h/.config/intake/organisation.yaml", false))
    }
}

@Suite struct OrganisationServerSettingsTests {
    @Test func theServerAndTokenFileAreRead() throws {
        let text = "server_url: https://intake.example.org\ndevice_token_file: ~/.config/intake/device-token\n"
        let c = try OrganisationConfig.parse(text: text, path: "/etc/intake/organisation.yaml", home: "/home/ana")
        #expect(c.serverURL == "https://intake.example.org")
        #expect(c.deviceTokenFile == "/home/ana/.config/intake/device-token")
        // A relative token file is taken relative to the config's folder.
        #expect(try OrganisationConfig.parse(text: "device_token_file: token", path: "/etc/intake/organisation.yaml")
            .deviceTokenFile == "/etc/intake/token")
    }

    @Test func aServerThatIsNotAnAddressIsAnError() {
        #expect(throws: Diagnostic.error(SourceLocation(file: "org.yaml", line: 1, column: 13),
                                         "server_url takes an address like https://intake.example.org")) {
            _ = try OrganisationConfig.parse(text: "server_url: intake.example.org\n", path: "org.yaml")
        }
    }

    @Test func theTokenItselfHasNoSetting() {
        #expect(throws: Diagnostic.error(SourceLocation(file: "org.yaml", line: 1, column: 1),
                                         "unknown setting 'device_token'; known: public_key, sealed_dir, export_dir, plaintext_exports, name, setting, screener, directory, server_url, device_token_file")) {
            _ = try OrganisationConfig.parse(text: "device_token: intake-device-0000\n", path: "org.yaml")
        }
    }
}

import ArgumentParser
import Crypto
import Foundation
import IntakeCore
import IntakeStore

/// The organisation config (see `OrganisationConfig`): `--org-config`,
/// `$INTAKE_ORG_CONFIG`, or `$XDG_CONFIG_HOME/intake/organisation.yaml`.
struct OrganisationOptions: ParsableArguments {
    @Option(name: .customLong("org-config"), help: "The organisation config (default: $INTAKE_ORG_CONFIG, else $XDG_CONFIG_HOME/intake/organisation.yaml).")
    var orgConfig: String?

    /// The config and its checked public key; an empty config when there
    /// is no file at the default place. A file named explicitly must exist.
    func load() throws -> (config: OrganisationConfig, key: Curve25519.KeyAgreement.PublicKey?) {
        let env = ProcessInfo.processInfo.environment
        let (path, explicit) = orgConfig.map { ($0, true) } ?? OrganisationConfig.defaultPath(environment: env)
        guard let data = FileManager.default.contents(atPath: path) else {
            if explicit || FileManager.default.fileExists(atPath: path) {
                printError("intake: cannot read the organisation config \(Sanitize.singleLine(path))")
                throw Failure(code: 1)
            }
            return (OrganisationConfig(), nil)
        }
        let config: OrganisationConfig
        do {
            config = try OrganisationConfig.parse(text: String(decoding: data, as: UTF8.self), path: path, home: env["HOME"])
        } catch {
            printError(error.description)
            throw Failure(code: 1)
        }
        guard let text = config.publicKey else { return (config, nil) }
        do {
            return (config, try SealedExport.publicKey(base64: text))
        } catch let e as StoreError {
            printError("intake: the public_key in \(Sanitize.singleLine(path)) cannot be used: \(e.description)")
            throw Failure(code: 1)
        }
    }
}

import ArgumentParser
import Crypto
import Foundation
import IntakeCore
import IntakeStore

/// The organisation config (see `OrganisationConfig`): `--org-config`,
/// `$INTAKE_ORG_CONFIG`, `$XDG_CONFIG_HOME/intake/organisation.yaml`, or
/// `organisation.yaml` in the data folder.
struct OrganisationOptions: ParsableArguments {
    @Option(name: .customLong("org-config"), help: "The organisation config (default: $INTAKE_ORG_CONFIG, else $XDG_CONFIG_HOME/intake/organisation.yaml).")
    var orgConfig: String?

    /// The config and its checked public key; an empty config when there
    /// is no file at the default places. A file named explicitly must exist.
    /// With `data`, an `organisation.yaml` in the data folder is used when
    /// there is none in the XDG config folder.
    func load(data: DataLocation? = nil) throws -> (config: OrganisationConfig, key: Curve25519.KeyAgreement.PublicKey?) {
        let env = ProcessInfo.processInfo.environment
        var (path, explicit) = orgConfig.map { ($0, true) } ?? OrganisationConfig.defaultPath(environment: env)
        if !explicit, !FileManager.default.fileExists(atPath: path), let data {
            path = data.questionnaires.deletingLastPathComponent().appendingPathComponent("organisation.yaml").path
        }
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

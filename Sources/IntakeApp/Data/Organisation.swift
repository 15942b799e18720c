import Crypto
import Foundation
import IntakeCore
import IntakeStore
import IntakeTUI

/// The organisation config (see `OrganisationConfig`) with its checked
/// public key.
public struct Organisation {
    public var config: OrganisationConfig
    /// The organisation's public key for sealed exports, if the config names one.
    public var key: Curve25519.KeyAgreement.PublicKey?

    public init(config: OrganisationConfig = OrganisationConfig(), key: Curve25519.KeyAgreement.PublicKey? = nil) {
        self.config = config
        self.key = key
    }

    /// Loads the config: `path` when given (`--org-config`; the file must
    /// exist), else `$INTAKE_ORG_CONFIG` or the XDG config folder's
    /// `intake/organisation.yaml`; with `data`, an `organisation.yaml` in
    /// the data folder when there is none in the XDG config folder. An
    /// empty config when there is no file at the default places.
    public static func load(path given: String?, data: DataLocation? = nil,
                            environment env: [String: String] = ProcessEnvironment.variables(OrganisationConfig.environmentVariables + ["XDG_CONFIG_HOME", "HOME"])) throws -> Organisation {
        var (path, explicit) = given.map { ($0, true) } ?? OrganisationConfig.defaultPath(environment: env)
        if !explicit, !FileManager.default.fileExists(atPath: path), let data {
            path = data.base.appendingPathComponent("organisation.yaml").path
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            if explicit || FileManager.default.fileExists(atPath: path) {
                printError("intake: cannot read the organisation config \(Sanitize.singleLine(path))")
                throw Failure.failed
            }
            return Organisation()
        }
        let config: OrganisationConfig
        do {
            config = try OrganisationConfig.parse(text: String(decoding: data, as: UTF8.self), path: path, home: env["HOME"])
        } catch {
            printError(error.description)
            throw Failure.failed
        }
        guard let text = config.publicKey else { return Organisation(config: config) }
        do {
            return Organisation(config: config, key: try SealedExport.publicKey(base64: text))
        } catch let e as StoreError {
            printError("intake: the public_key in \(Sanitize.singleLine(path)) cannot be used: \(e.description)")
            throw Failure.failed
        }
    }
}

extension OrganisationConfig {
    /// The summary's header for an answer file or a new interview: this
    /// computer's organisation, setting and screener.
    public var summaryContext: SummaryContext {
        SummaryContext(organisation: name, setting: setting, screener: screener, dateText: DateText.minutesWithZone)
    }

    /// The summary's header for a stored session: who screened and where,
    /// as its record says; for records written before these were kept,
    /// this organisation's name and setting, and no screener (the reader's
    /// own would be wrong).
    public func summaryContext(for header: InterviewHeader) -> SummaryContext {
        SummaryContext(organisation: header.organisation ?? name, setting: header.setting ?? setting,
                       screener: header.screener, dateText: DateText.minutesWithZone)
    }
}

import ArgumentParser
import Crypto
import Foundation
import IntakeCore
import IntakeStore
import IntakeTUI

/// The organisation config (see `OrganisationConfig`): `--org` (or its
/// earlier name `--org-config`), `$INTAKE_ORG` (or `$INTAKE_ORG_CONFIG`),
/// `$XDG_CONFIG_HOME/intake/organisation.yaml`, or `organisation.yaml` in
/// the data folder.
struct OrganisationOptions: ParsableArguments {
    @Option(name: [.customLong("org"), .customLong("org-config")],
            help: "The organisation config (default: $INTAKE_ORG, else $XDG_CONFIG_HOME/intake/organisation.yaml, else organisation.yaml in the data folder).")
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

extension OrganisationConfig {
    /// The summary's header for an answer file or a new interview: this
    /// computer's organisation, setting and screener.
    var summaryContext: SummaryContext {
        SummaryContext(organisation: name, setting: setting, screener: screener, dateText: DateText.minutesWithZone)
    }

    /// The summary's header for a stored session: who screened and where,
    /// as its record says; for records written before these were kept,
    /// this organisation's name and setting, and no screener (the reader's
    /// own would be wrong).
    func summaryContext(for header: InterviewHeader) -> SummaryContext {
        SummaryContext(organisation: header.organisation ?? name, setting: header.setting ?? setting,
                       screener: header.screener, dateText: DateText.minutesWithZone)
    }
}

import ArgumentParser
import Foundation
import IntakeApp
import IntakeCore

/// The organisation config (see `OrganisationConfig`): `--org` (or its
/// earlier name `--org-config`), `$INTAKE_ORG` (or `$INTAKE_ORG_CONFIG`),
/// `$XDG_CONFIG_HOME/intake/organisation.yaml`, or `organisation.yaml` in
/// the data folder.
struct OrganisationOptions: ParsableArguments {
    @Option(name: [.customLong("org"), .customLong("org-config")],
            help: "The organisation config (default: $INTAKE_ORG, else $XDG_CONFIG_HOME/intake/organisation.yaml, else organisation.yaml in the data folder).")
    var orgConfig: String?

    /// The config and its checked public key (see `Organisation.load`).
    func load(data: DataLocation? = nil) throws -> Organisation {
        try Organisation.load(path: orgConfig, data: data)
    }
}

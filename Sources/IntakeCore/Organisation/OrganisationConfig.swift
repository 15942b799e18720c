import Yams

/// The organisation's settings for this computer: a small YAML file, found
/// at `--org`, `$INTAKE_ORG`, or
/// `$XDG_CONFIG_HOME/intake/organisation.yaml` (`~/.config/intake/...`).
///
/// ```yaml
/// public_key: hSDwCYkwp1R0i33ctD73Wg2/Og0mOBr066SpjqqbTmo=   # from 'intake keys new'
/// sealed_dir: /home/advocate/outbox      # where finished sessions are sealed (default: the store's sealed/)
/// export_dir: /home/advocate/exports     # where the summary screen's exports go
/// plaintext_exports: false               # true: the summary screen writes .txt/.md/.json/.html even with a key
/// name: Riverside Legal Aid               # the organisation's name
/// setting: walk-in legal clinic           # where screenings happen
/// directory: services.yaml                # local services (docs/directory-format.md), relative to this file
/// server_url: https://intake.example.org  # the collection server ('intake sessions submit')
/// device_token_file: ~/.config/intake/device-token   # this computer's device token (mode 600), relative to this file
/// ```
///
/// The device token itself is never written here: this file is shared
/// between the organisation's computers and is not secret. It lives in
/// its own owner-only file (or `INTAKE_DEVICE_TOKEN`), as a password would.
///
/// Every key is optional; an unknown key is an error (a typo must not
/// silently turn sealing off). Paths are taken as written (`~` is expanded).
public struct OrganisationConfig: Equatable, Sendable {
    /// Base64 X25519 public key every finished session is sealed to.
    public var publicKey: String?
    public var sealedDirectory: String?
    public var exportDirectory: String?
    public var plaintextExports: Bool = false
    /// The organisation's name and setting ("walk-in legal clinic"), for
    /// summaries and referrals.
    public var name: String?
    public var setting: String?
    /// The screener id on this computer's summaries (an id the
    /// organisation chooses, never a name); `intake run --screener` overrides it.
    public var screener: String?
    /// The organisation's service directory (docs/directory-format.md); a
    /// relative path is taken relative to the config file's folder.
    public var directory: String?
    /// The collection server (`intake server`) finished sessions are sent to.
    public var serverURL: String?
    /// The file holding this computer's device token (mode 600).
    public var deviceTokenFile: String?

    public init(publicKey: String? = nil, sealedDirectory: String? = nil, exportDirectory: String? = nil,
                plaintextExports: Bool = false) {
        self.publicKey = publicKey
        self.sealedDirectory = sealedDirectory
        self.exportDirectory = exportDirectory
        self.plaintextExports = plaintextExports
    }

    /// `INTAKE_ORG`, or its earlier name `INTAKE_ORG_CONFIG`.
    public static let environmentVariables = ["INTAKE_ORG", "INTAKE_ORG_CONFIG"]
    static let keys = ["public_key", "sealed_dir", "export_dir", "plaintext_exports", "name", "setting", "screener", "directory",
                       "server_url", "device_token_file"]

    /// Where the config is looked for when no path is given: the
    /// environment variable, else the XDG config folder (an absolute
    /// `XDG_CONFIG_HOME`, else `$HOME/.config`).
    public static func defaultPath(environment: [String: String]) -> (path: String, explicit: Bool) {
        for name in environmentVariables { if let p = environment[name], !p.isEmpty { return (p, true) } }
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return (xdg + "/intake/organisation.yaml", false) }
        return ((environment["HOME"] ?? "") + "/.config/intake/organisation.yaml", false)
    }

    /// Parses the file's text; errors carry file, line and column.
    public static func parse(text: String, path: String, home: String? = nil) throws(Diagnostic) -> OrganisationConfig {
        let root: Node
        switch YAMLDocument.parse(text: text, path: path) {
        case .failure(let d): throw d
        case .success(let n): root = n
        }
        func location(_ n: Node) -> SourceLocation { YAMLDocument.location(n, path: path) }
        guard let mapping = root.mapping else {
            throw Diagnostic.error(location(root), "the organisation config must be a mapping of settings (public_key: ...)")
        }
        var config = OrganisationConfig()
        for (k, v) in mapping {
            guard let key = k.string, keys.contains(key) else {
                let word = k.string ?? "?"
                let hint = Suggest.closest(to: word, in: keys).map { "did you mean '\($0)'?" } ?? "known: \(keys.joined(separator: ", "))"
                throw Diagnostic.error(location(k), "unknown setting '\(Sanitize.singleLine(word))'; \(hint)")
            }
            guard let value = v.scalar?.string else {
                throw Diagnostic.error(location(v), "\(key) takes a single value")
            }
            func expanded(_ s: String) -> String {
                if let home, s == "~" || s.hasPrefix("~/") { return home + s.dropFirst() }
                return s
            }
            func relative(_ e: String) -> String {
                if e.hasPrefix("/") || !path.contains("/") { return e }
                return String(path[..<path.lastIndex(of: "/")!]) + "/" + e
            }
            switch key {
            case "public_key": config.publicKey = value
            case "sealed_dir": config.sealedDirectory = expanded(value)
            case "export_dir": config.exportDirectory = expanded(value)
            case "name": config.name = Sanitize.singleLine(value)
            case "setting": config.setting = Sanitize.singleLine(value)
            case "screener": config.screener = Sanitize.singleLine(value)
            case "directory": config.directory = relative(expanded(value))
            case "server_url":
                guard value.hasPrefix("https://") || value.hasPrefix("http://") else {
                    throw Diagnostic.error(location(v), "server_url takes an address like https://intake.example.org")
                }
                config.serverURL = value
            case "device_token_file": config.deviceTokenFile = relative(expanded(value))
            default:
                guard let b = v.bool else { throw Diagnostic.error(location(v), "plaintext_exports takes true or false") }
                config.plaintextExports = b
            }
        }
        return config
    }
}

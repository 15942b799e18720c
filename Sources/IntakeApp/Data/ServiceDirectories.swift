import Foundation
import IntakeCore

/// The service directories a summary lists services from: the one the
/// organisation config names (`directory:`), then `directories/national.yaml`
/// from the data folder. Files are read here; IntakeCore only parses text.
public enum ServiceDirectories {
    /// The bundled national directory in a data folder.
    public static func nationalPath(_ loc: DataLocation) -> String {
        loc.base.appendingPathComponent("directories/national.yaml").path
    }

    /// The day of `now` (UTC), for the "not checked within a year" warning.
    public static func today(_ now: Date = Date()) -> (year: Int, month: Int, day: Int) {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        let c = cal.dateComponents([.year, .month, .day], from: now)
        return (c.year!, c.month!, c.day!)
    }

    /// Every file to read, in order: the organisation's, then the national one if present.
    public static func paths(config: OrganisationConfig, location: DataLocation) -> [String] {
        var out: [String] = []
        if let d = config.directory { out.append(d) }
        let national = nationalPath(location)
        if FileManager.default.fileExists(atPath: national), !out.contains(national) { out.append(national) }
        return out
    }

    /// Whether a .yaml file is a service directory: it has a top-level
    /// `services:` key and no `sections:` (which every questionnaire has).
    public static func looksLikeDirectory(_ url: URL) -> Bool {
        guard ["yaml", "yml"].contains(url.pathExtension),
              let bytes = QuestionnaireFiles.bytes(atPath: url.path, limit: 1 << 20) else { return false }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        return lines.contains { $0.hasPrefix("services:") } && !lines.contains { $0.hasPrefix("sections:") }
    }

    /// Reads and checks one directory file: its diagnostics, and the
    /// directory when it has no errors.
    public static func check(_ path: String, today: (year: Int, month: Int, day: Int)?) -> (ServiceDirectory?, [Diagnostic]) {
        let url = URL(fileURLWithPath: path)
        switch QuestionnaireFiles.bytes(of: url) {
        case .failure(let d): return (nil, [d])
        case .success(let bytes):
            switch TextDecoding.utf8(bytes, path: QuestionnaireFiles.displayPath(url)) {
            case .failure(let d): return (nil, [d])
            case .success(let text): return ServiceDirectory.load(text: text, path: QuestionnaireFiles.displayPath(url), today: today)
            }
        }
    }

    /// The directories for a summary. A broken directory stops the command
    /// with its located errors (exit 1): a referral must not silently lose
    /// its services. Warnings are for `intake validate`.
    public static func load(config: OrganisationConfig, location: DataLocation) throws -> [ServiceDirectory] {
        switch loaded(config: config, location: location) {
        case .success(let out): return out
        case .failure(let f):
            for e in f.diagnostics { printError(e.description) }
            throw Failure.failed
        }
    }

    /// The directories for a summary, or the errors of the first broken
    /// one; prints nothing, so it may run while curses holds the terminal.
    public static func loaded(config: OrganisationConfig, location: DataLocation) -> Result<[ServiceDirectory], LoadFailure> {
        var out: [ServiceDirectory] = []
        for p in paths(config: config, location: location) {
            let (d, diags) = check(p, today: nil)
            guard let d else { return .failure(LoadFailure(diagnostics: diags.filter { $0.severity == .error })) }
            out.append(d)
        }
        return .success(out)
    }
}

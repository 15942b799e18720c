import Foundation
import IntakeApp
import IntakeCore

/// What `intake run` was asked: the values of `RunCommand`'s options, as
/// ArgumentParser or `RunFastPath` found them.
struct RunValues: Equatable {
    var dataDir: String?
    var store: String?
    var questionnaireID: String?
    var language: String?
    var advocateLanguage: String?
    var ephemeral = false
    var preview = false
    var firstFrameOnly = false
    var readyOnly = false
    var resume: String?
    var exportDir: String?
    var screener: String?
    var exportPlaintext = false
    var orgConfig: String?

    func run() throws {
        try InterviewRun(
            location: DataLocation.locate(dataDir: dataDir), questionnaireID: questionnaireID,
            language: language, advocateLanguage: advocateLanguage,
            mode: preview ? .preview : (ephemeral ? .ephemeral : .interview),
            exitAfter: firstFrameOnly ? .firstFrame : (readyOnly ? .ready : nil),
            resume: resume, exportDirectory: exportDir, screener: screener, exportPlaintext: exportPlaintext,
            organisationConfig: orgConfig, storeDirectory: StoreAccess.directory(store)
        ).run()
    }
}

/// `intake run` (or plain `intake`) parsed without ArgumentParser, which
/// builds its command tree by reflection on every start: about a sixth of
/// the time to the first frame. It takes only the plain cases: `run`'s own
/// long options, each at most once, as `--name value` or `--name=value`,
/// with values that are not empty and do not start with `-`, and no
/// combination `RunCommand.validate` refuses. Anything else (help, version,
/// another command, an unknown, abbreviated or repeated option, `--`) gives
/// nil, and ArgumentParser parses the arguments as before, with its
/// messages. `RunFastPathTests` holds it to ArgumentParser's reading on
/// generated argument lists.
enum RunFastPath {
    // Key paths are not Sendable; these tables are constants.
    nonisolated(unsafe) static let valueOptions: [String: WritableKeyPath<RunValues, String?>] = [
        "data-dir": \.dataDir, "store": \.store, "questionnaire": \.questionnaireID, "language": \.language,
        "advocate-language": \.advocateLanguage, "resume": \.resume, "export-dir": \.exportDir,
        "screener": \.screener, "org": \.orgConfig, "org-config": \.orgConfig,
    ]
    nonisolated(unsafe) static let flags: [String: WritableKeyPath<RunValues, Bool>] = [
        "ephemeral": \.ephemeral, "preview": \.preview, "first-frame-only": \.firstFrameOnly,
        "ready-only": \.readyOnly, "export-plaintext": \.exportPlaintext,
    ]

    /// The values of `arguments` (without the program name), or nil when
    /// ArgumentParser must read them.
    static func parse<C: Collection>(_ arguments: C) -> RunValues? where C.Element == String {
        var args = Array(arguments)
        if args.first == "run" { args.removeFirst() }
        var values = RunValues()
        var seen: Set<String> = []
        var i = 0
        while i < args.count {
            let arg = args[i]
            guard arg.hasPrefix("--"), arg.count > 2 else { return nil }
            var name = String(arg.dropFirst(2))
            var value: String?
            if let eq = name.firstIndex(of: "=") {
                value = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            // --org and --org-config are one option.
            guard seen.insert(name == "org-config" ? "org" : name).inserted else { return nil }
            if let flag = flags[name] {
                guard value == nil else { return nil }
                values[keyPath: flag] = true
            } else if let option = valueOptions[name] {
                if value == nil {
                    i += 1
                    guard i < args.count else { return nil }
                    value = args[i]
                }
                guard let v = value, !v.isEmpty, !v.hasPrefix("-") else { return nil }
                let canonical = name == "language" || name == "advocate-language"
                values[keyPath: option] = canonical ? LocaleFiles.canonical(v) : v
            } else {
                return nil
            }
            i += 1
        }
        // What RunCommand.validate refuses is left to it, for its message.
        if values.ephemeral && values.preview { return nil }
        if values.firstFrameOnly && values.readyOnly { return nil }
        if values.resume != nil && (values.ephemeral || values.preview) { return nil }
        return values
    }
}

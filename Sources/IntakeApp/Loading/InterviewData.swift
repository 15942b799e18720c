import Foundation
import IntakeCore
import IntakeTUI

/// What the interview screens start from: questionnaires (loaded, or
/// placeholders from their headers while they load), every language, and
/// `ready`.
public struct InterviewData {
    public var questionnaires: [Questionnaire]
    public var languages: [LanguageOption]
    /// Waits until every questionnaire and translation is loaded;
    /// the loaded questionnaires, or the first broken file's errors.
    public var ready: Ready

    /// Waits for the questionnaires and translations still loading; throws the first broken file's errors.
    public typealias Ready = () throws(LoadFailure) -> [Questionnaire]

    /// Every questionnaire and language in the data folder; `requested`
    /// languages must be among them. The first screen needs of a
    /// questionnaire only its title and language, and of a translation
    /// whether it is a draft: those are read from the files' headers. The
    /// translations parse on worker threads (see `LoadingLanes`) from now
    /// on; the questionnaires load when `ready` is first called, after the
    /// screen is drawn. When a questionnaire's header cannot be read without
    /// parsing the YAML, they load before drawing.
    /// Compiled translations are kept in `cache` (see `CompiledCache`).
    public static func load(_ loc: DataLocation, requestedLanguages requested: [String],
                            cache: CompiledCache? = .standard()) throws -> InterviewData {
        let localeFiles = loc.localeFiles()
        let localeTags = localeFiles.map(LocaleFiles.language(of:))
        var translations: [DeferredCatalog] = []
        for (i, (url, tag)) in zip(localeFiles, localeTags).enumerated() {
            switch DeferredCatalog.open(url, language: tag, lane: i, cache: cache) {
            case .success(let c): translations.append(c)
            case .failure(let f): throw Self.failure(f)
            }
        }
        let files = loc.questionnaireFiles()
        guard !files.isEmpty else {
            printError("intake: no questionnaires in \(loc.questionnaires.path)")
            throw Failure.usage
        }
        let sources = try files.map { (bytes: try QuestionnaireFiles.read($0), path: QuestionnaireFiles.displayPath($0)) }
        let scanned = sources.map { QuestionnaireHeader.scan($0.bytes) }
        // Loaded by the first call of `ready`, on the thread that draws, once
        // the first screen is up; the translations parse beside it.
        let loading = Once {
            parallelMap(Array(zip(sources, scanned.map { $0?.id }))) { source, id in
                loadQuestionnaire(source.bytes, path: source.path, id: id, cache: cache)
            }
        }
        let ready: Ready = { () throws(LoadFailure) -> [Questionnaire] in
            var out: [Questionnaire] = []
            for outcome in loading.value {
                guard let q = outcome.questionnaire else { throw LoadFailure(diagnostics: outcome.diagnostics) }
                out.append(q)
            }
            for c in translations { if case .failure(let f) = c.wait() { throw f } }
            return out
        }
        let headers = scanned.compactMap { $0 }
        let questionnaires = headers.count == sources.count
            ? zip(headers, sources).map { Questionnaire.placeholder($0, path: $1.path) }
            : try waitOutsideTerminal(ready)
        var languages: [LanguageOption] = []
        for source in Set(questionnaires.map(\.language)).sorted() where !localeTags.contains(source) {
            languages.append(LanguageOption(translator: SourceLanguage(language: source)))
        }
        languages += translations.map { LanguageOption(translator: $0) }
        for tag in requested where !languages.contains(where: { $0.tag == tag }) {
            printError("intake: no translation '\(Sanitize.singleLine(tag))' (available: \(languages.map(\.tag).joined(separator: ", ")))")
            throw Failure.usage
        }
        return InterviewData(questionnaires: questionnaires, languages: languages, ready: ready)
    }

    /// A questionnaire file loaded and checked, or taken from `cache` when
    /// it holds the questionnaire validated from the same bytes (the cache
    /// is looked up by the id the file's header gives; without one, the
    /// file is always loaded). A file that loads without errors is kept in
    /// the cache; one with errors never is, so its errors are reported at
    /// every run.
    static func loadQuestionnaire(_ bytes: [UInt8], path: String, id: String?,
                                  cache: CompiledCache?) -> QuestionnaireLoader.Outcome {
        guard let cache, let id else { return QuestionnaireLoader.load(bytes: bytes, path: path) }
        let hash = SHA256Digest.digest(bytes)
        if let q = cache.questionnaire(sourceHash: hash, id: id, path: path) {
            return QuestionnaireLoader.Outcome(questionnaire: q, diagnostics: [])
        }
        let outcome = QuestionnaireLoader.load(bytes: bytes, path: path)
        if let q = outcome.questionnaire, q.id == id { cache.store(q, sourceHash: hash) }
        return outcome
    }

    /// `ready`, before the terminal is taken: errors printed, exit 1.
    public static func waitOutsideTerminal(_ ready: Ready) throws -> [Questionnaire] {
        do {
            return try ready()
        } catch {
            throw failure(error)
        }
    }

    /// A load failure's errors printed; exit 1.
    static func failure(_ f: LoadFailure) -> Failure {
        for d in f.diagnostics { printError(d.description) }
        return Failure.failed
    }
}

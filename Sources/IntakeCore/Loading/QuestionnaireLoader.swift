// Over 400 lines: the loader reads the whole questionnaire format in one
// pass over the YAML, with its source map, so that every problem is
// reported at its file:line:column; the format's parts share that reader.

import Foundation
import Yams

/// Loads and validates a questionnaire file. Loading never stops at the
/// first problem: it reports every one it can find, each at its place.
public enum QuestionnaireLoader {
    /// The result of loading: a questionnaire when there were no errors,
    /// and every diagnostic (warnings too).
    public struct Outcome: Sendable {
        public var questionnaire: Questionnaire?
        public var diagnostics: [Diagnostic]
        public init(questionnaire: Questionnaire?, diagnostics: [Diagnostic]) {
            self.questionnaire = questionnaire
            self.diagnostics = diagnostics
        }
    }

    /// Loads a questionnaire from the bytes of the file at `path`.
    public static func load(bytes: [UInt8], path: String) -> Outcome {
        if bytes.count > YAMLDocument.maxBytes {
            return Outcome(questionnaire: nil, diagnostics: [YAMLDocument.tooLarge(bytes.count, path: path)])
        }
        let text: String
        switch TextDecoding.utf8(bytes, path: path) {
        case .failure(let d): return Outcome(questionnaire: nil, diagnostics: [d])
        case .success(let t): text = t
        }
        switch YAMLDocument.parse(text: text, path: path) {
        case .failure(let d):
            return Outcome(questionnaire: nil, diagnostics: [d])
        case .success(let root):
            var builder = Builder(path: path, hash: SHA256Digest.hex(bytes), text: text)
            let q = builder.build(root)
            let diags = builder.diags.sorted
            return Outcome(questionnaire: builder.diags.hasErrors ? nil : q, diagnostics: diags)
        }
    }

    /// Loads from text (tests, generated questionnaires).
    public static func load(text: String, path: String) -> Outcome {
        load(bytes: Array(text.utf8), path: path)
    }

    static let idPattern = "lowercase letters, digits and '_', starting with a letter, and not a word of the condition language (and, or, not, in, has, any, true, false, yes, no, dont_know, declined, language)"

    /// Words of the condition language; an id spelled like one could never be referred to.
    static let reservedWords: Set<String> = ["and", "or", "not", "in", "has", "any", "true", "false",
                                             "yes", "no", "dont_know", "declined", "language"]

    static func isValidID(_ s: String) -> Bool {
        guard !reservedWords.contains(s) else { return false }
        guard let first = s.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" } && s.count <= 64
    }

    static func isValidQuestionnaireID(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" } && s.count <= 64
    }
}

/// A condition as written, resolved once every name is known.
struct PendingCondition {
    var text: String
    var location: SourceLocation
    /// Maps an offset in `text` to its place in the file.
    var locate: (Int) -> SourceLocation
}

struct RawIndicator {
    var id: String
    var domain: (String, SourceLocation)?
    var strength: Strength
    var phase: Phase
    var weight: Double
    var when: PendingCondition?
    /// For an indicator on a question: the option ids that raise it.
    var answers: [(String, SourceLocation)]
    var questionID: String?
    var why: SourceText?
    var location: SourceLocation
}

extension QuestionnaireLoader {
    struct Builder {
        let path: String
        let hash: String
        let sourceMap: ScalarSourceMap
        var diags = DiagnosticBag()
        var qid = "questionnaire"

        init(path: String, hash: String, text: String) {
            self.path = path
            self.hash = hash
            self.sourceMap = ScalarSourceMap(text: text, path: path)
        }

        func key(_ parts: String...) -> String { ([qid] + parts).joined(separator: "/") }

        mutating func text(_ r: inout MapReader, _ field: String, key: String, required: Bool = false, note: String? = nil) -> SourceText? {
            guard let (s, loc) = r.string(field, required: required, diags: &diags) else { return nil }
            let trimmed = s.trimmingWhitespace()
            if trimmed.isEmpty {
                diags.error(loc, "'\(field)' of \(r.what) is empty")
                return nil
            }
            let violations = Sanitize.violations(in: s)
            if !violations.isEmpty, let node = r.value(field) {
                for v in violations {
                    diags.error(sourceMap.locate(offset: v.offset, in: s, of: node),
                                "\(field) contains a control character, \(Sanitize.describe(v.scalar)); remove it")
                }
            }
            return SourceText(key: key, text: trimmed, note: note, location: loc)
        }

        mutating func id(_ r: inout MapReader, kind: String) -> (String, SourceLocation)? {
            guard let (s, loc) = r.string("id", required: true, diags: &diags) else { return nil }
            guard QuestionnaireLoader.isValidID(s) else {
                diags.error(loc, "\(kind) id '\(Sanitize.singleLine(s))' is not valid: use \(QuestionnaireLoader.idPattern)")
                return nil
            }
            return (s, loc)
        }

        /// The mappings of a list whose entries each have an `id` (domains,
        /// scores, overrides, referrals, resources), with the id checked and,
        /// for kinds whose ids have a name space of their own (`unique`),
        /// duplicates reported. Each reader is named after its entry
        /// ("referral 'medical'") for the messages that follow.
        mutating func identified(_ list: [Node], kind: String, unique: Bool = false) -> [(reader: MapReader, id: String, location: SourceLocation)] {
            var out: [(reader: MapReader, id: String, location: SourceLocation)] = []
            var seen = Set<String>()
            for n in list {
                guard var r = MapReader(n, path: path, what: "a \(kind)", diags: &diags) else { continue }
                guard let (id, loc) = id(&r, kind: kind) else { r.finish(known: [], diags: &diags); continue }
                if unique && !seen.insert(id).inserted { diags.error(loc, "duplicate \(kind) id '\(id)'") }
                var named = MapReader(n, path: path, what: "\(kind) '\(id)'", diags: &diags)!
                _ = named.value("id")
                out.append((named, id, loc))
            }
            return out
        }

        mutating func pending(_ r: inout MapReader, _ field: String) -> PendingCondition? {
            guard let v = r.value(field) else { return nil }
            return pending(v, key: field, what: r.what)
        }

        mutating func pending(_ v: Node, key: String, what: String) -> PendingCondition? {
            guard let (s, _) = MapReader.scalar(v, key: key, what: what, path: path, diags: &diags) else { return nil }
            let map = sourceMap
            return PendingCondition(text: s, location: map.start(of: v), locate: { map.locate(offset: $0, in: s, of: v) })
        }

        // MARK: - Build

        mutating func build(_ root: Node) -> Questionnaire? {
            guard var r = MapReader(root, path: path, what: "the questionnaire", diags: &diags) else { return nil }
            let top = ["format", "id", "version", "language", "title", "description", "intro", "end_message",
                       "parameters", "domains", "sections", "indicators", "scores", "result", "referrals",
                       "summary", "resources", "changelog"]
            if let (f, loc) = r.string("format", required: true, diags: &diags), f != "1" {
                diags.error(loc, "unsupported format '\(Sanitize.singleLine(f))'; this version of intake reads format 1")
            }
            if let (id, loc) = r.string("id", required: true, diags: &diags) {
                if QuestionnaireLoader.isValidQuestionnaireID(id) {
                    qid = id
                    let base = NSStringPath(path: path).lastComponentWithoutExtension
                    if base != id && (path.hasSuffix(".yaml") || path.hasSuffix(".yml")) {
                        diags.error(loc, "id '\(id)' does not match the file name '\(base)'")
                    }
                } else {
                    diags.error(loc, "questionnaire id '\(Sanitize.singleLine(id))' is not valid: use lowercase letters, digits and '-'")
                }
            }
            let version = r.string("version", required: true, diags: &diags)?.0 ?? ""
            var language = "en"
            if let (lang, loc) = r.string("language", required: true, diags: &diags) {
                if LanguageTag.isValid(lang) { language = lang } else {
                    diags.error(loc, "'\(Sanitize.singleLine(lang))' is not a valid BCP-47 language tag")
                }
            }
            let title = text(&r, "title", key: key("title"), required: true, note: "Questionnaire title, shown on the start screen.")
            let description = text(&r, "description", key: key("description"), note: "Questionnaire description, start screen.")
            let intro = text(&r, "intro", key: key("intro"), note: "Read to the person before the first section.")
            let endMessage = text(&r, "end_message", key: key("end_message"), note: "Shown when the interview is complete.")

            let parameters = buildParameters(&r)
            let domainDefs = buildDomains(&r)
            var rawIndicators: [RawIndicator] = []
            let sectionDefs = buildSections(&r, indicators: &rawIndicators)
            if let list = r.list("indicators", diags: &diags) {
                for n in list {
                    if let ind = buildIndicator(n, question: nil) { rawIndicators.append(ind) }
                }
            }
            let rawScores = buildScores(&r)
            let rawResult = buildResult(&r)
            let rawReferrals = buildReferrals(&r)
            let hooks = buildHooks(&r)
            let resources = buildResources(&r)
            let changelog = buildChangelog(&r)
            r.finish(known: top, diags: &diags)

            // Names share one space because conditions refer to them bare.
            var names: [String: (String, SourceLocation)] = [:]
            func claim(_ id: String, _ kind: String, _ loc: SourceLocation) {
                if let (otherKind, otherLoc) = names[id] {
                    diags.error(loc, "duplicate id '\(id)': already used by a \(otherKind) at line \(otherLoc.line)")
                } else {
                    names[id] = (kind, loc)
                }
            }
            for s in sectionDefs {
                for q in s.questions { claim(q.id, "question", q.location) }
            }
            for p in parameters { claim(p.id, "parameter", p.location) }
            for i in rawIndicators { claim(i.id, "indicator", i.location) }
            for s in rawScores { claim(s.id, "score", s.location) }
            for d in domainDefs { claim(d.id, "domain", d.location) }
            var seenSections: [String: SourceLocation] = [:]
            for s in sectionDefs {
                if let other = seenSections[s.id] { diags.error(s.location, "duplicate section id '\(s.id)' (first at line \(other.line))") }
                seenSections[s.id] = s.location
            }
            if sectionDefs.isEmpty && !diags.hasErrors {
                diags.error(r.location, "the questionnaire has no sections")
            }

            // Resolve every condition now that all names are known.
            var resolver = Resolution(builder: self, sections: sectionDefs, parameters: parameters,
                                      domains: domainDefs, indicators: rawIndicators, scores: rawScores)
            let sections = resolver.resolveSections()
            let indicators = resolver.resolveIndicators()
            let scores = resolver.resolveScores()
            let domains = resolver.resolveDomains()
            let result = resolver.resolveResult(rawResult)
            let referrals = resolver.resolveReferrals(rawReferrals)
            diags = resolver.builder.diags
            checkHooks(hooks, sections: sections, referrals: referrals)
            checkReferralDetails(rawReferrals, sections: sections)
            checkChangelog(changelog, sections: sections)

            guard let title else { return nil }
            let q = Questionnaire(id: qid, version: version, language: language, title: title,
                                  description: description, intro: intro, endMessage: endMessage,
                                  parameters: parameters, domains: domains, sections: sections,
                                  indicators: indicators, scores: scores, result: result,
                                  referrals: referrals, summaryHooks: hooks.0, resources: resources,
                                  changelog: changelog, path: path, contentHash: hash)
            if !diags.hasErrors {
                var analysis = QuestionnaireAnalysis(questionnaire: q)
                diags.append(contentsOf: analysis.run())
            }
            return q
        }

        // MARK: Parameters

        mutating func buildParameters(_ r: inout MapReader) -> [Parameter] {
            guard let v = r.value("parameters") else { return [] }
            guard case .mapping(let map) = v else {
                diags.error(YAMLDocument.location(v, path: path), "'parameters' must map names to numbers")
                return []
            }
            var out: [Parameter] = []
            for (k, val) in map {
                let loc = YAMLDocument.location(k, path: path)
                let name = k.scalar?.string ?? ""
                guard QuestionnaireLoader.isValidID(name) else {
                    diags.error(loc, "parameter name '\(Sanitize.singleLine(name))' is not valid: use \(QuestionnaireLoader.idPattern)")
                    continue
                }
                if case .scalar(let s) = val {
                    guard let d = Double(s.string), d.isFinite else {
                        diags.error(YAMLDocument.location(val, path: path), "parameter '\(name)' must be a number")
                        continue
                    }
                    out.append(Parameter(id: name, defaultValue: d, byLanguage: [:], location: loc))
                    continue
                }
                guard var pr = MapReader(val, path: path, what: "parameter '\(name)'", diags: &diags) else { continue }
                var byLanguage: [String: Double] = [:]
                var keys: [String] = []
                if case .mapping(let m) = val {
                    for (lk, _) in m { if let s = lk.scalar?.string { keys.append(s) } }
                }
                var def: Double?
                for lang in keys {
                    guard let n = pr.number(lang, diags: &diags) else { continue }
                    if lang == "default" { def = n; continue }
                    if !LanguageTag.isValid(lang) {
                        diags.error(pr.keyLocation(lang), "'\(Sanitize.singleLine(lang))' is not a valid language tag (or 'default')")
                    }
                    byLanguage[lang] = n
                }
                guard let dv = def else {
                    diags.error(loc, "parameter '\(name)' needs a 'default' value")
                    continue
                }
                out.append(Parameter(id: name, defaultValue: dv, byLanguage: byLanguage, location: loc))
            }
            return out
        }

        // MARK: Domains

        struct DomainDef {
            var id: String
            var title: SourceText?
            var core: Bool
            var kind: DomainKind
            var rule: PendingCondition?
            var ruleKeyword: DomainRule?
            var location: SourceLocation
        }

        mutating func buildDomains(_ r: inout MapReader) -> [DomainDef] {
            guard let list = r.list("domains", diags: &diags) else {
                if !r.has("domains") { diags.error(r.location, "the questionnaire is missing 'domains'") }
                return []
            }
            var out: [DomainDef] = []
            for (reader, id, loc) in identified(list, kind: "domain") {
                var dr = reader
                let title = text(&dr, "title", key: key("domain", id, "title"), required: true, note: "Name of an indicator domain, shown in the summary.")
                let core = dr.bool("core", diags: &diags) ?? false
                var kind = DomainKind.indicator
                if let (k, kloc) = dr.string("kind", diags: &diags) {
                    if let parsed = DomainKind(rawValue: k) { kind = parsed } else {
                        diags.error(kloc, "unknown domain kind '\(Sanitize.singleLine(k))' (use indicator or concern)")
                    }
                }
                if kind == .concern && core {
                    diags.error(loc, "domain '\(id)' is a concern, not a trafficking indicator, so it cannot be core")
                }
                var def = DomainDef(id: id, title: title, core: core, kind: kind, rule: nil, ruleKeyword: .tiers, location: loc)
                if let p = pending(&dr, "rule") {
                    switch p.text.trimmingWhitespace() {
                    case "tiers": def.ruleKeyword = .tiers
                    case "any": def.ruleKeyword = .any
                    default: def.ruleKeyword = nil; def.rule = p
                    }
                }
                dr.finish(known: ["id", "title", "core", "kind", "rule"], diags: &diags)
                out.append(def)
            }
            return out
        }

        // MARK: Sections and questions

        struct SectionDef {
            var id: String
            var title: SourceText?
            var intro: SourceText?
            var contentNote: SourceText?
            var relevant: PendingCondition?
            var questions: [QuestionDef]
            var location: SourceLocation
        }

        struct QuestionDef {
            var id: String
            var type: QuestionType
            var text: SourceText?
            var guidance: SourceText?
            var relevant: PendingCondition?
            var required: PendingCondition?
            var constraint: PendingCondition?
            var constraintMessage: SourceText?
            var options: [AnswerOption]
            var min: Double?
            var max: Double?
            var integer: Bool
            var multiline: Bool
            var special: [SpecialAnswer]
            var endIf: PendingCondition?
            var endMessage: SourceText?
            var indicatorIDs: [String]
            var location: SourceLocation
            var sectionID: String
        }

        mutating func buildSections(_ r: inout MapReader, indicators: inout [RawIndicator]) -> [SectionDef] {
            guard let list = r.list("sections", diags: &diags) else {
                if !r.has("sections") { diags.error(r.location, "the questionnaire is missing 'sections'") }
                return []
            }
            var out: [SectionDef] = []
            for n in list {
                guard var sr = MapReader(n, path: path, what: "a section", diags: &diags) else { continue }
                guard let (sid, loc) = id(&sr, kind: "section") else { continue }
                sr = MapReader(n, path: path, what: "section '\(sid)'", diags: &diags)!
                _ = sr.value("id")
                var s = SectionDef(id: sid, questions: [], location: loc)
                s.title = text(&sr, "title", key: key("section", sid, "title"), required: true, note: "Section title.")
                s.intro = text(&sr, "intro", key: key("section", sid, "intro"), note: "Section introduction, read before its first question.")
                s.contentNote = text(&sr, "content_note", key: key("section", sid, "content_note"), note: "Content note: warns that the section touches on painful subjects.")
                s.relevant = pending(&sr, "relevant")
                if let qs = sr.list("questions", diags: &diags) {
                    for qn in qs {
                        if let q = buildQuestion(qn, section: sid, indicators: &indicators) { s.questions.append(q) }
                    }
                    if qs.isEmpty { diags.error(sr.keyLocation("questions"), "section '\(sid)' has no questions") }
                } else if !sr.has("questions") {
                    diags.error(loc, "section '\(sid)' is missing 'questions'")
                }
                sr.finish(known: ["id", "title", "intro", "content_note", "relevant", "questions"], diags: &diags)
                out.append(s)
            }
            return out
        }

        mutating func buildQuestion(_ n: Node, section: String, indicators: inout [RawIndicator]) -> QuestionDef? {
            guard var qr = MapReader(n, path: path, what: "a question", diags: &diags) else { return nil }
            guard let (id, loc) = id(&qr, kind: "question") else { return nil }
            qr = MapReader(n, path: path, what: "question '\(id)'", diags: &diags)!
            _ = qr.value("id")
            var type = QuestionType.note
            var typeOK = false
            if let (t, tloc) = qr.string("type", required: true, diags: &diags) {
                if let qt = QuestionType(rawValue: t) { type = qt; typeOK = true } else {
                    let names = QuestionType.allCases.map(\.rawValue)
                    let hint = Suggest.closest(to: t, in: names).map { "; did you mean '\($0)'?" } ?? " (types: \(names.joined(separator: ", ")))"
                    diags.error(tloc, "unknown question type '\(Sanitize.singleLine(t))'\(hint)")
                }
            }
            let translatorNote = qr.string("translator_note", diags: &diags)?.0
            func note(_ kind: String) -> String {
                [kind, translatorNote].compactMap { $0 }.joined(separator: " ")
            }
            var q = QuestionDef(id: id, type: type, options: [], integer: true, multiline: false,
                                special: SpecialAnswer.allCases, indicatorIDs: [], location: loc, sectionID: section)
            // `audience: advocate`: the advocate answers it alone (privacy
            // checked, interpreter, own concern); only the translator's note
            // differs, so translators do not write it for the person.
            var forAdvocate = false
            if let (a, aloc) = qr.string("audience", diags: &diags) {
                switch a {
                case "advocate": forAdvocate = true
                case "person": break
                default: diags.error(aloc, "'audience' must be 'person' or 'advocate', not '\(Sanitize.singleLine(a))'")
                }
            }
            let asked = forAdvocate ? "Question (\(type.rawValue)) for the advocate only; not read aloud." : "Question (\(type.rawValue)), read to the person."
            q.text = text(&qr, "text", key: key("question", id, "text"), required: true, note: note(asked))
            q.guidance = text(&qr, "guidance", key: key("question", id, "guidance"), note: note("Guidance for the advocate only; not read aloud."))
            q.relevant = pending(&qr, "relevant")
            if let v = qr.value("required") {
                if case .scalar(let s) = v, s.string == "false" { q.required = nil }
                else { q.required = pending(v, key: "required", what: qr.what) }
            }
            q.constraint = pending(&qr, "constraint")
            q.constraintMessage = text(&qr, "constraint_message", key: key("question", id, "constraint_message"), note: note("Shown when an answer is not accepted."))
            if q.constraint != nil && q.constraintMessage == nil {
                diags.error(qr.keyLocation("constraint"), "question '\(id)' has a constraint but no 'constraint_message' to explain it")
            }
            q.endIf = pending(&qr, "end_if")
            q.endMessage = text(&qr, "end_message", key: key("question", id, "end_message"), note: note("Shown when this answer ends the interview."))
            if q.endIf != nil && q.endMessage == nil {
                diags.error(qr.keyLocation("end_if"), "question '\(id)' has 'end_if' but no 'end_message'")
            }
            var known = ["id", "type", "text", "guidance", "translator_note", "audience", "relevant", "required",
                         "constraint", "constraint_message", "end_if", "end_message", "special"]
            if let list = qr.list("special", diags: &diags) {
                q.special = []
                for item in list {
                    guard let (s, l) = MapReader.scalar(item, key: "special", what: qr.what, path: path, diags: &diags) else { continue }
                    if let sa = SpecialAnswer.named(s) { q.special.append(sa) } else {
                        diags.error(l, "unknown special answer '\(Sanitize.singleLine(s))' (use dont_know, declined)")
                    }
                }
            }
            if typeOK {
                switch type {
                case .single, .multiple:
                    known.append("options")
                    if let opts = qr.list("options", diags: &diags) {
                        var seen = Set<String>()
                        for on in opts {
                            guard var or = MapReader(on, path: path, what: "an option of '\(id)'", diags: &diags) else { continue }
                            guard let (oid, oloc) = self.id(&or, kind: "option") else { continue }
                            if !seen.insert(oid).inserted { diags.error(oloc, "duplicate option id '\(oid)' in question '\(id)'") }
                            if oid == "dont_know" || oid == "declined" {
                                diags.error(oloc, "'\(oid)' is a special answer offered on every question; don't add it as an option")
                            }
                            let t = text(&or, "text", key: key("question", id, "option", oid), required: true, note: note("Answer option of '\(id)'."))
                            or.finish(known: ["id", "text"], diags: &diags)
                            if let t { q.options.append(AnswerOption(id: oid, text: t)) }
                        }
                        if opts.isEmpty { diags.error(qr.keyLocation("options"), "question '\(id)' has an empty option list") }
                        else if opts.count == 1 && type == .single {
                            diags.warning(qr.keyLocation("options"), "question '\(id)' offers only one option")
                        }
                    } else {
                        diags.error(loc, "\(type.rawValue) question '\(id)' has no options")
                    }
                case .number:
                    known += ["min", "max", "integer"]
                    q.min = qr.number("min", diags: &diags)
                    q.max = qr.number("max", diags: &diags)
                    q.integer = qr.bool("integer", diags: &diags) ?? true
                    if let lo = q.min, let hi = q.max, lo > hi {
                        diags.error(qr.keyLocation("min"), "'min' (\(AnswerValue.format(lo))) is greater than 'max' (\(AnswerValue.format(hi)))")
                    }
                case .text:
                    known.append("multiline")
                    q.multiline = qr.bool("multiline", diags: &diags) ?? false
                case .note:
                    q.special = []
                    for k in ["required", "constraint", "end_if", "special"] where qr.has(k) {
                        diags.error(qr.keyLocation(k), "a note takes no answer, so '\(k)' has no meaning here")
                    }
                default:
                    break
                }
            }
            if let list = qr.list("indicators", diags: &diags) {
                known.append("indicators")
                if type == .note || type == .text || type == .number || type == .date || type == .monthYear {
                    diags.error(qr.keyLocation("indicators"), "indicators on a question need answer options; use a top-level indicator with 'when' for a \(type.rawValue) question")
                } else {
                    for n in list {
                        if let ind = buildIndicator(n, question: q) {
                            q.indicatorIDs.append(ind.id)
                            indicators.append(ind)
                        }
                    }
                }
            }
            qr.finish(known: known, diags: &diags)
            return q
        }

        // MARK: Indicators

        mutating func buildIndicator(_ n: Node, question: QuestionDef?) -> RawIndicator? {
            guard var ir = MapReader(n, path: path, what: "an indicator", diags: &diags) else { return nil }
            guard let (id, loc) = id(&ir, kind: "indicator") else { return nil }
            ir = MapReader(n, path: path, what: "indicator '\(id)'", diags: &diags)!
            _ = ir.value("id")
            var strength = Strength.weak
            if let (s, l) = ir.string("strength", required: true, diags: &diags) {
                if let st = Strength(rawValue: s) { strength = st } else {
                    diags.error(l, "unknown strength '\(Sanitize.singleLine(s))' (use strong, medium or weak)")
                }
            }
            var phase = Phase.any
            if let (s, l) = ir.string("phase", required: true, diags: &diags) {
                if let p = Phase(rawValue: s) { phase = p } else {
                    diags.error(l, "unknown phase '\(Sanitize.singleLine(s))' (use recruitment, travel, destination or any)")
                }
            }
            let domain = ir.string("domain", required: true, diags: &diags)
            let weight = ir.number("weight", diags: &diags) ?? 1
            let why = text(&ir, "why", key: key("indicator", id, "why"), note: "Explains why this indicator has its strength; shown to trainers.")
            var raw = RawIndicator(id: id, domain: domain, strength: strength, phase: phase, weight: weight,
                                   when: nil, answers: [], questionID: question?.id, why: why, location: loc)
            if let q = question {
                if ir.has("when") {
                    diags.error(ir.keyLocation("when"), "an indicator on a question is raised by 'answer'; put indicators with 'when' at the top level")
                }
                if let list = ir.list("answer", allowSingle: true, diags: &diags) {
                    for a in list {
                        guard let (s, l) = MapReader.scalar(a, key: "answer", what: ir.what, path: path, diags: &diags) else { continue }
                        let valid = q.type == .yesNo ? (s == "yes" || s == "no") : q.options.contains { $0.id == s }
                        if !valid {
                            let known = q.type == .yesNo ? "yes, no" : q.options.map(\.id).joined(separator: ", ")
                            diags.error(l, "'\(Sanitize.singleLine(s))' is not an option of question '\(q.id)' (options: \(known))")
                        }
                        raw.answers.append((s, l))
                    }
                } else {
                    diags.error(loc, "indicator '\(id)' on question '\(q.id)' needs 'answer': the option that raises it")
                }
                ir.finish(known: ["id", "answer", "domain", "strength", "phase", "weight", "why", "when"], diags: &diags)
            } else {
                raw.when = pending(&ir, "when")
                if raw.when == nil { diags.error(loc, "indicator '\(id)' needs 'when': the condition that raises it") }
                if ir.has("answer") {
                    diags.error(ir.keyLocation("answer"), "'answer' belongs to an indicator on a question; at the top level use 'when'")
                }
                ir.finish(known: ["id", "when", "domain", "strength", "phase", "weight", "why", "answer"], diags: &diags)
            }
            return raw
        }

        // MARK: Scores

        struct ScoreDef {
            var id: String
            var items: [(PendingCondition, Double)]
            var location: SourceLocation
        }

        mutating func buildScores(_ r: inout MapReader) -> [ScoreDef] {
            guard let list = r.list("scores", diags: &diags) else { return [] }
            var out: [ScoreDef] = []
            for (reader, id, loc) in identified(list, kind: "score") {
                var sr = reader
                var def = ScoreDef(id: id, items: [], location: loc)
                if let items = sr.list("add", diags: &diags) {
                    for item in items {
                        guard var ir = MapReader(item, path: path, what: "an item of score '\(id)'", diags: &diags) else { continue }
                        let when = pending(&ir, "when")
                        let points = ir.number("points", diags: &diags)
                        if when == nil { diags.error(ir.location, "each item of score '\(id)' needs 'when'") }
                        if points == nil && !ir.has("points") { diags.error(ir.location, "each item of score '\(id)' needs 'points'") }
                        ir.finish(known: ["when", "points"], diags: &diags)
                        if let when, let points { def.items.append((when, points)) }
                    }
                } else {
                    diags.error(loc, "score '\(id)' needs 'add': a list of {when, points}")
                }
                sr.finish(known: ["id", "add"], diags: &diags)
                out.append(def)
            }
            return out
        }

        // MARK: Result

        struct OverrideDef {
            var id: String
            var when: PendingCondition?
            var result: ResultLevel?
            var atLeast: ResultLevel?
            var urgent: Bool
            var flag: Bool = false
            var reason: SourceText?
            var location: SourceLocation
        }

        struct ResultDef {
            var likely: PendingCondition?
            var possible: PendingCondition?
            var concerns: PendingCondition?
            var urgent: PendingCondition?
            var overrides: [OverrideDef] = []
        }

        mutating func level(_ r: inout MapReader, _ field: String) -> ResultLevel? {
            guard let (s, l) = r.string(field, diags: &diags) else { return nil }
            guard let lv = ResultLevel(rawValue: s) else {
                diags.error(l, "unknown result level '\(Sanitize.singleLine(s))' (use no_indicators, concerns, possible or likely)")
                return nil
            }
            return lv
        }

        mutating func buildResult(_ r: inout MapReader) -> ResultDef {
            var def = ResultDef()
            guard let v = r.value("result") else {
                diags.error(r.location, "the questionnaire is missing 'result'")
                return def
            }
            guard var rr = MapReader(v, path: path, what: "'result'", diags: &diags) else { return def }
            def.likely = pending(&rr, "likely")
            def.possible = pending(&rr, "possible")
            def.concerns = pending(&rr, "concerns")
            def.urgent = pending(&rr, "urgent")
            if def.likely == nil && def.possible == nil {
                diags.error(rr.location, "'result' needs 'likely' or 'possible' (or both)")
            }
            if let list = rr.list("overrides", diags: &diags) {
                for (reader, id, loc) in identified(list, kind: "override", unique: true) {
                    var orr = reader
                    var o = OverrideDef(id: id, when: pending(&orr, "when"), result: level(&orr, "result"),
                                        atLeast: level(&orr, "at_least"), urgent: orr.bool("urgent", diags: &diags) ?? false,
                                        reason: nil, location: loc)
                    o.flag = orr.bool("flag", diags: &diags) ?? false
                    o.reason = text(&orr, "reason", key: key("override", id, "reason"), required: true, note: "Why an override changed the result; shown in the summary.")
                    if o.when == nil { diags.error(loc, "override '\(id)' needs 'when'") }
                    if o.result == nil && o.atLeast == nil && !o.urgent {
                        diags.error(loc, "override '\(id)' changes nothing: give 'result', 'at_least' or 'urgent: true'")
                    }
                    orr.finish(known: ["id", "when", "result", "at_least", "urgent", "flag", "reason"], diags: &diags)
                    def.overrides.append(o)
                }
            }
            rr.finish(known: ["likely", "possible", "concerns", "urgent", "overrides"], diags: &diags)
            return def
        }

        // MARK: Referrals, hooks, resources

        struct ReferralDef {
            var id: String
            var title: SourceText?
            var when: PendingCondition?
            var timeCritical: PendingCondition?
            var reason: SourceText?
            /// `details`: question ids, each with where it was written.
            var details: [(String, SourceLocation)] = []
            var location: SourceLocation
        }

        mutating func buildReferrals(_ r: inout MapReader) -> [ReferralDef] {
            guard let list = r.list("referrals", diags: &diags) else { return [] }
            var out: [ReferralDef] = []
            for (reader, id, loc) in identified(list, kind: "referral", unique: true) {
                var rr = reader
                let title = text(&rr, "title", key: key("referral", id, "title"), required: true, note: "Name of a kind of help the person can be referred to.")
                let when = pending(&rr, "when")
                let timeCritical = pending(&rr, "time_critical")
                if when == nil { diags.error(loc, "referral '\(id)' needs 'when'") }
                let reason = text(&rr, "reason", key: key("referral", id, "reason"), required: true, note: "Why this referral is suggested; shown in the summary.")
                var details: [(String, SourceLocation)] = []
                for n in rr.list("details", allowSingle: true, diags: &diags) ?? [] {
                    if let d = MapReader.scalar(n, key: "details", what: "referral '\(id)'", path: path, diags: &diags) { details.append(d) }
                }
                rr.finish(known: ["id", "title", "when", "time_critical", "reason", "details"], diags: &diags)
                out.append(ReferralDef(id: id, title: title, when: when, timeCritical: timeCritical, reason: reason,
                                       details: details, location: loc))
            }
            return out
        }

        mutating func buildHooks(_ r: inout MapReader) -> (SummaryHooks, [String: SourceLocation]) {
            guard let v = r.value("summary") else { return (SummaryHooks(), [:]) }
            guard var hr = MapReader(v, path: path, what: "'summary'", diags: &diags) else { return (SummaryHooks(), [:]) }
            var locs: [String: SourceLocation] = [:]
            var hooks = SummaryHooks()
            for hook in SummaryHook.allCases {
                if let (s, l) = hr.string(hook.rawValue, diags: &diags) { hooks[hook] = s; locs[hook.rawValue] = l }
            }
            hr.finish(known: SummaryHook.allCases.map(\.rawValue), diags: &diags)
            hookLocations = locs
            return (hooks, locs)
        }

        var hookLocations: [String: SourceLocation] = [:]

        mutating func checkHooks(_ hooks: (SummaryHooks, [String: SourceLocation]), sections: [Section], referrals: [Referral]) {
            let all = Dictionary(sections.flatMap(\.questions).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for hook in SummaryHook.allCases {
                guard let qid = hooks.0[hook], let loc = hooks.1[hook.rawValue] else { continue }
                let name = hook.rawValue
                guard let q = all[qid] else {
                    diags.error(loc, "'\(name)' refers to unknown question '\(Sanitize.singleLine(qid))'")
                    continue
                }
                if !hook.types.contains(q.type) {
                    diags.error(loc, "'\(name)' needs a \(hook.types.map(\.rawValue).joined(separator: " or ")) question, but '\(qid)' is \(q.type.rawValue)")
                }
                if hook == .consentToShare {
                    let ids = Set(referrals.map(\.id))
                    for o in q.options where !ids.contains(o.id) && o.id != "none" {
                        diags.error(loc, "'consent_to_share' question '\(qid)' has option '\(o.id)', which is not a referral id (or 'none')")
                    }
                }
            }
        }

        mutating func checkReferralDetails(_ defs: [ReferralDef], sections: [Section]) {
            let all = Set(sections.flatMap(\.questions).map(\.id))
            for d in defs {
                for (qid, loc) in d.details where !all.contains(qid) {
                    diags.error(loc, "referral '\(d.id)' lists unknown question '\(Sanitize.singleLine(qid))' in 'details'")
                }
            }
        }

        /// `changelog`: a list of `{version, removed: [ids], renamed: {old: new}}`.
        mutating func buildChangelog(_ r: inout MapReader) -> [ChangelogEntry] {
            guard let list = r.list("changelog", diags: &diags) else { return [] }
            var out: [ChangelogEntry] = []
            for n in list {
                guard var cr = MapReader(n, path: path, what: "a changelog entry", diags: &diags) else { continue }
                guard let (version, loc) = cr.string("version", required: true, diags: &diags) else {
                    cr.finish(known: ["version", "removed", "renamed"], diags: &diags)
                    continue
                }
                var entry = ChangelogEntry(version: version, location: loc)
                if let ids = cr.list("removed", allowSingle: true, diags: &diags) {
                    for idNode in ids {
                        if let (id, _) = MapReader.scalar(idNode, key: "removed", what: "a removed question id", path: path, diags: &diags) {
                            entry.removed.append(id)
                        }
                    }
                }
                if let v = cr.value("renamed") {
                    if var mr = MapReader(v, path: path, what: "'renamed'", diags: &diags) {
                        for k in mr.keys {
                            if let (new, _) = mr.string(k, diags: &diags) { entry.renamed[k] = new }
                        }
                        mr.finish(known: mr.keys, diags: &diags)
                    }
                }
                cr.finish(known: ["version", "removed", "renamed"], diags: &diags)
                out.append(entry)
            }
            return out
        }

        /// A removed id must not be a question any more; a rename must lead
        /// to a question that exists now or is renamed or removed later.
        mutating func checkChangelog(_ entries: [ChangelogEntry], sections: [Section]) {
            let all = Set(sections.flatMap(\.questions).map(\.id))
            for (i, e) in entries.enumerated() {
                for id in e.removed where all.contains(id) {
                    diags.error(e.location, "changelog \(e.version) lists '\(id)' as removed, but it is still a question")
                }
                let later = entries[(i + 1)...]
                for (old, new) in e.renamed.sorted(by: { $0.key < $1.key }) {
                    let handledLater = later.contains { $0.removed.contains(new) || $0.renamed[new] != nil }
                    if !all.contains(new) && !handledLater {
                        diags.error(e.location, "changelog \(e.version) renames '\(old)' to '\(new)', which is not a question")
                    }
                }
            }
        }

        mutating func buildResources(_ r: inout MapReader) -> [Resource] {
            guard let list = r.list("resources", diags: &diags) else { return [] }
            var out: [Resource] = []
            for (reader, id, loc) in identified(list, kind: "resource", unique: true) {
                var rr = reader
                let title = text(&rr, "title", key: key("resource", id, "title"), required: true, note: "Name of a service or hotline.")
                let body = text(&rr, "text", key: key("resource", id, "text"), required: true, note: "Description of a service or hotline.")
                rr.finish(known: ["id", "title", "text"], diags: &diags)
                if let title, let body { out.append(Resource(id: id, title: title, text: body)) }
            }
            return out
        }
    }
}

/// A file path's last component without extension, without Foundation.
struct NSStringPath {
    let path: String
    var lastComponentWithoutExtension: String {
        let last = path.split(separator: "/").last.map(String.init) ?? path
        if let dot = last.lastIndex(of: ".") { return String(last[..<dot]) }
        return last
    }
}


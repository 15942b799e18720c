import Yams

/// An answer file: a questionnaire's answers without the terminal (see
/// docs/answer-file-format.md). Used by `intake summary --answers`, by the
/// trainers' personas, and by tests.
public struct AnswerFile: Sendable {
    public struct Persona: Sendable {
        public var name: String
        public var sector: String
        public var story: String
        public var expected: Expected?
    }

    /// What a persona's screening is expected to show.
    public struct Expected: Sendable {
        public var result: ResultLevel
        public var urgent: Bool
        public var domains: [String]
        public var referrals: [String]
    }

    public var path: String
    public var questionnaireID: String?
    public var language: String?
    public var persona: Persona?
    /// Every answer, by question id. The fast path keeps the answers by
    /// position alone (`byPosition`), and this dictionary is made from
    /// them when it is read: made for every file, it was 4.7% of a batch's
    /// CPU, and a batch reads two answers (`answer(_:)`) and scores by
    /// position (bench/README.md, "Issue 19, round 9"). Setting it (the
    /// general path does, an answer at a time) drops the positions, so the
    /// two never disagree.
    public internal(set) var answers: [String: AnswerValue] {
        get { byPosition?.byID ?? byID }
        set {
            byID = newValue
            byPosition = nil
        }
    }
    /// The answers by id, read by the general path; empty when the fast
    /// path read the file.
    private var byID: [String: AnswerValue] = [:]
    /// The answers by position in the questionnaire's `questions`, when the
    /// fast path read the file: scoring reads them instead of looking every
    /// id up again (`Scorer.score(_:file:language:)`).
    var byPosition: AnswerSlots?

    /// The answer to the question `id` as written in the file, if any:
    /// `answers[id]`, without making the dictionary.
    public func answer(_ id: String) -> AnswerValue? {
        guard let byPosition else { return byID[id] }
        return byPosition.questionnaire.positions[id].flatMap { byPosition.values[$0] }
    }
    /// Remarks by question id; the key `_interview` is the whole interview's remark.
    public var remarks: [String: String]
    /// Where each answer was written, for messages.
    public var locations: [String: SourceLocation] {
        switch written {
        case .byID(let byID): return byID
        case .listed(let list):
            return Dictionary(list.map { ($0.id, SourceLocation(file: path, line: $0.line, column: $0.column)) },
                              uniquingKeysWith: { first, _ in first })
        }
    }

    /// `locations` as the path that read the file kept them. The fast
    /// path lists them: a file it accepts gets no message, so they are
    /// seldom read, and a dictionary of them cost 35,000 instructions a
    /// file in a batch (bench/README.md, "Issue 19, round 6: batch summaries").
    enum WrittenAt: Sendable {
        case byID([String: SourceLocation])
        case listed([(id: String, line: Int, column: Int)])
    }

    var written: WrittenAt
    /// Warnings that did not stop loading: answers to questions that the
    /// questionnaire's changelog renamed or removed.
    public var notes: [Diagnostic] = []

    public static let interviewRemarkKey = "_interview"

    /// Answers by position in one questionnaire's `questions`: the
    /// positions hold for that questionnaire alone. The fast path reads
    /// only ids that are current as written, one answer to a question, so
    /// the answer at a position is the answer to that question's id.
    struct AnswerSlots: Sendable {
        let questionnaire: Questionnaire
        let values: [AnswerValue?]

        /// The same answers by question id.
        var byID: [String: AnswerValue] {
            let questions = questionnaire.questions
            var out: [String: AnswerValue] = [:]
            out.reserveCapacity(values.count)
            for (p, v) in values.enumerated() { if let v { out[questions[p].id] = v } }
            return out
        }
    }

    init(path: String, answers: [String: AnswerValue], remarks: [String: String], written: WrittenAt) {
        self.path = path
        self.byID = answers
        self.remarks = remarks
        self.written = written
    }

    /// Reads the structure without a questionnaire: enough to learn which
    /// questionnaire it names.
    public static func peekQuestionnaireID(bytes: [UInt8], path: String) -> String? {
        peekQuestionnaireID(parse(bytes: bytes, path: path))
    }

    /// An answer file's YAML, parsed once for both `peekQuestionnaireID`
    /// and `load` (a batch summary parsed every file twice): by the fast
    /// path (`AnswerFileFastPath`) when it understands the file, otherwise
    /// with Yams.
    public struct Parsed {
        fileprivate let bytes: [UInt8]
        /// The fast path's reading; nil: it gave up, and `root` is Yams'.
        fileprivate let fast: [AnswerFileFastPath.Entry]?
        fileprivate let root: Result<Node, Diagnostic>?
    }

    /// Parses the YAML of an answer file; errors are reported by `load`.
    public static func parse(bytes: [UInt8], path: String) -> Parsed {
        if let fast = AnswerFileFastPath.scan(bytes) { return Parsed(bytes: bytes, fast: fast, root: nil) }
        return Parsed(bytes: bytes, fast: nil, root: YAMLDocument.parse(bytes: bytes, path: path))
    }

    /// The questionnaire id a parsed answer file names, if any.
    public static func peekQuestionnaireID(_ parsed: Parsed) -> String? {
        if let fast = parsed.fast {
            guard let e = fast.first(where: { $0.key == "questionnaire" }), case .scalar(let s) = e.value else { return nil }
            return s.text
        }
        guard case .success(let root)? = parsed.root,
              case .mapping(let m) = root, let v = m["questionnaire"], case .scalar(let s) = v else { return nil }
        return s.string
    }

    /// The general path alone (Yams), for tests that compare it with the fast one.
    static func parse(generalOnly bytes: [UInt8], path: String) -> Parsed {
        Parsed(bytes: bytes, fast: nil, root: YAMLDocument.parse(bytes: bytes, path: path))
    }

    static func loadGeneral(bytes: [UInt8], path: String, questionnaire: Questionnaire) -> Result<AnswerFile, DiagnosticsError> {
        load(Parsed(bytes: bytes, fast: nil, root: YAMLDocument.parse(bytes: bytes, path: path)), path: path, questionnaire: questionnaire)
    }

    /// Parses and checks an answer file against `questionnaire`.
    public static func load(bytes: [UInt8], path: String, questionnaire: Questionnaire) -> Result<AnswerFile, DiagnosticsError> {
        load(parse(bytes: bytes, path: path), path: path, questionnaire: questionnaire)
    }

    /// Checks a parsed answer file against `questionnaire`.
    public static func load(_ parsed: Parsed, path: String, questionnaire: Questionnaire) -> Result<AnswerFile, DiagnosticsError> {
        if let fast = parsed.fast, let file = loadFast(fast, path: path, questionnaire: questionnaire) { return .success(file) }
        var diags = DiagnosticBag()
        let root: Node
        switch parsed.root ?? YAMLDocument.parse(bytes: parsed.bytes, path: path) {
        case .failure(let d): return .failure(DiagnosticsError([d]))
        case .success(let n): root = n
        }
        guard case .mapping(let top) = root else {
            return .failure(DiagnosticsError([.error(YAMLDocument.location(root, path: path), "an answer file must map question ids to answers")]))
        }
        var file = AnswerFile(path: path, answers: [:], remarks: [:], written: .byID([:]))
        var locations: [String: SourceLocation] = [:]
        let structured = top["answers"] != nil
        var answerNode: Node = root
        if structured {
            guard var r = MapReader(root, path: path, what: "the answer file", diags: &diags) else {
                return .failure(DiagnosticsError(diags.sorted))
            }
            if let (qid, loc) = r.string("questionnaire", diags: &diags) {
                file.questionnaireID = qid
                if qid != questionnaire.id {
                    diags.error(loc, "this answer file is for questionnaire '\(Sanitize.singleLine(qid))', not '\(questionnaire.id)'")
                }
            }
            if let (lang, loc) = r.string("language", diags: &diags) {
                if LanguageTag.isValid(lang) { file.language = lang } else {
                    diags.error(loc, "'\(Sanitize.singleLine(lang))' is not a valid language tag")
                }
            }
            if let p = r.value("persona") { file.persona = persona(p, path: path, questionnaire: questionnaire, diags: &diags) }
            if let rm = r.value("remarks") {
                if case .mapping(let m) = rm {
                    for (k, v) in m {
                        var key = k.scalar?.string ?? ""
                        if key != interviewRemarkKey {
                            switch historic(key, at: YAMLDocument.location(k, path: path), in: questionnaire, diags: &diags) {
                            case .current(let id): key = id
                            case .removed: continue
                            case .unknown:
                                diags.error(YAMLDocument.location(k, path: path), "remark for unknown question '\(Sanitize.singleLine(key))'")
                            }
                        }
                        if case .scalar(let s) = v { file.remarks[key] = s.string } else {
                            diags.error(YAMLDocument.location(v, path: path), "a remark must be text")
                        }
                    }
                } else {
                    diags.error(YAMLDocument.location(rm, path: path), "'remarks' must map question ids to text")
                }
            }
            answerNode = r.value("answers")!
            r.finish(known: ["questionnaire", "language", "persona", "answers", "remarks"], diags: &diags)
        }
        guard case .mapping(let answers) = answerNode else {
            diags.error(YAMLDocument.location(answerNode, path: path), "'answers' must map question ids to answers")
            return .failure(DiagnosticsError(diags.sorted))
        }
        // Gathered here and set once: `answers` is computed, so setting it an
        // answer at a time copied the whole dictionary for every answer.
        var read: [String: AnswerValue] = [:]
        for (k, v) in answers {
            let loc = YAMLDocument.location(k, path: path)
            let written = k.scalar?.string ?? ""
            let qid: String
            switch historic(written, at: loc, in: questionnaire, diags: &diags) {
            case .current(let id): qid = id
            case .removed: continue
            case .unknown:
                let hint = Suggest.closest(to: written, in: questionnaire.questions.map(\.id)).map { "; did you mean '\($0)'?" } ?? ""
                diags.error(loc, "unknown question '\(Sanitize.singleLine(written))' in questionnaire '\(questionnaire.id)'\(hint)")
                continue
            }
            guard let q = questionnaire.question(qid) else { continue }
            if let value = parseAnswer(v, question: q, path: path, diags: &diags) {
                read[qid] = value
                locations[qid] = YAMLDocument.location(v, path: path)
            }
        }
        file.answers = read
        file.written = .byID(locations)
        checkConstraints(file, questionnaire: questionnaire, diags: &diags)
        if diags.hasErrors { return .failure(DiagnosticsError(diags.sorted)) }
        file.notes = diags.sorted
        return .success(file)
    }

    /// Constraints may read other answers, so they are checked last.
    static func checkConstraints(_ file: AnswerFile, questionnaire: Questionnaire, diags: inout DiagnosticBag) {
        let answers = file.answers
        for (qid, value) in answers {
            checkConstraint(qid, value, of: file, answers: answers, questionnaire: questionnaire, diags: &diags)
        }
    }

    /// The same for the answers to `ids` alone; the others' questions have no constraint.
    static func checkConstraints(_ file: AnswerFile, questionnaire: Questionnaire, of ids: [String], diags: inout DiagnosticBag) {
        guard !ids.isEmpty else { return }
        let answers = file.answers
        for qid in ids { checkConstraint(qid, answers[qid]!, of: file, answers: answers, questionnaire: questionnaire, diags: &diags) }
    }

    /// - Parameter answers: `file.answers`, made once by the caller.
    private static func checkConstraint(_ qid: String, _ value: AnswerValue, of file: AnswerFile, answers: [String: AnswerValue],
                                        questionnaire: Questionnaire, diags: inout DiagnosticBag) {
        guard value.special == nil, let p = questionnaire.positions[qid] else { return }
        let q = questionnaire.questions[p]
        guard let c = q.constraint else { return }
        let ctx = AnswerContext(answers: answers, questionnaire: questionnaire,
                                language: file.language ?? questionnaire.language, currentAnswer: value)
        if ConditionEvaluator.evaluate(c, in: ctx) == .no, let loc = file.locations[qid] {
            diags.error(loc, "invalid answer to '\(qid)': \(ValidationIssue.constraint(q.constraintMessage).englishDescription(for: q))")
        }
    }

    /// What a question id written in the file is now; a renamed or removed
    /// id gets a warning that says what happened to it.
    static func historic(_ id: String, at loc: SourceLocation, in q: Questionnaire, diags: inout DiagnosticBag) -> HistoricQuestionID {
        let now = q.historicQuestion(id)
        switch now {
        case .current(let new) where new != id:
            diags.warning(loc, "question '\(Sanitize.singleLine(id))' is now '\(new)' in questionnaire '\(q.id)'")
        case .removed(let version):
            diags.warning(loc, "question '\(Sanitize.singleLine(id))' was removed in version \(version) of questionnaire '\(q.id)'; its answer is set aside")
        default:
            break
        }
        return now
    }

    static func parseAnswer(_ v: Node, question q: Question, path: String, diags: inout DiagnosticBag) -> AnswerValue? {
        let loc = YAMLDocument.location(v, path: path)
        if q.type == .note {
            diags.error(loc, "'\(q.id)' is a note and takes no answer")
            return nil
        }
        var value: AnswerValue?
        if case .scalar(let s) = v, let special = SpecialAnswer.named(s.string) {
            value = .special(special)
        } else {
            switch (q.type, v) {
            case (.multiple, .sequence(let seq)):
                var ids: [String] = []
                for item in seq {
                    guard case .scalar(let s) = item else {
                        diags.error(YAMLDocument.location(item, path: path), "a choice must be an option id")
                        return nil
                    }
                    ids.append(s.string)
                }
                value = .choices(ids)
            case (.multiple, .scalar(let s)):
                value = .choices([s.string])
            case (.yesNo, .scalar(let s)), (.single, .scalar(let s)):
                value = .choice(s.string)
            case (.number, .scalar(let s)):
                guard let n = Double(s.string) else {
                    diags.error(loc, "'\(q.id)' takes a number, not '\(Sanitize.singleLine(s.string))'")
                    return nil
                }
                value = .number(n)
            case (.date, .scalar(let s)), (.monthYear, .scalar(let s)):
                guard let d = CalendarDate(parsing: s.string) else {
                    let form = q.type == .date ? "YYYY-MM-DD" : "YYYY-MM"
                    diags.error(loc, "'\(q.id)' takes a date written \(form), not '\(Sanitize.singleLine(s.string))'")
                    return nil
                }
                value = .date(d)
            case (.text, .scalar(let s)):
                value = .text(s.string)
            default:
                diags.error(loc, "the answer to '\(q.id)' (\(q.type.rawValue)) has the wrong form")
                return nil
            }
        }
        guard let value else { return nil }
        if let issue = Interview.checkForm(value, for: q) {
            diags.error(loc, "invalid answer to '\(q.id)': \(issue.englishDescription(for: q))")
            return nil
        }
        return value
    }

    static func persona(_ n: Node, path: String, questionnaire: Questionnaire, diags: inout DiagnosticBag) -> Persona? {
        guard var r = MapReader(n, path: path, what: "'persona'", diags: &diags) else { return nil }
        let name = r.string("name", required: true, diags: &diags)?.0 ?? ""
        let sector = r.string("sector", required: true, diags: &diags)?.0 ?? ""
        let story = r.string("story", required: true, diags: &diags)?.0 ?? ""
        var expected: Expected?
        if let e = r.value("expected"), var er = MapReader(e, path: path, what: "'expected'", diags: &diags) {
            var result = ResultLevel.noIndicators
            if let (s, l) = er.string("result", required: true, diags: &diags) {
                if let lv = ResultLevel(rawValue: s) { result = lv } else { diags.error(l, "unknown result '\(Sanitize.singleLine(s))'") }
            }
            let urgent = er.bool("urgent", diags: &diags) ?? false
            func ids(_ key: String, known: [String]) -> [String] {
                guard let list = er.list(key, diags: &diags) else { return [] }
                return list.compactMap { item in
                    guard case .scalar(let s) = item else { return nil }
                    if !known.contains(s.string) {
                        diags.error(YAMLDocument.location(item, path: path), "unknown \(key == "domains" ? "domain" : "referral") '\(Sanitize.singleLine(s.string))'")
                    }
                    return s.string
                }
            }
            let domains = ids("domains", known: questionnaire.domains.map(\.id))
            let referrals = ids("referrals", known: questionnaire.referrals.map(\.id))
            er.finish(known: ["result", "urgent", "domains", "referrals"], diags: &diags)
            expected = Expected(result: result, urgent: urgent, domains: domains, referrals: referrals)
        }
        r.finish(known: ["name", "sector", "story", "expected"], diags: &diags)
        return Persona(name: name, sector: sector, story: story, expected: expected)
    }
}

extension ValidationIssue {
    /// A plain English description, for command-line errors.
    public func englishDescription(for q: Question) -> String {
        switch self {
        case .required: return "an answer is required"
        case .notANumber: return "not a number"
        case .notAWholeNumber: return "a whole number is needed"
        case .belowMinimum(let m): return "below the minimum of \(AnswerValue.format(m))"
        case .aboveMaximum(let m): return "above the maximum of \(AnswerValue.format(m))"
        case .invalidDate: return q.type == .date ? "a full date YYYY-MM-DD is needed" : "a month YYYY-MM is needed"
        case .unknownOption(let o):
            let known = q.type == .yesNo ? "yes, no" : q.options.map(\.id).joined(separator: ", ")
            return "'\(Sanitize.singleLine(o))' is not an option (options: \(known))"
        case .specialNotOffered(let s): return "'\(s.rawValue)' is not offered on this question"
        case .wrongKind: return "the answer has the wrong form for a \(q.type.rawValue) question"
        case .constraint(let m): return m?.text ?? "the answer is not accepted"
        case .empty: return "the answer is empty"
        }
    }
}

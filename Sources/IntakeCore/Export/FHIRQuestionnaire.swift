import Foundation

/// A questionnaire as a FHIR R4 `Questionnaire` resource (issue 18), so a
/// clinic can file a screening in its health record: sections become
/// `group` items, questions items of the matching type, guidance a `help`
/// display item, `relevant` an `enableWhen` where FHIR can say it, and
/// every translated string a FHIR `translation` extension. Link ids are the
/// question ids; a section's group is `section/<id>`, guidance `<id>/help`.
///
/// Answers are codings in `FHIRQuestionnaire.answerSystem` (option ids, and
/// `yes`/`no`); "don't know" and "prefers not to answer" are codings in
/// `specialSystem`, offered where the question offers them. A `relevant`
/// that `enableWhen` cannot express (counts, scores, `not`, a mix of `and`
/// and `or`) is kept as the extension `relevantExtension` with intake's
/// own condition text, and the item is enabled; a FHIR form filler then
/// asks it always, which shows more questions, never fewer.
public enum FHIRQuestionnaire {
    public static let answerSystem = "urn:intake:answer"
    public static let specialSystem = "urn:intake:special-answer"
    public static let relevantExtension = "urn:intake:relevant"
    static let translationExtension = "http://hl7.org/fhir/StructureDefinition/translation"
    static let itemControl = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl"
    static let itemControlSystem = "http://hl7.org/fhir/questionnaire-item-control"

    /// The canonical URL of a questionnaire (a URN: intake publishes none).
    public static func url(_ q: Questionnaire) -> String { "urn:intake:questionnaire:\(q.id)" }

    /// The resource as JSON (sorted keys, pretty-printed). `translations`:
    /// the languages to include; strings they do not translate are left out.
    public static func json(_ q: Questionnaire, translations: [any Translating] = []) -> String {
        encode(resource(q, translations: translations))
    }

    /// A resource as pretty-printed JSON with sorted keys and a final newline.
    static func encode(_ object: [String: Any]) -> String {
        // Objects made only of strings, numbers, booleans, arrays and
        // dictionaries: serialization cannot fail.
        let data = (try? JSONSerialization.data(withJSONObject: object,
                                                options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The resource as JSON objects.
    public static func resource(_ q: Questionnaire, translations: [any Translating] = []) -> [String: Any] {
        var builder = Builder(q: q, translations: translations)
        var r: [String: Any] = [
            "resourceType": "Questionnaire",
            "id": q.id,
            "url": url(q),
            "version": q.version,
            "name": name(q.id),
            "status": "active",
            "language": q.language,
            "identifier": [["system": "urn:ietf:rfc:3986", "value": "urn:sha256:\(q.contentHash)"]],
            "item": q.sections.map { builder.group($0) },
        ]
        builder.put(q.title, "title", into: &r)
        if let d = q.description { builder.put(d, "description", into: &r) }
        return r
    }

    /// A computer-friendly name: FHIR wants `[A-Z]([A-Za-z0-9_]){0,254}`.
    static func name(_ id: String) -> String {
        let words = id.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        let joined = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return joined.first?.isLetter == true ? joined : "Q" + joined
    }

    struct Builder {
        let q: Questionnaire
        let translations: [any Translating]

        /// Puts `text` at `key` with its translations at `_key`.
        func put(_ text: SourceText, _ key: String, into object: inout [String: Any]) {
            object[key] = text.text
            let ext = translationExtensions(key: text.key, source: text.text)
            if !ext.isEmpty { object["_" + key] = ["extension": ext] }
        }

        func translationExtensions(key: String, source: String) -> [[String: Any]] {
            translations.compactMap { tr in
                let t = tr.translate(key: key, source: source)
                guard !t.isFallback, tr.language != q.language else { return nil }
                return ["url": FHIRQuestionnaire.translationExtension,
                        "extension": [["url": "lang", "valueCode": tr.language],
                                      ["url": "content", "valueString": Sanitize.multiLine(t.text)]]]
            }
        }

        mutating func group(_ s: Section) -> [String: Any] {
            // Section and question ids may coincide; ids have no "/".
            var item: [String: Any] = ["linkId": "section/\(s.id)", "type": "group"]
            put(s.title, "text", into: &item)
            var children: [[String: Any]] = []
            if let intro = s.intro { children.append(display(intro, linkId: "section/\(s.id)/intro")) }
            children += s.questions.map { question($0) }
            item["item"] = children
            relevance(s.relevant, into: &item)
            return item
        }

        func display(_ text: SourceText, linkId: String) -> [String: Any] {
            var item: [String: Any] = ["linkId": linkId, "type": "display"]
            put(text, "text", into: &item)
            return item
        }

        mutating func question(_ question: Question) -> [String: Any] {
            var item: [String: Any] = ["linkId": question.id]
            put(question.text, "text", into: &item)
            switch question.type {
            case .yesNo, .single: item["type"] = "choice"
            case .multiple: item["type"] = "choice"; item["repeats"] = true
            case .number: item["type"] = question.integer ? "integer" : "decimal"
            case .date, .monthYear: item["type"] = "date"   // FHIR dates may be partial: YYYY-MM
            case .text: item["type"] = question.multiline ? "text" : "string"
            case .note: item["type"] = "display"
            }
            if question.type.hasOptions {
                var options = question.type == .yesNo
                    ? [option(UIString.yes.rawValue, UIString.yes), option(UIString.no.rawValue, UIString.no)]
                    : question.options.map { o -> [String: Any] in
                        var coding: [String: Any] = ["system": FHIRQuestionnaire.answerSystem, "code": o.id]
                        put(o.text, "display", into: &coding)
                        return ["valueCoding": coding]
                    }
                for s in question.special {
                    options.append(special(s))
                }
                item["answerOption"] = options
            }
            if case .bool(true)? = question.required?.root { item["required"] = true }
            relevance(question.relevant, into: &item)
            var children: [[String: Any]] = []
            if let g = question.guidance {
                var help = display(g, linkId: "\(question.id)/help")
                help["extension"] = [["url": FHIRQuestionnaire.itemControl,
                                      "valueCodeableConcept": ["coding": [["system": FHIRQuestionnaire.itemControlSystem, "code": "help"]]]]]
                children.append(help)
            }
            if !children.isEmpty { item["item"] = children }
            return item
        }

        func option(_ code: String, _ label: UIString) -> [String: Any] {
            var coding: [String: Any] = ["system": FHIRQuestionnaire.answerSystem, "code": code, "display": label.source]
            let ext = translationExtensions(key: label.key, source: label.source)
            if !ext.isEmpty { coding["_display"] = ["extension": ext] }
            return ["valueCoding": coding]
        }

        func special(_ s: SpecialAnswer) -> [String: Any] {
            let label: UIString = s == .dontKnow ? .dontKnow : .declined
            var o = option(s.rawValue, label)
            if var coding = o["valueCoding"] as? [String: Any] {
                coding["system"] = FHIRQuestionnaire.specialSystem
                o["valueCoding"] = coding
            }
            return o
        }

        /// `enableWhen` for what FHIR can say; otherwise intake's condition
        /// as an extension, and the item stays enabled.
        func relevance(_ c: Condition?, into item: inout [String: Any]) {
            guard let c else { return }
            if let (whens, behavior) = EnableWhen.translate(c.root, in: q) {
                item["enableWhen"] = whens
                if whens.count > 1 { item["enableBehavior"] = behavior }
            } else {
                var ext = item["extension"] as? [[String: Any]] ?? []
                ext.append(["url": FHIRQuestionnaire.relevantExtension, "valueString": c.source])
                item["extension"] = ext
            }
        }
    }
}

/// The part of intake's conditions that FHIR's `enableWhen` can express:
/// an answer equal (or not) to an option, a multiple-choice answer holding
/// an option, whether a question was answered, and one level of `and` or
/// `or` over those.
enum EnableWhen {
    static func translate(_ node: ConditionNode, in q: Questionnaire) -> (whens: [[String: Any]], behavior: String)? {
        switch node {
        case .and(let xs):
            // Each part one entry: a `has any` of several inside `and`
            // would need a nested `or`, which enableWhen has not.
            let parts = xs.map { single($0, in: q) }
            guard parts.allSatisfy({ $0?.count == 1 }) else { return nil }
            return (parts.flatMap { $0! }, "all")
        case .or(let xs):
            let parts = xs.map { single($0, in: q) }
            guard parts.allSatisfy({ $0 != nil }) else { return nil }
            return (parts.flatMap { $0! }, "any")
        default:
            guard let whens = single(node, in: q) else { return nil }
            // `has any [a, b]` is several conditions of which one is enough.
            return (whens, "any")
        }
    }

    /// One condition as enableWhen entries (several only for `has any`).
    static func single(_ node: ConditionNode, in q: Questionnaire) -> [[String: Any]]? {
        switch node {
        case .compare(let op, .answer(let id), let value) where op == .eq || op == .ne:
            guard let coding = coding(value, of: id, in: q) else { return nil }
            return [["question": id, "operator": op == .eq ? "=" : "!=", "answerCoding": coding]]
        case .has(.answer(let id), let values, let any) where values.count == 1 || any:
            let codings = values.map { coding($0, of: id, in: q) }
            guard codings.allSatisfy({ $0 != nil }), !(values.count > 1 && !any) else { return nil }
            return codings.map { ["question": id, "operator": "=", "answerCoding": $0!] }
        case .answered(let id):
            return [["question": id, "operator": "exists", "answerBoolean": true]]
        case .not(.answered(let id)):
            return [["question": id, "operator": "exists", "answerBoolean": false]]
        default:
            return nil
        }
    }

    static func coding(_ value: ConditionNode, of question: String, in q: Questionnaire) -> [String: Any]? {
        guard q.question(question) != nil else { return nil }
        switch value {
        case .option(let id): return ["system": FHIRQuestionnaire.answerSystem, "code": id]
        case .special(let s): return ["system": FHIRQuestionnaire.specialSystem, "code": s.rawValue]
        default: return nil
        }
    }
}

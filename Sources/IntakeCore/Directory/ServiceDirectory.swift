import Yams

/// An organisation's list of services to refer people to: a YAML file
/// (docs/directory-format.md). Loaded from text; the `intake` target reads
/// the file. Every string is cleaned of control characters when loaded.
public struct ServiceDirectory: Sendable, Equatable {
    /// The file it came from, for messages.
    public var path: String
    /// A directory of made-up services for training and examples: the
    /// summary marks each of its services "(fictional example)".
    public var fictional: Bool
    public var services: [Service]

    public init(path: String, fictional: Bool = false, services: [Service]) {
        self.path = path
        self.fictional = fictional
        self.services = services
    }

    /// Referral ids of the bundled questionnaires, plus `emergency` and
    /// `hotline` (shown under an urgent summary).
    public static let categories = [
        "immigration_legal", "crime_victim_help", "shelter_housing", "medical", "mental_health", "labor_rights",
        "family_safety", "benefits", "interpretation", "child_services", "criminal_record_relief",
        "emergency", "hotline",
    ]
    /// The categories listed under an urgent summary, in this order.
    public static let urgentCategories = ["emergency", "hotline"]

    public struct Eligibility: Sendable, Equatable {
        public var minAge: Int?
        public var maxAge: Int?
        /// Free text, as the service states it ("women", "any").
        public var gender: String?
        public var noImmigrationStatusRequired: Bool?
        /// Free text ("free", "sliding scale").
        public var cost: String?

        public init(minAge: Int? = nil, maxAge: Int? = nil, gender: String? = nil,
                    noImmigrationStatusRequired: Bool? = nil, cost: String? = nil) {
            self.minAge = minAge
            self.maxAge = maxAge
            self.gender = gender
            self.noImmigrationStatusRequired = noImmigrationStatusRequired
            self.cost = cost
        }
    }

    /// When an entry's contact details were last checked against its source.
    public enum Checked: Sendable, Equatable {
        case never
        case on(year: Int, month: Int, day: Int)
    }

    public struct Service: Sendable, Equatable {
        public var category: String
        public var name: String
        public var phone: String?
        /// A number that takes text messages.
        public var textLine: String?
        public var address: String?
        /// BCP-47 tags, in the file's order.
        public var languages: [String]
        public var hours: String?
        public var eligibility: Eligibility?
        public var notes: String?
        /// The public page the contact details came from.
        public var source: String?
        public var checked: Checked?

        public init(category: String, name: String, phone: String? = nil, textLine: String? = nil, address: String? = nil,
                    languages: [String] = [], hours: String? = nil, eligibility: Eligibility? = nil, notes: String? = nil,
                    source: String? = nil, checked: Checked? = nil) {
            self.category = category
            self.name = name
            self.phone = phone
            self.textLine = textLine
            self.address = address
            self.languages = languages
            self.hours = hours
            self.eligibility = eligibility
            self.notes = notes
            self.source = source
            self.checked = checked
        }
    }
}

extension ServiceDirectory {
    static let directoryKeys = ["fictional", "services"]
    static let serviceKeys = ["category", "name", "phone", "text", "address", "languages", "hours", "eligibility",
                              "notes", "source", "checked"]
    static let eligibilityKeys = ["min_age", "max_age", "gender", "no_immigration_status_required", "cost"]

    /// Reads a directory. `today` (the caller's date) makes entries not
    /// checked within a year a warning; nil skips that check. The directory
    /// is nil when there is any error.
    public static func load(text: String, path: String, today: (year: Int, month: Int, day: Int)?) -> (ServiceDirectory?, [Diagnostic]) {
        var diags = DiagnosticBag()
        let root: Node
        switch YAMLDocument.parse(text: text, path: path) {
        case .failure(let d): return (nil, [d])
        case .success(let n): root = n
        }
        guard var top = MapReader(root, path: path, what: "the service directory", diags: &diags) else {
            return (nil, diags.sorted)
        }
        let fictional = top.bool("fictional", diags: &diags) ?? false
        var services: [Service] = []
        if let list = top.list("services", diags: &diags) {
            for node in list {
                if let s = service(node, path: path, fictional: fictional, today: today, diags: &diags) { services.append(s) }
            }
        } else if !top.has("services") {
            diags.error(top.location, "the service directory is missing 'services' (a list)")
        }
        top.finish(known: directoryKeys, diags: &diags)
        let sorted = diags.sorted
        return (diags.hasErrors ? nil : ServiceDirectory(path: path, fictional: fictional, services: services), sorted)
    }

    private static func service(_ node: Node, path: String, fictional: Bool, today: (year: Int, month: Int, day: Int)?,
                                diags: inout DiagnosticBag) -> Service? {
        let nameHint: String = {
            if case .mapping(let m) = node, let n = m["name"]?.string { return "service '\(Sanitize.singleLine(n))'" }
            return "a service"
        }()
        guard var r = MapReader(node, path: path, what: nameHint, diags: &diags) else { return nil }
        let before = diags.errors.count
        let name = r.string("name", required: true, diags: &diags)?.0
        var category: String?
        if let (c, loc) = r.string("category", required: true, diags: &diags) {
            if categories.contains(c) { category = c } else {
                var m = "unknown category '\(Sanitize.singleLine(c))'"
                // "shelter" for shelter_housing: a typo, or the start of the name.
                if let s = Suggest.closest(to: c, in: categories) ?? categories.first(where: { c.count >= 3 && $0.hasPrefix(c.lowercased()) }) {
                    m += "; did you mean '\(s)'?"
                }
                else { m += " (known: \(categories.joined(separator: ", ")))" }
                diags.error(loc, m)
            }
        }
        func phoneNumber(_ key: String) -> String? {
            guard let (p, loc) = r.string(key, diags: &diags) else { return nil }
            let allowed = Set("0123456789 +-().")
            if p.allSatisfy({ allowed.contains($0) }), p.filter(\.isNumber).count >= 3 { return p }
            diags.error(loc, "'\(Sanitize.singleLine(p))' is not a phone number (digits, spaces, + - ( ) . only, at least 3 digits)")
            return nil
        }
        let phone = phoneNumber("phone")
        let textLine = phoneNumber("text")
        func text(_ key: String) -> String? { r.string(key, diags: &diags).map { Sanitize.singleLine($0.0) } }
        let address = text("address")
        var languages: [String] = []
        for n in r.list("languages", allowSingle: true, diags: &diags) ?? [] {
            guard let (tag, loc) = MapReader.scalar(n, key: "languages", what: nameHint, path: path, diags: &diags) else { continue }
            if LanguageTag.isValid(tag) { languages.append(tag) } else {
                diags.error(loc, "'\(Sanitize.singleLine(tag))' is not a BCP-47 language tag (such as es, zh-Hans, pt-BR)")
            }
        }
        let hours = text("hours")
        var eligibility: Eligibility?
        if let e = r.value("eligibility"), var er = MapReader(e, path: path, what: "the eligibility of \(nameHint)", diags: &diags) {
            var el = Eligibility()
            func age(_ key: String) -> Int? {
                guard let v = er.number(key, diags: &diags) else { return nil }
                guard v >= 0, v <= 130, v == v.rounded() else {
                    diags.error(er.keyLocation(key), "'\(key)' must be a whole number of years")
                    return nil
                }
                return Int(v)
            }
            el.minAge = age("min_age")
            el.maxAge = age("max_age")
            el.gender = er.string("gender", diags: &diags).map { Sanitize.singleLine($0.0) }
            el.noImmigrationStatusRequired = er.bool("no_immigration_status_required", diags: &diags)
            el.cost = er.string("cost", diags: &diags).map { Sanitize.singleLine($0.0) }
            er.finish(known: eligibilityKeys, diags: &diags)
            eligibility = el
        }
        let notes = r.string("notes", diags: &diags).map { Sanitize.multiLine($0.0).trimmingWhitespace() }
        let source = text("source")
        var checked: Checked?
        var checkedLocation = r.location
        if let (c, loc) = r.string("checked", diags: &diags) {
            checkedLocation = loc
            if c == "never" { checked = .never } else if let d = date(c) { checked = d } else {
                diags.error(loc, "'checked' must be a date (YYYY-MM-DD) or never, not '\(Sanitize.singleLine(c))'")
            }
        }
        if phone == nil, textLine == nil, address == nil, !r.has("phone"), !r.has("text"), !r.has("address") {
            diags.error(r.location, "\(nameHint) needs a phone, text or address")
        }
        r.finish(known: serviceKeys, diags: &diags)
        guard diags.errors.count == before, let name, let category else { return nil }

        // Fictional entries have no real number to verify.
        if !fictional, let today {
            let label = "'\(Sanitize.singleLine(name))'"
            let number = phone ?? textLine ?? address ?? ""
            let tail = "; check \(Sanitize.singleLine(number)) against its source"
            switch checked {
            case .never:
                diags.warning(checkedLocation, "\(label) has never been checked" + tail)
            case .on(let y, let m, let d):
                if dayNumber(y, m, d) < dayNumber(today.year - 1, today.month, today.day) {
                    diags.warning(checkedLocation, "\(label) was last checked on \(c4(y))-\(c2(m))-\(c2(d)), more than a year ago" + tail)
                }
            case nil:
                diags.warning(r.location, "\(label) has no 'checked' date" + tail)
            }
        }
        return Service(category: category, name: Sanitize.singleLine(name), phone: phone, textLine: textLine, address: address,
                       languages: languages, hours: hours, eligibility: eligibility, notes: notes, source: source, checked: checked)
    }

    private static func c2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    private static func c4(_ n: Int) -> String { String(repeating: "0", count: max(0, 4 - String(n).count)) + String(n) }

    /// `YYYY-MM-DD`, a real calendar day.
    static func date(_ s: String) -> Checked? {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m) else { return nil }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        guard (1...days).contains(d) else { return nil }
        return .on(year: y, month: m, day: d)
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    static func dayNumber(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }
}

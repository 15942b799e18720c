extension Questionnaire {
    /// Every translatable text of the questionnaire, in file order.
    public var sourceTexts: [SourceText] {
        var out: [SourceText] = [title]
        out += [description, intro, endMessage].compactMap { $0 }
        for d in domains { out.append(d.title) }
        for s in sections {
            out.append(s.title)
            out += [s.intro, s.contentNote].compactMap { $0 }
            for q in s.questions {
                out.append(q.text)
                out += [q.guidance, q.constraintMessage, q.endMessage].compactMap { $0 }
                out += q.options.map(\.text)
            }
        }
        out += indicators.compactMap(\.why)
        out += result.overrides.map(\.reason)
        for r in referrals { out += [r.title, r.reason] }
        for r in resources { out += [r.title, r.text] }
        return out.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
    }
}

/// The translation template: the interface strings and every string of the
/// given questionnaires, as gettext template entries. The interface strings
/// are declared in several modules; the place that sees them all composes
/// the list (`InterfaceStrings` in IntakeApp).
public enum TranslationTemplate {
    public static func entries(interface: [UIString], plurals: [UIPlural] = UIPlural.allCases,
                               questionnaires: [Questionnaire]) -> [TemplateEntry] {
        var out: [TemplateEntry] = interface.map {
            TemplateEntry(key: $0.key, source: $0.source, note: $0.note, reference: $0.reference)
        }
        out += plurals.map {
            TemplateEntry(key: $0.key, source: $0.source, sourcePlural: $0.plural, note: $0.note, reference: $0.reference)
        }
        for q in questionnaires.sorted(by: { $0.id < $1.id }) {
            for t in q.sourceTexts {
                // The file without a line number: the key says where in it,
                // and a line number would change every entry below a change.
                out.append(TemplateEntry(key: t.key, source: t.text, note: t.note, reference: t.location.file))
            }
        }
        return out
    }
}

extension Catalog: Translating {
    public func translate(key: String, source: String) -> Translated {
        let t = text(key: key, source: source)
        return Translated(text: t.text, isFallback: t.isFallback)
    }

    public func translatePlural(key: String, source: String, sourcePlural: String, count: Int) -> Translated {
        let t = plural(key: key, source: source, sourcePlural: sourcePlural, count: count)
        return Translated(text: t.text, isFallback: t.isFallback)
    }
}

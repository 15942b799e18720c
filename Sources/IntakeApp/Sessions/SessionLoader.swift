import Foundation
import IntakeCore
import IntakeStore

/// Loading a stored session against the current questionnaire.
public struct SessionLoader {
    /// The session's header as recorded (languages, who screened and where).
    public var header: InterviewHeader
    public var interview: Interview
    public var events: [TimedEvent]
    public var change: QuestionnaireChange?
    public var location: DataLocation

    /// The session with this id, rebuilt on the questionnaire in the data
    /// folder (`location` is found after the session is read).
    public static func load(store: SessionStore, id: SessionID,
                            location: @autoclosure () throws -> DataLocation) throws -> SessionLoader {
        let (header, events) = try InterviewCodec.load(store, session: id)
        let loc = try location()
        let q = try loc.questionnaire(id: header.questionnaireID)
        let r = InterviewCodec.resume(header: header, events: events, questionnaire: q)
        return SessionLoader(header: header, interview: r.interview, events: r.events, change: r.change, location: loc)
    }

    /// The advocate's language (or `language`) for this session's questionnaire.
    public func translator(_ language: String? = nil) throws -> any Translating {
        try CatalogCache(locales: location.locales).translator(language ?? interview.advocateLanguage,
                                                             source: interview.questionnaire.language)
    }

    public static func describe(_ c: QuestionnaireChange) -> String {
        var s = "The questionnaire changed since this session began (version \(c.oldVersion) -> \(c.newVersion)). \(c.carriedOver) answers were carried over by question id."
        if !c.dropped.isEmpty { s += " Not carried over: \(c.dropped.joined(separator: ", "))." }
        return s
    }

    /// The session whose id starts with `text` (at least 4 characters, one match).
    public static func sessionID(_ text: String, in store: SessionStore) throws -> SessionID {
        // A unique prefix of the id is enough, as with git.
        let matches = try store.list().filter { $0.id.string.hasPrefix(text.lowercased()) }
        guard matches.count == 1, text.count >= 4 else {
            printError(matches.isEmpty ? "intake: no session \(Sanitize.singleLine(text))"
                                       : "intake: '\(Sanitize.singleLine(text))' matches several sessions; give more of the id")
            throw Failure.failed
        }
        return matches[0].id
    }
}

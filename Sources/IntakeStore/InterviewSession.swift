import Foundation
import IntakeCore

/// The sealed header of an interview session: what is needed to resume it.
public struct InterviewHeader: Codable, Sendable, Equatable {
    public var questionnaireID: String
    public var questionnaireVersion: String
    public var questionnaireHash: String
    public var intervieweeLanguage: String
    public var advocateLanguage: String
    /// Who screened, and where, from the organisation config (and
    /// `--screener`) when the interview began; absent in records written
    /// before they were kept. The summary's header shows them wherever the
    /// record is opened.
    public var organisation: String? = nil
    public var setting: String? = nil
    public var screener: String? = nil

    public init(questionnaireID: String, questionnaireVersion: String, questionnaireHash: String,
                intervieweeLanguage: String, advocateLanguage: String) {
        self.questionnaireID = questionnaireID
        self.questionnaireVersion = questionnaireVersion
        self.questionnaireHash = questionnaireHash
        self.intervieweeLanguage = intervieweeLanguage
        self.advocateLanguage = advocateLanguage
    }
}

/// An interview event as stored: the event and when it happened.
public struct TimedEvent: Sendable, Equatable {
    public var event: InterviewEvent
    public var at: Date
    public init(event: InterviewEvent, at: Date) {
        self.event = event
        self.at = at
    }
}

/// What changed in the questionnaire since a session began, found on resume.
public struct QuestionnaireChange: Sendable, Equatable {
    public var oldVersion: String
    public var newVersion: String
    /// Answers carried over by question id.
    public var carriedOver: Int
    /// Answers dropped: their question is gone, or the answer no longer fits it.
    public var dropped: [String]
}

/// A resumed session: the rebuilt interview and what changed.
public struct ResumedInterview: Sendable {
    public var interview: Interview
    public var events: [TimedEvent]
    public var change: QuestionnaireChange?
}

/// Encoding of interview events for the store, and rebuilding interviews
/// from stored events.
public enum InterviewCodec {
    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }()

    public static func encode(_ event: InterviewEvent) -> Data {
        // Encoding a value type made only of strings and numbers cannot fail.
        (try? encoder.encode(event)) ?? Data()
    }

    public static func decode(_ data: Data) throws -> InterviewEvent {
        try JSONDecoder().decode(InterviewEvent.self, from: data)
    }

    public static func encode(_ header: InterviewHeader) -> Data {
        (try? encoder.encode(header)) ?? Data()
    }

    public static func decodeHeader(_ data: Data) throws -> InterviewHeader {
        try JSONDecoder().decode(InterviewHeader.self, from: data)
    }

    /// Reads a session's header and events.
    public static func load(_ store: SessionStore, session: SessionID) throws -> (InterviewHeader, [TimedEvent]) {
        let header = try decodeHeader(try store.header(session: session))
        let events = try store.events(session: session).map { TimedEvent(event: try decode($0.payload), at: $0.at) }
        return (header, events)
    }

    /// Reads the header and events carried in an export (e.g. an opened sealed file).
    public static func load(_ export: SessionExport) throws -> (InterviewHeader, [TimedEvent]) {
        do {
            let header = try decodeHeader(export.header)
            let events = try export.events.map { TimedEvent(event: try decode($0.payload), at: $0.at) }
            return (header, events)
        } catch {
            throw StoreError.sealedExport("its interview record cannot be read")
        }
    }

    /// Rebuilds the interview by applying the stored events to the current
    /// questionnaire. When the questionnaire changed, answers are carried
    /// over by question id and those that no longer fit are dropped and named.
    public static func resume(header: InterviewHeader, events: [TimedEvent], questionnaire: Questionnaire) -> ResumedInterview {
        var interview = Interview(questionnaire: questionnaire, intervieweeLanguage: header.intervieweeLanguage,
                                  advocateLanguage: header.advocateLanguage)
        var dropped: [String] = []
        var given = Set<String>()
        for e in events {
            if case .answered(let oldID, let value) = e.event {
                given.insert(oldID)
                let current: Question?
                var name = oldID
                switch questionnaire.historicQuestion(oldID) {
                case .current(let id): current = questionnaire.question(id)
                case .removed(let version):
                    current = nil
                    name = "\(oldID) (removed in \(version))"
                case .unknown: current = nil
                }
                guard let q = current, Interview.checkForm(value, for: q) == nil else {
                    if !dropped.contains(name) { dropped.append(name) }
                    continue
                }
                dropped.removeAll { $0 == name }
            }
            interview.apply(e.event, at: e.at)
        }
        var change: QuestionnaireChange?
        if header.questionnaireHash != questionnaire.contentHash {
            change = QuestionnaireChange(oldVersion: header.questionnaireVersion, newVersion: questionnaire.version,
                                         carriedOver: interview.answers.count, dropped: dropped)
        }
        return ResumedInterview(interview: interview, events: events, change: change)
    }
}

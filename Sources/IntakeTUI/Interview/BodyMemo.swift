import IntakeCore
import Synchronization

/// Everything the part of a question's body around its answer is made
/// from: the question, the interview and the translators by their
/// revisions (see `Revision`), the settings that part shows, and how it is
/// laid out. Two keys that match make the same lines (`BodyMemoTests`
/// walks seeded interviews and compares every frame's body with one made
/// without the memo).
struct QuestionPartsKey: Sendable, Equatable {
    let question: String
    let interview: UInt64
    let languages: UInt64
    let width: Int
    let reorders: Bool
    let guidance: Bool
    let dual: Bool
    let explain: Bool

    init(_ question: String, _ m: InterviewModel, _ iv: Interview, _ b: Body) {
        self.question = question
        interview = iv.revision
        languages = m.languagesRevision
        width = b.width
        reorders = b.reordersRightToLeft
        guidance = m.showGuidance
        dual = m.showDual
        explain = m.mode.isTraining && m.showExplain
    }
}

/// The lines above and below the answer of the last question laid out,
/// kept for the next frames. A key that moves the highlight, checks an
/// option or types a letter changes only the answer's part; building the
/// rest again (translations, placeholders, hashing each paragraph for the
/// layout cache) was most of a frame (bench/README.md, "Issue 19, round 4:
/// keystrokes"). One per app, like its caches.
final class BodyMemo: Sendable {
    typealias Parts = (head: [BodyLine], tail: [BodyLine])
    private let last = Mutex<(key: QuestionPartsKey, parts: Parts)?>(nil)
    /// Lookups answered from the memo and parts built, for the tests.
    private let counts = Mutex<(hits: Int, builds: Int)>((0, 0))

    func parts(_ key: QuestionPartsKey, make: () -> Parts) -> Parts {
        if let hit = last.withLock({ $0.flatMap { $0.key == key ? $0.parts : nil } }) {
            counts.withLock { $0.hits += 1 }
            return hit
        }
        let parts = make()
        last.withLock { $0 = (key, parts) }
        counts.withLock { $0.builds += 1 }
        return parts
    }

    var hits: Int { counts.withLock { $0.hits } }
    var builds: Int { counts.withLock { $0.builds } }
}

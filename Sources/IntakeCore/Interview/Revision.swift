import Synchronization

/// Numbers that are never handed out twice in a run. A value that takes a
/// new revision at every change can be recognised as unchanged by its
/// revision alone: two copies with the same revision hold the same state,
/// whatever happened to other copies since (each change draws a number no
/// other change has drawn). The interview screen keeps the last question
/// body it laid out by such revisions (see `BodyMemo` in IntakeTUI).
public enum Revision {
    private static let counter = Atomic<UInt64>(0)

    /// A revision no earlier call returned.
    public static func next() -> UInt64 {
        counter.add(1, ordering: .relaxed).newValue
    }
}

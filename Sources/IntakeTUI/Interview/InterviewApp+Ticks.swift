extension InterviewApp {
    /// Ticks matter only to what changes with time: the hidden screen's
    /// progress figure, a failed save (retried on each tick) and a demo's
    /// autoplay (see `tick`). Otherwise an idle interview is left alone:
    /// no ticks, no frames.
    public func needsTicks(_ m: InterviewModel) -> Bool {
        if m.hiding != nil { return true }
        if case .failed = m.saveState { return true }
        if case .demo(_, _?) = m.mode { return true }
        return false
    }
}

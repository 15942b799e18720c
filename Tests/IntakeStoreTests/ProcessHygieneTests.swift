import CProcessHygiene
import Foundation
import Testing
@testable import IntakeStore

@Suite struct ProcessHygieneTests {
    @Test func afterApplyNoCoreDumpIsPossibleAndSIGXFSZIsIgnored() {
        ProcessHygiene.apply()
        var limit = rlimit()
        #expect(getrlimit(Int32(RLIMIT_CORE.rawValue), &limit) == 0)
        #expect(limit.rlim_cur == 0)
        #expect(limit.rlim_max == 0)
        #if os(Linux)
        #expect(intake_get_dumpable() == 0)
        #endif
        var action = sigaction()
        #expect(sigaction(SIGXFSZ, nil, &action) == 0)
        #expect(unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self) == 1)  // SIG_IGN
    }
}

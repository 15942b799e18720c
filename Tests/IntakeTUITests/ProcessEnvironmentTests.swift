import Foundation
import Testing
@testable import IntakeTUI

/// `ProcessEnvironment` reads variables with `getenv` instead of building
/// Foundation's dictionary of the whole environment; it must give what that
/// dictionary gives.
@Suite(.serialized) struct ProcessEnvironmentTests {
    @Test func aSetVariableIsReadAndAnUnsetOneIsNil() {
        let name = "INTAKE_TEST_PROCESS_ENVIRONMENT_\(getpid())"
        setenv(name, "a value with spaces = and ü", 1)
        #expect(ProcessEnvironment.value(name) == "a value with spaces = and ü")
        #expect(ProcessEnvironment.variables([name, name + "_UNSET"]) == [name: "a value with spaces = and ü"])
        setenv(name, "", 1)
        #expect(ProcessEnvironment.value(name) == "")
        unsetenv(name)
        #expect(ProcessEnvironment.value(name) == nil)
        #expect(ProcessEnvironment.variables([name]) == [:])
    }

    /// The general path (Foundation's dictionary) and this one agree on every
    /// variable the process has, and on the ones the start path asks for.
    @Test func agreesWithFoundationsDictionary() {
        let all = ProcessInfo.processInfo.environment
        let names = Array(all.keys) + ["TERM", "NO_COLOR", "HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME",
                                       "INTAKE_DATA_DIR", "INTAKE_ORG", "INTAKE_ORG_CONFIG", "INTAKE_BIDI"]
        #expect(ProcessEnvironment.variables(names) == all.filter { names.contains($0.key) })
        for name in names { #expect(ProcessEnvironment.value(name) == all[name]) }
    }
}

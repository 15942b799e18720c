import ArgumentParser
import IntakeTestSupport
import Testing
@testable import intake

/// `RunFastPath` reads `intake run`'s arguments as ArgumentParser does, or
/// leaves them to it.
@Suite struct RunFastPathTests {
    static let valueNames = RunFastPath.valueOptions.keys.sorted()
    static let flagNames = RunFastPath.flags.keys.sorted()
    /// Names that are not run's, or not whole, or not options at all.
    static let otherNames = ["help", "version", "data", "org-conf", "ephemera", "verbose", "format", "answers"]
    static let values = ["x", "dir/with space", "zh_Hans", "zh-hans", "ES", "es", "-x", "", "--ephemeral", "run",
                         "validate", "ärger", "a=b", "中文", "trafficking-screening", "/tmp/store", "1234abcd"]

    /// A random argument list: sometimes `run` first, then a few options of
    /// every kind in every spelling, now and then something else.
    static func arguments(seed: UInt64) -> [String] {
        var rng = SplitMix64(seed: seed)
        func pick<T>(_ xs: [T]) -> T { xs[Int.random(in: 0..<xs.count, using: &rng)] }
        var args: [String] = []
        switch Int.random(in: 0..<20, using: &rng) {
        case 0: args.append("validate")
        case 1...9: args.append("run")
        default: break
        }
        for _ in 0..<Int.random(in: 0...6, using: &rng) {
            switch Int.random(in: 0..<20, using: &rng) {
            case 0..<8:
                let name = pick(valueNames)
                if Bool.random(using: &rng) { args.append("--\(name)=\(pick(values))") } else {
                    args.append("--\(name)")
                    if Int.random(in: 0..<8, using: &rng) > 0 { args.append(pick(values)) }
                }
            case 8..<16:
                let name = pick(flagNames)
                args.append(Int.random(in: 0..<10, using: &rng) == 0 ? "--\(name)=\(pick(values))" : "--\(name)")
            case 16, 17: args.append("--\(pick(otherNames))")
            default: args.append(pick(["-h", "--", "x", "-e", "run", "--help"]))
            }
        }
        return args
    }

    /// What ArgumentParser makes of `args`: run's values, or nil when it
    /// refuses them or runs another command.
    static func argumentParser(_ args: [String]) -> RunValues? {
        (try? Intake.parseAsRoot(args) as? RunCommand)?.values
    }

    @Test(arguments: 0..<10)
    func theFastPathAgreesWithArgumentParserOnGeneratedArguments(batch: Int) {
        var taken = 0, parsed = 0
        for k in 0..<200 {
            let args = Self.arguments(seed: UInt64(batch * 200 + k))
            let expected = Self.argumentParser(args)
            if expected != nil { parsed += 1 }
            guard let fast = RunFastPath.parse(args) else { continue }
            taken += 1
            #expect(fast == expected, "\(args)")
        }
        // The comparison is not empty: the fast path takes most lists that
        // ArgumentParser reads as run's.
        #expect(parsed >= 40 && taken * 2 >= parsed, "taken \(taken) of \(parsed)")
    }

    @Test func theBenchmarksAndPlainRunAreTaken() {
        #expect(RunFastPath.parse([]) == RunValues())
        #expect(RunFastPath.parse(["run"]) == RunValues())
        #expect(RunFastPath.parse(["run", "--first-frame-only", "--ephemeral", "--data-dir", "/d"])
                == RunValues(dataDir: "/d", ephemeral: true, firstFrameOnly: true))
        #expect(RunFastPath.parse(["--language=zh_hans", "--org", "o.yaml", "--screener", "s1"])
                == RunValues(language: "zh-Hans", screener: "s1", orgConfig: "o.yaml"))
    }

    @Test func whatItLeavesToArgumentParser() {
        for args in [["--help"], ["-h"], ["run", "--help"], ["--version"], ["validate"], ["run", "--ephemeral", "--ephemeral"],
                     ["--org", "a", "--org-config", "b"], ["--data-dir"], ["--data-dir", "--ephemeral"], ["--data-dir="],
                     ["--ephemeral", "--preview"], ["--first-frame-only", "--ready-only"], ["--resume", "abcd", "--ephemeral"],
                     ["--ephemeral=yes"], ["--", "x"], ["--ephem"], ["run", "run"]] {
            #expect(RunFastPath.parse(args) == nil, "\(args)")
        }
    }
}

// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "intake",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "intake", targets: ["intake"]),
        // The collection service and its admin commands; `intake server`
        // execs it, so the interview binary never links NIO.
        .executable(name: "intake-server", targets: ["intake-server"]),
        // The HTTP client side (submit, pull); `intake sessions submit` and
        // `intake org pull` exec it, for the same reason.
        .executable(name: "intake-sync", targets: ["intake-sync"]),
        .library(name: "IntakeCore", targets: ["IntakeCore"]),
        .library(name: "IntakeApp", targets: ["IntakeApp"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // Questionnaire model, YAML loading, validation, conditions, gettext
        // catalogs, interview state machine, scoring and summaries.
        // No terminal, no curses, no global state.
        .target(
            name: "IntakeCore",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                // SHA-256 of questionnaire files (no hand-made crypto).
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // prctl(2) for ProcessHygiene (variadic C, not callable from Swift).
        .target(name: "CProcessHygiene"),
        // Sessions on disk: event log in SQLite, encrypted at rest.
        .target(
            name: "IntakeStore",
            dependencies: [
                "IntakeCore", "CProcessHygiene",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ]
        ),
        // Macros and globals of ncursesw that Swift cannot import directly.
        .systemLibrary(
            name: "CNcursesw",
            path: "Sources/CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // Elm-style terminal UI: pure update/view over an in-memory grid,
        // plus a thin ncurses backend.
        .target(
            name: "IntakeTUI",
            dependencies: ["IntakeCore", "CNcursesw"]
        ),
        // What the commands do: loading data in the background, running the
        // interview with its effects (saving, exporting, sealing), validation
        // runs, summaries, session narration. Reads and writes files and the
        // terminal; knows nothing of argument parsing.
        .target(
            name: "IntakeApp",
            dependencies: [
                "IntakeCore", "IntakeStore", "IntakeTUI", "CProcessHygiene",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The command line: argument parsing, then one call into IntakeApp.
        .executableTarget(
            name: "intake",
            dependencies: [
                "IntakeCore", "IntakeStore", "IntakeTUI", "IntakeApp",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Release builds on Linux lay the code out by use: the functions
            // an interview runs (scripts/link-order.txt, written by
            // scripts/link-order.sh from a callgrind run of the persona demo)
            // come first and together. The kernel maps 64 KiB of a binary
            // around each page it touches, so scattered code cost resident
            // memory: the demo's peak went from 28.5 to 21.4 MiB
            // (bench/README.md, "Issue 19, round 3"). A function missing from
            // the list is only placed after the listed ones. lld is what
            // takes the list (and what scripts/release-flags asks for).
            linkerSettings: [
                .unsafeFlags(["-use-ld=lld", "-Xlinker", "--symbol-ordering-file=\(Context.packageDirectory)/scripts/link-order.txt",
                              "-Xlinker", "--no-warn-symbol-ordering"],
                             .when(platforms: [.linux], configuration: .release)),
            ]
        ),
        // The collection service: Hummingbird routes over PostgreSQL, storing
        // sealed sessions it cannot read. No private key, no record content.
        .target(
            name: "IntakeServer",
            dependencies: [
                "IntakeCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "intake-server",
            dependencies: [
                "IntakeServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The device and supervisor side of collection: the outbox, submitting
        // with retries, pulling new sealed files.
        .target(
            name: "IntakeSync",
            dependencies: [
                "IntakeCore", "IntakeStore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "intake-sync",
            dependencies: [
                "IntakeSync", "IntakeCore", "IntakeStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Test and benchmark support, not installed: seals persona answer
        // files with the real sealing code, and plays many devices submitting
        // at once (tests/e2e/collection-*.test.sh, bench/collection.sh).
        .executableTarget(
            name: "intake-loadgen",
            dependencies: [
                "IntakeSync", "IntakeCore", "IntakeStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What several test targets share: the seeded generator, GNU
        // gettext's tools, the checkout's folders. Not installed.
        .target(name: "IntakeTestSupport", dependencies: ["IntakeCore"], path: "Tests/IntakeTestSupport"),
        .testTarget(name: "IntakeServerTests", dependencies: ["IntakeServer"]),
        .testTarget(name: "IntakeSyncTests", dependencies: ["IntakeSync", "IntakeTestSupport"]),
        .testTarget(name: "IntakeCoreTests", dependencies: ["IntakeCore", "IntakeTestSupport"],
                    // Golden summaries are read from the checkout, so that
                    // INTAKE_UPDATE_GOLDEN=1 can rewrite them in place.
                    exclude: ["Golden"],
                    resources: [.copy("Fixtures")]),
        // Fixtures/format-1: a store written by the format-1 code, read
        // from the checkout by the upgrade tests.
        .testTarget(name: "IntakeStoreTests", dependencies: ["IntakeStore", "CProcessHygiene", "IntakeTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "IntakeTUITests", dependencies: ["IntakeTUI", "IntakeTestSupport"], exclude: ["Golden"]),
        // Sees every module that declares interface strings, so the tests
        // that hold the bundled translations to the whole template are here.
        .testTarget(name: "IntakeAppTests", dependencies: ["IntakeApp", "IntakeStore", "IntakeTUI", "IntakeCore",
                                                           "IntakeTestSupport"]),
        // The command line's fast path for `run`, held to ArgumentParser's reading.
        .testTarget(name: "intakeTests", dependencies: [
            "intake", "IntakeTestSupport", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
    ]
)

// swift-tools-version:5.10
// The start-up floor: what a Swift program pays before intake's own work
// (bench/README.md, "Issue 19, round 12"). Not part of intake's build.
import PackageDescription
let package = Package(
    name: "floor",
    targets: [
        .systemLibrary(name: "CCurses", path: "Sources/CCurses", pkgConfig: "ncursesw"),
        .target(name: "FloorScreen", dependencies: ["CCurses"]),
        .executableTarget(name: "floor-bare", dependencies: ["FloorScreen"]),
        .executableTarget(name: "floor-essentials", dependencies: ["FloorScreen"]),
        .executableTarget(name: "floor-foundation", dependencies: ["FloorScreen"]),
    ]
)

import Foundation
import Testing
@testable import IntakeApp

/// A batch's paths worked out once for the folder give what working them
/// out for each file's URL gives (`QuestionnaireFiles.FolderPaths`).
@Suite struct FolderPathsTests {
    static let cwd = FileManager.default.currentDirectoryPath

    static let folders: [String] = [
        ".", "./", "bench", "bench/", "bench/../docs", "./a/./b", "a//b", "a/b/..", "..", "../x",
        "/", "/tmp", "/tmp/", "/tmp/x/../y", "/tmp/./x//y/", cwd, cwd + "/", cwd + "/sub/../other",
        "with space", "per%41cent", "ünï/çødé", "a/b/../../..",
    ]

    static let names: [String] = [
        "a.yaml", "00001-persona.yml", "with space.yaml", "per%2Fcent.yaml", "ünï.yaml", ".hidden.yaml", "a..yaml", "...yaml",
    ]

    @Test func theShownAndOpenedPathsAreWhatEachFilesURLGives() {
        for folder in Self.folders {
            let url = URL(fileURLWithPath: folder)
            let paths = QuestionnaireFiles.FolderPaths(url)
            for name in Self.names {
                let file = url.appendingPathComponent(name)
                #expect(paths.shown(name) == QuestionnaireFiles.displayPath(file), "\(folder) + \(name)")
                #expect(paths.path(name) == file.path, "\(folder) + \(name)")
            }
        }
    }

    @Test func writtenOutCases() {
        #expect(QuestionnaireFiles.FolderPaths(URL(fileURLWithPath: "/tmp/x/../y")).shown("a.yaml") == "/tmp/y/a.yaml")
        #expect(QuestionnaireFiles.FolderPaths(URL(fileURLWithPath: "/")).shown("a.yaml") == "/a.yaml")
        #expect(QuestionnaireFiles.FolderPaths(URL(fileURLWithPath: Self.cwd + "/bench/../docs")).shown("p.yml") == "docs/p.yml")
        #expect(QuestionnaireFiles.FolderPaths(URL(fileURLWithPath: Self.cwd)).shown("p.yml") == "p.yml")
        #expect(QuestionnaireFiles.FolderPaths(URL(fileURLWithPath: "/tmp/./x//y/")).path("b.yaml") == "/tmp/./x//y/b.yaml")
    }
}

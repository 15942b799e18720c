import Crypto
import Foundation
import IntakeCore
import IntakeStore
import Testing
@testable import IntakeApp
@testable import IntakeTUI

/// The interview's effects carried out: sessions created and saved, what is
/// reported back to the screen, exports, and what is said when saving fails.
@Suite struct InterviewEffectHandlerTests {
    static let passphrase = "correct horse battery staple"
    static let begin = InterviewEffect.begin(questionnaireID: "quick-screen", version: "1", hash: "abc",
                                             interviewee: "en", advocate: "en")
    static let clock = Date(timeIntervalSince1970: 1_800_000_000)

    func store(_ dir: URL, mode: SessionStore.AccessMode = .readWrite) throws -> SessionStore {
        try SessionStore.open(directory: dir, passphrase: Self.passphrase, create: mode == .readWrite,
                              kdf: .insecureForTesting, mode: mode)
    }

    /// Runs the effects; the reports the handler sent back, in order.
    func run(_ handler: InterviewEffectHandler, _ effects: [InterviewEffect]) -> [InterviewReport] {
        let control = RunControl<InterviewReport>()
        for e in effects { handler.handle(e, control) }
        return control.takeQueued().compactMap { if case .report(let r) = $0 { return r } else { return nil } }
    }

    @Test func aSessionIsCreatedAtTheFirstEventAndEveryEventIsSaved() throws {
        let tmp = try Scratch()
        defer { tmp.remove() }
        let s = try store(tmp.path("store"))
        let handler = InterviewEffectHandler(store: s, exportFolder: nil, now: { Self.clock })
        let reports = run(handler, [Self.begin, .record(.moved(to: .intro)), .record(.paused)])
        let id = try #require(handler.session)
        #expect(reports == [.sessionStarted(id.string), .saved, .saved, .saved])
        #expect(handler.unsaved == nil)
        let (header, events) = try InterviewCodec.load(s, session: id)
        #expect(header.questionnaireID == "quick-screen")
        #expect(events.map(\.event) == [.moved(to: .intro), .paused])
        #expect(try s.info(session: id)?.status == .unfinished)

        _ = run(handler, [.completed])
        #expect(try s.info(session: id)?.status == .finished)
        #expect(handler.completed)
    }

    @Test func endingAtConsentKeepsNothing() throws {
        let tmp = try Scratch()
        defer { tmp.remove() }
        let s = try store(tmp.path("store"))
        let handler = InterviewEffectHandler(store: s, exportFolder: nil)
        _ = run(handler, [Self.begin, .record(.moved(to: .intro))])
        _ = run(handler, [.discardSession])
        #expect(try s.list().isEmpty)
        #expect(handler.session == nil)
        #expect(handler.unsaved == nil)
    }

    @Test func aStoreThatCannotBeWrittenIsSaidInItsOwnWords() throws {
        let tmp = try Scratch()
        defer { tmp.remove() }
        try store(tmp.path("store")).close()
        let handler = InterviewEffectHandler(store: try store(tmp.path("store"), mode: .readOnly), exportFolder: nil)
        let reports = run(handler, [Self.begin, .record(.moved(to: .intro))])
        #expect(reports == [.saveFailed("the session store is read-only"), .saveFailed("the session store is read-only")])
        #expect(handler.session == nil)
        #expect(handler.unsaved == "not saved (the session store is read-only): nothing of this interview could be written to the store.")
    }

    @Test func changesLostOnAResumedSessionAreCountedAndTheResumeCommandGiven() throws {
        let tmp = try Scratch()
        defer { tmp.remove() }
        let writable = try store(tmp.path("store"))
        let first = InterviewEffectHandler(store: writable, exportFolder: nil)
        _ = run(first, [Self.begin, .record(.moved(to: .intro))])
        let id = try #require(first.session)
        try writable.close()

        let handler = InterviewEffectHandler(store: try store(tmp.path("store"), mode: .readOnly), exportFolder: nil)
        let reports = run(handler, [.resume(sessionID: id.string), .record(.paused), .record(.resumed)])
        #expect(reports == [.saveFailed("the session store is read-only"), .saveFailed("the session store is read-only")])
        #expect(handler.unsaved == "not saved (the session store is read-only): the last 2 changes to this interview "
            + "(answers, remarks or typed text) could not be written and are lost. Resume the rest with: intake run --resume \(id.string.prefix(8))")
    }

    @Test func withoutAStoreNothingIsWrittenAndNothingIsReported() {
        let handler = InterviewEffectHandler(store: nil, exportFolder: nil)
        #expect(run(handler, [Self.begin, .record(.paused), .completed]) == [])
        #expect(handler.session == nil)
        #expect(handler.unsaved == nil)
    }

    @Test func anExportWithoutAFolderSaysHowToChooseOne() {
        let handler = InterviewEffectHandler(store: nil, exportFolder: nil)
        let reports = run(handler, [.export([ExportFile(name: "summary.txt", contents: "x")])])
        #expect(reports == [.exportFailed("no folder was chosen for exports; start intake with --export-dir FOLDER, or set export_dir in the organisation config")])
    }

    @Test func exportsAreWrittenForTheirOwnerOnly() throws {
        let tmp = try Scratch()
        defer { tmp.remove() }
        let folder = tmp.path("exports")
        let handler = InterviewEffectHandler(store: nil, exportFolder: folder)
        let reports = run(handler, [.export([ExportFile(name: "s.txt", contents: "text"), ExportFile(name: "s.md", contents: "# md")])])
        #expect(reports == [.exported(folder: folder.path, files: ["s.txt", "s.md"])])
        #expect(try String(contentsOf: folder.appendingPathComponent("s.md"), encoding: .utf8) == "# md")
        let file = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("s.txt").path)
        #expect((file[.posixPermissions] as? Int) == 0o600)
        let dir = try FileManager.default.attributesOfItem(atPath: folder.path)
        #expect((dir[.posixPermissions] as? Int) == 0o700)
    }

    @Test func quittingStopsTheLoop() {
        let handler = InterviewEffectHandler(store: nil, exportFolder: nil)
        let control = RunControl<InterviewReport>()
        handler.handle(.quit, control)
        #expect(control.isStopped)
    }

    @Test func sealingAgainPutsTheSessionBackInTheOutbox() throws {
        let tmp = try Scratch()
        defer { tmp.remove() }
        let s = try store(tmp.path("store"))
        let key = Curve25519.KeyAgreement.PrivateKey()
        let outbox = tmp.path("outbox")
        let handler = InterviewEffectHandler(store: s, exportFolder: nil, organisationKey: key.publicKey,
                                             sealedFolder: outbox, now: { Self.clock })
        _ = run(handler, [Self.begin, .record(.moved(to: .intro)), .completed])
        let id = try #require(handler.session)
        let sealed = outbox.appendingPathComponent("session-\(id.string.prefix(8)).sealed")
        #expect(Outbox(folder: outbox).waitingCount() == 1)
        // Sent and confirmed, then a remark on the summary screen seals it again on quitting.
        try Outbox(folder: outbox).confirm(sealed, digest: "0123", delete: false)
        #expect(Outbox(folder: outbox).waitingCount() == 0)
        _ = run(handler, [.record(.remarked(question: nil, text: "later remark")), .quit])
        #expect(Outbox(folder: outbox).waiting() == [sealed])
    }
}

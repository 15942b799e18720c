import Crypto
import Foundation
import IntakeCore
import IntakeStore
import IntakeTUI

/// Carries out the interview app's effects: the session store, exports,
/// sealing for the organisation, quitting.
public final class InterviewEffectHandler {
    public let store: SessionStore?
    /// Where the summary screen's exports go; nil: none was chosen, and the
    /// export is refused with a message saying how to choose one.
    public let exportFolder: URL?
    /// The organisation's public key: finished sessions are sealed to it.
    public let organisationKey: Curve25519.KeyAgreement.PublicKey?
    /// Exports are one sealed file (the whole record) instead of plaintext.
    public let sealExports: Bool
    /// Where finished sessions are sealed automatically.
    public let sealedFolder: URL?
    /// The organisation, setting and screener written into a new session's
    /// header, so that its summary names them wherever it is opened.
    public var recordedBy: (organisation: String?, setting: String?, screener: String?) = (nil, nil, nil)
    public private(set) var session: SessionID?
    public private(set) var completed = false
    private var recorder: SessionRecorder?
    /// A new session's header and events, while the session could not be created yet.
    private var waiting: (questionnaireID: String, version: String, hash: String, header: Data)?
    private var early: [(Data, Date)] = []
    /// Without a store (ephemeral): the record kept in memory only, for a sealed export.
    private var memory: (info: (questionnaireID: String, version: String, hash: String, header: Data), events: [(Data, Date)])?

    /// Why the last save failed, while one is failing.
    private var failure: String?

    /// What is not saved, as a sentence for the terminal after quitting;
    /// nil when everything recorded is on disk.
    public var unsaved: String? {
        let pending = (recorder?.pendingCount ?? 0) + early.count
        guard waiting != nil || pending > 0 else { return nil }
        let reason = failure ?? "unknown error"
        if waiting != nil {
            return "not saved (\(reason)): nothing of this interview could be written to the store."
        }
        let changes = pending == 1 ? "the last change" : "the last \(pending) changes"
        let id = session.map { " Resume the rest with: intake run --resume \($0.string.prefix(8))" } ?? ""
        return "not saved (\(reason)): \(changes) to this interview (answers, remarks or typed text) could not be written and are lost.\(id)"
    }

    /// The clock events are stamped with.
    private let now: () -> Date

    public init(store: SessionStore?, exportFolder: URL?, organisationKey: Curve25519.KeyAgreement.PublicKey? = nil,
                sealExports: Bool = false, sealedFolder: URL? = nil, now: @escaping () -> Date = Date.init) {
        self.now = now
        self.store = store
        self.exportFolder = exportFolder
        self.organisationKey = organisationKey
        self.sealExports = sealExports && organisationKey != nil
        self.sealedFolder = sealedFolder
    }

    /// Folders this program makes for exports and sealed copies: private.
    static func makeFolder(_ url: URL) throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
    }

    /// The interview's record as a sealed export would carry it.
    private func record() throws -> SessionExport {
        if let store, let session { return try store.export(session: session) }
        guard let memory else { throw StoreError.sealedExport("nothing was recorded yet") }
        let times = memory.events.map(\.1)
        return SessionExport(
            id: SessionID(), createdAt: times.first ?? now(), updatedAt: times.last ?? now(),
            status: completed ? .finished : .unfinished, questionnaireID: memory.info.questionnaireID,
            questionnaireVersion: memory.info.version, questionnaireHash: memory.info.hash, header: memory.info.header,
            events: memory.events.enumerated().map { SessionExport.Event(seq: $0.offset + 1, at: $0.element.1, payload: $0.element.0) })
    }

    /// Seals the finished session to the organisation's key into the
    /// sealed folder (again after later remarks, replacing the file).
    private func sealForOrganisation(_ control: RunControl<InterviewReport>) {
        guard let key = organisationKey, let folder = sealedFolder, let store, let session else { return }
        do {
            try Self.makeFolder(folder)
            let url = folder.appendingPathComponent("session-\(session.string.prefix(8)).sealed")
            try SecureFile.write(try SealedExport.seal(try store.export(session: session).encoded(), to: key), to: url)
            // A new seal is new bytes: a receipt for the earlier ones no
            // longer says this file was sent, so it waits in the outbox again.
            try? FileManager.default.removeItem(atPath: url.path + Outbox.receiptSuffix)
            try store.recordWrittenFiles(session: session, [url])
        } catch {
            control.send(.report(.exportFailed("the copy sealed for the organisation was not written (\(error))")))
        }
    }

    private func export(_ files: [ExportFile], _ control: RunControl<InterviewReport>) {
        guard let folder = exportFolder else {
            control.send(.report(.exportFailed("no folder was chosen for exports; start intake with --export-dir FOLDER, or set export_dir in the organisation config")))
            return
        }
        var written: [URL] = []
        do {
            try Self.makeFolder(folder)
            if sealExports, let key = organisationKey {
                let stem = (files.first?.name ?? "summary").split(separator: ".").first.map(String.init) ?? "summary"
                let url = folder.appendingPathComponent(stem + ".sealed")
                try SecureFile.write(try SealedExport.seal(try record().encoded(), to: key), to: url)
                written.append(url)
            } else {
                for f in files {
                    let url = folder.appendingPathComponent(f.name)
                    try SecureFile.write(Data(f.contents.utf8), to: url)
                    written.append(url)
                }
            }
        } catch {
            if let store, let session { try? store.recordWrittenFiles(session: session, written) }
            control.send(.report(.exportFailed(String(describing: error))))
            return
        }
        if let store, let session {
            do { try store.recordWrittenFiles(session: session, written) } catch {
                control.send(.report(.exportFailed("the files were written but the store could not list them for deletion (\(error))")))
                return
            }
        }
        control.send(.report(.exported(folder: folder.path, files: written.map(\.lastPathComponent))))
    }

    public func handle(_ effect: InterviewEffect, _ control: RunControl<InterviewReport>) {
        switch effect {
        case .begin(let qid, let version, let hash, let a, let b):
            var header = InterviewHeader(questionnaireID: qid, questionnaireVersion: version, questionnaireHash: hash,
                                         intervieweeLanguage: a, advocateLanguage: b)
            (header.organisation, header.setting, header.screener) = (recordedBy.organisation, recordedBy.setting, recordedBy.screener)
            guard store != nil else {
                if organisationKey != nil { memory = ((qid, version, hash, InterviewCodec.encode(header)), []) }
                return
            }
            waiting = (qid, version, hash, InterviewCodec.encode(header))
            flush(control)
        case .resume(let id):
            guard let store, let sid = SessionID(id) else { return }
            session = sid
            recorder = SessionRecorder(sink: store, session: sid)
        case .record(let event):
            guard store != nil else {
                memory?.events.append((InterviewCodec.encode(event), now()))
                return
            }
            let payload = InterviewCodec.encode(event)
            if let recorder {
                report(recorder.record(payload), control)
            } else {
                early.append((payload, now()))
                flush(control)
            }
        case .retrySave:
            flush(control)
        case .hide:
            if store != nil { flush(control) }
        case .completed:
            completed = true
            if let store, let session {
                recorder?.retry()
                do {
                    try store.setStatus(session: session, .finished)
                    sealForOrganisation(control)
                } catch {
                    control.send(.report(.saveFailed(String(describing: error))))
                }
            }
        case .discardSession:
            // Ended at consent: nothing of this interview is kept.
            if let store, let session { try? store.delete(session: session) }
            session = nil
            recorder = nil
            waiting = nil
            early = []
            memory = nil
            completed = true
        case .export(let files):
            export(files, control)
        case .quit:
            // A last try; what still fails is reported by `unsaved`.
            flush(control)
            // Remarks added on the summary screen reach the sealed copy too.
            if completed { sealForOrganisation(control) }
            control.stop()
        }
    }

    /// Creates the session if still needed, then saves whatever is pending.
    private func flush(_ control: RunControl<InterviewReport>) {
        guard let store else { return }
        if recorder == nil, let w = waiting {
            do {
                let id = try store.createSession(questionnaireID: w.questionnaireID, version: w.version, hash: w.hash, header: w.header)
                session = id
                recorder = SessionRecorder(sink: store, session: id)
                waiting = nil
                control.send(.report(.sessionStarted(id.string)))
            } catch {
                let reason = (error as? StoreError)?.saveFailureReason ?? String(describing: error)
                failure = reason
                control.send(.report(.saveFailed(reason)))
                return
            }
        }
        guard let recorder else { return }
        var ok = true
        for (payload, at) in early { ok = recorder.record(payload, at: at) && ok }
        early = []
        report(recorder.retry() && ok, control)
    }

    private func report(_ ok: Bool, _ control: RunControl<InterviewReport>) {
        guard let recorder else { return }
        if ok && recorder.pendingCount == 0 {
            failure = nil
            control.send(.report(.saved))
        } else {
            let reason = recorder.lastStoreError?.saveFailureReason ?? "unknown error"
            failure = reason
            control.send(.report(.saveFailed(reason)))
        }
    }
}

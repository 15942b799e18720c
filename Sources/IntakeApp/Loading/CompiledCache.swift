import Foundation
import IntakeCore
import IntakeTUI
#if canImport(Glibc)
import Glibc
#endif

/// Where compiled translations (see `CompiledCatalog`) are kept between
/// runs: `$XDG_CACHE_HOME/intake`, or `~/.cache/intake`. It holds only what
/// is compiled from the data files (translations and validated
/// questionnaires, see `CompiledQuestionnaire`), never an answer.
///
/// Everything here is best effort: a cache that cannot be read or written
/// costs a parse, never an error. A file is used only when it is a regular
/// file of this user's that no one else may read or write (mode 0600 or
/// stricter); anything else is ignored and replaced. The bytes are then
/// checked by `CompiledCatalog.decode` (source hash, version, own hash), so
/// a corrupt, cut-off or foreign file only costs a rebuild.
public struct CompiledCache: Sendable {
    public let directory: URL
    /// False: compiled files are read but never written (`run --ephemeral`
    /// promises to write nothing to disk).
    public private(set) var writes = true

    public init(directory: URL) { self.directory = directory }

    /// This cache, read but never written.
    public func readingOnly() -> CompiledCache {
        var c = self
        c.writes = false
        return c
    }

    /// The cache folder for this environment; nil without a usable
    /// `XDG_CACHE_HOME` (absolute, as the XDG spec asks) or `HOME`.
    public static func standard(environment: [String: String] = ProcessEnvironment.variables(["XDG_CACHE_HOME", "HOME"])) -> CompiledCache? {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return CompiledCache(directory: URL(fileURLWithPath: xdg).appendingPathComponent("intake"))
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return CompiledCache(directory: URL(fileURLWithPath: home).appendingPathComponent(".cache/intake"))
    }

    /// Which build of the program compiled a file: the format version and
    /// the size and modification time of the running executable, so a new
    /// build (whose checks may differ) never reads an older build's files.
    public static let programIdentity: String = {
        var st = stat()
        guard stat("/proc/self/exe", &st) == 0 else { return "v\(CompiledCatalog.formatVersion)" }
        return "v\(CompiledCatalog.formatVersion) \(st.st_size) \(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)"
    }()

    /// The file name for a translation: its language's prefix, then a
    /// digest of its content hash, its language and the program identity.
    static func catalogName(sourceHash: [UInt8], language: String, program: String) -> String {
        let key = SHA256Digest.hex(sourceHash + Array("\0\(language)\0\(program)".utf8))
        return languagePrefix(language) + key + ".bin"
    }

    /// What every file name of a language's compiled catalogs starts with.
    static func languagePrefix(_ language: String) -> String {
        "catalog-" + SHA256Digest.hex(Array(language.utf8)).prefix(16) + "-"
    }

    // MARK: Translations

    /// The catalog compiled from a PO file with these bytes, if this cache
    /// holds it whole and unchanged.
    public func catalog(sourceHash: [UInt8], language: String, program: String = programIdentity) -> Catalog? {
        guard let bytes = read(Self.catalogName(sourceHash: sourceHash, language: language, program: program)) else { return nil }
        return CompiledCatalog.decode(bytes, sourceHash: sourceHash, language: language, program: program)
    }

    /// Whether this cache holds a compiled file of that catalog: owner-only,
    /// its header naming this source, language and program, and its length
    /// what the header says. Its payload is checked against its digest when
    /// it is decoded (`catalog`), when the language is first used: checked at
    /// every start, the payloads of six translations, of which an interview
    /// uses one or two, were half the hashing until ready (bench/README.md,
    /// "Issue 19, round 12").
    public func holdsCatalog(sourceHash: [UInt8], language: String, program: String = programIdentity) -> Bool {
        guard let (fd, size) = openOwned(Self.catalogName(sourceHash: sourceHash, language: language, program: program))
        else { return false }
        defer { close(fd) }
        // The header is a few hundred bytes; a page holds it.
        guard let head = readExactly(fd, count: min(size, 4096)),
              let h = CompiledCatalog.header(head, sourceHash: sourceHash, language: language, program: program)
        else { return false }
        return h.payloadLength == UInt64(size - h.payloadOffset)
    }

    /// Keeps `catalog`, compiled from a PO file with SHA-256 `sourceHash`.
    /// The language's other compiled catalogs (of an earlier version of
    /// the file, or of another build) are removed, so the folder holds one
    /// file per language.
    public func store(_ catalog: Catalog, sourceHash: [UInt8], program: String = programIdentity) {
        guard writes else { return }
        let name = Self.catalogName(sourceHash: sourceHash, language: catalog.language, program: program)
        guard write(CompiledCatalog.encode(catalog, sourceHash: sourceHash, program: program), name: name) else { return }
        removeOthers(prefix: Self.languagePrefix(catalog.language), keeping: name)
    }

    // MARK: Questionnaires

    /// The file name for a validated questionnaire: a prefix from its id,
    /// then a digest of its file's content hash and the program identity.
    static func questionnaireName(sourceHash: [UInt8], id: String, program: String) -> String {
        let key = SHA256Digest.hex(sourceHash + Array("\0questionnaire\0\(program)".utf8))
        return questionnairePrefix(id) + key + ".bin"
    }

    /// What every file name of a questionnaire id's compiled forms starts with.
    static func questionnairePrefix(_ id: String) -> String {
        "questionnaire-" + SHA256Digest.hex(Array(id.utf8)).prefix(16) + "-"
    }

    /// The questionnaire `id` (as its header says) validated earlier from a
    /// file with these bytes, with `path` as its path, if this cache holds
    /// it whole and unchanged (see `CompiledQuestionnaire`).
    public func questionnaire(sourceHash: [UInt8], id: String, path: String,
                              program: String = programIdentity) -> Questionnaire? {
        guard let bytes = read(Self.questionnaireName(sourceHash: sourceHash, id: id, program: program)),
              let q = CompiledQuestionnaire.decode(bytes, sourceHash: sourceHash, path: path, program: program),
              q.id == id
        else { return nil }
        return q
    }

    /// Keeps `q`, loaded without errors from a file with SHA-256
    /// `sourceHash`; the id's other compiled forms are removed.
    public func store(_ q: Questionnaire, sourceHash: [UInt8], program: String = programIdentity) {
        guard writes, let bytes = CompiledQuestionnaire.encode(q, sourceHash: sourceHash, program: program) else { return }
        let name = Self.questionnaireName(sourceHash: sourceHash, id: q.id, program: program)
        guard write(bytes, name: name) else { return }
        removeOthers(prefix: Self.questionnairePrefix(q.id), keeping: name)
    }

    /// Removes the compiled files starting with `prefix` other than `name`.
    private func removeOthers(prefix: String, keeping name: String) {
        for old in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        where old.hasPrefix(prefix) && old.hasSuffix(".bin") && old != name {
            unlink(directory.appendingPathComponent(old).path)
        }
    }

    // MARK: Files

    /// The file's bytes if it is a regular file owned by this user and
    /// readable and writable by no one else; nil otherwise.
    func read(_ name: String) -> [UInt8]? {
        guard let (fd, size) = openOwned(name) else { return nil }
        defer { close(fd) }
        return readExactly(fd, count: size)
    }

    /// The file opened for reading, and its size, if it is a regular file
    /// owned by this user, readable and writable by no one else, neither
    /// empty nor larger than a data file may be; nil otherwise. The caller
    /// closes it.
    private func openOwned(_ name: String) -> (fd: Int32, size: Int)? {
        let fd = open(directory.appendingPathComponent(name).path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG, st.st_uid == geteuid(),
              st.st_mode & 0o077 == 0, st.st_size > 0, st.st_size <= QuestionnaireFiles.maxBytes
        else {
            close(fd)
            return nil
        }
        return (fd, Int(st.st_size))
    }

    /// The next `count` bytes of `fd`; nil when it ends before them or a
    /// read fails.
    private func readExactly(_ fd: Int32, count: Int) -> [UInt8]? {
        var out = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < out.count {
            let n = out.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { return nil }
            done += n
        }
        return out
    }

    /// Writes `bytes` as `name`, owner-only, all at once: to a new file
    /// beside it, then renamed over it, so a reader sees the old file or the
    /// new one. Failures are ignored (the next run parses again); whether
    /// the file was written.
    @discardableResult
    func write(_ bytes: [UInt8], name: String) -> Bool {
        guard makeDirectory() else { return false }
        var template = Array(directory.appendingPathComponent(".\(name).XXXXXX").path.utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return false }
        let temp = String(cString: template)
        var ok = fchmod(fd, 0o600) == 0
        var written = 0
        while ok, written < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { ok = false } else { written += n }
        }
        close(fd)
        if !ok || rename(temp, directory.appendingPathComponent(name).path) != 0 {
            unlink(temp)
            return false
        }
        return true
    }

    /// Creates the folder (and its parents) owner-only if it is missing.
    private func makeDirectory() -> Bool {
        var st = stat()
        if stat(directory.path, &st) == 0 { return st.st_mode & S_IFMT == S_IFDIR }
        return (try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                         attributes: [.posixPermissions: 0o700])) != nil
    }
}

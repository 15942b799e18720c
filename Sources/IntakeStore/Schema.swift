import GRDB

/// The database schema, as GRDB migrations.
///
/// Plaintext columns are limited to what listing and purging need (ids,
/// dates, status, questionnaire id/version/hash, artifact kind); every value
/// that could say something about the person is a sealed BLOB.
enum Schema {
    /// The `store_meta.format_version` this code writes and understands.
    static let formatVersion = 1

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE store_meta (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    format_version INTEGER NOT NULL,
                    kdf_algorithm TEXT NOT NULL,
                    kdf_salt BLOB NOT NULL,
                    kdf_n INTEGER NOT NULL,
                    kdf_r INTEGER NOT NULL,
                    kdf_p INTEGER NOT NULL,
                    cipher TEXT NOT NULL,
                    key_check BLOB NOT NULL,
                    created_at REAL NOT NULL
                );
                CREATE TABLE sessions (
                    id TEXT PRIMARY KEY NOT NULL,
                    created_at REAL NOT NULL,
                    updated_at REAL NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('unfinished', 'finished', 'abandoned')),
                    questionnaire_id TEXT NOT NULL,
                    questionnaire_version TEXT NOT NULL,
                    questionnaire_hash TEXT NOT NULL,
                    header BLOB NOT NULL
                );
                CREATE INDEX sessions_updated_at ON sessions(updated_at);
                CREATE TABLE events (
                    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
                    seq INTEGER NOT NULL CHECK (seq >= 1),
                    at REAL NOT NULL,
                    payload BLOB NOT NULL,
                    PRIMARY KEY (session_id, seq)
                );
                CREATE TABLE artifacts (
                    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    updated_at REAL NOT NULL,
                    payload BLOB NOT NULL,
                    PRIMARY KEY (session_id, kind)
                );
                """)
        }
        return migrator
    }
}

// IntakeStore: interview sessions on disk, encrypted at rest.
//
// Why it looks the way it does:
//
// - An interview cannot be repeated, so every event is its own durable
//   transaction (SQLite WAL, synchronous=FULL) and `SessionRecorder` keeps
//   events in memory when the disk refuses them, rather than stopping the
//   interview.
// - A record can endanger the person if it leaks or is subpoenaed, so
//   everything about the person is sealed (ChaCha20-Poly1305, key from
//   scrypt(passphrase)), files are private (0700/0600), deletes are scrubbed
//   (secure_delete, WAL truncate, VACUUM), and a sealed export can be opened
//   only by the organization's private key (HPKE).
// - The store does not know the interview model: events, headers and
//   artifacts are the caller's opaque JSON (`Data`).
//
// On disk, `<dir>/sessions.sqlite` (plus -wal/-shm while open):
//
//   store_meta  format_version, kdf_algorithm "scrypt", kdf_salt (32 bytes),
//               kdf_n/r/p, cipher "ChaChaPoly", key_check (sealed constant)
//   sessions    id, created_at, updated_at, status, questionnaire_id,
//               questionnaire_version, questionnaire_hash  (plaintext)
//               header                                     (sealed)
//   events      session_id, seq, at                        (plaintext)
//               payload                                    (sealed)
//   artifacts   session_id, kind, updated_at               (plaintext)
//               payload                                    (sealed)
//
// A sealed value is 0x01 || nonce(12) || ciphertext || tag(16); its
// associated data names its row ("intake-store/v1/event/<id>/<seq>/<at>"),
// so values cannot be moved between rows, sessions or timestamps unnoticed.
// Dates are REAL seconds since 1970.
//
// Not protected against: someone who has the passphrase, or who can read
// this process's memory while a session is open; plaintext columns reveal
// how many sessions exist, when, with which questionnaire, and how many
// events each has.

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
// On disk, `<dir>/sessions.sqlite` (plus -wal/-shm while open), format 2:
//
//   store_meta  format_version, kdf_algorithm "scrypt", kdf_salt (32 bytes),
//               kdf_n/r/p, cipher "ChaChaPoly", key_check (sealed constant),
//               created_at (the store's creation day, at 00:00 UTC)
//   sessions    id, created_day, updated_day (days since 1970, UTC), status,
//               questionnaire_id, questionnaire_version,
//               questionnaire_hash                        (plaintext)
//               times (exact created/updated), header     (sealed)
//   events      session_id, seq                            (plaintext)
//               payload (event time + caller's payload)    (sealed)
//   artifacts   session_id, kind                           (plaintext)
//               payload                                    (sealed)
//
// A sealed value is 0x02 || nonce(12) || ciphertext || tag(16), where the
// plaintext is padded to 1024 bytes or the next power of two above
// (`Padding`), so sizes say nothing about answers; its associated data names
// its row ("intake-store/v2/event/<id>/<seq>"), so values cannot be moved
// between rows or sessions unnoticed. Format-1 stores (exact REAL times in
// the clear, unpadded 0x01 values) are upgraded on their first read-write
// open (`Schema`).
//
// Not protected against: someone who has the passphrase, or who can read
// this process's memory while a session is open. The plaintext columns
// reveal how many sessions exist, on which days each was started and last
// changed, its status, its questionnaire, how many events it has (one row
// each: answers, moves, breaks, remarks) and which artifacts; a value
// longer than 1023 bytes reveals its power-of-two size class.

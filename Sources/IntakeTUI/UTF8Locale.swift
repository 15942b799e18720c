/// The character set curses reads and writes in. Text in Chinese, Persian
/// or Korean needs UTF-8: under `LANG=C` (common over ssh, which often does
/// not pass the locale on) curses drew blanks or question marks.
///
/// The environment's locale is used when it is UTF-8. Otherwise only the
/// character type (`LC_CTYPE`) switches to a UTF-8 locale that needs nothing
/// installed (`C.UTF-8`, built into glibc 2.35 and later), and the program
/// assumes the terminal shows UTF-8, as nearly every terminal today does.
/// When no UTF-8 locale exists the program says what to set and exits
/// before drawing anything.
enum UTF8Locale {
    /// Tried in order when the environment's locale is not UTF-8.
    static let fallbacks = ["C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8"]

    /// The locale to use: `""` for the environment's, a fallback's name, or
    /// nil when none is UTF-8. `use(name)` sets the locale (the character
    /// type only, for a fallback) and says whether it is then UTF-8.
    static func choose(use: (String) -> Bool) -> String? {
        if use("") { return "" }
        return fallbacks.first(where: use)
    }

    /// What to tell a person whose system has no UTF-8 locale at all.
    static func failure(codeset: String) -> TerminalError {
        TerminalError(description: """
            the locale's character set is \(codeset.isEmpty ? "unknown" : codeset), not UTF-8, and no UTF-8 \
            locale is installed; set LANG to a UTF-8 locale (for example LANG=C.UTF-8 or en_US.UTF-8; \
            `locale -a` lists them) and start again
            """)
    }
}

import Foundation

/// Times as the screens and listings show them, in local time, written
/// from the C library's broken-down time: `DateFormatter` loads ICU's locale
/// data (about a megabyte resident) and was built anew on every frame of
/// the start screen.
public enum DateText {
    /// `2026-11-29 08:15`.
    public static func minutes(_ date: Date) -> String {
        let t = local(date)
        return "\(t.tm_year + 1900)-\(two(t.tm_mon + 1))-\(two(t.tm_mday)) \(two(t.tm_hour)):\(two(t.tm_min))"
    }

    /// `2026-11-29 08:15 EST`: minutes and the local time zone's abbreviation.
    public static func minutesWithZone(_ date: Date) -> String {
        let t = local(date)
        let zone = t.tm_zone.map { String(cString: $0) } ?? ""
        return zone.isEmpty ? minutes(date) : minutes(date) + " " + zone
    }

    /// `08:15:42`.
    public static func time(_ date: Date) -> String {
        let t = local(date)
        return "\(two(t.tm_hour)):\(two(t.tm_min)):\(two(t.tm_sec))"
    }

    private static func local(_ date: Date) -> tm {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var t = tm()
        localtime_r(&seconds, &t)
        return t
    }

    private static func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

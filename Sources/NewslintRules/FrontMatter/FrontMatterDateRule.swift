import Foundation
import NewslintCore

/// Front-matter `date` (and `updated`) that is not an ISO 8601 date with a zone: `Invalid Date`, the 1970
/// epoch bug, RFC 1123 (with or without a forced `00:00:00 GMT`), or a zone-less `yyyy-mm-dd hh:mm:ss`.
///
/// Check: reports each such value. ISO 8601 with a zone (`2022-01-04T11:52:42Z`, `2022-01-04 19:52:42 +08:00`)
/// and a bare day (`2022-01-04`) are accepted.
/// Fix (safe): writes the same instant as an unquoted ISO 8601 timestamp in UTC (`2022-01-04T11:52:42Z`), or with
/// the original offset when the value had one. A zone-less value is read as UTC, the zone of every other date
/// the generator wrote; in a Markdown post, which may be written by hand in the site's own zone, that fix
/// is unsafe. A forced midnight is reported and kept (`2021-01-22T00:00:00Z`): the day is right and
/// no better time exists. The 1970 epoch bug gets an unsafe fix with the recovered date, exact only to within
/// 1000 seconds. `Invalid Date` and anything unreadable cannot be fixed.
struct FrontMatterDateRule: Rule {
    let description = RuleDescription(
        id: "front-matter-date",
        summary: "Date that is invalid, the 1970 epoch bug, RFC 1123 or without a time zone",
        rationale: """
            The feed generator copies the feed's date as it comes: RFC 1123 (`Tue, 04 Jan 2022 11:52:42 GMT`), \
            a zone-less `2021-08-30 03:11:41`, `00:00:00 GMT` when the source gave only the day, \
            `Invalid Date` when there was none, and `Mon, 19 Jan 1970 10:51:32 GMT` when it read seconds as \
            milliseconds. Hexo, Jekyll and Hugo read RFC 1123 differently or not at all, and each puts a \
            zone-less date in its own configured zone, so the same post shows different times on different \
            sites. ISO 8601 with its zone (`2022-01-04T11:52:42Z`) is read the same by all three. A zone-less \
            date is read as UTC: every other date the generator writes is GMT, and the corpus's zone-less \
            times fall in Chinese office hours only when read as UTC. A Markdown post may be written by hand, \
            with a zone-less date in the site's own zone, so there that fix is unsafe. The epoch-bug date can be recovered to \
            within 17 minutes (the milliseconds the bug kept are lost), so its fix is unsafe; `Invalid Date` \
            needs a human. A valid RFC 1123 date with its zone (`Tue, 04 Jan 2022 11:52:42 GMT`) is left as it \
            is unless ISO 8601 is wanted: set `rules: {front-matter-date: {iso8601: true}}` in `.newslint.yml` \
            to rewrite those too.
            """,
        kind: .frontMatter,
        fixAvailability: .safeOrUnsafe,
        formats: [.html, .markdown],
        triggering: [
            RuleExample("---\ndate: ↓Invalid Date\n---\n<div><p>正文</p></div>\n"),
            RuleExample("---\ndate: ↓Mon, 19 Jan 1970 10:51:32 GMT\n---\n<div><p>正文</p></div>\n"),
            RuleExample("---\ndate: ↓Fri, 22 Jan 2021 00:00:00 GMT\n---\n<div><p>正文</p></div>\n"),
            RuleExample("---\ndate: ↓2021-08-30 03:11:41\n---\n\n正文。\n"),
            RuleExample("---\ndate: ↓'yesterday'\n---\n<div><p>正文</p></div>\n"),
        ],
        nonTriggering: [
            RuleExample("---\ntitle: '新闻'\ndate: Tue, 04 Jan 2022 11:52:42 GMT\n---\n<div><p>正文</p></div>\n"),
            RuleExample("---\ndate: 2022-01-04T11:52:42Z\n---\n<div><p>正文</p></div>\n"),
            RuleExample("---\ndate: '2022-01-04 19:52:42 +08:00'\n---\n<div><p>正文</p></div>\n"),
            RuleExample("---\ndate: 2022-01-04\n---\n\n手写的文章只写了日期。\n"),
            RuleExample("---\ntitle: 没有日期\n---\n<div><p>正文</p></div>\n"),
        ],
        corrections: [
            RuleCorrection(
                RuleExample("---\ndate: Fri, 22 Jan 2021 00:00:00 GMT\n---\n<div><p>正文</p></div>\n"),
                "---\ndate: 2021-01-22T00:00:00Z\n---\n\n<div><p>正文</p></div>\n"),
            RuleCorrection(
                RuleExample("---\ndate: '2021-08-30 03:11:41'\n---\n<div><p>正文</p></div>\n"),
                "---\ndate: 2021-08-30T03:11:41Z\n---\n\n<div><p>正文</p></div>\n"),
            RuleCorrection(
                RuleExample("---\ndate: 2021-08-30 03:11:41\n---\n\n手写的文章。\n"),
                "---\ndate: 2021-08-30T03:11:41Z\n---\n\n手写的文章。\n", unsafe: true),
            RuleCorrection(
                RuleExample("---\ndate: Mon, 19 Jan 1970 10:51:32 GMT\n---\n\n正文。\n"),
                "---\ndate: 2020-07-09T10:53:20Z\n---\n\n正文。\n", unsafe: true),
        ]
    )

    func check(_ context: RuleContext) -> [Violation] {
        guard let frontMatter = context.frontMatter else { return [] }
        let isoWanted = context.option("iso8601", for: id)?.bool ?? false
        return FrontMatterDateRule.keys.compactMap { key -> Violation? in
            guard frontMatter.hasKey(key), let raw = frontMatter.string(key) else { return nil }
            let value = String(raw.trimmingSpaces)
            guard let problem = DateValue.problem(with: value, handWritten: context.bodyFormat == .markdown,
                                                  isoWanted: isoWanted)
            else { return nil }
            let location = context.location(ofKey: key)
            let shown = "\(key) '\(TextClasses.snippet(value, limit: 40))'"
            switch problem {
            case .unreadable(let why):
                return Violation(at: location, "\(shown) \(why); set it by hand")
            case .rewrite(let iso, let why, let applicability, let title):
                return Violation(at: location, "\(shown) \(why)",
                                 fix: Fix(title, applicability: applicability) {
                                     context.editFrontMatter { $0.setRawValue(key, to: iso) }
                                 })
            }
        }
    }
}

private extension FrontMatterDateRule {
    static let keys = ["date", "updated"]
}

/// Reading a front-matter date the way the generator wrote it.
enum DateValue {
    enum Problem {
        case unreadable(String)
        case rewrite(iso: String, why: String, applicability: Applicability, title: String)
    }

    /// `handWritten`: the body is Markdown, so the post may not come from the generator, and a zone-less date
    /// is in the site's own zone (Hexo writes `date: 2022-01-04 11:52:42` in local time).
    /// `isoWanted`: a valid RFC 1123 date with its zone is reported too (option `iso8601`).
    static func problem(with value: String, handWritten: Bool, isoWanted: Bool) -> Problem? {
        if DateShapes.isISOWithZone(value) ?? matches(isoWithZone, value)
            || DateShapes.isDayOnly(value) ?? matches(dayOnly, value) { return nil }
        if value.isEmpty { return .unreadable("is empty") }
        if DateShapes.isInvalidDate(value) ?? (value.caseInsensitiveCompare("Invalid Date") == .orderedSame) {
            return .unreadable("is not a date (the feed had none)")
        }
        if let groups = DateShapes.rfc1123Groups(value) ?? groups(of: rfc1123, in: value) {
            return rfc1123Problem(groups, isoWanted: isoWanted)
        }
        if let groups = DateShapes.zonelessGroups(value) ?? groups(of: zoneless, in: value) {
            guard let fields = Fields(groups[1], groups[2], groups[3], groups[4], groups[5], groups[6]) else {
                return .unreadable("is not a valid date")
            }
            let iso = fields.iso(offset: nil)
            return .rewrite(iso: iso, why: "has no time zone (read as UTC, the zone of the generator's other dates)",
                            applicability: handWritten ? .unsafe : .safe,
                            title: handWritten ? "write it as \(iso), if the date is UTC" : "write it as \(iso)")
        }
        return .unreadable("is not a date newslint can read")
    }

    static func rfc1123Problem(_ groups: [String?], isoWanted: Bool) -> Problem? {
        guard let month = months.firstIndex(of: (groups[3] ?? "").lowercased()),
              let fields = Fields(groups[4], String(month + 1), groups[2], groups[5], groups[6], groups[7])
        else { return .unreadable("is not a valid date") }
        let offset = utcOffset(groups[8] ?? "GMT")
        if fields.year == 1970, offset == nil {
            // The generator built the date from seconds as if they were milliseconds: what it shows is the
            // real timestamp divided by 1000, and the remainder (up to 999 seconds) is lost.
            guard let shown = fields.date else { return .unreadable("is not a valid date") }
            let recovered = Date(timeIntervalSince1970: shown.timeIntervalSince1970 * 1000)
            let year = Calendar.utc.component(.year, from: recovered)
            guard (2000...2099).contains(year) else {
                return .unreadable("is a 1970 date that cannot be recovered")
            }
            let iso = Fields(date: recovered).iso(offset: nil)
            return .rewrite(iso: iso, why: "is the 1970 epoch bug (seconds read as milliseconds)",
                            applicability: .unsafe,
                            title: "use the recovered date \(iso) (exact to within 17 minutes)")
        }
        let iso = fields.iso(offset: offset)
        if fields.hour == 0, fields.minute == 0, fields.second == 0 {
            return .rewrite(iso: iso, why: "is RFC 1123 with a forced midnight (the source gave only the day)",
                            applicability: .safe, title: "write it as \(iso), keeping the day")
        }
        guard isoWanted else { return nil }
        return .rewrite(iso: iso, why: "is RFC 1123, not ISO 8601", applicability: .safe, title: "write it as \(iso)")
    }

    /// nil for GMT/UTC, else `+hh:mm`.
    static func utcOffset(_ zone: String) -> String? {
        let upper = zone.uppercased()
        guard upper.hasPrefix("+") || upper.hasPrefix("-") else { return nil }
        let digits = upper.dropFirst()
        guard digits != "0000" else { return nil }
        return "\(upper.prefix(1))\(digits.prefix(2)):\(digits.suffix(2))"
    }

    /// Date and time fields, validated as a real Gregorian date.
    struct Fields {
        let year, month, day, hour, minute, second: Int

        init?(_ year: String?, _ month: String?, _ day: String?, _ hour: String?, _ minute: String?,
              _ second: String?) {
            guard let year = year.flatMap(Int.init), let month = month.flatMap(Int.init),
                  let day = day.flatMap(Int.init), let hour = hour.flatMap(Int.init),
                  let minute = minute.flatMap(Int.init) else { return nil }
            let second = second.flatMap(Int.init) ?? 0
            guard (1...12).contains(month), (0...23).contains(hour), (0...59).contains(minute),
                  (0...60).contains(second) else { return nil }
            self.year = year
            self.month = month
            self.day = day
            self.hour = hour
            self.minute = minute
            self.second = second
            guard Fields.isValidDay(year: year, month: month, day: day) else { return nil }
        }

        /// Whether the day exists in `Calendar.utc`. Gregorian rules for the years after the calendar's 1582
        /// switch from the Julian calendar, which are all a feed writes; the calendar decides the others.
        static func isValidDay(year: Int, month: Int, day: Int) -> Bool {
            guard (1583...9999).contains(year), (1...12).contains(month) else {
                return DateComponents(year: year, month: month, day: day).isValidDate(in: Calendar.utc)
            }
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            return (1...lengths[month - 1]).contains(day)
        }

        init(date: Date) {
            let parts = Calendar.utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            year = parts.year ?? 0
            month = parts.month ?? 0
            day = parts.day ?? 0
            hour = parts.hour ?? 0
            minute = parts.minute ?? 0
            second = parts.second ?? 0
        }

        var date: Date? {
            Calendar.utc.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute,
                                                   second: second))
        }

        func iso(offset: String?) -> String {
            Fields.padded(year, 4) + "-" + Fields.padded(month, 2) + "-" + Fields.padded(day, 2) + "T"
                + Fields.padded(hour, 2) + ":" + Fields.padded(minute, 2) + ":" + Fields.padded(second, 2)
                + (offset ?? "Z")
        }

        /// `value` in decimal with leading zeros to `width` digits (`%0*d` for the non-negative fields).
        static func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return digits.count < width ? String(repeating: "0", count: width - digits.count) + digits : digits
        }
    }

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static let isoWithZone = MarkdownEdits.pattern(
        #"^\d{4}-\d{2}-\d{2}(?:[Tt]|[ \t]+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?[ \t]*(?:[Zz]|[+-]\d{2}(?::?\d{2})?)$"#)
    static let dayOnly = MarkdownEdits.pattern(#"^\d{4}-\d{2}-\d{2}$"#)
    /// `Tue, 04 Jan 2022 11:52:42 GMT`: weekday, day, month, year, hour, minute, second, zone.
    static let rfc1123 = MarkdownEdits.pattern(
        #"^(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun),?\s+)?(\d{1,2})\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+"#
            + #"(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s+(GMT|UTC|UT|Z|[+-]\d{4})$"#,
        options: [.caseInsensitive])
    static let zoneless = MarkdownEdits.pattern(#"^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2}))?$"#)

    static func matches(_ pattern: NSRegularExpression, _ text: String) -> Bool {
        pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    static func groups(of pattern: NSRegularExpression, in text: String) -> [String?]? {
        guard let match = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (0..<match.numberOfRanges).map { index in
            Range(match.range(at: index), in: text).map { String(text[$0]) }
        }
    }
}

private extension Calendar {
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }()
}

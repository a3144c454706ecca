import Foundation
import Testing
@testable import NewslintRules

@Suite struct DateShapesTests {
    /// The byte readers answer what the regular expressions answer, on values made of the pieces a date is
    /// made of and the ways it goes wrong; values with other scalars are left to the regex (nil).
    @Test func readersAgreeWithThePatterns() {
        let pieces: [String] = [
            "2022", "01", "1", "04", "-", ":", "T", "t", " ", "\t", "  ", "Z", "z", "+", "-", "08", "00", "0800", ".",
            "5", "123", "GMT", "x", "\n", "\r", "２", "\u{3000}", "é", "\u{0660}",
        ]
        let starts = ["", "2022-01-04", "2022-01-04T11:52", "2022-01-04 19:52:42", "2022-01-04T11:52:42.123"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let value = starts.randomElement(using: &generator)!
                + (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                    .joined()
            let plain = value.utf8.allSatisfy { (0x20..<0x7F).contains($0) || $0 == 0x09 }
            let iso = DateShapes.isISOWithZone(value)
            let day = DateShapes.isDayOnly(value)
            if plain {
                #expect(iso == DateValue.matches(DateValue.isoWithZone, value), "\(value.debugDescription)")
                #expect(day == DateValue.matches(DateValue.dayOnly, value), "\(value.debugDescription)")
            } else {
                #expect(iso == nil && day == nil, "\(value.debugDescription)")
            }
        }
    }

    /// The RFC 1123 and zone-less readers give the groups the patterns capture, and the `Invalid Date` test
    /// answers what `caseInsensitiveCompare` answers, on values made of the pieces those dates are made of.
    @Test func groupReadersAgreeWithThePatterns() {
        let pieces: [String] = [
            "Tue", "tUE", "Mon", "Monday", ",", " ", "  ", "\t", "04", "4", "123", "Jan", "JAN", "June", "2022", "11",
            ":", "52", "5", "GMT", "gmt", "UTC", "UT", "utc", "Z", "z", "+0800", "-0500", "+08:00", "x", "-", "T", "t",
            "Invalid", "invalid", "Date", "DATE", "\n", "é", "２", "\u{0}", "\u{1C}",
        ]
        let starts = ["", "Tue, 04 Jan 2022 11:52", "04 Jan 2022 11:52:42 ", "2022-01-04", "2022-01-04 11:52",
                      "Invalid Date", "inValid"]
        var generator = SystemRandomNumberGenerator()
        var matched = 0
        for _ in 0..<20_000 {
            let value = starts.randomElement(using: &generator)! + pieces.randomText(count: 0...4, using: &generator)
            let plain = value.utf8.allSatisfy { (0x20..<0x7F).contains($0) || $0 == 0x09 }
            let rfc = DateShapes.rfc1123Groups(value)
            let zoneless = DateShapes.zonelessGroups(value)
            let invalid = DateShapes.isInvalidDate(value)
            guard plain else {
                #expect(rfc == nil && zoneless == nil && invalid == nil, "\(value.debugDescription)")
                continue
            }
            #expect(rfc == .some(DateValue.groups(of: DateValue.rfc1123, in: value)), "\(value.debugDescription)")
            #expect(zoneless == .some(DateValue.groups(of: DateValue.zoneless, in: value)), "\(value.debugDescription)")
            #expect(invalid == (value.caseInsensitiveCompare("Invalid Date") == .orderedSame), "\(value.debugDescription)")
            if rfc! != nil || zoneless! != nil || invalid == true { matched += 1 }
        }
        // About 1,300 of the 20,000 values match one of them.
        #expect(matched > 100)
    }

    @Test func acceptedShapes() {
        for value in ["2022-01-04T11:52:42Z", "2022-01-04 19:52:42 +08:00", "2022-01-04\t9:52+0800", "2022-01-04t11:52z",
                      "2022-01-04T11:52:42.5-05"] {
            #expect(DateShapes.isISOWithZone(value) == true, "\(value)")
        }
        for value in ["2022-01-04T11:52:42", "2022-01-04T11:52:42+08:0", "2022-01-04T123:52Z", "Tue, 04 Jan 2022"] {
            #expect(DateShapes.isISOWithZone(value) == false, "\(value)")
        }
        #expect(DateShapes.isDayOnly("2022-01-04") == true)
        #expect(DateShapes.isDayOnly("2022-01-04 ") == false)
        #expect(DateShapes.isDayOnly("２０２２-01-04") == nil)
    }

    /// Gregorian day validity agrees with the calendar's, months and days out of range included.
    @Test func dayValidityAgreesWithTheCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var generator = SystemRandomNumberGenerator()
        let years = [1500, 1582, 1583, 1600, 1700, 1900, 1970, 2000, 2020, 2023, 2024, 2100, 9999]
        for _ in 0..<5_000 {
            let year = Bool.random(using: &generator) ? years.randomElement(using: &generator)!
                : Int.random(in: 0...9999, using: &generator)
            let month = Int.random(in: 1...12, using: &generator)
            let day = Int.random(in: 0...32, using: &generator)
            let expected = DateComponents(year: year, month: month, day: day).isValidDate(in: calendar)
            #expect(DateValue.Fields.isValidDay(year: year, month: month, day: day) == expected,
                    "\(year)-\(month)-\(day)")
        }
    }

    @Test func paddedFieldsMatchPrintf() {
        for (value, width) in [(0, 4), (7, 2), (12, 2), (2022, 4), (99, 4), (12345, 4)] {
            #expect(DateValue.Fields.padded(value, width) == String(format: "%0\(width)d", value))
        }
    }
}

/// A reported problem: a violation stamped with its rule and severity, detached from any document.
public struct Finding: Hashable, Sendable, Codable {
    public let ruleID: String
    public let severity: Severity
    public let message: String
    public let location: Location
    /// The byte offset of `location` in the file as read, from its first byte: a UTF-8 byte order mark and the
    /// carriage returns of CRLF line breaks count. For what `fix --write` leaves, the offset in the written file.
    public let utf8Offset: Int
    /// The fix title, when the finding can be fixed.
    public let fixTitle: String?
    /// The fix's applicability, when the finding can be fixed.
    public let fixApplicability: Applicability?

    public init(
        ruleID: String, severity: Severity, message: String, location: Location, utf8Offset: Int = 0,
        fixTitle: String? = nil, fixApplicability: Applicability? = nil
    ) {
        self.utf8Offset = utf8Offset
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.location = location
        self.fixTitle = fixTitle
        self.fixApplicability = fixApplicability
    }

    public var isFixable: Bool { fixApplicability == .safe }
    public var hasUnsafeFix: Bool { fixApplicability == .unsafe }
}

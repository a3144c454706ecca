internal import CLibXML2

/// Options for libxml2's HTML parser.
///
/// The default never touches the network, recovers from broken markup and stays silent:
/// scraped input is never trusted and its errors are not the user's to read.
public struct ParseOptions: OptionSet, Sendable {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let recover = ParseOptions(rawValue: Int32(HTML_PARSE_RECOVER.rawValue))
    public static let noError = ParseOptions(rawValue: Int32(HTML_PARSE_NOERROR.rawValue))
    public static let noWarning = ParseOptions(rawValue: Int32(HTML_PARSE_NOWARNING.rawValue))
    public static let noNetwork = ParseOptions(rawValue: Int32(HTML_PARSE_NONET.rawValue))
    public static let noDefaultDTD = ParseOptions(rawValue: Int32(HTML_PARSE_NODEFDTD.rawValue))
    /// Lifts libxml2's depth and size limits; needed for deeply nested or very large posts.
    public static let huge = ParseOptions(rawValue: Int32(XML_PARSE_HUGE.rawValue))
    /// Keeps line numbers above 65535 exact.
    public static let bigLines = ParseOptions(rawValue: Int32(XML_PARSE_BIG_LINES.rawValue))
    /// Ignores `<meta charset>` and XML declarations: the bytes are UTF-8 (the reader checked), and a
    /// stale declaration left by a scraper must not switch the decoder to GBK or Latin-1 mid-document.
    public static let ignoreEncoding = ParseOptions(rawValue: Int32(HTML_PARSE_IGNORE_ENC.rawValue))

    public static let `default`: ParseOptions = [
        .recover, .noError, .noWarning, .noNetwork, .noDefaultDTD, .huge, .bigLines, .ignoreEncoding,
    ]
}

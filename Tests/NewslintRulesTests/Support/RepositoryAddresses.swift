import Foundation
import Testing

/// Strings that stand for image addresses in the repository's posts, for the image fast-path tests.
enum RepositoryImageAddresses {
    /// Quoted attribute and front-matter values and Markdown destinations of the example and corpus posts.
    static func all() throws -> [String] {
        let pattern = try NSRegularExpression(pattern: #"="([^"]*)"|: '?([^'\n]*)'?\n|\]\(([^)]*)\)"#)
        var values: [String] = []
        for url in Repository.examplePosts + Repository.corpusPosts {
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                for group in 1...3 {
                    if let range = Range(match.range(at: group), in: text) { values.append(String(text[range])) }
                }
            }
        }
        #expect(values.count > 1_000)
        return values
    }
}

/// The web addresses written in the repository's posts, for the link fast-path tests.
enum RepositoryWebAddresses {
    /// Every `http(s)://…` or `//…` run of the example and corpus posts, up to white space, a quote, a bracket
    /// or an angle bracket.
    static func all() throws -> [String] {
        let address = try NSRegularExpression(pattern: #"(?:https?:)?//[^\s"'<>()\[\]]+"#)
        var urls: [String] = []
        for post in Repository.examplePosts + Repository.corpusPosts {
            let text = try String(contentsOf: post, encoding: .utf8)
            for match in address.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let range = Range(match.range, in: text) { urls.append(String(text[range])) }
            }
        }
        return urls
    }
}

import Foundation
import Testing
@testable import NewslintCore

@Suite struct PathTextTests {
    /// The byte readings agree with `NSString`'s path methods on the cases that tell readings apart (hidden
    /// files, trailing and doubled slashes, `..`, the root). `NSString` folds `//` inside a folder, which names the
    /// same folder; the folders are compared with it folded. The root written `//` or `///` is "" to Foundation and
    /// "/" here, as `/` is to both. (No random paths: Foundation's methods trap on some,
    /// see `whereFoundationTrapsTheBytesAnswer`.)
    @Test func agreesWithNSString() {
        let cases = ["a.html", "a.HTML", "x/a.html/", "x/a.html//", "dir.html/post.md", ".html", "x/.html", "ab.",
                     "a.html.md", "a..html", "/", "", "a.html ", "x.html/..", ".htm.", "..html", "x/./a.html",
                     "a.html/.", "//ab", "ab//cd", "ab//cd//ef", "/ab", "ab/cd/", "posts/2022/新闻.HtMl",
                     "新闻/说明", "/srv/新闻.md", "docs/read.me.md", "x.y/z"]
        for path in cases {
            let native = path as NSString
            #expect(PathText.pathExtension(of: path) == native.pathExtension, "\(path.debugDescription)")
            #expect(PathText.lastComponent(of: path) == native.lastPathComponent, "\(path.debugDescription)")
            #expect(folded(PathText.folder(of: path)) == native.deletingLastPathComponent, "\(path.debugDescription)")
            let isHTML = ["html", "htm"].contains(native.pathExtension.lowercased())
            #expect(PostError.isHTMLFileName(path) == isHTML, "\(path.debugDescription)")
        }
    }

    /// Where Foundation traps (a name of one character such as `a` or `新`, `//` before a CJK name), the byte
    /// readings answer.
    @Test func whereFoundationTrapsTheBytesAnswer() {
        #expect(PathText.folder(of: "///") == "/" && PathText.lastComponent(of: "//") == "/")
        #expect(PathText.folder(of: "a") == "" && PathText.folder(of: "a/") == "")
        #expect(PathText.lastComponent(of: "a/") == "a" && PathText.pathExtension(of: ".") == "")
        #expect(PathText.folder(of: "新") == "")
        #expect(PathText.folder(of: "新/") == "")
        #expect(PathText.folder(of: "新闻/说明") == "新闻")
        #expect(PathText.lastComponent(of: "//新") == "新")
        #expect(PathText.pathExtension(of: "//新.HTML") == "HTML")
        #expect(PostError.isHTMLFileName("posts/新闻.HtMl"))
        #expect(!PostError.isHTMLFileName("//新"))
        #expect(!PostError.isHTMLFileName("a.ｈｔｍｌ"))
    }

    private func folded(_ path: String) -> String {
        var result = path
        while result.contains("//") { result = result.replacingOccurrences(of: "//", with: "/") }
        return result
    }
}

import Foundation
import NewslintCore
import NewslintDOM
import Testing

/// An article the publishing-target tests publish: a post's cleaned body, or a template sample.
struct TargetArticle: Sendable {
    let name: String
    /// The body the writer converts, as HTML.
    let cleanedHTML: String

    func markdown(for target: PublishingTarget) throws -> String {
        MarkdownWriter(target: target).markdown(for: try HTMLBody.parse(cleanedHTML).body)
    }

    func expectedBlocks() throws -> [ArticleBlock] {
        ArticleReader.blocks(of: try HTMLBody.parse(cleanedHTML).body)
    }
}

/// Publishes every article with a real template engine and Markdown renderer, one engine run for all of them.
enum TargetEngines {
    /// What one run gave: the HTML of each article's page, the engine's error for one article, or a failure
    /// of the whole run.
    struct Run: Sendable {
        var pages: [String: String] = [:]
        var errors: [String: String] = [:]
        var failure: String?
        var seconds = 0.0
    }

    /// The names of the examples, the corpus posts and the samples; cheap, for test arguments.
    static let names: [String] = RoundTripPost.urls.map(\.lastPathComponent) + TargetSamples.bodies.map(\.name)

    /// The HTML-body posts and the samples, by name; posts whose body is Markdown or unreadable are left out.
    static let articles: [String: TargetArticle] = {
        var articles: [String: TargetArticle] = [:]
        for url in RoundTripPost.urls {
            guard case .html(let post)? = try? RoundTripPost.read(url) else { continue }
            articles[post.name] = TargetArticle(name: post.name, cleanedHTML: post.cleanedHTML)
        }
        for sample in TargetSamples.bodies {
            articles[sample.name] = TargetArticle(name: sample.name, cleanedHTML: sample.html)
        }
        return articles
    }()

    static let nunjucks = timed { try publishWithNunjucks() }
    static let jekyll = timed { try publishWithJekyll() }
    static let hugo = timed { try publishWithHugo() }

    /// Debian installs node modules under /usr/share/nodejs, which node does not search by itself.
    static var nodePath: String {
        ProcessInfo.processInfo.environment["NODE_PATH"] ?? "/usr/share/nodejs"
    }

    static var nunjucksIsInstalled: Bool {
        RoundTripTools.node.path != nil && nodePath.split(separator: ":").contains { directory in
            FileManager.default.fileExists(atPath: "\(directory)/nunjucks/package.json")
        }
    }

    static let nunjucksSkipMessage = Comment(
        rawValue: "Nunjucks is not installed (apt-get install nodejs node-nunjucks, NODE_PATH=/usr/share/nodejs); "
            + "it is required when CI=true")

    private static func timed(_ publish: () throws -> Run) -> Run {
        let start = Date()
        var run: Run
        do {
            run = try publish()
        } catch {
            run = Run(failure: "\(error)")
        }
        run.seconds = Date().timeIntervalSince(start)
        return run
    }

    // MARK: Hexo

    /// Nunjucks as Hexo configures it renders each file, then cmark-gfm renders the result.
    private static func publishWithNunjucks() throws -> Run {
        let node = try RoundTripTools.node.requiredPath()
        let directory = try RoundTripTools.temporaryDirectory("nunjucks")
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("in")
        let output = directory.appendingPathComponent("out")
        try write(.hexo, into: input, frontMatter: { _ in "" })
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let script = directory.appendingPathComponent("render.js")
        try nunjucksScript.write(to: script, atomically: false, encoding: .utf8)
        _ = try RoundTripTools.runChecked(node, [script.path, input.path, output.path],
                                          environment: ["NODE_PATH": nodePath])
        var run = Run()
        for name in articles.keys {
            let page = output.appendingPathComponent("\(name).md")
            if let error = try? String(contentsOf: page.appendingPathExtension("error"), encoding: .utf8) {
                run.errors[name] = error
            } else {
                run.pages[name] = try RoundTripTools.renderCommonMark(String(contentsOf: page, encoding: .utf8))
            }
        }
        return run
    }

    private static let nunjucksScript = """
        const fs = require("fs");
        const path = require("path");
        const nunjucks = require("nunjucks");
        const env = new nunjucks.Environment(null, { autoescape: false });
        const [input, output] = process.argv.slice(2);
        for (const name of fs.readdirSync(input)) {
            const text = fs.readFileSync(path.join(input, name), "utf8");
            try {
                fs.writeFileSync(path.join(output, name), env.renderString(text, {}));
            } catch (error) {
                fs.writeFileSync(path.join(output, name + ".error"), String(error.message));
            }
        }

        """

    // MARK: Jekyll

    /// A site of one page per article, built with Liquid and jekyll-commonmark (cmark-gfm, raw HTML kept).
    private static func publishWithJekyll() throws -> Run {
        let jekyll = try RoundTripTools.jekyll.requiredPath()
        let site = try RoundTripTools.temporaryDirectory("jekyll")
        defer { try? FileManager.default.removeItem(at: site) }
        try """
            markdown: CommonMark
            plugins: [jekyll-commonmark]
            commonmark:
              options: ["UNSAFE"]
              extensions: ["table"]

            """.write(to: site.appendingPathComponent("_config.yml"), atomically: false, encoding: .utf8)
        try write(.jekyll, into: site.appendingPathComponent("p"), frontMatter: { _ in "---\nlayout: null\n---\n" })
        let destination = site.appendingPathComponent("_site")
        _ = try RoundTripTools.runChecked(
            jekyll, ["build", "--quiet", "--disable-disk-cache", "--source", site.path,
                     "--destination", destination.path])
        return try pages(in: destination.appendingPathComponent("p"))
    }

    // MARK: Hugo

    /// A site of one page per article. Goldmark keeps raw HTML (newslint writes tables and embeds as HTML);
    /// the extensions beyond CommonMark and GFM tables are off, since typographer, linkify and definition
    /// lists change text on purpose.
    private static func publishWithHugo() throws -> Run {
        let hugo = try RoundTripTools.hugo.requiredPath()
        let site = try RoundTripTools.temporaryDirectory("hugo")
        defer { try? FileManager.default.removeItem(at: site) }
        try """
            baseURL = "http://example.org/"
            disableKinds = ["taxonomy", "term", "RSS", "sitemap", "home", "section", "robotsTXT", "404"]
            uglyURLs = true
            [markup.goldmark.renderer]
            unsafe = true
            [markup.goldmark.extensions]
            typographer = false
            linkify = false
            definitionList = false
            footnote = false
            strikethrough = false
            taskList = false
            [markup.highlight]
            codeFences = false

            """.write(to: site.appendingPathComponent("config.toml"), atomically: false, encoding: .utf8)
        let layouts = site.appendingPathComponent("layouts/_default")
        try FileManager.default.createDirectory(at: layouts, withIntermediateDirectories: true)
        try "{{ .Content }}".write(to: layouts.appendingPathComponent("single.html"), atomically: false, encoding: .utf8)
        try write(.hugo, into: site.appendingPathComponent("content/p"),
                  frontMatter: { "---\ntitle: \"\($0)\"\n---\n" })
        let destination = site.appendingPathComponent("public")
        _ = try RoundTripTools.runChecked(
            hugo, ["--quiet", "--source", site.path, "--destination", destination.path,
                   "--cacheDir", site.appendingPathComponent("cache").path])
        return try pages(in: destination.appendingPathComponent("p"))
    }

    // MARK: Files

    private static func write(
        _ target: PublishingTarget, into directory: URL, frontMatter: (String) -> String
    ) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for article in articles.values {
            let text = frontMatter(article.name) + (try article.markdown(for: target))
            try text.write(to: directory.appendingPathComponent("\(article.name).md"), atomically: false,
                           encoding: .utf8)
        }
    }

    private static func pages(in directory: URL) throws -> Run {
        var run = Run()
        for name in articles.keys {
            let page = directory.appendingPathComponent("\(name).html")
            run.pages[name] = try String(contentsOf: page, encoding: .utf8)
        }
        return run
    }
}

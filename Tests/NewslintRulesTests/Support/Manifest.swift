import Foundation
import Testing

/// `../shared/corpus/MANIFEST.tsv`: one row per corpus post with its source, category path and 0/1 artefact flags.
struct ManifestEntry: Sendable, CustomTestStringConvertible {
    /// The post's path relative to the corpus folder, e.g. `posts/12923429753.md`.
    let file: String
    /// The source as the manifest names it: the front-matter author, e.g. `开源中国 - 资讯`.
    let source: String
    let categoryPath: String
    let frontMatterVariant: String
    /// The artefact columns set to 1.
    let flags: Set<String>

    /// The file name, e.g. `12923429753.md`.
    var name: String { (file as NSString).lastPathComponent }

    /// The source with a ` - 子栏目` suffix removed, as site detection compares it.
    var baseSource: String {
        guard let range = source.range(of: " - ") else { return source }
        return String(source[..<range.lowerBound])
    }

    var testDescription: String { "\(name) (\(source))" }
}

enum Manifest {
    /// The columns before the artefact flags.
    static let descriptiveColumns = ["file", "source", "category_path", "chars", "date_format", "frontmatter_variant"]

    /// `MANIFEST.tsv` beside the corpus's `posts/` folder, when the corpus is present.
    static var url: URL? {
        Repository.corpusDirectory?.deletingLastPathComponent().appendingPathComponent("MANIFEST.tsv")
    }

    /// The artefact column names, in file order; empty without a corpus.
    static let columns: [String] = (try? load().columns) ?? []

    /// Every row; empty without a corpus.
    static let entries: [ManifestEntry] = (try? load().entries) ?? []

    static func load() throws -> (columns: [String], entries: [ManifestEntry]) {
        guard let url else { return ([], []) }
        let lines = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline).map(String.init)
        guard let header = lines.first?.components(separatedBy: "\t") else { return ([], []) }
        let flagColumns = Array(header.dropFirst(descriptiveColumns.count))
        let entries = lines.dropFirst().compactMap { line -> ManifestEntry? in
            let fields = line.components(separatedBy: "\t")
            guard fields.count == header.count else { return nil }
            var flags: Set<String> = []
            for (offset, column) in flagColumns.enumerated() where fields[descriptiveColumns.count + offset] == "1" {
                flags.insert(column)
            }
            return ManifestEntry(file: fields[0], source: fields[1], categoryPath: fields[2],
                                 frontMatterVariant: fields[5], flags: flags)
        }
        return (flagColumns, entries)
    }

    /// The post file of an entry.
    static func postURL(of entry: ManifestEntry) -> URL? {
        Repository.corpusDirectory?.deletingLastPathComponent().appendingPathComponent(entry.file)
    }
}

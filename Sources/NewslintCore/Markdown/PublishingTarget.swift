/// Where the Markdown is published, which decides how template syntax in the article is kept literal.
///
/// Static site generators run a template engine over a post before its Markdown renderer: Hexo runs
/// Nunjucks (`{{`, `{%`, `{#` open tags, `#}` closes a comment), Jekyll runs Liquid (`{{`, `{%`), Hugo
/// expands shortcodes (`{{<`, `{{%`). Article text that holds these would be executed, or break the build.
/// `commonmark` is for a renderer that reads the Markdown directly.
public enum PublishingTarget: String, CaseIterable, Sendable {
    case commonmark
    case hexo
    case jekyll
    case hugo
}

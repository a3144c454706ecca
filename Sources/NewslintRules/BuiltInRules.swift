import NewslintCore

/// Every built-in rule, in the order the fixer applies them: boilerplate goes first so later rules see
/// only the article, and `html-body` comes last because it writes the cleaned DOM as Markdown.
public let builtInRules: [any Rule] = [
    AdCommentRule(),
    StyleBlockRule(),
    PromoBlockRule(),
    RelatedArticlesRule(),
    PageChromeRule(),
    EscapedBracesRule(),
    PresentationalMarkupRule(),
    FullwidthIndentRule(),
    EmptyParagraphRule(),
    HardwrappedTextRule(),
    CreditLineRule(),
    EditorLineRule(),
    HotlinkedImageRule(),
    PlaceholderThumbnailRule(),
    FrontMatterDateRule(),
    FrontMatterTitleRule(),
    AdThumbnailRule(),
    RedirectLinkRule(),
    AffiliateLinkRule(),
    TrackingParameterRule(),
    ProtocolRelativeURLRule(),
    ProxiedImageRule(),
    LazyImageRule(),
    UnsafeHTMLRule(),
    HTMLBodyRule(),
]

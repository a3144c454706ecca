// GENERATED from rules/ by `NEWSLINT_UPDATE_EMBEDDED=1 swift test --filter EmbeddedRuleFilesTests`.
// Do not edit: change the YAML under rules/ and regenerate.

/// The site knowledge under `rules/`, embedded in the binary.
enum EmbeddedRuleFiles {
    static let files: [(path: String, contents: String)] = [
        ("defaults.yml", ##"""
# What every site leaves behind. Site profiles in rules/sites/ add to these lists.
id: defaults
name: Defaults

ad_comments:
  # Comments are invisible in a browser but never belong in a post. These are kept:
  keep:
    - more            # Hexo's excerpt separator
    - "newslint-*"    # suppression directives
    - toc
  markers:
    - article_adlist

promo_blocks:
  - selector: span.copy-code-btn
    label: copy-code button
  - selector: div.support-author
    label: tip-the-author widget
  - selector: a.originUrl
    label: 查看知乎原文 link
  - selector: div.view-more
    label: 查看知乎讨论 link
  - selector: div.article-side
    label: share sidebar
  - selector: small.qr-small
    label: scan-to-share label

presentational:
  unwrap:
    - font
    - span
  attributes:
    - style
    - data-v-*

images:
  # Hosts that refuse images loaded with a foreign Referer header.
  hotlink_protected_hosts:
    - sinaimg.cn
    - mmbiz.qpic.cn
    - upload-images.jianshu.io
    - zhimg.com
    - byteimg.com
  # Dead image proxies; the image's own address follows the prefix (`https://cors.zfour.workers.dev/?http://…`).
  proxies:
    - https://cors.zfour.workers.dev/?
  # Attributes that hold the real source of a lazy-loaded image, in order of preference.
  lazy_attributes:
    - data-src
    - data-original-src
    - data-original
    - data-actualsrc
    - data-lazy-src
  # Placeholder thumbnails (regexes over `headimg`/`thumbnail`): random stock photos, and page addresses whose id
  # the source's template left `undefined` (`https://juejin.cn/post/undefined`).
  placeholder_thumbnails:
    - '^https?://picsum\.photos/'
    - '^https?://source\.unsplash\.com/(?:random|featured)'
    - '^https?://(?:via\.)?placeholder\.com/'
    - '^https?://[^?#]*/undefined(?:[?#].*)?$'

# Credit and source lines: kept as the post's closing lines (regexes over a line's text; a credit line is at most
# 120 characters). A site that always prints one sets `required: true` in its profile.
credit_lines:
  patterns:
    - '^本文由\s*@?\S.{0,40}?原创发布于'
    - '^本文(?:首发于|原载于|转载自|来自|来源于)'
    - '^本文(?:为|系).{0,30}原创.{0,30}转载'
    - '^编者按\s*[：:]\s*本文(?:来自|转载自|经授权|系|为)'
    - '^(?:作者|来源|出处)\s*[|｜]'
    - '^(?:文章|本文)?来源\s*[：:]'
    - '^转载自\s*[：:]'
    - '^原文链接'
    - '^原文\s*[：:]\s*https?://'
    - '^题图来自'

# Navigation to the source's other articles. A `selector` names the block; `headings` are leading labels: a
# paragraph that starts with one (bold or not, colon or not) and holds only links is the block, and a paragraph
# holding only the label takes the link paragraphs or list after it along.
related_blocks:
  - selector: div.article-relation
    label: 相关文章
  - label: 推荐阅读
    headings: [推荐阅读, 相关推荐, 往期推荐, 往期回顾, 往期精选]
  - label: 相关阅读
    headings: [相关阅读, 相关文章]

# The source page's machinery (selectors); Vue widget remnants and empty heading anchors are found by shape.
page_chrome:
  - input[type=hidden]
  - "[style*=undefinedpx]"

links:
  # Outbound-link wrappers; the target sits, URL-encoded, in `parameter`.
  redirects:
    - host: www.oschina.net
      path: /action/GoToLink
      parameter: url
    - host: links.jianshu.com
      path: /go
      parameter: to
    - host: link.zhihu.com
      parameter: target
    - host: link.juejin.cn
      parameter: target
    - host: link.csdn.net
      parameter: target
    - host: gitee.com
      path: /link
      parameter: target
    - host: www.google.com
      path: /url
      parameter: q
    - host: l.facebook.com
      path: /l.php
      parameter: u
    - host: www.youtube.com
      path: /redirect
      parameter: q
    - host: steamcommunity.com
      path: /linkfilter
      parameter: url
  # Tracking and affiliate redirects (subdomains match).
  affiliate_hosts:
    - c.duomai.com
    - pvxt.net
    - anrdoezrs.net
    - jdoqocy.com
    - tkqlhce.com
    - dpbolvw.net
    - kqzyfj.com
    - linksynergy.com
    - awin1.com
    - redirectingat.com
    - s.click.taobao.com
    - union-click.jd.com
  # Query (or `#k=v` fragment) parameters to drop: `utm_*` is a prefix, `from=pc` one value only.
  # Names containing `token` are leaked credentials and reported as such.
  tracking_parameters:
    - utm_*
    - from=pc
    - spm
    - fbclid
    - gclid
    - msclkid
    - mc_cid
    - mc_eid
    - _hsenc
    - _hsmi
    - igshid
    # WeChat's `#wechat_redirect` fragment: a sign-in hop for its in-app browser; the article loads without it.
    - wechat_redirect
    - id_token
    - access_token

embeds:
  # Hosts whose <iframe>/<embed>/<object> video and music players may stay in a post (subdomains match).
  allowed_hosts:
    - player.youku.com
    - player.bilibili.com
    - youtube.com
    - youtube-nocookie.com
    - player.vimeo.com
    - v.qq.com
    - open.iqiyi.com
    - music.163.com

"""##),
        ("sites/36kr.yml", ##"""
# 36kr (36kr.com, 资讯): business news. Paragraphs and headings carry editor labels (label="图片描述",
# classname="img-desc", an empty style), picture captions are <p class="img-desc">, image sizes sit in
# data-img-size-val, company names become entity links (a.project-link to 36kr.com/projectDetails), sometimes
# mid-word, and reposts open with 编者按：本文来自微信公众号“…”（ID:…），…，36氪经授权发布。
id: 36kr
name: 36kr

match:
  authors: [36kr, 36氪]
  categories: [36kr, 36氪]
  hosts: [36kr.com, 36krcdn.com]

presentational:
  captions:
    - p.img-desc
  attributes:
    - label
    - classname
    - data-img-size-val

# 编者按：本文来自… and 本文来自… are credit lines of `rules/defaults.yml`.
credit_lines:
  patterns:
    - '36氪经授权发布。?$'

# utm_* campaign parameters on reposted links are tracking parameters of `rules/defaults.yml`.

images:
  hotlink_protected_hosts:
    - img.36krcdn.com

examples:
  - rule: presentational-markup
    input: |
      <h2 ↓label="一级标题" style>一、背景</h2>
      <img src="https://img.36krcdn.com/20210801/v2_a_img_000" ↓data-img-size-val="1080,608" referrerpolicy="no-referrer">
      ↓<p label="图片描述" classname="img-desc" class="img-desc" style>图片来源：Facebook AI</p>
  - rule: hotlinked-image
    input: |
      <p>↓<img src="https://img.36krcdn.com/20210801/v2_a_img_000"></p>
  - rule: credit-line
    input: |
      ↓<p>编者按：本文来自微信公众号“新智元”（ID:AI_era），来源：Facebook AI，编辑：LQ，36氪经授权发布。</p>
      <p>正文第一段。</p>
  - rule: tracking-parameter
    input: |
      <p>论文见↓<a href="https://ai.facebook.com/blog/lem/?utm_source=hootsuite&utm_medium=social">Facebook AI 博客</a>。</p>
    output: |
      <p>论文见<a href="https://ai.facebook.com/blog/lem/">Facebook AI 博客</a>。</p>

"""##),
        ("sites/3dmgame.yml", ##"""
# 3DMGame (3dmgame.com, 新闻中心): game news. Every paragraph is <p style="text-indent:2em;"> with the text on
# its own lines, images are centred with <p align="center"> and carry the title as alt text, coloured spans
# mark names, and videos are youku player iframes.
id: 3dmgame
name: 3DMGame

match:
  authors: [3DMGame]
  categories: [3DMGame]
  hosts: [3dmgame.com]

presentational:
  attributes:
    - align

images:
  hotlink_protected_hosts:
    - img.3dmgame.com

# Its youku (and bilibili) players are allowed embeds of `rules/defaults.yml`.

examples:
  - rule: presentational-markup
    input: |
      <p ↓style="text-indent:2em;">
      AMD完全免疫？倒也不是。
      </p>
      <p ↓align="center"><img src="https://img.3dmgame.com/uploads/images/news/a.jpg" alt="标题" referrerpolicy="no-referrer"></p>
  - rule: hotlinked-image
    input: |
      <p align="center">↓<img src="https://img.3dmgame.com/uploads/images/news/20220313/a.jpg" alt="标题"></p>
  - rule: unsafe-html
    input: |
      <p style="text-indent:2em;">视频：</p>
      <p align="center"><iframe src="https://player.youku.com/embed/XNTE5Nzc4MjM2MA" allowfullscreen width="640" height="480" frameborder="0"></iframe></p>
      <p align="center">↓<iframe src="https://ads.example.net/player?id=1" width="640" height="480"></iframe></p>
  - rule: hardwrapped-text
    input: |
      <p style="text-indent:2em;">
      该漏洞由研究员Cooper↓
      Partin确认。
      </p>

"""##),
        ("sites/alibaba-kernel.yml", ##"""
# 阿里云系统组技术博客 (kernel.taobao.org): Linux kernel articles. Clean Jekyll HTML; dates forced to midnight,
# image paths with a double slash (https://kernel.taobao.org//2020/09/…).
id: alibaba-kernel
name: 阿里云系统组技术博客

match:
  authors: [阿里云系统组技术博客]
  categories: [阿里云系统组技术博客]
  hosts: [kernel.taobao.org]

examples:
  - rule: front-matter-date
    input: |
      ---
      author: 阿里云系统组技术博客
      date: ↓Tue, 08 Sep 2020 00:00:00 GMT
      ---
      <p>正文。</p>

"""##),
        ("sites/blogread.yml", ##"""
# 技术头条 (blogread.cn, "最新分享"): link-sharing feed. A post is a 1–3 paragraph excerpt of someone
# else's article, as bare text in the wrapper; titles end with the source host, "(mp.weixin.qq.com)".
# Every thumbnail is a picsum.photos placeholder (or empty in the early format), which `rules/defaults.yml`
# already knows; the excerpt holds no images to use instead.
id: blogread
name: 技术头条

match:
  authors: [技术头条]
  categories: [技术头条]
  hosts: [blogread.cn]

examples:
  - rule: placeholder-thumbnail
    input: |
      ---
      title: '一文理解MySQL中的page页 (mp.weixin.qq.com)'
      author: 技术头条
      headimg: ↓'https://picsum.photos/400/300?random=3630'
      thumbnail: ↓'https://picsum.photos/400/300?random=3630'
      ---
      <div>
      从InnoDB存储引擎的逻辑结构看，所有数据都被逻辑地存放在一个空间内。
      </div>
  - rule: front-matter-date
    input: |
      ---
      author: 技术头条
      date: ↓2021-11-22 12:12:13
      ---
      <div>
      摘录的第一段。
      </div>

"""##),
        ("sites/cnbeta.yml", ##"""
# cnBeta (cnbeta.com): tech news. Bodies open with bare text and a <br>, centre images with
# <p style="text-align: center;">, credit pictures in a centred line under them (（图自：…）, 截图（来自：…）),
# turn shop names into affiliate redirects (duomai, pvxt, anrdoezrs), duplicate link targets in `_src`
# and end with a 相关文章 block of links to other cnBeta articles. The feed hard-wraps English words
# inside Chinese sentences (当Linus\nTorvalds).
id: cnbeta
name: cnBeta

match:
  authors: [cnBeta]
  categories: [cnBeta]
  hosts: [cnbeta.com, cnbetacdn.com]

presentational:
  attributes:
    - _src
    - data-link

credit_lines:
  patterns:
    # Picture credits under an image: （图自：Microsoft 官网）, 截图（来自：GitHub）, 资料图（来自：Samsung）
    - '^[^（(]{0,12}[（(](图自|图片来自|来自|via)[：: ]'

# Also cnBeta's, in `rules/defaults.yml` because other sites use them too: the 相关文章 block
# (related_blocks: div.article-relation) and the affiliate hosts (c.duomai.com, pvxt.net, anrdoezrs.net …).

examples:
  - rule: presentational-markup
    input: |
      <p>更新见<a href="https://www.cnbeta.com/articles/tech/1.htm" ↓_src="https://www.cnbeta.com/articles/tech/1.htm">此前报道</a>。</p>
    output: |
      <p>更新见<a href="https://www.cnbeta.com/articles/tech/1.htm">此前报道</a>。</p>
  - rule: presentational-markup
    input: |
      <p ↓style="text-align: center;">（图自：Microsoft 官网）</p>
    output: |
      <p>（图自：Microsoft 官网）</p>
  - rule: credit-line
    input: |
      <div>
      <p><img src="https://static.cnbetacdn.com/article/2022/0602/a.png"></p>
      <p style="text-align: center;">截图（来自：GitHub）</p>
      ↓<p>来源：ITNews.au</p>
      <p>正文继续。</p>
      </div>
  - rule: related-articles
    input: |
      <p>正文。</p>
      ↓<div class="article-relation"><p><strong>相关文章:</strong></p><p><a href="https://www.cnbeta.com/articles/tech/1318325.htm" target="_blank">另一篇文章</a></p></div>
    output: |
      <p>正文。</p>
  - rule: affiliate-link
    input: |
      <p>更大的轴流↓<a data-link="1" href="https://c.duomai.com/track.php?site_id=242986&euid=&t=https%3A%2F%2Flist.jd.com%2Flist.html%3Fcat%3D737" target="_blank">风扇</a>，以及↓<a href="https://microsoft.pvxt.net/x9Vg1" target="_blank">Windows</a>。</p>
  - rule: hardwrapped-text
    input: |
      <p>当Linus↓
      Torvalds宣布这一消息时，社区反应热烈。</p>

"""##),
        ("sites/dockone.yml", ##"""
# Dockone (dockone.io, 周报): cloud-native articles. Bodies are <br>-separated text with headings inline,
# code in <pre class="prettyprint"> with <br> line breaks, images in <div class="aw-upload-img-list"> with
# lightbox links, a 【编者的话】 lead, credits as "作者 | …<br>来源 | …" and 原文链接, and on early posts an
# attachment list padded with long runs of spaces.
id: dockone
name: Dockone

match:
  authors: [Dockone]
  categories: [Dockone]
  hosts: [dockone.io]

presentational:
  unwrap:
    - div.aw-upload-img-list

page_chrome:
  - ul.aw-upload-file-list

# 作者 | …, 来源 | … and 原文链接 are credit lines of `rules/defaults.yml`.
credit_lines:
  patterns:
    - '^原文作者[：:]'
    - '^译者[：:]'
    # picture credits, in <em> under an image
    - '^图片来自'

examples:
  - rule: credit-line
    input: |
      <div>
      ↓作者 | Vineyard 团队<br>
      ↓来源 | <a href="https://mp.weixin.qq.com/s/abc">阿里巴巴云原生公众号</a><br>
      <h3>背景</h3>正文。<br>
      </div>
  - rule: page-chrome
    input: |
      <div>
      <p>原文链接：<a href="https://mp.weixin.qq.com/s/abc">https://mp.weixin.qq.com/s/abc</a></p>
      ↓<ul class="aw-upload-file-list">
      </ul>
      </div>
  - rule: presentational-markup
    input: |
      ↓<div class="aw-upload-img-list active"><a href="http://dockone.io/uploads/article/1.png" rel="lightbox"><img src="http://dockone.io/uploads/article/1.png" class="img-polaroid" alt="1.png"></a></div>

"""##),
        ("sites/gameres.yml", ##"""
# GameRes 游资网 (gameres.com): game-industry articles from a Discuz forum. Bodies are <br>-separated text,
# sometimes inside a one-cell layout table (<td class="t_f" id="postmessage_…">), images are Discuz
# attachments (<img aid zoomfile data-original inpost …> in <div align="center">), captions and credits are
# grey <font size="2"><font color="#808080"> runs (来源：游戏葡萄, 原文：https://mp.weixin.qq.com/…),
# leads are <div class="quote"><blockquote>导语：…, and dates are often `Invalid Date` or forced midnight.
id: gameres
name: GameRes 游资网

match:
  authors: [GameRes 游资网]
  categories: [GameRes 游资网]
  hosts: [gameres.com, 699h5.com]

# A one-cell layout table (<table cellspacing="0"><tr><td class="t_f">) is flattened by the Markdown writer.
presentational:
  unwrap:
    - div.quote
  attributes:
    - align
    - aid
    - zoomfile
    - inpost

# 来源：… and 原文：https://… are credit lines of `rules/defaults.yml`; these are GameRes's own.
credit_lines:
  patterns:
    - '^原文[：:]'
    - '^文[／/]'
    - '^以下文章来源于'

images:
  hotlink_protected_hosts:
    - di.gameres.com
    - di.699h5.com
  lazy_attributes:
    - zoomfile

examples:
  - rule: presentational-markup
    input: |
      <p>正文。<br>↓<font size="2">↓<font color="#808080">来源：游戏葡萄</font></font><br></p>
  - rule: empty-paragraph
    input: |
      <p>正文。</p>
      ↓<font size="2"><font color="#808080"></font></font>
  - rule: hotlinked-image
    input: |
      <div align="center">
      ↓<img aid="1028336" zoomfile="https://di.gameres.com/attachment/forum/a.jpg" width="600" inpost="1" src="https://di.gameres.com/attachment/forum/a.jpg">
      </div>
  - rule: credit-line
    input: |
      <div>
      ↓<font size="2"><font color="#808080">来源：游戏葡萄</font></font><br>
      正文第一段。<br>
      正文第二段。<br>
      </div>
  - rule: front-matter-title
    input: |
      ---
      title: ↓"""""""""""'网易开年第一款MMO，《天谕》手游背后的技术究竟有多强？'"""""""""""
      author: GameRes 游资网 - 列表
      ---
      <div>
      正文。<br>
      </div>
    output: |
      ---
      title: '网易开年第一款MMO，《天谕》手游背后的技术究竟有多强？'
      author: GameRes 游资网 - 列表
      ---

      <div>
      正文。<br>
      </div>
  - rule: lazy-image
    input: |
      <div align="center">
      ↓<img aid="1028336" zoomfile="https://di.gameres.com/attachment/forum/202201/17/a.jpg" width="600" inpost="1" src="https://di.gameres.com/static/image/common/blank.gif">
      </div>

"""##),
        ("sites/hexo-yilia.yml", ##"""
# Hexo (Yilia 主题博客): a personal Hexo blog with the Yilia theme, labelled "Hexo" by the feed. The body is the
# post's excerpt as bare text lines, padded with indented blank lines before the closing wrapper; the thumbnail is
# a picsum.photos placeholder. Hexo's own <!-- more --> separator is kept (see `rules/defaults.yml`).
id: hexo-yilia
name: Hexo (Yilia 主题博客)

match:
  authors: [Hexo]
  categories: [Yilia 主题博客]

examples:
  - rule: ad-comment
    input: |
      <p>摘要。</p>
      <!-- more -->
      <p>正文。</p>
      ↓<!-- theme: yilia -->
    output: |
      <p>摘要。</p>
      <!-- more -->
      <p>正文。</p>
  - rule: placeholder-thumbnail
    input: |
      ---
      author: Hexo
      headimg: ↓'https://picsum.photos/400/300?random=3528'
      ---
      <div>
      上个礼拜刚刚结束一个Vue项目。
      </div>

"""##),
        ("sites/infoq.yml", ##"""
# InfoQ 中文 (infoq.cn, 话题): runs of empty <p></p> before headings, inline <code lang="go"> without <pre>,
# stray quotes after auto-links, and lists flattened into one blockquote line ("1. …2. …").
id: infoq
name: InfoQ 中文

match:
  authors: [InfoQ 中文, InfoQ]
  categories: [InfoQ 中文, InfoQ]
  hosts: [infoq.cn, geekbang.org]

presentational:
  attributes:
    - lang

examples:
  - rule: empty-paragraph
    input: |
      <p>前文。</p>↓<p></p>↓<p></p><h2>为什么写这个库</h2>
    output: |
      <p>前文。</p>
      <h2>为什么写这个库</h2>

"""##),
        ("sites/jianshu.yml", ##"""
# 简书 (jianshu.com, 首页): user articles. Images sit in <div class="image-package"><div class="image-container">
# … with the real source in a protocol-relative data-original-src plus data-original-width/height/format/
# filesize, the caption in <div class="image-caption"> (often empty), links go through links.jianshu.com/go?to=,
# `#` comments in pasted Markdown became <h1> inside list items, and every date is `Invalid Date`.
id: jianshu
name: 简书

match:
  authors: [简书]
  categories: [简书]
  hosts: [jianshu.com, jianshu.io]

presentational:
  unwrap:
    - div.image-package
    - div.image-container
    - div.image-view
  captions:
    - div.image-caption
  attributes:
    - data-original-width
    - data-original-height
    - data-original-format
    - data-original-filesize
    - data-width
    - data-height

page_chrome:
  - div.image-container-fill

# Also in `rules/defaults.yml`: upload-images.jianshu.io (hotlink-protected), data-original-src (lazy
# attribute) and the links.jianshu.com/go?to= redirect. The older link.jianshu.com?t= form is jianshu's own.
links:
  redirects:
    - host: link.jianshu.com
      parameter: t

examples:
  - rule: presentational-markup
    input: |
      ↓<div class="image-package">↓<div class="image-view" data-width="610" data-height="305"><img src="https://upload-images.jianshu.io/upload_images/1.png" referrerpolicy="no-referrer"></div>↓<div class="image-caption">docker</div></div>
  - rule: empty-paragraph
    input: |
      <div class="image-package">
      <img src="https://upload-images.jianshu.io/upload_images/1.png" referrerpolicy="no-referrer">
      ↓<div class="image-caption"></div>
      </div>
  - rule: hotlinked-image
    input: |
      <div class="image-view">↓<img data-original-src="//upload-images.jianshu.io/upload_images/1.png" src="https://upload-images.jianshu.io/upload_images/1.png"></div>
  - rule: lazy-image
    input: |
      <div class="image-view">↓<img data-original-src="//upload-images.jianshu.io/upload_images/8207483-202c.png" data-original-width="610"></div>
  - rule: protocol-relative-url
    input: |
      <p>↓<img src="//upload-images.jianshu.io/upload_images/8207483-202c.png" alt="docker"></p>
  - rule: redirect-link
    input: |
      <p>换用↓<a href="https://link.jianshu.com?t=https%3A%2F%2Fmirrors.ustc.edu.cn%2F" target="_blank">国内镜像</a>即可。</p>
    output: |
      <p>换用<a href="https://mirrors.ustc.edu.cn/" target="_blank">国内镜像</a>即可。</p>
  - rule: page-chrome
    input: |
      <div class="image-container">
      ↓<div class="image-container-fill"></div>
      <div class="image-view"><img src="https://upload-images.jianshu.io/upload_images/1.png" referrerpolicy="no-referrer"></div>
      </div>

"""##),
        ("sites/jinse.yml", ##"""
# 金色财经 (jinse.com, 快讯): crypto news flashes. Bare-text bodies, titles that are the first 80
# characters of the body plus "...", picsum.photos placeholder thumbnails, `date: Invalid Date`, and a
# closing <a>原文链接</a> to the source (often a block explorer or a WeChat article).
id: jinse
name: 金色财经

match:
  authors: [金色财经]
  categories: [金色财经]
  hosts: [jinse.com, jinse.cn, jinse.com.cn]
# The closing 原文链接 is a credit line of `rules/defaults.yml` (^原文链接).

examples:
  - rule: front-matter-title
    input: |
      ---
      title: '【安全团队：某协议被黑】8月8日消息，据慢雾区消息，BSC上的某项目遭受黑客攻击，导致其池子中资金被非预期↓...'
      author: 金色财经
      ---
      <div>
      【安全团队：某协议被黑】8月8日消息，据慢雾区消息，BSC上的某项目遭受黑客攻击，导致其池子中资金被非预期的取出。<br><a href="https://bscscan.com/tx/0x50da" target="_blank">原文链接</a>
      </div>
  - rule: front-matter-date
    input: |
      ---
      author: 金色财经
      date: ↓Invalid Date
      ---
      <div>
      快讯正文。
      </div>
  - rule: placeholder-thumbnail
    input: |
      ---
      author: 金色财经
      headimg: ↓'https://picsum.photos/400/300?random=3171'
      ---
      <div>
      快讯正文。
      </div>

"""##),
        ("sites/juejin.yml", ##"""
# 掘金 (juejin.cn): developer articles. Every body starts <div class="markdown-body"><style>.markdown-body{…}</style>
# (~3 KB of CSS with escaped braces), headings carry data-id, each code block ends with a 复制代码 button
# (span.copy-code-btn, in `rules/defaults.yml`), images are on byteimg.com with loading="lazy", links go
# through link.juejin.cn, and link texts are truncated with "…".
id: juejin
name: 掘金

match:
  authors: [掘金]
  categories: [掘金]
  hosts: [juejin.cn, juejin.im]

presentational:
  unwrap:
    - div.markdown-body
  attributes:
    - data-id
    - loading

# byteimg.com (hotlink-protected), the link.juejin.cn redirect and the image proxy are in `rules/defaults.yml`.
links:
  redirects:
    - host: link.juejin.im
      parameter: target

examples:
  - rule: style-block
    input: |
      <div class="markdown-body">↓<style>.markdown-body&#123;word-break:break-word;line-height:1.75&#125;</style><h2 data-id="heading-0">什么是CSRF攻击？</h2></div>
  - rule: escaped-braces
    input: |
      <div class="markdown-body"><style>.markdown-body↓&#123;color:#333&#125;</style><p>正文</p></div>
  - rule: promo-block
    input: |
      <pre><code class="hljs language-js copyable">let a = 1;↓<span class="copy-code-btn">复制代码</span></code></pre>
    output: |
      <pre><code class="hljs language-js copyable">let a = 1;</code></pre>
  - rule: presentational-markup
    input: |
      ↓<div class="markdown-body"><h2 ↓data-id="heading-0">什么是CSRF攻击？</h2></div>
  - rule: hotlinked-image
    input: |
      <p>↓<img src="https://p1-juejin.byteimg.com/tos-cn-i-k3u1fbpfcp/2a29.image" alt="image.png" loading="lazy"></p>
  - rule: redirect-link
    input: |
      <p>参考：↓<a href="https://link.juejin.im/?target=https%3A%2F%2Fgithub.com%2Fdwqs%2Fblog%2Fissues%2F68" target="_blank">github.com/dwqs/blog/i…</a></p>
    output: |
      <p>参考：<a href="https://github.com/dwqs/blog/issues/68" target="_blank">github.com/dwqs/blog/i…</a></p>
  - rule: proxied-image
    input: |
      ---
      author: 掘金
      headimg: ↓'https://cors.zfour.workers.dev/?http://p9-juejin.byteimg.com/tos-cn-i-k3u1fbpfcp/a~tplv-k3u1fbpfcp-watermark.image'
      ---
      <div class="markdown-body"><p>正文。</p></div>

"""##),
        ("sites/latexstudio.yml", ##"""
# LaTeX 开源小屋 (latexstudio.net): blog reposts. The article is cut from the page between <!-- S 正文 --> and
# <!-- E 正文 --> markers, opens with a <p> holding only ~56 spaces and ends with empty <p></p>, lists carry
# UEditor's class=" list-paddingleft-2" and long inline style, headings end with empty anchors, code braces are
# escaped, and some spaces are NBSP or other Unicode spaces.
id: latexstudio
name: LaTeX 开源小屋

match:
  authors: [LaTeX 开源小屋]
  categories: [LaTeX 开源小屋]
  hosts: [latexstudio.net]

ad_comments:
  markers:
    - S 正文
    - E 正文

examples:
  - rule: ad-comment
    input: |
      <p>具体内容看看这里吧。</p>
      ↓<!-- E 正文 -->
    output: |
      <p>具体内容看看这里吧。</p>
  - rule: empty-paragraph
    input: |
      ↓<p>
                                                              </p><p>回顾我学习和使用 LaTeX 的经历。</p>
  - rule: page-chrome
    input: |
      <h2>背景↓<a href="https://stone-zeng.github.io//2020-02-28-latex-emoji/#%E8%83%8C%E6%99%AF"></a></h2><p>正文。</p>
  - rule: placeholder-thumbnail
    input: |
      ---
      author: LaTeX 开源小屋
      thumbnail: ↓'https://picsum.photos/400/300?random=2074'
      ---
      <p>正文。</p>

"""##),
        ("sites/meituan.yml", ##"""
# 美团技术团队 (tech.meituan.com): engineering blog. Clean HTML: headings with Chinese ids, code in
# <pre><code class="language-…"> with escaped braces, images on p0/p1.meituan.net, a 作者简介 section at the end,
# dates forced to midnight and categories with a leading em dash (— 最近更新).
id: meituan
name: 美团技术团队

match:
  authors: [美团技术团队]
  categories: [美团技术团队]
  hosts: [tech.meituan.com]

examples:
  - rule: front-matter-date
    input: |
      ---
      author: 美团技术团队
      date: ↓Fri, 22 Jan 2021 00:00:00 GMT
      ---
      <h2 id="前言">前言</h2><p>正文。</p>

"""##),
        ("sites/oschina.yml", ##"""
# 开源中国 (oschina.net, 资讯): release news. Bodies sit in <div class="content"> after ~90 spaces, every
# paragraph carries style="color:#333333; margin-left:0; …", links go through the GoToLink redirect (some
# with a broken double scheme, url=http%3A%2F%2Fhttps%2F%2F…), empty <p> </p> separate sections and code
# braces are escaped as &#123; &#125;.
id: oschina
name: 开源中国

match:
  authors: [开源中国]
  categories: [开源中国]
  hosts: [oschina.net]

presentational:
  unwrap:
    - div.content

images:
  hotlink_protected_hosts:
    - oscimg.oschina.net
    - ztf.im
  placeholder_thumbnails:
    # a Gitee statistics chart taken as the thumbnail
    - '^https?://chart\.giteye\.net/'

links:
  redirects:
    # www.oschina.net/action/GoToLink is in `rules/defaults.yml`; the bare host serves the same wrapper.
    - host: oschina.net
      path: /action/GoToLink
      parameter: url

examples:
  - rule: presentational-markup
    input: |
      ↓<div class="content"><p ↓style="color:#333333; margin-left:0; margin-right:0; text-align:left">PicHome 发布。</p></div>
  - rule: empty-paragraph
    input: |
      <p>上一节。</p>
      ↓<p> </p>
      <p>下一节。</p>
  - rule: hotlinked-image
    input: |
      <p>↓<img alt src="https://oscimg.oschina.net/oscnet/up-942f.jpg" width="1440"></p>
  - rule: redirect-link
    input: |
      <p>项目地址：↓<a href="https://oschina.net/action/GoToLink?url=https%3A%2F%2Fgitee.com%2Fdromara%2Fsoul" target="_blank">soul</a></p>
    output: |
      <p>项目地址：<a href="https://gitee.com/dromara/soul" target="_blank">soul</a></p>
  - rule: redirect-link
    input: |
      <p>详见↓<a href="https://www.oschina.net/action/GoToLink?url=http%3A%2F%2Fhttps%2F%2Fwww.yuque.com%2Fdocs" target="_blank">使用文档</a>。</p>
    output: |
      <p>详见<a href="https://www.yuque.com/docs" target="_blank">使用文档</a>。</p>
  - rule: placeholder-thumbnail
    input: |
      ---
      author: 开源中国
      headimg: ↓'https://chart.giteye.net/gitee/dromara/soul/2ZKY3P9W.png'
      ---
      <div class="content">
      <p>Soul 网关发布新版本。</p>
      <p><img src="https://oscimg.oschina.net/oscnet/up-942f.png"></p>
      </div>

"""##),
        ("sites/segmentfault.yml", ##"""
# segmentfault (segmentfault.com): 频道 and 用户 articles, often reposted from WeChat or 阿里云. Series posts
# open with a **推荐阅读：** link to the previous part, images are lazy (<span class="img-wrap"><img
# class="lazy">, broken src="https://segmentfault.com/a/undefined"), reposted links keep link.zhihu.com
# wrappers, and posts end with 原文链接 and 本文为阿里云原创内容，未经允许不得转载。 Early-format posts keep raw
# braces in code; later ones escape them.
id: segmentfault
name: segmentfault

match:
  authors: [segmentfault]
  categories: [segmentfault]
  hosts: [segmentfault.com]

presentational:
  unwrap:
    - span.img-wrap

# Also in `rules/defaults.yml`: the 推荐阅读 heading (related_blocks), the credit lines 原文链接 and
# 本文为…原创…转载, the link.zhihu.com wrapper and the data-src lazy attribute.

images:
  hotlink_protected_hosts:
    - segmentfault.com

links:
  redirects:
    - host: link.segmentfault.com
      parameter: url
  # WeChat share links (mp.weixin.qq.com/s?__biz=…&chksm=…&scene=21#wechat_redirect): the checksum and the
  # entry scene only track the click; __biz, mid, idx and sn name the article. (The #wechat_redirect fragment
  # is dropped by `rules/defaults.yml`.)
  tracking_parameters:
    - chksm
    - scene=21

examples:
  - rule: related-articles
    input: |
      ↓<p><strong>推荐阅读：</strong><a href="http://mp.weixin.qq.com/s?__biz=MzI0&mid=22&idx=3&sn=51#wechat_redirect" rel="nofollow">每天学一个 Linux 命令（68）：lsof</a></p><h2>命令简介</h2><p>正文。</p>
    output: |
      <h2>命令简介</h2>
      <p>正文。</p>
  - rule: tracking-parameter
    input: |
      <p>↓<a href="http://mp.weixin.qq.com/s?__biz=MzI0&mid=22&idx=3&sn=ac31&chksm=e918c2e7&scene=21#wechat_redirect" rel="nofollow">每天学一个 Linux 命令（66）：ss</a></p>
    output: |
      <p><a href="http://mp.weixin.qq.com/s?__biz=MzI0&amp;mid=22&amp;idx=3&amp;sn=ac31" rel="nofollow">每天学一个 Linux 命令（66）：ss</a></p>
  - rule: redirect-link
    input: |
      <p>↓<a href="https://link.segmentfault.com/?enc=abc&url=https%3A%2F%2Fknative.dev%2Fdocs" rel="nofollow">Knative 文档</a></p>
    output: |
      <p><a href="https://knative.dev/docs" rel="nofollow">Knative 文档</a></p>
  - rule: lazy-image
    input: |
      <p><span class="img-wrap">↓<img class="lazy" data-src="https://segmentfault.com/img/remote/1460000039674778" src="https://segmentfault.com/a/undefined" alt title></span></p>
  - rule: placeholder-thumbnail
    input: |
      ---
      author: segmentfault - 频道
      thumbnail: ↓https://segmentfault.com/a/undefined
      ---
      <div>
      <p>nslookup 命令用于查询域名 DNS 信息。</p>
      </div>

"""##),
        ("sites/sina-finance.yml", ##"""
# 新浪财经 (Sina Finance): finance.sina.com.cn articles as scraped by RSSHub.
# Leaves template comments (news_keyword_pub, 正文下iframe, 总声明, 文末二维码, 编辑姓名及工作代码), the
# "尽在新浪财经APP" QR box with its <style>, U+3000 paragraph indents, div.img_wrapper/span.img_descr image
# wrappers, <font cms-style="strong-Bold"> for bold and the 责任编辑 line, which every article carries.
id: sina-finance
name: 新浪财经

match:
  authors: [新浪财经]
  categories: [新浪财经]
  hosts: [finance.sina.com.cn, finance.sina.cn]

ad_comments:
  markers:
    - article_adlist
    - news_keyword_pub
    - 正文下iframe
    - 总声明
    - 文末二维码
    - 编辑姓名及工作代码

promo_blocks:
  - selector: div.appendQr_wrap
    label: 新浪财经 APP QR code box

presentational:
  bold:
    - "font[cms-style~=strong-Bold]"
  unwrap:
    - div.img_wrapper
  captions:
    - span.img_descr
  attributes:
    - cms-style

editor_line:
  pattern: "^责任编辑[：:]"
  required: true

images:
  hotlink_protected_hosts:
    - sinaimg.cn
  ad_images:
    - https://n.sinaimg.cn/finance/cece9e13/20200514/343233024.png

examples:
  - rule: promo-block
    input: |
      <p>正文。</p>
      ↓<div class="clearfix appendQr_wrap"><div class="appendQr_normal"><img src="https://n.sinaimg.cn/finance/cece9e13/20200514/343233024.png"></div><div class="appendQr_normal_txt">海量资讯、精准解读，尽在新浪财经APP</div></div>
    output: |
      <p>正文。</p>
  - rule: ad-comment
    input: |
      <p>正文。</p>
      ↓<!-- 正文下iframe -->
    output: |
      <p>正文。</p>
  - rule: ad-comment
    input: |
      <p>最后一段。</p>↓<!-- news_keyword_pub,stock, -->
      ↓<!-- 总声明-->
      ↓<!-- 文末二维码 start -->
    output: |
      <p>最后一段。</p>
  - rule: style-block
    input: |
      <p>正文。</p>
      ↓<style>.appendQr_normal&#123;float:left;&#125;</style>
    output: |
      <p>正文。</p>
  - rule: presentational-markup
    input: |
      <p>↓<font cms-style="strong-Bold">重要</font>内容</p>
    output: |
      <p><strong>重要</strong>内容</p>
  - rule: presentational-markup
    input: |
      ↓<div class="img_wrapper"><img src="https://n.sinaimg.cn/a.jpg" referrerpolicy="no-referrer">↓<span class="img_descr">图注</span></div>
  - rule: fullwidth-indent
    input: |
      <p>↓　　打篮球的友友们应该知道。</p>
  - rule: hotlinked-image
    input: |
      <p>↓<img src="https://n.sinaimg.cn/spider20220731/a.gif" alt="图"></p>
    output: |
      <p><img src="https://n.sinaimg.cn/spider20220731/a.gif" alt="图" referrerpolicy="no-referrer"></p>
  - rule: editor-line
    input: |
      ---
      author: 新浪财经
      ---
      ↓<p>正文。</p>
  - rule: editor-line
    input: |
      ↓<p class="article-editor">责任编辑：刘玄逸 </p>
      <p>正文。</p>

"""##),
        ("sites/sspai.yml", ##"""
# 少数派 sspai (sspai.com, Matrix): a Vue SSR page. Every element carries data-v-<hash>, the article sits in
# div.articleWidth-content > div.content.wangEditor-txt, images in <figure class="image ss-img-wrapper"> with an
# ?imageView2/… resize suffix and the original in data-original, empty <!----> placeholder comments are
# everywhere, and the share/like sidebar (div.article-side, with a 扫码分享 QR label, weibo and twitter share
# links whose url=null, width:undefinedpx) follows the article. The sidebar selectors (div.article-side,
# small.qr-small), the page chrome ([style*=undefinedpx]) and the data-original lazy attribute are in
# `rules/defaults.yml`.
id: sspai
name: 少数派 sspai

match:
  authors: [少数派 sspai]
  categories: [少数派 sspai]
  hosts: [sspai.com]

promo_blocks:
  - selector: div.download-guide-container
    label: 少数派 app download button

presentational:
  unwrap:
    - div.articleWidth-content
    - div.wangEditor-txt

examples:
  - rule: ad-comment
    input: |
      <div class="articleWidth-content"><p>感谢阅读。</p>↓<!----></div>
    output: |
      <div class="articleWidth-content"><p>感谢阅读。</p></div>
  - rule: promo-block
    input: |
      <p>感谢阅读。</p>
      ↓<div class="article-side sideTop" style="display:none;left:0;" data-v-7be936cf><div class="item-wrapper"><button class="btn btn-charge"></button><span class="count">7</span></div><small class="qr-small">扫码分享</small></div>
    output: |
      <p>感谢阅读。</p>
  - rule: escaped-braces
    input: |
      <pre class="language-javascript"><code>import ↓&amp;#123; $, $$ &amp;#125; from 'dro';</code></pre>
  - rule: presentational-markup
    input: |
      ↓<div class="articleWidth-content" data-v-1eaafa2a>↓<div class="content wangEditor-txt minHeight" data-v-1eaafa2a><p ↓data-v-1eaafa2a>在很久很久以前。</p></div></div>
  - rule: page-chrome
    input: |
      <div class="articleWidth-content"><p>感谢阅读。</p></div>
      ↓<div role="tooltip" class="el-popover" style="width:undefinedpx;display:none;"><div id="qr-code"></div></div>

"""##),
        ("sites/telegram.yml", ##"""
# Telegram (telegram.org, Telegram Blog): product announcements. Videos are <video … onclick="videoTogglePlay(this)"
# autoplay loop muted> with relative poster and srcset paths (/file/…), emoji are images
# (<img class="emoji" … alt="🔥">), headings carry empty anchors (<a class="anchor" name="…"><i class="anchor-icon"></i></a>),
# whole players are commented out (<!--<div class="blog_video_player_wrap" …>…</div>-->), paragraphs are
# separated by <div><br></div>, and posts are signed <p><em>July 6, 2019<br>The Telegram Team</em></p>.
id: telegram
name: Telegram

match:
  authors: [Telegram]
  categories: [Telegram]
  hosts: [telegram.org]

page_chrome:
  - a.anchor

credit_lines:
  patterns:
    - 'The Telegram Team$'

examples:
  - rule: ad-comment
    input: |
      <p>New features.</p>
      ↓<!--<div class="blog_video_player_wrap"><video src="/file/464001273/a.mp4"></video></div>-->
    output: |
      <p>New features.</p>
  - rule: empty-paragraph
    input: |
      <p>First.</p>↓<div><br></div><p>Second.</p>
    output: |
      <p>First.</p>
      <p>Second.</p>
  - rule: unsafe-html
    input: |
      <div>↓<video src="/file/464001273/a.mp4" poster="/file/464001273/a.jpg" onclick="videoTogglePlay(this)" autoplay loop controls muted></video></div>
  - rule: page-chrome
    input: |
      <h3>↓<a class="anchor" name="open-platform" href="#open-platform"><i class="anchor-icon"></i></a>Open Platform</h3>
  - rule: credit-line
    input: |
      ↓<p><em>July 6, 2019<br>The Telegram Team</em></p>
      <p>P.S. More features are coming.</p>

"""##),
        ("sites/vgtime.yml", ##"""
# 游戏时光 (vgtime.com, 游戏时光新闻): game news. Every paragraph's text is in
# <span style="background-color: initial; letter-spacing: 1.3px;">, images in <div class="vg_insert_img"><figure
# contenteditable="false"> with an empty <figcaption class="vg_insert_img_notice" contenteditable="true">, the lead in
# <div class="abstract">, hidden inputs (topicId, puid) left from the page, and a right-aligned 来源：<a>…</a> credit.
id: vgtime
name: 游戏时光

match:
  authors: [游戏时光]
  categories: [游戏时光]
  hosts: [vgtime.com]

presentational:
  unwrap:
    - div.vg_insert_img
    - div.abstract
  captions:
    - figcaption.vg_insert_img_notice
  attributes:
    - contenteditable

# The hidden inputs (input[type=hidden]) are page chrome and 来源：… a credit line of `rules/defaults.yml`.
credit_lines:
  patterns:
    - '^文[／/]'

examples:
  - rule: presentational-markup
    input: |
      ↓<div class="vg_insert_img"><figure ↓contenteditable="false"><img src="https://img01.vgtime.com/game/a.jpg"></figure></div>
  - rule: empty-paragraph
    input: |
      <figure><img src="https://img01.vgtime.com/game/a.jpg">↓<figcaption class="vg_insert_img_notice" contenteditable="true"></figcaption></figure>
  - rule: page-chrome
    input: |
      <div class="abstract"><p>导语。</p></div>
      ↓<input type="hidden" id="topicId" value="1175965">
  - rule: credit-line
    input: |
      <div>
      ↓<p style="text-align: right;"><span>来源：</span><a href="https://www.itmedia.co.jp/">ITmedia</a></p>
      <p>正文。</p>
      </div>

"""##),
        ("sites/woshipm.yml", ##"""
# 人人都是产品经理 (woshipm.com): product-management articles. Every article opens with a
# <blockquote><p>编辑导语：…</p></blockquote> lead, keeps WordPress image classes (size-full wp-image-… aligncenter,
# data-action="zoom"), loads images through the dead cors.zfour.workers.dev proxy, and ends with the credit
# lines 本文由 @作者 原创发布于人人都是产品经理，未经作者许可，禁止转载。 and 题图来自Unsplash，基于 CC0 协议, followed by
# the 给作者打赏 tip widget (its selector, div.support-author, is in `rules/defaults.yml`).
id: woshipm
name: 人人都是产品经理

match:
  authors: [人人都是产品经理]
  categories: [人人都是产品经理]
  hosts: [woshipm.com, yunyingpai.com]

presentational:
  attributes:
    - data-action

# 本文由 @… 原创发布于… and 题图来自… are credit lines of `rules/defaults.yml`; every woshipm article has one.
credit_lines:
  patterns:
    - '^本文由\s*@.+(授权|翻译|投稿)发布于人人都是产品经理'
    - '^作者[：:]'
    - '^译者[：:]'
    - '^原文(链接)?[：:]'
  required: true

images:
  hotlink_protected_hosts:
    - image.woshipm.com
    - image.yunyingpai.com

examples:
  - rule: promo-block
    input: |
      <p>本文由 @山有木兮 原创发布于人人都是产品经理，未经作者许可，禁止转载。</p>
      ↓<div class="support-author"><div class="support-title">给作者打赏，鼓励TA抓紧创作！</div><button class="button--pay" data-post-id="1">赞赏</button></div>
    output: |
      <p>本文由 @山有木兮 原创发布于人人都是产品经理，未经作者许可，禁止转载。</p>
  - rule: presentational-markup
    input: |
      <p><img ↓data-action="zoom" class="aligncenter" src="http://image.woshipm.com/wp-files/2021/07/a.png" alt width="715"></p>
  - rule: empty-paragraph
    input: |
      <p>卸载跟软件安装类似。</p>
      ↓<p> </p>
      <p>本文由 @山有木兮 原创发布于人人都是产品经理，未经作者许可，禁止转载。</p>
  - rule: credit-line
    input: |
      ---
      author: 人人都是产品经理
      ---
      ↓<blockquote><p>编辑导语：作者基于其经验进行了分享。</p></blockquote>
      <p>正文。</p>
  - rule: proxied-image
    input: |
      <p>↓<img data-action="zoom" class="aligncenter" src="https://cors.zfour.workers.dev/?http://image.woshipm.com/wp-files/2021/07/V2oJ.png" alt width="715" height="425"></p>
    output: |
      <p><img data-action="zoom" class="aligncenter" src="http://image.woshipm.com/wp-files/2021/07/V2oJ.png" alt width="715" height="425"></p>

"""##),
        ("sites/zhihu.yml", ##"""
# 知乎 (zhihu.com): 知乎日报, 热榜 answers and 用户文章 (zhuanlan). 知乎日报 wraps the answer in page
# layout (div.main-wrap, div.img-place-holder) with the answerer's avatar first, a hidden 查看知乎原文 link
# and a 查看知乎讨论 link; 热榜 bodies open with "…的回答<br><br>"; links go through link.zhihu.com
# (sometimes double-encoded) with class=" wrap external"; images are on zhimg.com with ?source=8673f162;
# code is pygments <div class="highlight"> with escaped braces. 用户文章 in the early format carry the
# 1970 epoch-bug date.
id: zhihu
name: 知乎

match:
  authors: [知乎]
  categories: [知乎]
  hosts: [zhihu.com, zhimg.com]

presentational:
  unwrap:
    - div.main-wrap
    - div.headline
    - div.content-inner
    - div.question
    - div.answer
    - div.highlight

page_chrome:
  - div.img-place-holder
  - span.js-question-holder
  # the answerer's avatar in the 知乎日报 byline, which the feed also takes as the thumbnail
  - img.avatar

images:
  hotlink_protected_hosts:
    - zhimg.com
  placeholder_thumbnails:
    # 知乎日报 takes the answerer's avatar (…_l.jpg) as the thumbnail
    - '^https?://pic\w*\.zhimg\.com/v2-[0-9a-f]+_l\.jpg'

links:
  # link.zhihu.com/?target= is a redirect of `rules/defaults.yml` (other sites repost zhihu links).
  tracking_parameters:
    - source=8673f162

examples:
  - rule: promo-block
    input: |
      <p>正文。</p>
      ↓<div class="view-more"><a href="https://www.zhihu.com/question/305248464">查看知乎讨论<span class="js-question-holder"></span></a></div>
    output: |
      <p>正文。</p>
  - rule: promo-block
    input: |
      <div class="answer"><strong><span class="author">老狼，</span>↓<a href="https://www.zhihu.com/question/1/answer/2" class="originUrl" hidden>查看知乎原文</a></strong></div>
  - rule: hotlinked-image
    input: |
      <figure>↓<img class="content-image" src="https://pica.zhimg.com/v2-d6d4_720w.jpg?source=8673f162" alt></figure>
  - rule: redirect-link
    input: |
      <ol><li>↓<a href="https://link.zhihu.com/?target=https%3A//github.com/Freder-chen/edit_box" class=" wrap external" target="_blank" rel="nofollow noreferrer">My demo in github</a></li></ol>
    output: |
      <ol><li><a href="https://github.com/Freder-chen/edit_box" class=" wrap external" target="_blank" rel="nofollow noreferrer">My demo in github</a></li></ol>
  - rule: tracking-parameter
    input: |
      <figure>↓<img class="content-image" src="https://pic3.zhimg.com/v2-8c10_720w.jpg?source=8673f162" alt referrerpolicy="no-referrer"><figcaption>策略一</figcaption></figure>
    output: |
      <figure><img class="content-image" src="https://pic3.zhimg.com/v2-8c10_720w.jpg" alt referrerpolicy="no-referrer"><figcaption>策略一</figcaption></figure>
  - rule: placeholder-thumbnail
    input: |
      ---
      author: 知乎
      headimg: ↓'https://pic2.zhimg.com/v2-86ea4b8b7df16d9c219613abc03b1ee5_l.jpg?source=8673f162'
      ---
      <div class="answer">
      <p>先说结论。</p>
      <figure><img class="content-image" src="https://pica.zhimg.com/v2-d6d4_720w.jpg" alt referrerpolicy="no-referrer"></figure>
      </div>
  - rule: page-chrome
    input: |
      <div class="headline">
      ↓<div class="img-place-holder">

      </div>
      <p>正文。</p>
      </div>
  - rule: front-matter-date
    input: |
      ---
      author: 知乎 - 用户文章
      date: ↓Mon, 19 Jan 1970 10:51:32 GMT
      ---
      <div>
      <p>正文。</p>
      </div>

"""##),
    ]

    /// The same files decoded, without their examples, in the same order.
    static let profiles: [SiteProfileData] = [
        SiteProfileData(
            id: "defaults",
            name: "Defaults",
            adComments: SiteProfileData.AdComments(
                markers: [
                    "article_adlist",
                ],
                keep: [
                    "more",
                    "newslint-*",
                    "toc",
                ]
            ),
            promoBlocks: [
                SiteProfileData.PromoBlock(
                    selector: "span.copy-code-btn",
                    label: "copy-code button"
                ),
                SiteProfileData.PromoBlock(
                    selector: "div.support-author",
                    label: "tip-the-author widget"
                ),
                SiteProfileData.PromoBlock(
                    selector: "a.originUrl",
                    label: "查看知乎原文 link"
                ),
                SiteProfileData.PromoBlock(
                    selector: "div.view-more",
                    label: "查看知乎讨论 link"
                ),
                SiteProfileData.PromoBlock(
                    selector: "div.article-side",
                    label: "share sidebar"
                ),
                SiteProfileData.PromoBlock(
                    selector: "small.qr-small",
                    label: "scan-to-share label"
                ),
            ],
            presentational: SiteProfileData.Presentational(
                unwrap: [
                    "font",
                    "span",
                ],
                attributes: [
                    "style",
                    "data-v-*",
                ]
            ),
            creditLines: SiteProfileData.CreditLines(
                patterns: [
                    "^本文由\\s*@?\\S.{0,40}?原创发布于",
                    "^本文(?:首发于|原载于|转载自|来自|来源于)",
                    "^本文(?:为|系).{0,30}原创.{0,30}转载",
                    "^编者按\\s*[：:]\\s*本文(?:来自|转载自|经授权|系|为)",
                    "^(?:作者|来源|出处)\\s*[|｜]",
                    "^(?:文章|本文)?来源\\s*[：:]",
                    "^转载自\\s*[：:]",
                    "^原文链接",
                    "^原文\\s*[：:]\\s*https?://",
                    "^题图来自",
                ]
            ),
            relatedBlocks: [
                SiteProfileData.RelatedBlock(
                    selector: "div.article-relation",
                    label: "相关文章"
                ),
                SiteProfileData.RelatedBlock(
                    label: "推荐阅读",
                    headings: [
                        "推荐阅读",
                        "相关推荐",
                        "往期推荐",
                        "往期回顾",
                        "往期精选",
                    ]
                ),
                SiteProfileData.RelatedBlock(
                    label: "相关阅读",
                    headings: [
                        "相关阅读",
                        "相关文章",
                    ]
                ),
            ],
            pageChrome: [
                "input[type=hidden]",
                "[style*=undefinedpx]",
            ],
            images: SiteProfileData.Images(
                hotlinkProtectedHosts: [
                    "sinaimg.cn",
                    "mmbiz.qpic.cn",
                    "upload-images.jianshu.io",
                    "zhimg.com",
                    "byteimg.com",
                ],
                placeholderThumbnails: [
                    "^https?://picsum\\.photos/",
                    "^https?://source\\.unsplash\\.com/(?:random|featured)",
                    "^https?://(?:via\\.)?placeholder\\.com/",
                    "^https?://[^?#]*/undefined(?:[?#].*)?$",
                ],
                proxies: [
                    "https://cors.zfour.workers.dev/?",
                ],
                lazyAttributes: [
                    "data-src",
                    "data-original-src",
                    "data-original",
                    "data-actualsrc",
                    "data-lazy-src",
                ]
            ),
            links: SiteProfileData.Links(
                redirects: [
                    SiteProfileData.Redirect(
                        host: "www.oschina.net",
                        path: "/action/GoToLink",
                        parameter: "url"
                    ),
                    SiteProfileData.Redirect(
                        host: "links.jianshu.com",
                        path: "/go",
                        parameter: "to"
                    ),
                    SiteProfileData.Redirect(
                        host: "link.zhihu.com",
                        parameter: "target"
                    ),
                    SiteProfileData.Redirect(
                        host: "link.juejin.cn",
                        parameter: "target"
                    ),
                    SiteProfileData.Redirect(
                        host: "link.csdn.net",
                        parameter: "target"
                    ),
                    SiteProfileData.Redirect(
                        host: "gitee.com",
                        path: "/link",
                        parameter: "target"
                    ),
                    SiteProfileData.Redirect(
                        host: "www.google.com",
                        path: "/url",
                        parameter: "q"
                    ),
                    SiteProfileData.Redirect(
                        host: "l.facebook.com",
                        path: "/l.php",
                        parameter: "u"
                    ),
                    SiteProfileData.Redirect(
                        host: "www.youtube.com",
                        path: "/redirect",
                        parameter: "q"
                    ),
                    SiteProfileData.Redirect(
                        host: "steamcommunity.com",
                        path: "/linkfilter",
                        parameter: "url"
                    ),
                ],
                affiliateHosts: [
                    "c.duomai.com",
                    "pvxt.net",
                    "anrdoezrs.net",
                    "jdoqocy.com",
                    "tkqlhce.com",
                    "dpbolvw.net",
                    "kqzyfj.com",
                    "linksynergy.com",
                    "awin1.com",
                    "redirectingat.com",
                    "s.click.taobao.com",
                    "union-click.jd.com",
                ],
                trackingParameters: [
                    "utm_*",
                    "from=pc",
                    "spm",
                    "fbclid",
                    "gclid",
                    "msclkid",
                    "mc_cid",
                    "mc_eid",
                    "_hsenc",
                    "_hsmi",
                    "igshid",
                    "wechat_redirect",
                    "id_token",
                    "access_token",
                ]
            ),
            embeds: SiteProfileData.Embeds(
                allowedHosts: [
                    "player.youku.com",
                    "player.bilibili.com",
                    "youtube.com",
                    "youtube-nocookie.com",
                    "player.vimeo.com",
                    "v.qq.com",
                    "open.iqiyi.com",
                    "music.163.com",
                ]
            )
        ),
        SiteProfileData(
            id: "36kr",
            name: "36kr",
            match: SiteProfileData.Match(
                authors: [
                    "36kr",
                    "36氪",
                ],
                categories: [
                    "36kr",
                    "36氪",
                ],
                hosts: [
                    "36kr.com",
                    "36krcdn.com",
                ]
            ),
            presentational: SiteProfileData.Presentational(
                captions: [
                    "p.img-desc",
                ],
                attributes: [
                    "label",
                    "classname",
                    "data-img-size-val",
                ]
            ),
            creditLines: SiteProfileData.CreditLines(
                patterns: [
                    "36氪经授权发布。?$",
                ]
            ),
            images: SiteProfileData.Images(
                hotlinkProtectedHosts: [
                    "img.36krcdn.com",
                ]
            )
        ),
        SiteProfileData(
            id: "3dmgame",
            name: "3DMGame",
            match: SiteProfileData.Match(
                authors: [
                    "3DMGame",
                ],
                categories: [
                    "3DMGame",
                ],
                hosts: [
                    "3dmgame.com",
                ]
            ),
            presentational: SiteProfileData.Presentational(
                attributes: [
                    "align",
                ]
            ),
            images: SiteProfileData.Images(
                hotlinkProtectedHosts: [
                    "img.3dmgame.com",
                ]
            )
        ),
        SiteProfileData(
            id: "alibaba-kernel",
            name: "阿里云系统组技术博客",
            match: SiteProfileData.Match(
                authors: [
                    "阿里云系统组技术博客",
                ],
                categories: [
                    "阿里云系统组技术博客",
                ],
                hosts: [
                    "kernel.taobao.org",
                ]
            )
        ),
        SiteProfileData(
            id: "blogread",
            name: "技术头条",
            match: SiteProfileData.Match(
                authors: [
                    "技术头条",
                ],
                categories: [
                    "技术头条",
                ],
                hosts: [
                    "blogread.cn",
                ]
            )
        ),
        SiteProfileData(
            id: "cnbeta",
            name: "cnBeta",
            match: SiteProfileData.Match(
                authors: [
                    "cnBeta",
                ],
                categories: [
                    "cnBeta",
                ],
                hosts: [
                    "cnbeta.com",
                    "cnbetacdn.com",
                ]
            ),
            presentational: SiteProfileData.Presentational(
                attributes: [
                    "_src",
                    "data-link",
                ]
            ),
            creditLines: SiteProfileData.CreditLines(
                patterns: [
                    "^[^（(]{0,12}[（(](图自|图片来自|来自|via)[：: ]",
                ]
            )
        ),
        SiteProfileData(
            id: "dockone",
            name: "Dockone",
            match: SiteProfileData.Match(
                authors: [
                    "Dockone",
                ],
                categories: [
                    "Dockone",
                ],
                hosts: [
                    "dockone.io",
                ]
            ),
            presentational: SiteProfileData.Presentational(
                unwrap: [
                    "div.aw-upload-img-list",
                ]
            ),
            creditLines: SiteProfileData.CreditLines(
                patterns: [
                    "^原文作者[：:]",
                    "^译者[：:]",
                    "^图片来自",
                ]
            ),
            pageChrome: [
                "ul.aw-upload-file-list",
            ]
        ),
        SiteProfileData(
            id: "gameres",
            name: "GameRes 游资网",
            match: SiteProfileData.Match(
                authors: [
                    "GameRes 游资网",
                ],
                categories: [
                    "GameRes 游资网",
                ],
                hosts: [
                    "gameres.com",
                    "699h5.com",
                ]
            ),
            presentational: SiteProfileData.Presentational(
                unwrap: [
                    "div.quote",
                ],
                attributes: [
                    "align",
                    "aid",
                    "zoomfile",
                    "inpost",
                ]
            ),
            creditLines: SiteProfileData.CreditLines(
                patterns: [
                    "^原文[：:]",
                    "^文[／/]",
                    "^以下文章来源于",
                ]
            ),
            images: SiteProfileData.Images(
                hotlinkProtectedHosts: [
                    "di.gameres.com",
                    "di.699h5.com",
                ],
                lazyAttributes: [
                    "zoomfile",
                ]
            )
        ),
        SiteProfileData(
            id: "hexo-yilia",
            name: "Hexo (Yilia 主题博客)",
            match: SiteProfileData.Match(
                authors: [
                    "Hexo",
                ],
                categories: [
                    "Yilia 主题博客",
                ]
            )
        ),
        SiteProfileData(
            id: "infoq",
            name: "InfoQ 中文",
            match: SiteProfileData.Match(
                authors: [
                    "InfoQ 中文",
                    "InfoQ",
                ],
                categories: [
                    "InfoQ 中文",
                    "InfoQ",
                ],
                hosts: [
                    "infoq.cn",
                    "geekbang.org",
                ]
            ),
            presentational: SiteProfileData.Presentational(
                attributes: [
                    "lang",
                ]
            )
        ),
        SiteProfileData(
            id: "jianshu",
            name: "简书",
            match: SiteProfileData.Match(
                authors: [
                    "简书",
                ],
                categories: [
                    "简书",
                ],
                hosts: [
                    "jianshu.com",
                    "jianshu.io",
                ]
            ),
            presentational: SiteProfileData.Presentational(
                unwrap: [
                    "div.image-package",
                    "div.image-container",
                    "div.image-view",
                ],
                captions: [
                    "div.image-caption",
                ],
                attributes: [
                    "data-original-width",
                    "data-original-height",
                    "data-original-format",
                    "data-original-filesize",
                    "data-width",
                    "data-height",
                ]
            ),
            pageChrome: [
                "div.image-container-fill",
            ],
            links: SiteProfileData.Links(
                redirects: [
                    SiteProfileData.Redirect(
                        host: "link.jianshu.com",
                        parameter: "t"
                    ),
                ]
            )
        ),
        SiteProfileData(
            id: "jinse",
            name: "金色财经",
            match: SiteProfileData.Match(
                authors: [
                    "金色财经",
                ],
                categories: [
                    "金色财经",
                ],
                hosts: [
                    "jinse.com",
                    "jinse.cn",
                    "jinse.com.cn",
                ]
            )
        ),
        SiteProfileData(
            id: "juejin",
            name: "掘金",
            match: SiteProfileData.Match(
                authors: [
                    "掘金",
                ],
                categories: [
                    "掘金",
                ],
                hosts: [
                    "juejin.cn",
                    "juejin.im",
                ]
            ),
            presentational: SiteProfileData.Presentational(
                unwrap: [
                    "div.markdown-body",
                ],
                attributes: [
                    "data-id",
                    "loading",
                ]
            ),
            links: SiteProfileData.Links(
                redirects: [
                    SiteProfileData.Redirect(
                        host: "link.juejin.im",
                        parameter: "target"
                    ),
                ]
            )
        ),
        SiteProfileData(
            id: "latexstudio",
            name: "LaTeX 开源小屋",
            match: SiteProfileData.Match(
                authors: [
                    "LaTeX 开源小屋",
                ],
                categories: [
                    "LaTeX 开源小屋",
                ],
                hosts: [
                    "latexstudio.net",
                ]
            ),
            adComments: SiteProfileData.AdComments(
                markers: [
                    "S 正文",
                    "E 正文",
                ]
            )
        ),
        SiteProfileData(
            id: "meituan",
            name: "美团技术团队",
            match: SiteProfileData.Match(
                authors: [
                    "美团技术团队",
                ],
                categories: [
                    "美团技术团队",
                ],
                hosts: [
                    "tech.meituan.com",
                ]
            )
        ),
        SiteProfileData(
            id: "oschina",
            name: "开源中国",
            match: SiteProfileData.Match(
                authors: [
                    "开源中国",
                ],
                categories: [
                    "开源中国",
                ],
                hosts: [
                    "oschina.net",
                ]
            ),
            presentational: SiteProfileData.Presentational(
                unwrap: [
                    "div.content",
                ]
            ),
            images: SiteProfileData.Images(
                hotlinkProtectedHosts: [
                    "oscimg.oschina.net",
                    "ztf.im",
                ],
                placeholderThumbnails: [
                    "^https?://chart\\.giteye\\.net/",
                ]
            ),
            links: SiteProfileData.Links(
                redirects: [
                    SiteProfileData.Redirect(
                        host: "oschina.net",
                        path: "/action/GoToLink",
                        parameter: "url"
                    ),
                ]
            )
        ),
        SiteProfileData(
            id: "segmentfault",
            name: "segmentfault",
            match: SiteProfileData.Match(
                authors: [
                    "segmentfault",
                ],
                categories: [
                    "segmentfault",
                ],
                hosts: [
                    "segmentfault.com",
                ]
            ),
            presentational: SiteProfileData.Presentational(
                unwrap: [
                    "span.img-wrap",
                ]
            ),
            images: SiteProfileData.Images(
                hotlinkProtectedHosts: [
                    "segmentfault.com",
                ]
            ),
            links: SiteProfileData.Links(
                redirects: [
                    SiteProfileData.Redirect(
                        host: "link.segmentfault.com",
                        parameter: "url"
                    ),
                ],
                trackingParameters: [
                    "chksm",
                    "scene=21",
                ]
            )
        ),
        SiteProfileData(
            id: "sina-finance",
            name: "新浪财经",
            match: SiteProfileData.Match(
                authors: [
                    "新浪财经",
                ],
                categories: [
                    "新浪财经",
                ],
                hosts: [
                    "finance.sina.com.cn",
                    "finance.sina.cn",
                ]
            ),
            adComments: SiteProfileData.AdComments(
                markers: [
                    "article_adlist",
                    "news_keyword_pub",
                    "正文下iframe",
                    "总声明",
                    "文末二维码",
                    "编辑姓名及工作代码",
                ]
            ),
            promoBlocks: [
                SiteProfileData.PromoBlock(
                    selector: "div.appendQr_wrap",
                    label: "新浪财经 APP QR code box"
                ),
            ],
            presentational: SiteProfileData.Presentational(
                bold: [
                    "font[cms-style~=strong-Bold]",
                ],
                unwrap: [
                    "div.img_wrapper",
                ],
                captions: [
                    "span.img_descr",
                ],
                attributes: [
                    "cms-style",
                ]
            ),
            editorLine: SiteProfileData.EditorLine(
                pattern: "^责任编辑[：:]",
                required: true
            ),
            images: SiteProfileData.Images(
                hotlinkProtectedHosts: [
                    "sinaimg.cn",
                ],
                adImages: [
                    "https://n.sinaimg.cn/finance/cece9e13/20200514/343233024.png",
                ]
            )
        ),
        SiteProfileData(
            id: "sspai",
            name: "少数派 sspai",
            match: SiteProfileData.Match(
                authors: [
                    "少数派 sspai",
                ],
                categories: [
                    "少数派 sspai",
                ],
                hosts: [
                    "sspai.com",
                ]
            ),
            promoBlocks: [
                SiteProfileData.PromoBlock(
                    selector: "div.download-guide-container",
                    label: "少数派 app download button"
                ),
            ],
            presentational: SiteProfileData.Presentational(
                unwrap: [
                    "div.articleWidth-content",
                    "div.wangEditor-txt",
                ]
            )
        ),
        SiteProfileData(
            id: "telegram",
            name: "Telegram",
            match: SiteProfileData.Match(
                authors: [
                    "Telegram",
                ],
                categories: [
                    "Telegram",
                ],
                hosts: [
                    "telegram.org",
                ]
            ),
            creditLines: SiteProfileData.CreditLines(
                patterns: [
                    "The Telegram Team$",
                ]
            ),
            pageChrome: [
                "a.anchor",
            ]
        ),
        SiteProfileData(
            id: "vgtime",
            name: "游戏时光",
            match: SiteProfileData.Match(
                authors: [
                    "游戏时光",
                ],
                categories: [
                    "游戏时光",
                ],
                hosts: [
                    "vgtime.com",
                ]
            ),
            presentational: SiteProfileData.Presentational(
                unwrap: [
                    "div.vg_insert_img",
                    "div.abstract",
                ],
                captions: [
                    "figcaption.vg_insert_img_notice",
                ],
                attributes: [
                    "contenteditable",
                ]
            ),
            creditLines: SiteProfileData.CreditLines(
                patterns: [
                    "^文[／/]",
                ]
            )
        ),
        SiteProfileData(
            id: "woshipm",
            name: "人人都是产品经理",
            match: SiteProfileData.Match(
                authors: [
                    "人人都是产品经理",
                ],
                categories: [
                    "人人都是产品经理",
                ],
                hosts: [
                    "woshipm.com",
                    "yunyingpai.com",
                ]
            ),
            presentational: SiteProfileData.Presentational(
                attributes: [
                    "data-action",
                ]
            ),
            creditLines: SiteProfileData.CreditLines(
                patterns: [
                    "^本文由\\s*@.+(授权|翻译|投稿)发布于人人都是产品经理",
                    "^作者[：:]",
                    "^译者[：:]",
                    "^原文(链接)?[：:]",
                ],
                required: true
            ),
            images: SiteProfileData.Images(
                hotlinkProtectedHosts: [
                    "image.woshipm.com",
                    "image.yunyingpai.com",
                ]
            )
        ),
        SiteProfileData(
            id: "zhihu",
            name: "知乎",
            match: SiteProfileData.Match(
                authors: [
                    "知乎",
                ],
                categories: [
                    "知乎",
                ],
                hosts: [
                    "zhihu.com",
                    "zhimg.com",
                ]
            ),
            presentational: SiteProfileData.Presentational(
                unwrap: [
                    "div.main-wrap",
                    "div.headline",
                    "div.content-inner",
                    "div.question",
                    "div.answer",
                    "div.highlight",
                ]
            ),
            pageChrome: [
                "div.img-place-holder",
                "span.js-question-holder",
                "img.avatar",
            ],
            images: SiteProfileData.Images(
                hotlinkProtectedHosts: [
                    "zhimg.com",
                ],
                placeholderThumbnails: [
                    "^https?://pic\\w*\\.zhimg\\.com/v2-[0-9a-f]+_l\\.jpg",
                ]
            ),
            links: SiteProfileData.Links(
                trackingParameters: [
                    "source=8673f162",
                ]
            )
        ),
    ]

    /// `SiteCatalog.fingerprint(of:)` of `files`, worked out here: hashing them at every start-up cost a
    /// one-file run about a tenth of its instructions.
    static let fingerprint = "9b58285b593fca03a0d5c967b99e1faa776c22e35fe947aca7e07e484fe715bf"
}

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

"""##),
        ("sites/sina-finance.yml", ##"""
# 新浪财经 (Sina Finance): finance.sina.com.cn articles as scraped by RSSHub.
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
  - rule: presentational-markup
    input: |
      <p>↓<font cms-style="strong-Bold">重要</font>内容</p>
    output: |
      <p><strong>重要</strong>内容</p>
  - rule: editor-line
    input: |
      ---
      author: 新浪财经
      ---
      ↓<p>正文。</p>

"""##),
    ]
}

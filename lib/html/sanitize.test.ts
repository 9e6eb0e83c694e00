import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { hostileDocuments } from "../../testing/hostile-documents";
import { plainText, safeHref, sanitizeDescription } from "./sanitize";

const LINK_ATTRS = 'rel="noopener noreferrer nofollow" target="_blank"';

/** Structural checks every sanitised output must pass, whatever the input. */
function expectInert(html: string): void {
  // sanitize-html escapes every text `<`, so each remaining `<` starts a real tag.
  const tags = html.match(/<[^>]*>?/g) ?? [];
  for (const tag of tags) {
    expect(tag).toMatch(
      /^<\/?(a|b|strong|i|em|u|s|code|pre|kbd|samp|var|sub|sup|p|br|ul|ol|li|dl|dt|dd|blockquote|table|thead|tbody|tr|td|th|span)\b/,
    );
    expect(tag).not.toMatch(/\son[a-z]+\s*=|\sstyle\s*=|\ssrc\s*=/i);
    const href = /\shref="([^"]*)"/.exec(tag);
    if (href !== null) expect(href[1]).toMatch(/^(https?:\/\/|mailto:)/);
  }
}

describe("sanitizeDescription: formatting that survives", () => {
  const cases: [string, { given: string; want: string; linkBase?: string }][] = [
    ["empty", { given: "", want: "" }],
    ["whitespace only", { given: "  \n ", want: "" }],
    ["plain text becomes a paragraph", { given: "Lists channels.", want: "<p>Lists channels.</p>" }],
    [
      "blank lines split paragraphs, single newlines are soft wraps",
      {
        given: "First line\nsecond line\n\nNext paragraph",
        want: "<p>First line\nsecond line</p>\n<p>Next paragraph</p>",
      },
    ],
    [
      "backticks become code",
      { given: "Set `part` to `id`.", want: "<p>Set <code>part</code> to <code>id</code>.</p>" },
    ],
    [
      "code content is text, not markup",
      { given: "Use `<b>x</b> & y`", want: "<p>Use <code>&lt;b&gt;x&lt;/b&gt; &amp; y</code></p>" },
    ],
    [
      "markdown links become safe links",
      {
        given: "See [the guide](https://developers.google.com/youtube).",
        want: `<p>See <a href="https://developers.google.com/youtube" ${LINK_ATTRS}>the guide</a>.</p>`,
      },
    ],
    [
      "html links get rel and target",
      {
        given: '<a href="https://example.com/a?b=1&amp;c=2">docs</a>',
        want: `<p><a href="https://example.com/a?b=1&amp;c=2" ${LINK_ATTRS}>docs</a></p>`,
      },
    ],
    [
      "mailto links survive",
      {
        given: '<a href="mailto:a@example.com">mail</a>',
        want: `<p><a href="mailto:a@example.com" ${LINK_ATTRS}>mail</a></p>`,
      },
    ],
    [
      "relative links resolve against linkBase",
      {
        given: '<a href="/youtube/v3/docs/channels">channels</a>',
        linkBase: "https://developers.google.com/youtube/v3/",
        want: `<p><a href="https://developers.google.com/youtube/v3/docs/channels" ${LINK_ATTRS}>channels</a></p>`,
      },
    ],
    [
      "relative links without a base lose their href",
      { given: '<a href="/x">x</a>', want: "<p><span>x</span></p>" },
    ],
    [
      "existing paragraphs are not double-wrapped",
      { given: "<p>One</p><p>Two <code>x</code></p>", want: "<p>One</p><p>Two <code>x</code></p>" },
    ],
    [
      "bullet lines become a list",
      {
        given: "Values:\n* `A`: first\n* B",
        want: "<p>Values:</p>\n<ul>\n<li><code>A</code>: first</li>\n<li>B</li>\n</ul>",
      },
    ],
    [
      "pseudo-tags stay visible",
      {
        given: "Format: projects/<project>/zones/<zone>",
        want: "<p>Format: projects/&lt;project&gt;/zones/&lt;zone&gt;</p>",
      },
    ],
    [
      "comparison signs stay text",
      { given: "Must be < 10 and > 2", want: "<p>Must be &lt; 10 and &gt; 2</p>" },
    ],
    ["headings are flattened", { given: "<h2>Note</h2>", want: "<strong>Note</strong>" }],
    [
      "Markdown emphasis renders (*part* is not shown with its asterisks)",
      {
        given: "Set *part* to **snippet** and _id_.",
        want: "<p>Set <em>part</em> to <strong>snippet</strong> and <em>id</em>.</p>",
      },
    ],
    [
      "a Markdown heading becomes a bold paragraph, not a stray '#'",
      {
        given: "Gets the policy.\n\n# IAM Permissions\n\nRequires `storage.buckets.getIamPolicy`.",
        want: "<p>Gets the policy.</p>\n<p><strong>IAM Permissions</strong></p>\n<p>Requires <code>storage.buckets.getIamPolicy</code>.</p>",
      },
    ],
    [
      "Markdown reference links render",
      {
        given: "See [the guide][g].\n\n[g]: https://cloud.google.com/iam",
        want: `<p>See <a href="https://cloud.google.com/iam" ${LINK_ATTRS}>the guide</a>.</p>`,
      },
    ],
    [
      "bare URLs become links",
      {
        given: "Docs: https://cloud.google.com/storage/docs/json_api/v1/objects/insert",
        want: `<p>Docs: <a href="https://cloud.google.com/storage/docs/json_api/v1/objects/insert" ${LINK_ATTRS}>https://cloud.google.com/storage/docs/json_api/v1/objects/insert</a></p>`,
      },
    ],
    [
      "a numbered list keeps its start",
      { given: "3. three\n4. four", want: '<ol start="3">\n<li>three</li>\n<li>four</li>\n</ol>' },
    ],
    [
      "tables survive, styles do not",
      {
        given: '<table style="x"><tr><td colspan="2">a</td></tr></table>',
        want: '<table><tr><td colspan="2">a</td></tr></table>',
      },
    ],
  ];
  it.each(cases)("%s", (_name, { given, want, linkBase }) => {
    expect(sanitizeDescription(given, linkBase !== undefined ? { linkBase } : {})).toBe(want);
  });
});

describe("sanitizeDescription: hostile input", () => {
  const hostile: [string, string, RegExp?][] = [
    ["script tag and its content", "Hello <script>alert(1)</script> world", /Hello\s+world/],
    ["script with attributes", '<script src="https://evil.example/x.js"></script>ok', /ok/],
    ["img onerror", "<img src=x onerror=alert(1)>caption", /caption/],
    ["svg onload", "<svg onload=alert(1)><circle/></svg>text", /text/],
    ["svg with script", "<svg><script>alert(1)</script></svg>", undefined],
    ["javascript: link", '<a href="javascript:alert(1)">click</a>', /click/],
    ["JavaScript: mixed case with whitespace", '<a href="  JaVaScRiPt:alert(1)">click</a>', /click/],
    ["javascript: with tab inside", '<a href="java\tscript:alert(1)">click</a>', /click/],
    ["entity-encoded javascript:", '<a href="&#106;avascript:alert(1)">click</a>', /click/],
    ["hex entity-encoded javascript:", '<a href="&#x6A;avascript&#x3A;alert(1)">click</a>', /click/],
    ["data: link", '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>', /x/],
    ["vbscript: link", '<a href="vbscript:msgbox(1)">x</a>', /x/],
    ["markdown javascript: link", "[click](javascript:alert(1))", /click/],
    ["markdown data: link", "[click](data:text/html,<script>alert(1)</script>)", /click/],
    [
      "markdown link breaking out of the attribute",
      '[x](https://a.example/"onmouseover="alert(1))',
      undefined,
    ],
    ["protocol-relative link", '<a href="//evil.example/">x</a>', /x/],
    ["onclick on an allowed tag", '<p onclick="alert(1)">p</p>', /p/],
    ["onmouseover on a link", '<a href="https://ok.example" onmouseover="alert(1)">x</a>', /x/],
    ["style attribute", '<span style="background:url(javascript:alert(1))">x</span>', /x/],
    ["iframe", '<iframe src="https://evil.example"></iframe>after', /after/],
    ["object/embed", '<object data="x.swf"></object><embed src="x.swf">after', /after/],
    ["form and input", '<form action="https://evil.example"><input name="a"></form>after', /after/],
    ["meta refresh", '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">after', /after/],
    ["base href", '<base href="javascript:alert(1)//">after', /after/],
    ["nested/malformed tags", "<scr<script>ipt>alert(1)</scr</script>ipt>", undefined],
    ["unclosed script", "before <script>alert(1)", /before/],
    ["unclosed tag attribute", '<a href="https://ok.example" onclick="alert(1)', undefined],
    ["comment-hidden script", "<!--<script>alert(1)</script>-->ok", /ok/],
    ["cdata", "<![CDATA[<script>alert(1)</script>]]>ok", /ok/],
    ["escaped entities remain text", "&lt;script&gt;alert(1)&lt;/script&gt;", /&lt;script&gt;/],
    ["double-escaped entities", "&amp;lt;img src=x onerror=alert(1)&amp;gt;", /&amp;lt;img/],
    ["math with xlink", '<math><a xlink:href="javascript:alert(1)">x</a></math>', /x/],
    ["template content", "<template><img src=x onerror=alert(1)></template>ok", /ok/],
    ["noscript trick", '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', undefined],
    ["backtick breaking out of an attribute", '<a href="https://ok.example/`x`" onclick=alert(1)>y</a>', /y/],
    ["uppercase tag", "<SCRIPT>alert(1)</SCRIPT>ok", /ok/],
    ["null byte in tag", "<scr\u0000ipt>alert(1)</script>ok", /ok/],
    ["markdown autolink javascript:", "<javascript:alert(1)> ok", /ok/],
    ["markdown image with javascript:", "![x](javascript:alert(1)) ok", /ok/],
    ["markdown reference javascript:", "[x][r] ok\n\n[r]: javascript:alert(1)", /ok/],
    ["markdown raw script block", "# T\n\n<script>\nalert(1)\n</script>\n\nok", /ok/],
  ];
  it.each(hostile)("%s", (_name, given, keeps) => {
    const html = sanitizeDescription(given);
    expectInert(html);
    expect(html).not.toMatch(/<script/i);
    if (keeps !== undefined) expect(html).toMatch(keeps);
  });

  it("never lets a script-running construct through for arbitrary strings built from dangerous fragments", () => {
    const fragment = fc.constantFrom(
      "<script>",
      "</script>",
      "<img src=x onerror=alert(1)>",
      "<svg onload=alert(1)>",
      '<a href="javascript:alert(1)">',
      "</a>",
      "[x](javascript:alert(1))",
      "[y](https://ok.example)",
      "`",
      "<",
      ">",
      '"',
      "'",
      "&#106;",
      "javascript:",
      " onerror=",
      "\n\n",
      "* ",
      "<p>",
      "<code>",
      "text",
      "<style>",
      "<!--",
      "-->",
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 25 }), (parts) => {
        expectInert(sanitizeDescription(parts.join("")));
      }),
      { numRuns: 500 },
    );
  });
});

describe("sanitizeDescription: the hostile-markdown document", () => {
  const doc = hostileDocuments().find((d) => d.id === "hostile-markdown.v1")!.doc;
  const description = (doc.resources?.things?.methods?.get?.description ?? "") as string;

  it("renders its Markdown and keeps nothing that runs", () => {
    const html = sanitizeDescription(description);
    expectInert(html);
    expect(html).toContain("<em>part</em>");
    expect(html).toContain("<p><strong>IAM Permissions</strong></p>");
    expect(html).toContain(`<a href="https://cloud.google.com/iam/docs" ${LINK_ATTRS}>the guide</a>`);
    expect(html).not.toMatch(/javascript:|<script|onerror|__pwned = 1/i);
    expect(html).toContain("click me");
  });
});

describe("safeHref", () => {
  it.each([
    ["https://a.example/x", "https://a.example/x"],
    ["http://a.example", "http://a.example/"],
    ["mailto:x@a.example", "mailto:x@a.example"],
    ["javascript:alert(1)", null],
    ["data:text/html,x", null],
    ["//evil.example", null],
    ["#frag", null],
    ["", null],
    [undefined, null],
    ["java\nscript:alert(1)", null],
  ] as const)("%s → %s", (given, want) => {
    expect(safeHref(given)).toBe(want);
  });
});

describe("plainText", () => {
  it("drops tags and scripts, decodes entities, collapses whitespace", () => {
    expect(plainText("<p>Hello <b>world</b> &amp; friends</p>\n<script>alert(1)</script>")).toBe(
      "Hello world & friends",
    );
  });
  it("keeps pseudo-tags", () => {
    expect(plainText("projects/<project>")).toBe("projects/<project>");
  });
  it("truncates at a word boundary with an ellipsis", () => {
    expect(plainText("alpha beta gamma delta", 12)).toBe("alpha beta…");
  });
});

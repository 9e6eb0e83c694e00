/**
 * Discovery descriptions → safe HTML.
 *
 * Discovery documents mix HTML (`<a href>`, `<code>`, `<p>`), Markdown (backticks, `*emphasis*`, `# headings`,
 * `[text](url)`, bullet lists, blank-line paragraphs) and literal angle brackets (`projects/<project>`). This
 * module turns that into a small, inert HTML subset. It is the only producer of strings that may reach
 * `dangerouslySetInnerHTML` (see components/ui/rich-text.tsx).
 *
 * Pipeline: Markdown (marked, pseudo-tags escaped) → HTML → sanitize-html with an allow-list. The Markdown step
 * may emit anything; every byte of its output still passes through the allow-list, so safety never depends on it.
 */
import { Marked } from "marked";
import { capText, truncatedNote } from "@/lib/text/render-caps";
import sanitizeHtml from "sanitize-html";
import { decodeEntities } from "./entities";

export interface SanitizeOptions {
  /**
   * Base URL for relative links in the description (e.g. the API's documentationLink). Without it, relative links
   * lose their href (their text stays).
   */
  readonly linkBase?: string;
}

/** URL schemes a rendered link may use. */
const SAFE_SCHEMES = ["http:", "https:", "mailto:"] as const;

const ALLOWED_TAGS = [
  "a",
  "b",
  "strong",
  "i",
  "em",
  "u",
  "s",
  "code",
  "pre",
  "kbd",
  "samp",
  "var",
  "sub",
  "sup",
  "p",
  "br",
  "ul",
  "ol",
  "li",
  "dl",
  "dt",
  "dd",
  "blockquote",
  "table",
  "thead",
  "tbody",
  "tr",
  "td",
  "th",
  "span",
];

/**
 * Element names the HTML parser would treat as markup. A `<word>` whose name is not here is text that happens to
 * contain angle brackets (`<project>`, `<YOUR_API_KEY>`): it is escaped so it stays visible instead of being dropped.
 */
const HTML_ELEMENT_NAMES = new Set(
  (
    "a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption cite code col " +
    "colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure footer form " +
    "frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe image img input ins kbd label legend li " +
    "link main map mark math menu meta meter nav noembed noframes noscript object ol optgroup option output p " +
    "param picture plaintext portal pre progress q rp rt ruby s samp script search section select slot small source " +
    "span strike strong style sub summary sup svg table tbody td template textarea tfoot th thead time title tr " +
    "track tt u ul var video wbr xmp font center marquee blink applet basefont big nobr"
  ).split(" "),
);

/** Escape `<name` / `</name` where `name` is not an HTML element (so it reads as text). */
function escapePseudoTags(text: string): string {
  return text.replace(/<(\/?)([A-Za-z][\w.:-]*)/g, (match: string, slash: string, name: string) =>
    HTML_ELEMENT_NAMES.has(name.toLowerCase()) ? match : `&lt;${slash}${name}`,
  );
}

/**
 * A link target, or null when it must not be linked: only absolute http(s)/mailto URLs (after the browser's own
 * parsing rules — entity-decoded by the HTML parser, tabs/newlines stripped by the URL parser), or relative URLs
 * resolved against `linkBase`.
 */
export function safeHref(raw: string | undefined, linkBase?: string): string | null {
  if (raw === undefined) return null;
  const href = raw.trim();
  if (href === "" || href.startsWith("#")) return null;
  if (/[\u0000-\u001f\u007f]/.test(href.replace(/[\t\n\r]/g, ""))) return null;
  let url: URL;
  try {
    url = linkBase === undefined ? new URL(href) : new URL(href, linkBase);
  } catch {
    return null;
  }
  if (!(SAFE_SCHEMES as readonly string[]).includes(url.protocol)) return null;
  return url.href;
}

/**
 * Discovery descriptions are Markdown (CommonMark + GFM: `*part*`, `# IAM Permissions`, `[text](url)`, bare URLs,
 * lists) with raw HTML mixed in, rendered by `marked`. Two overrides: raw HTML that names no HTML element
 * (`projects/<project>`) is escaped so it stays visible text, and a heading becomes a bold paragraph (the page
 * owns the heading outline).
 * @see https://marked.js.org/using_pro#renderer
 */
const markdown = new Marked({ gfm: true, breaks: false, async: false });
markdown.use({
  renderer: {
    html(token) {
      return escapePseudoTags(token.text);
    },
    heading(token) {
      return `<p><strong>${this.parser.parseInline(token.tokens)}</strong></p>\n`;
    },
  },
});

function renderMarkdown(text: string): string {
  return markdown.parse(text.replace(/\r\n?/g, "\n"), { async: false });
}

/** Render a Discovery description to a safe HTML fragment (may be ""). */
export function sanitizeDescription(input: string | null | undefined, options: SanitizeOptions = {}): string {
  if (input === null || input === undefined || input.trim() === "") return "";
  // Capped before any work, so one huge description cannot make every render slow (lib/text/render-caps.ts).
  const { text, omitted } = capText(input);
  const html = renderMarkdown(text);
  const clean = sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ["href", "title", "rel", "target"],
      td: ["colspan", "rowspan"],
      th: ["colspan", "rowspan", "scope"],
      ol: ["start"],
    },
    allowedSchemes: SAFE_SCHEMES.map((s) => s.slice(0, -1)),
    allowedSchemesAppliedToAttributes: ["href"],
    allowProtocolRelative: false,
    allowedStyles: {},
    disallowedTagsMode: "discard",
    nonTextTags: [
      "script",
      "style",
      "textarea",
      "option",
      "noscript",
      "noembed",
      "noframes",
      "xmp",
      "title",
      "template",
      "iframe",
      "object",
      "plaintext",
    ],
    transformTags: {
      a: (_tagName, attribs) => {
        const href = safeHref(attribs.href, options.linkBase);
        if (href === null) return { tagName: "span", attribs: {} };
        const title = attribs.title;
        return {
          tagName: "a",
          attribs: {
            href,
            ...(title !== undefined ? { title } : {}),
            rel: "noopener noreferrer nofollow",
            target: "_blank",
          },
        };
      },
      h1: "strong",
      h2: "strong",
      h3: "strong",
      h4: "strong",
      h5: "strong",
      h6: "strong",
      tt: "code",
    },
    exclusiveFilter: (frame) =>
      frame.tag === "span" && frame.text.trim() === "" && Object.keys(frame.attribs).length === 0,
  }).trim();
  return omitted === 0 ? clean : `${clean}<p class="truncated-note">${truncatedNote(omitted)}</p>`;
}

/** Plain text of a description (tags dropped, markdown markers kept as text), for titles and one-line summaries. */
export function plainText(input: string | null | undefined, maxLength = Infinity): string {
  if (input === null || input === undefined) return "";
  const capped = capText(input);
  const stripped = sanitizeHtml(escapePseudoTags(capped.text), {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: [
      "script",
      "style",
      "textarea",
      "option",
      "noscript",
      "title",
      "template",
      "iframe",
      "object",
    ],
  });
  const whole = decodeEntities(stripped).replace(/\s+/g, " ").trim();
  const text = capped.omitted === 0 ? whole : `${whole} ${truncatedNote(capped.omitted)}`;
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, Math.max(0, maxLength - 1));
  const atWord = cut.replace(/\s+\S*$/, "");
  return `${atWord.length > maxLength / 2 ? atWord : cut}…`;
}

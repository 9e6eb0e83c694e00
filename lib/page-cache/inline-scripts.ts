/**
 * Turns a page rendered with a one-time CSP nonce into one that can be served to everyone with a fixed, hash-based
 * policy (lib/security/csp.ts). Pure.
 *
 * Why the render still gets a nonce: a hash-based policy allows exactly the scripts it lists, so listing every
 * inline script found in the HTML would also allow a script injected into it. Next.js and our layout put the
 * render's nonce on every script they emit, and nothing from a Discovery document can know that nonce (it is
 * drawn for this render only, after the document was fetched). So the nonce tells ours apart; the hash then
 * carries that proof to every later response, and the nonce attributes are dropped (the cached policy has no nonce).
 */
import { createHash } from "node:crypto";

export interface HashedPage {
  /** The HTML without the nonce attributes. */
  readonly html: string;
  /** `'sha256-…'` of each inline script that carried the nonce, in page order, without repeats. */
  readonly hashes: readonly string[];
  /** Inline scripts without the nonce: left in place, and blocked by the policy, as they were before. */
  readonly foreignScripts: number;
}

// Script data ends at the first `</script` followed by whitespace, `/` or `>` (HTML's script data state; React
// escapes `<script` and `</script` inside its own inline scripts).
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script[\s/>]/gi;

/** The CSP hash source of one inline script's text (what a browser hashes: the text after newline normalisation). */
export function scriptHashSource(text: string): string {
  const normalised = text.replace(/\r\n?/g, "\n");
  return `'sha256-${createHash("sha256").update(normalised, "utf8").digest("base64")}'`;
}

const attributeValue = (attributes: string, name: string): string | null =>
  new RegExp(`\\s${name}="([^"]*)"`, "i").exec(attributes)?.[1] ?? null;

export function hashInlineScripts(html: string, nonce: string): HashedPage {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(nonce)) throw new Error("not a render nonce");
  const hashes = new Set<string>();
  let foreignScripts = 0;
  for (const m of html.matchAll(SCRIPT)) {
    const [, attributes = "", text = ""] = m;
    if (attributeValue(attributes, "src") !== null) continue; // external: script-src 'self'
    if (attributeValue(attributes, "nonce") === nonce) hashes.add(scriptHashSource(text));
    else foreignScripts++;
  }
  return { html: html.split(` nonce="${nonce}"`).join(""), hashes: [...hashes], foreignScripts };
}

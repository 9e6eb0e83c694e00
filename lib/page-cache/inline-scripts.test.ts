import { createHash } from "node:crypto";

import { describe, expect, it } from "vitest";

import { hashInlineScripts, scriptHashSource } from "./inline-scripts";

const NONCE = "AbCdEfGhIjKlMnOpQrStUvWx";
const sha = (t: string) => `'sha256-${createHash("sha256").update(t).digest("base64")}'`;

describe("hashInlineScripts", () => {
  it("hashes the scripts that carried the render's nonce, and drops the nonce attributes", () => {
    const html =
      `<html><head><link rel="stylesheet" href="/a.css" nonce="${NONCE}"/>` +
      `<script src="/_next/static/chunks/a.js" async="" nonce="${NONCE}"></script></head><body>` +
      `<script nonce="${NONCE}">self.__next_f.push([1,"a"])</script>` +
      `<script nonce="${NONCE}" id="_R_">(globalThis.TURBOPACK=[]).push(1)</script>` +
      `<script nonce="${NONCE}">self.__next_f.push([1,"a"])</script></body></html>`;
    const page = hashInlineScripts(html, NONCE);
    expect(page.hashes).toEqual([
      sha('self.__next_f.push([1,"a"])'),
      sha("(globalThis.TURBOPACK=[]).push(1)"),
    ]);
    expect(page.html).not.toContain("nonce");
    expect(page.html).toContain('<script src="/_next/static/chunks/a.js" async=""></script>');
    expect(page.foreignScripts).toBe(0);
  });

  it("never hashes a script that did not carry the nonce (an injected one stays blocked)", () => {
    const html =
      `<script nonce="${NONCE}">ours()</script><p>desc</p><script>alert(1)</script>` +
      `<script nonce="guessedGuessedGuessed">alert(2)</script><SCRIPT>alert(3)</SCRIPT >`;
    const page = hashInlineScripts(html, NONCE);
    expect(page.hashes).toEqual([sha("ours()")]);
    expect(page.foreignScripts).toBe(3);
    expect(page.html).toContain("<script>alert(1)</script>");
  });

  it("ends a script where HTML does: the first </script, whatever precedes it", () => {
    const page = hashInlineScripts(`<script nonce="${NONCE}">var a="x</scripty";</script>`, NONCE);
    // `</scripty` does not end script data (a letter follows), so the whole text is the script.
    expect(page.hashes).toEqual([sha('var a="x</scripty";')]);
  });

  it("hashes the text a browser hashes: newlines normalised to LF", () => {
    expect(scriptHashSource("a\r\nb\rc")).toBe(sha("a\nb\nc"));
  });

  it("refuses a missing or weak nonce", () => {
    expect(() => hashInlineScripts("<script>x</script>", "")).toThrow(/nonce/);
  });
});

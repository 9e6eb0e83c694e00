// A huge description is cut before the sanitiser runs (bounded work), and the page says so.
import { describe, expect, it } from "vitest";
import { MAX_DESCRIPTION_CHARS } from "../text/render-caps";
import { plainText, sanitizeDescription } from "./sanitize";

describe("description caps", () => {
  const huge = "word ".repeat(6 * 1024 * 1024); // 30 MB

  it("renders at most MAX_DESCRIPTION_CHARS of a 30 MB description, fast, with a visible note", () => {
    const started = performance.now();
    const html = sanitizeDescription(huge);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(html.length).toBeLessThan(MAX_DESCRIPTION_CHARS + 500);
    expect(html).toMatch(
      new RegExp(
        `<p class="truncated-note">… \\(truncated, ${(huge.length - MAX_DESCRIPTION_CHARS).toLocaleString("en-US")} characters\\)</p>$`,
      ),
    );
    expect(plainText(huge)).toMatch(/… \(truncated, [\d,]+ characters\)$/);
  });

  it("leaves real-sized descriptions alone", () => {
    const text = "A ".repeat(5000);
    expect(sanitizeDescription(text)).not.toContain("truncated");
    expect(plainText(text)).not.toContain("truncated");
  });
});

import { describe, expect, it } from "vitest";

import { decodeEntities } from "./entities";

describe("decodeEntities", () => {
  it.each([
    ["a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;", `a & b <c> "d" 'e'`],
    ["&#65;&#x42;&#X43;", "ABC"],
    ["&nbsp;", " "],
    ["&unknown; &#0; &#x110000;", "&unknown; &#0; &#x110000;"],
    ["&#x1F600;", "😀"],
  ])("%s", (input, want) => {
    expect(decodeEntities(input)).toBe(want);
  });
});

import { describe, expect, it } from "vitest";

import { scriptSources } from "./measure-js";

describe("scriptSources", () => {
  it("resolves every <script src> of a page, relative or absolute, and ignores inline scripts", () => {
    const html = `<!DOCTYPE html><html><head>
      <link rel="preload" as="script" href="/_next/static/chunks/preload-only.js">
      <script src="/_next/static/chunks/a.js" async=""></script>
      <script>self.__next_f.push([1,"x"])</script>
    </head><body>
      <script src="./swagger-ui-bundle.js" charset="UTF-8"> </script>
      <script nomodule SRC='https://cdn.example/b.js?x=1&amp;y=2'></script>
    </body></html>`;
    expect([...scriptSources(html, "http://127.0.0.1:3301/compute.v1/")]).toEqual([
      "http://127.0.0.1:3301/_next/static/chunks/a.js",
      "http://127.0.0.1:3301/compute.v1/swagger-ui-bundle.js",
      "https://cdn.example/b.js?x=1&y=2",
    ]);
  });

  it("does not take data-src or a src inside another attribute for a script URL", () => {
    expect(
      scriptSources(
        `<script data-src="/no.js"></script><script type="x" title="src='/no2.js'"></script>`,
        "http://h/",
      ).size,
    ).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { scanHead, scanTail } from "./top-level-fields";

const wanted = new Set(["name", "version", "title", "description", "icons", "labels", "n"]);

describe("scanHead / scanTail", () => {
  const doc = {
    auth: { oauth2: { scopes: { "https://x": { description: 'nested "title": "decoy"' } } } },
    description: 'He said "hi" \\ and left',
    icons: { x16: "a", x32: "b" },
    labels: ["x"],
    n: 3,
    name: "zoo",
    resources: { r: { methods: { title: { id: "t", description: '}{]["' } } } },
    schemas: { title: { type: "string", description: '"version": "v9"' } },
    title: "Zoo \u00e9 API",
    version: "v1.4",
  };
  const text = JSON.stringify(doc, null, 1);

  it("reads the members before the first big value, and after the last one", () => {
    const headEnd = text.indexOf('"resources"') + 20; // window ends inside resources
    expect(scanHead(text.slice(0, headEnd), wanted)).toEqual({
      description: doc.description,
      icons: doc.icons,
      labels: ["x"],
      n: 3,
      name: "zoo",
    });
    const tailStart = text.indexOf('"schemas"') + 5;
    expect(scanTail(text.slice(tailStart), wanted)).toEqual({ title: doc.title, version: "v1.4" });
  });

  it("reads everything when the window is the whole text, and ignores nested decoys", () => {
    expect(scanHead(text, wanted)).toEqual({
      description: doc.description,
      icons: doc.icons,
      labels: ["x"],
      n: 3,
      name: "zoo",
      title: doc.title,
      version: "v1.4",
    });
    expect(scanHead(JSON.stringify(doc), wanted).title).toBe(doc.title);
  });

  it("scans scalars backwards and stops at nested values", () => {
    expect(scanTail('{"a": {"title": "no"}, "n": -1.5e3, "b": true, "title": "T\\"x\\\\"}', wanted)).toEqual({
      n: -1500,
      title: 'T"x\\',
    });
    expect(scanTail('{"title": "T"}', wanted)).toEqual({ title: "T" });
  });

  it.each(["", "[]", "{", '{"name"', '{"name": "unterminated', "garbage"])("gives up quietly on %j", (t) => {
    expect(() => scanHead(t, wanted)).not.toThrow();
    expect(() => scanTail(t, wanted)).not.toThrow();
  });
});

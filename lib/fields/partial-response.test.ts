import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  addFieldPath,
  canonicalFields,
  fieldsTree,
  isFieldName,
  isPartlySelected,
  isSelected,
  parseFields,
  printFields,
  withField,
  withoutField,
  type FieldTree,
} from "./partial-response";

const treeOf = (text: string): FieldTree => {
  const parsed = parseFields(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return fieldsTree(parsed.selections);
};

/** A plain object view of a tree, for readable equality. */
const plain = (t: FieldTree): unknown => Object.fromEntries([...t].map(([k, v]) => [k, plain(v)]));

describe("Google's partial-response syntax: real examples", () => {
  // Shapes from Google's documentation of `fields` (Drive, YouTube, Calendar, Blogger, the system-parameters page).
  it.each([
    ["nextPageToken,files(id,name)", "nextPageToken,files(id,name)"],
    ["files(id,name,parents),nextPageToken", "files(id,name,parents),nextPageToken"],
    ["kind,items(title,characteristics/length)", "kind,items(title,characteristics/length)"],
    ["items(id,snippet/title)", "items(id,snippet/title)"],
    ["items/snippet/title", "items/snippet/title"],
    ["items(snippet(title,description))", "items/snippet(title,description)"],
    ["files(id),files(name)", "files(id,name)"],
    ["files/id,files", "files"],
    ["files,files(id)", "files"],
    ["items(*)", "items/*"],
    ["a/b(c,d/e),a/b/f", "a/b(c,d/e,f)"],
    ["", ""],
  ])("%s → %s", (text, canonical) => {
    expect(canonicalFields(text)).toBe(canonical);
  });

  it("merges repeated selections into one tree", () => {
    expect(plain(treeOf("files(id),nextPageToken,files(name,owners/emailAddress)"))).toEqual({
      files: { id: {}, name: {}, owners: { emailAddress: {} } },
      nextPageToken: {},
    });
  });
});

describe("syntax errors point at their position", () => {
  it.each([
    ["files(id", 8, /never closed/],
    ["files(id))", 9, /Unmatched "\)" at position 10/],
    ["files(,id)", 6, /Expected a field name at ","/],
    ["files//id", 6, /Expected a field name/],
    ["a,,b", 2, /Expected a field name/],
    ["a b", 1, /Unexpected " "/],
    ["files(id name)", 8, /Expected "," or "\)"/],
    ["a,", 2, /the end of the value/],
  ])("%s fails at %i", (text, position, message) => {
    const parsed = parseFields(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.position).toBe(position);
    expect(parsed.error.message).toMatch(message);
  });
});

const nameArb = fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,5}$/);
const treeArb: fc.Arbitrary<FieldTree> = fc.letrec<{ tree: FieldTree }>((tie) => ({
  tree: fc
    .uniqueArray(fc.tuple(nameArb, fc.oneof({ depthSize: "small" }, fc.constant(new Map()), tie("tree"))), {
      selector: ([k]) => k,
      maxLength: 4,
    })
    .map((entries) => new Map(entries) as FieldTree),
})).tree;

/** Random `fields` texts built from the grammar (not necessarily canonical: repeats, `/` and `( )` mixed). */
const textArb: fc.Arbitrary<string> = fc.letrec<{ list: string; sel: string }>((tie) => ({
  list: fc.array(tie("sel"), { minLength: 1, maxLength: 4 }).map((xs) => xs.join(",")),
  sel: fc
    .tuple(
      fc.array(fc.constantFrom("a", "b", "id", "name", "*"), { minLength: 1, maxLength: 3 }),
      fc.option(tie("list"), { freq: 3, depthSize: "small" }),
    )
    .map(([path, sub]) => path.join("/") + (sub === null ? "" : `(${sub})`)),
})).list;

describe("round trips (property-based)", () => {
  it("parse(print(tree)) = tree for every tree", () => {
    fc.assert(
      fc.property(treeArb, (tree) => {
        expect(plain(treeOf(printFields(tree)))).toEqual(plain(tree));
      }),
    );
  });

  it("print(parse(x)) is canonical: printing again changes nothing, and it selects the same fields", () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const once = canonicalFields(text);
        expect(once).not.toBeNull();
        expect(canonicalFields(once ?? "")).toBe(once);
        expect(plain(treeOf(once ?? ""))).toEqual(plain(treeOf(text)));
      }),
    );
  });

  it("never throws on arbitrary text: it parses or names a position inside the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "/", "(", ")", ",", " ", "*") }), (text) => {
        const parsed = parseFields(text);
        if (!parsed.ok) {
          expect(parsed.error.position).toBeGreaterThanOrEqual(0);
          expect(parsed.error.position).toBeLessThanOrEqual(text.length);
        }
      }),
    );
  });
});

describe("ticking and unticking", () => {
  it("a path picked from a response joins the typed selection", () => {
    expect(addFieldPath("", ["files", "id"])).toBe("files/id");
    expect(addFieldPath("nextPageToken,files/name", ["files", "id"])).toBe("nextPageToken,files(name,id)");
    expect(addFieldPath("files(", ["kind"])).toBe("files(,kind");
  });

  it("a map key the grammar cannot spell is picked through the wildcard, so the text still parses", () => {
    // compute's aggregated lists: items is a map keyed by "zones/us-central1-a".
    const text = addFieldPath("", ["items", "zones/us-central1-a", "instances"]);
    expect(text).toBe("items/*/instances");
    expect(plain(treeOf(text))).toEqual({ items: { "*": { instances: {} } } });
    // A key that is a name stays itself (a label key selects that label only).
    expect(addFieldPath("", ["labels", "env"])).toBe("labels/env");
    expect(addFieldPath("", ["labels", "a b(c)"])).toBe("labels/*");
  });

  it("isFieldName: what one path segment can be", () => {
    for (const ok of ["id", "@type", "odata.type", "x-goog", "$ref", "_a1", "*"])
      expect(isFieldName(ok)).toBe(true);
    for (const bad of ["", "a/b", "a(b", "a,b", "a b", "**x", "a*"]) expect(isFieldName(bad)).toBe(false);
  });

  it("ticks build the syntax the issue names", () => {
    let t: FieldTree = new Map();
    t = withField(t, ["files", "id"]);
    expect(printFields(t)).toBe("files/id");
    t = withField(t, ["files", "name"]);
    t = withField(t, ["nextPageToken"]);
    expect(printFields(t)).toBe("files(id,name),nextPageToken");
    expect(isSelected(t, ["files", "id"])).toBe(true);
    expect(isSelected(t, ["files"])).toBe(false);
    expect(isPartlySelected(t, ["files"])).toBe(true);
  });

  it("unticking the last sub-field removes the parent instead of selecting all of it", () => {
    const t = withoutField(treeOf("files/id,nextPageToken"), ["files", "id"]);
    expect(printFields(t)).toBe("nextPageToken");
  });

  it("a whole-field tick covers its sub-fields", () => {
    const t = treeOf("files");
    expect(isSelected(t, ["files", "id"])).toBe(true);
    expect(printFields(withField(t, ["files", "id"]))).toBe("files");
  });
});

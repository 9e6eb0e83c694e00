import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

import { buildApiModel } from "../discovery/model";
import { parseDiscoveryDocument } from "../discovery/validate";
import { isGraphSide, methodSchemaGraph } from "./method-graph";

const file = join(
  __dirname,
  "..",
  "..",
  "testing",
  "hostile-documents",
  "documents",
  "hostile-fields-schema.v1.json",
);
const parsed = parseDiscoveryDocument(readFileSync(file, "utf8"), "hostile-fields-schema.v1.json");
if (!parsed.ok) throw new Error("hostile-fields-schema does not parse");
const api = buildApiModel(parsed.doc);

describe("a method's schema graph (the route's answer)", () => {
  it("serves the response graph with sanitised descriptions and prototype keys kept as data", () => {
    const result = methodSchemaGraph(api, "hostile-fields-schema.animals.get", "response");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const text = JSON.stringify(result.graph);
    // Markdown rendering is the sanitiser's (lib/html/sanitize.ts); here: the text survives, the script does not.
    expect(text).toMatch(/The (\*\*name\*\*|<strong>name<\/strong>)/);
    expect(text).not.toMatch(/<script|onerror/i);
    const animal = new Map(result.graph.schemas).get("Animal");
    expect(animal?.properties?.map(([k]) => k)).toContain("__proto__");
  });

  it("answers 404 with a reason for an unknown method or a missing body, and rejects an unknown side", () => {
    expect(methodSchemaGraph(api, "nope", "response")).toMatchObject({ ok: false, status: 404 });
    expect(methodSchemaGraph(api, "hostile-fields-schema.animals.get", "request")).toEqual({
      ok: false,
      status: 404,
      error: "hostile-fields-schema.animals.get takes no request body.",
    });
    expect(isGraphSide("response")).toBe(true);
    expect(isGraphSide("__proto__")).toBe(false);
    expect(isGraphSide(null)).toBe(false);
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

import { SNAPSHOT_DIR, SNAPSHOT_SKIP_REASON } from "./__fixtures__/real-snapshot";
import { buildApiModel } from "./model";
import { parseDiscoveryDocument } from "./validate";

import { zooApi } from "./__fixtures__/load-zoo";
import { BASE64_MESSAGE, BASE64_PATTERN, bodySchemaFor, forBodyEditor } from "./body-schema";
import { toJsonSchema } from "./schema";

describe("bodySchemaFor", () => {
  const api = zooApi();

  it("gives the JSON Schema of the method's request body (plus the editor's checks)", () => {
    const r = bodySchemaFor(api, "zoo.zoos.animals.create");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.schema).toEqual(forBodyEditor(toJsonSchema(api, "Animal", "zoo.zoos.animals.create")));
    expect(JSON.stringify(r.schema)).toContain('"properties"');
  });

  it("handles a cyclic request schema (zoo's NodeA ↔ NodeB)", () => {
    const r = bodySchemaFor(api, "zoo.-.lookup");
    expect(r.ok).toBe(true);
    if (r.ok) expect(() => JSON.stringify(r.schema)).not.toThrow();
  });

  it("answers 404 with a reason for a method without a body or an unknown method", () => {
    expect(bodySchemaFor(api, "zoo.zoos.get")).toEqual({
      ok: false,
      status: 404,
      error: "zoo.zoos.get takes no request body.",
    });
    expect(bodySchemaFor(api, "zoo.nope.create")).toEqual({
      ok: false,
      status: 404,
      error: "zoo v1 has no method zoo.nope.create.",
    });
  });
});

describe("forBodyEditor: what the body editor warns about", () => {
  const schema = forBodyEditor({
    $ref: "#/definitions/Msg",
    definitions: {
      Msg: {
        type: "object",
        properties: {
          data: { type: "string", format: "byte" },
          labels: { type: "object", additionalProperties: { type: "string" } },
          nested: {
            type: "object",
            properties: { type: { type: "string" }, properties: { type: "string" } },
          },
          any: {},
        },
      },
    },
  } as object) as {
    definitions: {
      Msg: { additionalProperties: unknown; properties: Record<string, Record<string, unknown>> };
    };
  };
  const msg = schema.definitions.Msg;

  it("a closed object (properties, no additionalProperties) rejects unknown properties", () => {
    expect(msg.additionalProperties).toBe(false);
    expect(msg.properties.nested!.additionalProperties).toBe(false);
  });

  it("a map keeps its value schema and properties named like keywords stay schemas", () => {
    expect(msg.properties.labels).toEqual({ type: "object", additionalProperties: { type: "string" } });
    expect(msg.properties.nested!.properties).toEqual({
      type: { type: "string" },
      properties: { type: "string" },
    });
    expect(msg.properties.any).toEqual({});
  });

  it("format byte gets a base64 pattern and a message", () => {
    expect(msg.properties.data).toMatchObject({
      pattern: BASE64_PATTERN,
      patternErrorMessage: BASE64_MESSAGE,
    });
    const base64 = new RegExp(BASE64_PATTERN);
    for (const ok of ["", "aGVsbG8=", "aGVsbG8", "aGVsbA==", "aGVsbA", "-_-_", "+/+/", "AAAA"])
      expect(base64.test(ok), ok).toBe(true);
    for (const bad of ["hello world", "héllo", "abc$", "a", "aGVsbG8===", "aGVs=bG8", "AAAAA"])
      expect(base64.test(bad), bad).toBe(false);
    // Node's decoder agrees: every accepted value is whole bytes that re-encode to the same characters.
    for (const ok of ["aGVsbG8=", "aGVsbA", "-_-_"])
      expect(Buffer.from(ok, "base64url").toString("base64url")).toBe(ok.replace(/=+$/, ""));
  });
});

describe.skipIf(!SNAPSHOT_DIR)(`the served body schema of real methods${SNAPSHOT_SKIP_REASON}`, () => {
  const load = (file: string) => {
    const parsed = parseDiscoveryDocument(readFileSync(join(SNAPSHOT_DIR!, file), "utf8"), file);
    if (!parsed.ok) throw new Error(`${file} did not parse`);
    return buildApiModel(parsed.doc);
  };

  it("gmail.users.messages.send: Message is closed and raw must be base64", () => {
    const r = bodySchemaFor(load("gmail.v1.json"), "gmail.users.messages.send");
    if (!r.ok) throw new Error(r.error);
    const message = (r.schema as { definitions: Record<string, Record<string, unknown>> }).definitions
      .Message!;
    expect(message.additionalProperties).toBe(false);
    expect((message.properties as Record<string, object>).raw).toMatchObject({ pattern: BASE64_PATTERN });
  });
});

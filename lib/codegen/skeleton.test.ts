import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

import { zooApi } from "../discovery/__fixtures__/load-zoo";
import { SNAPSHOT_DIR, SNAPSHOT_SKIP_REASON } from "../discovery/__fixtures__/real-snapshot";
import { buildApiModel } from "../discovery/model";
import type { ApiModel } from "../discovery/model-types";
import { parseDiscoveryDocument } from "../discovery/validate";
import type { JsonValue } from "../request/types";
import { bodySkeleton, MAX_DEPTH } from "./skeleton";

const zoo = zooApi();

function depthOf(v: JsonValue): number {
  if (Array.isArray(v)) return 1 + Math.max(0, ...v.map(depthOf));
  if (typeof v === "object" && v !== null) return 1 + Math.max(0, ...Object.values(v).map(depthOf));
  return 0;
}

describe("bodySkeleton on the zoo", () => {
  it("Animal for animals.create: the required name plus typical fields, no readOnly, no cycles", () => {
    expect(bodySkeleton(zoo, "Animal", "zoo.zoos.animals.create")).toEqual({ name: "" });
  });

  it("Keeper for keepers.import: required displayName", () => {
    expect(bodySkeleton(zoo, "Keeper", "zoo.keepers.import")).toEqual({ displayName: "" });
  });

  it("a method with nothing required still gets typical fields", () => {
    expect(bodySkeleton(zoo, "Keeper", "zoo.keepers.update")).toEqual({ displayName: "" });
    expect(bodySkeleton(zoo, "Animal", "zoo.zoos.animals.patch")).toEqual({ name: "" });
  });

  it("mutual recursion (NodeA → NodeB → NodeA) terminates", () => {
    const api: Pick<ApiModel, "schemas"> = {
      schemas: {
        ...zoo.schemas,
        NodeA: {
          id: "NodeA",
          type: "object",
          properties: { b: { $ref: "NodeB", annotations: { required: ["m"] } } },
        },
        NodeB: {
          id: "NodeB",
          type: "object",
          properties: {
            a: { $ref: "NodeA", annotations: { required: ["m"] } },
            value: { type: "string", annotations: { required: ["m"] } },
          },
        },
      },
    };
    expect(bodySkeleton(api, "NodeA", "m")).toEqual({ b: { value: "" } });
  });

  it("placeholders follow type, format, enum and default; readOnly, output-only and deprecated are skipped", () => {
    const req = { annotations: { required: ["m"] } };
    const api: Pick<ApiModel, "schemas"> = {
      schemas: {
        Thing: {
          id: "Thing",
          type: "object",
          properties: {
            id: { type: "string", readOnly: true, ...req },
            selfLink: { type: "string", description: "[Output Only] Server-defined URL.", ...req },
            old: { type: "string", deprecated: true },
            i64: { type: "string", format: "int64", ...req },
            when: { type: "string", format: "google-datetime", ...req },
            day: { type: "string", format: "date", ...req },
            ttl: { type: "string", format: "google-duration", ...req },
            count: { type: "integer", format: "int32", ...req },
            ratio: { type: "number", ...req },
            on: { type: "boolean", ...req },
            kind: { type: "string", default: "zoo#thing", ...req },
            size: { type: "integer", default: "7", ...req },
            state: {
              type: "string",
              enum: ["STATE_UNSPECIFIED", "OLD", "ACTIVE"],
              enumDeprecated: [false, true, false],
              ...req,
            },
            tags: { type: "array", items: { type: "string" }, ...req },
            labels: { type: "object", additionalProperties: { type: "string" }, ...req },
            blob: { type: "any", ...req },
            items: { type: "array", items: { $ref: "Item" }, ...req },
            other: { type: "string" },
          },
        },
        Item: { id: "Item", type: "object", properties: { key: { type: "string", ...req } } },
      },
    };
    expect(bodySkeleton(api, "Thing", "m")).toEqual({
      i64: "0",
      when: "2025-01-01T00:00:00Z",
      day: "2025-01-01",
      ttl: "0s",
      count: 0,
      ratio: 0,
      on: false,
      kind: "zoo#thing",
      size: 7,
      state: "ACTIVE",
      tags: [],
      labels: {},
      blob: null,
      items: [{ key: "" }],
    });
  });

  it("a self-referencing required chain stops at the cycle and the depth limit", () => {
    const req = { annotations: { required: ["m"] } };
    const schemas: ApiModel["schemas"] = {
      Deep: {
        id: "Deep",
        type: "object",
        properties: {
          self: { $ref: "Deep", ...req },
          a: {
            type: "object",
            ...req,
            properties: {
              b: {
                type: "object",
                ...req,
                properties: {
                  c: {
                    type: "object",
                    ...req,
                    properties: {
                      d: {
                        type: "object",
                        ...req,
                        properties: {
                          e: { type: "object", ...req, properties: { f: { type: "string", ...req } } },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    };
    const out = bodySkeleton({ schemas }, "Deep", "m");
    expect(out).not.toHaveProperty("self");
    // MAX_DEPTH objects below the root are expanded; the next one is left empty.
    expect(MAX_DEPTH).toBe(4);
    expect(out).toEqual({ a: { b: { c: { d: { e: {} } } } } });
    expect(depthOf(out)).toBe(MAX_DEPTH + 2);
  });

  it("'Required.' / '[Required]' prose marks a field required, nested ones too", () => {
    const api: Pick<ApiModel, "schemas"> = {
      schemas: {
        Req: {
          id: "Req",
          type: "object",
          properties: {
            query: { type: "string", description: "[Required] A query string to execute." },
            dryRun: { type: "boolean", description: "Optional. Validate only." },
            target: { $ref: "Target", description: "Required. Where to write." },
          },
        },
        Target: {
          id: "Target",
          type: "object",
          properties: {
            table: { type: "string", description: "Required: the table." },
            note: { type: "string", description: "Free text." },
          },
        },
      },
    };
    expect(bodySkeleton(api, "Req", "m")).toEqual({ query: "", target: { table: "" } });
  });

  it("an object with properties but nothing required or typical gets its first writable fields, never {}", () => {
    const api: Pick<ApiModel, "schemas"> = {
      schemas: {
        Msg: {
          id: "Msg",
          type: "object",
          properties: {
            attributes: { type: "object", additionalProperties: { type: "string" } },
            data: { type: "string", format: "byte" },
            messageId: { type: "string", description: "ID of this message, assigned by the server." },
            orderingKey: { type: "string" },
            publishTime: {
              type: "string",
              format: "google-datetime",
              description: "Populated by the server.",
            },
            extra: { type: "string" },
          },
        },
      },
    };
    expect(bodySkeleton(api, "Msg", "m")).toEqual({ attributes: {}, data: "", orderingKey: "" });
  });

  it("a typical name that is a plain string is not added (Gmail's output-only snippet)", () => {
    const api: Pick<ApiModel, "schemas"> = {
      schemas: {
        Message: {
          id: "Message",
          type: "object",
          properties: {
            raw: { type: "string", format: "byte", annotations: { required: ["m"] } },
            snippet: { type: "string", description: "A short part of the message text." },
          },
        },
      },
    };
    expect(bodySkeleton(api, "Message", "m")).toEqual({ raw: "" });
  });

  it("unknown schema → {}", () => {
    expect(bodySkeleton(zoo, "Nope", "m")).toEqual({});
    expect(bodySkeleton(zoo, "constructor", "m")).toEqual({});
  });
});

describe.skipIf(!SNAPSHOT_DIR)(`bodySkeleton on real documents${SNAPSHOT_SKIP_REASON}`, () => {
  const load = (file: string): ApiModel => {
    const parsed = parseDiscoveryDocument(readFileSync(join(SNAPSHOT_DIR!, file), "utf8"), file);
    if (!parsed.ok) throw new Error(`${file} did not parse`);
    return buildApiModel(parsed.doc);
  };

  it("compute.instances.insert: required name, typical description/machineType, no output-only fields", () => {
    const out = bodySkeleton(load("compute.v1.json"), "Instance", "compute.instances.insert");
    expect(out).toMatchObject({ name: "", machineType: "" });
    for (const k of ["id", "kind", "selfLink", "creationTimestamp", "status"])
      expect(out).not.toHaveProperty(k);
  });

  it("calendar.events.insert: required start and end, with dateTime (not also the all-day date)", () => {
    const out = bodySkeleton(load("calendar.v3.json"), "Event", "calendar.events.insert");
    expect(out).toHaveProperty("start");
    expect(out).toHaveProperty("end");
    expect(out).toMatchObject({
      start: { dateTime: "2025-01-01T00:00:00Z" },
      end: { dateTime: "2025-01-01T00:00:00Z" },
    });
    expect((out as { start: object }).start).not.toHaveProperty("date");
    expect(out).not.toHaveProperty("iCalUID");
  });

  it("drive.files.create: name, description, mimeType, parents", () => {
    const out = bodySkeleton(load("drive.v3.json"), "File", "drive.files.create");
    expect(out).toEqual({ description: "", mimeType: "", name: "", parents: [] });
  });

  it("youtube.videos.insert: snippet with its title and description", () => {
    const out = bodySkeleton(load("youtube.v3.json"), "Video", "youtube.videos.insert");
    expect(out).toMatchObject({ snippet: { title: "", description: "" } });
  });

  it("bigquery.jobs.query: the required query, not {}", () => {
    const out = bodySkeleton(load("bigquery.v2.json"), "QueryRequest", "bigquery.jobs.query");
    expect(out).toMatchObject({ query: "" });
  });

  it("pubsub.projects.topics.publish: one message with data, no server-assigned messageId", () => {
    const out = bodySkeleton(load("pubsub.v1.json"), "PublishRequest", "pubsub.projects.topics.publish");
    expect(out).toMatchObject({ messages: [{ data: "" }] });
    const [message] = (out as { messages: Record<string, unknown>[] }).messages;
    expect(message).not.toHaveProperty("messageId");
    expect(message).not.toHaveProperty("publishTime");
  });

  it("sheets.spreadsheets.values.update: ValueRange fields, not {}", () => {
    const out = bodySkeleton(load("sheets.v4.json"), "ValueRange", "sheets.spreadsheets.values.update");
    expect(out).toMatchObject({ range: "", values: [] });
  });

  it("gmail.users.messages.send: raw only, never the output-only snippet", () => {
    const out = bodySkeleton(load("gmail.v1.json"), "Message", "gmail.users.messages.send");
    expect(out).toEqual({ raw: "" });
  });

  it("no request schema with properties of a few large APIs gives {}", () => {
    for (const file of ["bigquery.v2.json", "pubsub.v1.json", "sheets.v4.json", "gmail.v1.json"]) {
      const api = load(file);
      for (const m of api.methods) {
        if (m.requestSchema === null) continue;
        const props = Object.values(api.schemas[m.requestSchema]?.properties ?? {});
        const writable = props.filter(
          (p) => p.readOnly !== true && !/^\s*\[?output[ -]only/i.test(p.description ?? ""),
        );
        if (writable.length === 0) continue;
        expect(bodySkeleton(api, m.requestSchema, m.id), m.id).not.toEqual({});
      }
    }
  });

  it("every request schema of a few large APIs gives a small finite skeleton", () => {
    for (const file of ["compute.v1.json", "dataflow.v1b3.json", "aiplatform.v1.json"]) {
      const api = load(file);
      for (const m of api.methods) {
        if (m.requestSchema === null) continue;
        const out = bodySkeleton(api, m.requestSchema, m.id);
        expect(JSON.stringify(out).length, m.id).toBeLessThan(20_000);
      }
    }
  });
});

import { describe, expect, it } from "vitest";

import {
  apiPath,
  bodySchemaPath,
  BODY_SCHEMA_PREFIX,
  descriptionPath,
  directorySearchPath,
  methodPath,
  schemaGraphPath,
} from "./routes";

/** What a route handler does with a path: the segments after `prefix`, each percent-decoded once. */
const segmentsAfter = (prefix: string, url: string) =>
  new URL(url, "http://x").pathname.slice(prefix.length).split("/").map(decodeURIComponent);

describe("page paths", () => {
  it("an API version and a method, each segment escaped on its own", () => {
    expect(apiPath("youtube", "v3")).toBe("/youtube/v3");
    expect(methodPath("youtube", "v3", "youtube.channels.list")).toBe("/youtube/v3/youtube.channels.list");
    expect(methodPath("a/b", "v1?x", "m#1")).toBe("/a%2Fb/v1%3Fx/m%231");
  });

  it("a directory search keeps the query in q", () => {
    expect(directorySearchPath("drive & docs")).toBe("/?q=drive%20%26%20docs");
    expect(new URL(directorySearchPath("drive & docs"), "http://x").searchParams.get("q")).toBe(
      "drive & docs",
    );
  });
});

describe("route paths", () => {
  it("description: the API's, a method's, a parameter's", () => {
    expect(descriptionPath("zoo", "v1")).toBe("/api/description/zoo/v1");
    expect(descriptionPath("zoo", "v1", "zoo.zoos.get")).toBe("/api/description/zoo/v1?method=zoo.zoos.get");
    expect(descriptionPath("zoo", "v1", "zoo.zoos.get", "a&b")).toBe(
      "/api/description/zoo/v1?method=zoo.zoos.get&param=a%26b",
    );
  });

  it("body schema: names the method, escapes each part and carries the document revision", () => {
    expect(bodySchemaPath("zoo", "v1", "zoo.-.lookup", "20260101")).toBe(
      "/api/body-schema/zoo/v1/zoo.-.lookup?rev=20260101",
    );
    expect(bodySchemaPath("a b", "v1/2", "x?y", null)).toBe("/api/body-schema/a%20b/v1%2F2/x%3Fy");
  });

  it("schema graph: the side, then the revision", () => {
    expect(schemaGraphPath("a/b", "v1", "x?y", "response", "2026")).toBe(
      "/api/schema-graph/a%2Fb/v1/x%3Fy?side=response&rev=2026",
    );
    expect(schemaGraphPath("zoo", "v1", "zoo.get", "request", null)).toBe(
      "/api/schema-graph/zoo/v1/zoo.get?side=request",
    );
  });

  it("a handler parsing after the prefix gets back exactly the names that went in", () => {
    const names = ["a/b", "v%2E1", "x.y?z"] as const;
    expect(segmentsAfter(BODY_SCHEMA_PREFIX, bodySchemaPath(...names, "r"))).toEqual([...names]);
  });
});

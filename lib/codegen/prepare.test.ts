import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { buildApiModel, findMethod } from "@/lib/discovery/model";
import type { RawRestDescription } from "@/lib/discovery/types";

import { readdirSync, readFileSync } from "node:fs";

import { docPathFor, snapshotDir } from "./__fixtures__/load";
import { methodSummary, prepareSnippetInput } from "./prepare";
import { PYTHON_STATIC_APIS } from "./python-static-apis.generated";

const zoo = buildApiModel(
  JSON.parse(
    readFileSync(join(__dirname, "..", "discovery", "__fixtures__", "zoo.json"), "utf8"),
  ) as RawRestDescription,
);

describe("prepareSnippetInput", () => {
  it("orders path params first, then method params, then standard params; drops empty and credential values", () => {
    const method = findMethod(zoo, "zoo.zoos.animals.list")!;
    const input = prepareSnippetInput({
      api: zoo,
      method,
      request: {
        api: "zoo",
        version: "v1",
        method: method.id,
        params: {
          fields: "animals",
          key: "SECRET",
          access_token: "SECRET",
          pageToken: "",
          species: ["", "LION"],
          showDeleted: false,
          parent: "zoos/a",
          "$.xgafv": "2",
          nope: "unknown",
        },
        body: null,
        auth: { type: "oauth", scopes: ["https://www.googleapis.com/auth/zoo"] },
      },
    });
    expect(input.params.map((p) => [p.name, p.value])).toEqual([
      ["parent", "zoos/a"],
      ["showDeleted", false],
      ["species", ["LION"]],
      ["$.xgafv", "2"],
      ["fields", "animals"],
    ]);
    expect(input.http.url).not.toContain("SECRET");
    expect(input.api).toMatchObject({ pythonStatic: false, inGoogleapis: false, dataWrapper: false });
    expect(methodSummary(input)).toBe(`zoo.zoos.animals.list: GET ${zoo.baseUrl}${method.path}`);
  });

  it("keeps a method's own parameter named like a credential (oauth2 tokeninfo)", () => {
    const method = findMethod(zoo, "zoo.tokeninfo")!;
    const input = prepareSnippetInput({
      api: zoo,
      method,
      request: {
        api: "zoo",
        version: "v1",
        method: method.id,
        params: { access_token: "t" },
        body: null,
        auth: { type: "none" },
      },
    });
    expect(input.params.map((p) => p.name)).toEqual(["access_token"]);
  });

  it("knows the packaged Python documents and googleapis' APIs", () => {
    expect(PYTHON_STATIC_APIS.has("youtube.v3")).toBe(true);
    expect(PYTHON_STATIC_APIS.has("youtubeAnalytics.v2")).toBe(true);
    expect(PYTHON_STATIC_APIS.has("zoo.v1")).toBe(false);
    const dir = snapshotDir();
    if (dir !== null) {
      // The committed list matches the installed library (else: npm run gen).
      const installed = readdirSync(dir)
        .filter((f) => f.endsWith(".json") && f !== "index.json")
        .map((f) => f.slice(0, -5));
      expect([...PYTHON_STATIC_APIS].sort()).toEqual(installed.sort());
    }
    const path = docPathFor("snapshot:apigee.v1");
    if (path === null) return;
    const apigee = buildApiModel(JSON.parse(readFileSync(path, "utf8")) as RawRestDescription);
    const method = findMethod(apigee, "apigee.organizations.hostQueries.list")!;
    const input = prepareSnippetInput({
      api: apigee,
      method,
      request: {
        api: "apigee",
        version: "v1",
        method: method.id,
        params: { parent: "organizations/o" },
        body: null,
        auth: { type: "none" },
      },
    });
    expect(input.api).toMatchObject({ pythonStatic: true, inGoogleapis: false });
  });
});

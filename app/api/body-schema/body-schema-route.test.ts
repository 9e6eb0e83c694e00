// GET /api/body-schema/…: names are decoded once and checked against the Discovery grammar before any fetch.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { json, startFakeServer } from "@/lib/discovery/__fixtures__/fake-server";
import { zooText } from "@/lib/discovery/__fixtures__/load-zoo";
import { resetDiscoveryCache } from "@/lib/discovery/load";

import { GET } from "./[api]/[version]/[methodId]/route";

let server: Awaited<ReturnType<typeof startFakeServer>>;
const saved = { ...process.env };

beforeAll(async () => {
  server = await startFakeServer({
    "/discovery/v1/apis/zoo/v1/rest": json(zooText()),
    "/discovery/v1/apis/badjson/v1/rest": json("{"),
  });
  process.env.EXPLORER_DISCOVERY_SOURCE = server.url;
  resetDiscoveryCache();
});
afterAll(async () => {
  process.env = saved;
  resetDiscoveryCache();
  await server.close();
});

const get = (path: string) => GET(new Request(`http://127.0.0.1:3100/api/body-schema/${path}`));

describe("body-schema route", () => {
  it.each([
    "%252E%252E/%252E%252E/x",
    "%2E%2E/%2E%2E/x",
    "zoo/..%2Fx/zoo.zoos.get",
    "a%2Fb/v1/x",
    "zoo/v1/a%0Ab",
    "%E0%A4%A/v1/x",
  ])("%s: 404 and nothing fetched", async (path) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: string }).error).toMatch(/not an API|not a method|Expected/);
    expect(server.hits).toEqual([]);
  });

  it("serves a real method's schema, and a malformed document is 422 with the reason", async () => {
    const ok = await get("zoo/v1/zoo.zoos.animals.create");
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { $ref?: string }).$ref).toMatch(/^#\/definitions\//);
    const bad = await get("badjson/v1/badjson.x.get");
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: string }).error).toContain("could not be loaded");
  });
});

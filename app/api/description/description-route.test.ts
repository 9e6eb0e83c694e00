// GET /api/description/…: one description in full, as plain text; names checked before any fetch.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { json, startFakeServer } from "@/lib/discovery/__fixtures__/fake-server";
import { zooText } from "@/lib/discovery/__fixtures__/load-zoo";
import { descriptionPath } from "@/lib/routes";
import { resetDiscoveryCache } from "@/lib/discovery/load";

import { GET } from "./[api]/[version]/route";

const LONG = `<script>alert(1)</script>${"long ".repeat(100_000)}`;
let server: Awaited<ReturnType<typeof startFakeServer>>;
const saved = { ...process.env };

beforeAll(async () => {
  const zoo = JSON.parse(zooText()) as Record<string, unknown>;
  server = await startFakeServer({ "/discovery/v1/apis/zoo/v1/rest": json({ ...zoo, description: LONG }) });
  process.env.EXPLORER_DISCOVERY_SOURCE = server.url;
  resetDiscoveryCache();
});
afterAll(async () => {
  process.env = saved;
  resetDiscoveryCache();
  await server.close();
});

const get = (href: string) => GET(new Request(`http://127.0.0.1:3100${href}`));

describe("description route", () => {
  it("answers the whole text as plain text (nothing in it can run)", async () => {
    const res = await get(descriptionPath("zoo", "v1"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await res.text()).toBe(LONG);
  });

  it("finds a method's description, 404s unknown ones and names outside the grammar without fetching", async () => {
    const method = await get(descriptionPath("zoo", "v1", "zoo.zoos.get"));
    expect(method.status).toBe(200);
    expect((await get(descriptionPath("zoo", "v1", "zoo.nope"))).status).toBe(404);
    const hits = server.hits.length;
    expect((await get("/api/description/%252E%252E/x")).status).toBe(404);
    expect(server.hits.length).toBe(hits);
  });
});

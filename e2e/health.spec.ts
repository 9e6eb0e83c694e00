import { expect, test } from "@playwright/test";
import { HEALTH_PATH } from "../lib/routes";

/** What a load balancer sees: the production server's health route, against the fake Discovery service. */
test("health: /api/health answers 200 JSON with the source and the revision served, never cached", async ({
  request,
}) => {
  const res = await request.get(HEALTH_PATH);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("application/json");
  expect(res.headers()["cache-control"]).toBe("no-store");
  const body = await res.json();
  expect(body).toMatchObject({ ok: true, reachable: true, source: { kind: "url" } });
  expect(body.source.label).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(body.apis).toBeGreaterThan(0);
  // The build embeds the commit it was built from (git rev-parse --short=12 HEAD).
  expect(body.revision).toMatch(/^[0-9a-f]{12}$/);
});

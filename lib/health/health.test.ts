import { describe, expect, it } from "vitest";

import { DiscoveryLoadError } from "../discovery/sources/types";
import { healthReport } from "./health";

describe("healthReport", () => {
  it("answers 200 with the source, API count and revision when the directory answered", () => {
    const r = healthReport(
      { ok: true, source: { kind: "url", label: "https://bob:pw@mirror.example" }, apis: 3 },
      "abc1234",
      12,
    );
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      ok: true,
      reachable: true,
      source: { kind: "url", label: "https://***@mirror.example" },
      apis: 3,
      revision: "abc1234",
      ms: 12,
    });
  });

  it("says why live Google was skipped when the snapshot answered instead, still 200", () => {
    const r = healthReport(
      {
        ok: true,
        source: { kind: "snapshot", label: "/snap", fellBackFrom: "discovery.googleapis.com: timed out" },
        apis: 600,
      },
      undefined,
      1,
    );
    expect(r.status).toBe(200);
    expect(r.body.fellBackFrom).toBe("discovery.googleapis.com: timed out");
    expect(r.body).not.toHaveProperty("revision");
  });

  it("answers 503 with a redacted reason when the source is unreachable", () => {
    const error = new DiscoveryLoadError(
      "unreachable",
      "https://u:hunter2@mirror.example",
      "https://u:hunter2@mirror.example/discovery/v1/apis: connect ECONNREFUSED",
    );
    const r = healthReport({ ok: false, error }, "abc1234", 5);
    expect(r.status).toBe(503);
    expect(r.body.ok).toBe(false);
    expect(r.body.reachable).toBe(false);
    expect(r.body.source).toBeNull();
    expect(r.body.error).toContain("ECONNREFUSED");
    expect(JSON.stringify(r.body)).not.toContain("hunter2");
    expect(r.body.revision).toBe("abc1234");
  });
});

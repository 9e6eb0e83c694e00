import { describe, expect, it } from "vitest";

import { redactUrlSecrets } from "./redact";
import { DiscoveryLoadError } from "./types";

describe("redactUrlSecrets", () => {
  it("hides user:pass@ and query values but keeps host and path readable", () => {
    expect(redactUrlSecrets("https://alice:s3cr3t@mirror.example.com/discovery?key=AIzaXYZ&v=1")).toBe(
      "https://***@mirror.example.com/discovery?key=***&v=***",
    );
  });

  it("redacts URLs inside a sentence and leaves URLs without secrets alone", () => {
    const text =
      "http://u:p@10.0.0.1:8080: fetch failed; see https://discovery.googleapis.com/discovery/v1/apis";
    const out = redactUrlSecrets(text);
    expect(out).not.toContain("u:p");
    expect(out).toBe(
      "http://***@10.0.0.1:8080: fetch failed; see https://discovery.googleapis.com/discovery/v1/apis",
    );
  });

  it("leaves a snapshot path as it is", () => {
    expect(redactUrlSecrets("/srv/app/.venv/lib/discovery_cache/documents")).toBe(
      "/srv/app/.venv/lib/discovery_cache/documents",
    );
  });
});

describe("one rule for every message that leaves the server", () => {
  it("a load error hides a key in the source's query as well as its userinfo", () => {
    const e = new DiscoveryLoadError(
      "unreachable",
      "https://u:p@mirror.example/discovery?key=AIzaSECRET",
      "fetch https://mirror.example/discovery/v1/apis?key=AIzaSECRET failed",
    );
    expect(e.source).toBe("https://***@mirror.example/discovery?key=***");
    expect(e.message).not.toContain("AIzaSECRET");
  });
});

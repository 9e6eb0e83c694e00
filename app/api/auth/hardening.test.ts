// The auth POST routes check the Origin before reading a byte of the body, and read at most a small body.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { POST as revoke } from "./revoke/route";
import { POST as session } from "./session/route";

const ORIGIN = "http://127.0.0.1:3100";
const saved = { ...process.env };

beforeAll(() => {
  process.env.EXPLORER_OAUTH_CLIENT_ID = "client-1.apps.googleusercontent.com";
  process.env.EXPLORER_OAUTH_CLIENT_SECRET = "GOCSPX-route-secret";
});
afterAll(() => {
  process.env = saved;
});

/** A 50 MB body delivered in 64 kB chunks, counting how many the server pulled. */
function hugeBody(): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulls = 0;
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulls++;
      if (pulls * chunk.byteLength >= 50 * 1024 * 1024) controller.close();
      else controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => pulls };
}

const post = (
  path: string,
  origin: string,
  body: ReadableStream<Uint8Array>,
  headers: Record<string, string> = {},
) =>
  new Request(`${ORIGIN}${path}`, {
    method: "POST",
    headers: { origin, "content-type": "application/json", ...headers },
    body,
    duplex: "half",
  } as RequestInit);

describe.each([
  ["session", session, "/api/auth/session"],
  ["revoke", revoke, "/api/auth/revoke"],
] as const)("%s route", (_name, handler, path) => {
  it("refuses a cross-origin POST without reading its body", async () => {
    const { stream, pulled } = hugeBody();
    const res = await handler(post(path, "https://evil.example", stream));
    expect(res.status).toBe(403);
    expect(pulled()).toBeLessThanOrEqual(1); // a stream may pre-pull one chunk on construction
  });

  it("refuses a same-origin body above 16 kB with 413, declared or streamed, and stops reading", async () => {
    const declared = await handler(
      post(path, ORIGIN, hugeBody().stream, { "content-length": String(50 * 1024 * 1024) }),
    );
    expect(declared.status).toBe(413);
    const { stream, pulled } = hugeBody();
    const streamed = await handler(post(path, ORIGIN, stream));
    expect(streamed.status).toBe(413);
    expect(((await streamed.json()) as { error: string }).error).toMatch(/larger than 16384 bytes/);
    expect(pulled()).toBeLessThan(5);
  });
});

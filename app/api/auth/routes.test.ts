// The route handlers themselves (thin wrappers over lib/auth/oauth-flow.ts): status codes, cookies, headers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GET as callback } from "./callback/route";
import { POST as session } from "./session/route";
import { GET as start } from "./start/route";

const ORIGIN = "http://127.0.0.1:3100";
const saved = { ...process.env };

beforeAll(() => {
  process.env.EXPLORER_OAUTH_CLIENT_ID = "client-1.apps.googleusercontent.com";
  process.env.EXPLORER_OAUTH_CLIENT_SECRET = "GOCSPX-route-secret";
});
afterAll(() => {
  process.env = saved;
});

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie();
}

describe("auth route handlers", () => {
  it("start: 302 to Google with an HttpOnly state cookie scoped to the callback", async () => {
    const res = await start(new Request(`${ORIGIN}/api/auth/start?flow=flow-12345678&scope=openid`));
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/^https:\/\/accounts\.google\.com\/o\/oauth2\/v2\/auth\?/);
    expect(res.headers.get("location")).not.toContain("GOCSPX");
    const [cookie] = cookiesOf(res);
    expect(cookie).toMatch(
      /^explorer_oauth_state=[A-Za-z0-9_-]+; Path=\/api\/auth\/callback; Max-Age=600; HttpOnly; SameSite=Lax$/,
    );
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("callback: a bad state is a 400 page that clears the state cookie and carries no token", async () => {
    const begun = await start(new Request(`${ORIGIN}/api/auth/start?flow=flow-12345678&scope=openid`));
    const stateCookie = cookiesOf(begun)[0]?.split(";")[0] ?? "";
    const res = await callback(
      new Request(`${ORIGIN}/api/auth/callback?state=not-the-state&code=4/x`, {
        headers: { cookie: stateCookie },
      }),
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("bad state");
    expect(html).not.toMatch(/<script>/);
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(cookiesOf(res)).toEqual([
      "explorer_oauth_state=; Path=/api/auth/callback; Max-Age=0; HttpOnly; SameSite=Lax",
    ]);
  });

  it("callback: without the state cookie (e.g. another browser) it refuses", async () => {
    const res = await callback(new Request(`${ORIGIN}/api/auth/callback?state=s&code=4/x`));
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/missing or has expired/);
  });

  it("session: refuses a cross-origin POST and a POST with nothing to collect", async () => {
    const cross = await session(
      new Request(`${ORIGIN}/api/auth/session`, {
        method: "POST",
        headers: { origin: "https://evil.example", "content-type": "application/json" },
        body: JSON.stringify({ flow: "flow-12345678" }),
      }),
    );
    expect(cross.status).toBe(403);
    const none = await session(
      new Request(`${ORIGIN}/api/auth/session`, {
        method: "POST",
        headers: { origin: ORIGIN, "content-type": "application/json" },
        body: JSON.stringify({ flow: "flow-12345678" }),
      }),
    );
    expect(none.status).toBe(404);
  });

  it("without a configured client, start explains how to configure sign-in (503)", async () => {
    const id = process.env.EXPLORER_OAUTH_CLIENT_ID;
    const secret = process.env.EXPLORER_OAUTH_CLIENT_SECRET;
    delete process.env.EXPLORER_OAUTH_CLIENT_ID;
    delete process.env.EXPLORER_OAUTH_CLIENT_SECRET;
    try {
      const res = await start(new Request(`${ORIGIN}/api/auth/start?flow=flow-12345678&scope=openid`));
      expect(res.status).toBe(503);
      expect(await res.text()).toMatch(/EXPLORER_OAUTH_CLIENT_ID/);
    } finally {
      process.env.EXPLORER_OAUTH_CLIENT_ID = id;
      process.env.EXPLORER_OAUTH_CLIENT_SECRET = secret;
    }
  });
});

describe("the redirect URI follows the browser's host", () => {
  it("uses the Host header (Next.js's request.url may name localhost for a 127.0.0.1 visit)", async () => {
    const res = await start(
      new Request(`http://localhost:3100/api/auth/start?flow=flow-12345678&scope=openid`, {
        headers: { host: "127.0.0.1:3100" },
      }),
    );
    const location = new URL(res.headers.get("location") ?? "");
    expect(location.searchParams.get("redirect_uri")).toBe("http://127.0.0.1:3100/api/auth/callback");
  });
  it("with EXPLORER_PUBLIC_ORIGIN set, another Host is refused", async () => {
    process.env.EXPLORER_PUBLIC_ORIGIN = "https://explorer.example.com";
    try {
      const res = await start(
        new Request(`https://explorer.example.com/api/auth/start?flow=flow-12345678&scope=openid`, {
          headers: { host: "evil.example" },
        }),
      );
      expect(res.status).toBe(400);
      expect(res.headers.get("location")).toBeNull();
    } finally {
      delete process.env.EXPLORER_PUBLIC_ORIGIN;
    }
  });
});

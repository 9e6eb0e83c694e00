import { describe, expect, it } from "vitest";

import { readOAuthConfig, type OAuthConfig } from "./oauth-config";
import {
  collectHandoff,
  completeSignIn,
  emailFromIdToken,
  HANDOFF_COOKIE,
  revokeToken,
  startSignIn,
  STATE_COOKIE,
} from "./oauth-flow";
import { pkceChallenge, seal, unseal } from "./seal";

const NOW = 1_800_000_000_000;
const ORIGIN = "http://127.0.0.1:3100";

function config(over: Partial<OAuthConfig> = {}): OAuthConfig {
  const r = readOAuthConfig({
    EXPLORER_OAUTH_CLIENT_ID: "client-1.apps.googleusercontent.com",
    EXPLORER_OAUTH_CLIENT_SECRET: "GOCSPX-very-secret",
  });
  if (!r.ok) throw new Error(r.message);
  return { ...r.config, ...over };
}

function idToken(claims: object): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  return `${b64({ alg: "RS256" })}.${b64(claims)}.sig`;
}

interface Call {
  url: string;
  init: RequestInit;
}

function fakeFetch(answer: (call: Call) => Response): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const f = (async (url: string | URL | Request, init?: RequestInit) => {
    const call = { url: String(url), init: init ?? {} };
    calls.push(call);
    return answer(call);
  }) as typeof fetch;
  return { fetch: f, calls };
}

async function started(
  cfg = config(),
  query = "flow=flow-12345678&scope=https://www.googleapis.com/auth/youtube.readonly",
) {
  const r = await startSignIn({ config: cfg, requestUrl: `${ORIGIN}/api/auth/start?${query}`, now: NOW });
  if (!r.ok) throw new Error(r.message);
  const loc = new URL(r.location);
  return { r, loc, state: loc.searchParams.get("state") ?? "", cookie: r.cookie.value };
}

const tokenOk = () =>
  fakeFetch(() =>
    Response.json({
      access_token: "ya29.token-abc",
      expires_in: 3599,
      scope:
        "https://www.googleapis.com/auth/youtube.readonly openid https://www.googleapis.com/auth/userinfo.email",
      token_type: "Bearer",
      id_token: idToken({ email: "ada@example.com" }),
    }),
  );

describe("readOAuthConfig", () => {
  it("is 'not configured' without a client, and names the variables to set", () => {
    const r = readOAuthConfig({});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/EXPLORER_OAUTH_CLIENT_ID.*EXPLORER_OAUTH_CLIENT_SECRET/);
  });
  it("defaults to Google's endpoints and accepts configured ones", () => {
    const c = config();
    expect(c.authorizationEndpoint).toBe("https://accounts.google.com/o/oauth2/v2/auth");
    expect(c.tokenEndpoint).toBe("https://oauth2.googleapis.com/token");
    expect(c.revocationEndpoint).toBe("https://oauth2.googleapis.com/revoke");
    const r = readOAuthConfig({
      EXPLORER_OAUTH_CLIENT_ID: "a",
      EXPLORER_OAUTH_CLIENT_SECRET: "b",
      EXPLORER_OAUTH_TOKEN_ENDPOINT: "https://localhost:3191/token",
    });
    expect(r.ok && r.config.tokenEndpoint).toBe("https://localhost:3191/token");
  });
  it("refuses plain-http endpoints off loopback and a half-configured client", () => {
    const http = readOAuthConfig({
      EXPLORER_OAUTH_CLIENT_ID: "a",
      EXPLORER_OAUTH_CLIENT_SECRET: "b",
      EXPLORER_OAUTH_TOKEN_ENDPOINT: "http://evil.example/token",
    });
    expect(http.ok).toBe(false);
    const half = readOAuthConfig({ EXPLORER_OAUTH_CLIENT_ID: "a" });
    expect(!half.ok && half.message).toMatch(/EXPLORER_OAUTH_CLIENT_SECRET is not set/);
  });
});

describe("startSignIn", () => {
  it("redirects to the authorization endpoint with PKCE S256, state, incremental scopes and our callback", async () => {
    const { loc, r, cookie } = await started();
    expect(loc.origin + loc.pathname).toBe("https://accounts.google.com/o/oauth2/v2/auth");
    const q = loc.searchParams;
    expect(q.get("client_id")).toBe("client-1.apps.googleusercontent.com");
    expect(q.get("redirect_uri")).toBe(`${ORIGIN}/api/auth/callback`);
    expect(q.get("response_type")).toBe("code");
    expect(q.get("scope")).toBe("openid email https://www.googleapis.com/auth/youtube.readonly");
    expect(q.get("code_challenge_method")).toBe("S256");
    expect(q.get("include_granted_scopes")).toBe("true");
    expect(r.location).not.toContain("GOCSPX");
    // The cookie holds the verifier whose S256 hash is the challenge, and the same state.
    const opened = await unseal<{ verifier: string; state: string }>(
      config().cookieSecret,
      STATE_COOKIE,
      cookie,
      NOW,
    );
    expect(opened.ok).toBe(true);
    if (opened.ok) {
      expect(await pkceChallenge(opened.value.verifier)).toBe(q.get("code_challenge"));
      expect(opened.value.state).toBe(q.get("state"));
      expect(opened.value.verifier).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    }
    expect(r.cookie).toMatchObject({ name: STATE_COOKIE, path: "/api/auth/callback", secure: false });
    expect(cookie).not.toContain(opened.ok ? opened.value.verifier : "x");
  });
  it("uses a fresh state and verifier every time", async () => {
    const a = await started();
    const b = await started();
    expect(a.state).not.toBe(b.state);
    expect(a.loc.searchParams.get("code_challenge")).not.toBe(b.loc.searchParams.get("code_challenge"));
  });
  it("rejects a missing flow id, no scope, and things that are not scopes", async () => {
    for (const q of ["scope=openid", "flow=flow-12345678", "flow=flow-12345678&scope=javascript:alert(1)"]) {
      const r = await startSignIn({
        config: config(),
        requestUrl: `${ORIGIN}/api/auth/start?${q}`,
        now: NOW,
      });
      expect(r.ok, q).toBe(false);
    }
  });
  it("refuses to send Google a redirect URI on a foreign origin (Host header) when the public origin is set", async () => {
    const cfg = config({ publicOrigin: "https://explorer.example.com" });
    const r = await startSignIn({
      config: cfg,
      requestUrl: "https://evil.example/api/auth/start?flow=flow-12345678&scope=openid",
      now: NOW,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/only on https:\/\/explorer\.example\.com/);
  });
});

describe("completeSignIn (callback)", () => {
  it("exchanges the code with the secret and verifier, and hands the token over in a sealed cookie only", async () => {
    const s = await started();
    const t = tokenOk();
    const r = await completeSignIn({
      config: config(),
      requestUrl: `${ORIGIN}/api/auth/callback?state=${s.state}&code=4/code-1&scope=x`,
      stateCookie: s.cookie,
      now: NOW + 1000,
      fetch: t.fetch,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.session).toEqual({
      accessToken: "ya29.token-abc",
      expiresAt: NOW + 1000 + 3599_000,
      scopes: [
        "https://www.googleapis.com/auth/userinfo.email",
        "https://www.googleapis.com/auth/youtube.readonly",
        "openid",
      ],
      email: "ada@example.com",
    });
    expect(t.calls).toHaveLength(1);
    expect(t.calls[0]?.url).toBe("https://oauth2.googleapis.com/token");
    const form = new URLSearchParams(String(t.calls[0]?.init.body));
    expect(form.get("client_secret")).toBe("GOCSPX-very-secret");
    expect(form.get("code")).toBe("4/code-1");
    expect(form.get("redirect_uri")).toBe(`${ORIGIN}/api/auth/callback`);
    expect(await pkceChallenge(form.get("code_verifier") ?? "")).toBe(
      s.loc.searchParams.get("code_challenge"),
    );
    // The state cookie is cleared; the hand-off cookie is sealed (the token is not readable in it).
    const state = r.cookies.find((c) => c.name === STATE_COOKIE);
    expect(state).toMatchObject({ value: "", maxAge: 0 });
    const handoff = r.cookies.find((c) => c.name === HANDOFF_COOKIE);
    expect(handoff?.path).toBe("/api/auth/session");
    expect(handoff?.value).not.toContain("ya29");
    expect(Buffer.from(handoff?.value ?? "", "base64url").toString("latin1")).not.toContain("ya29");
  });

  it("rejects a bad state without calling the token endpoint", async () => {
    const s = await started();
    const t = tokenOk();
    const r = await completeSignIn({
      config: config(),
      requestUrl: `${ORIGIN}/api/auth/callback?state=forged-state&code=4/code-1`,
      stateCookie: s.cookie,
      now: NOW,
      fetch: t.fetch,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.status).toBe(400);
      expect(r.message).toMatch(/bad state/);
      expect(r.cookies.find((c) => c.name === STATE_COOKIE)?.maxAge).toBe(0);
    }
    expect(t.calls).toHaveLength(0);
  });

  it("rejects a callback without the state cookie, or with a forged or expired one", async () => {
    const s = await started();
    const t = tokenOk();
    const url = `${ORIGIN}/api/auth/callback?state=${s.state}&code=4/x`;
    const cases: [string | undefined, number][] = [
      [undefined, NOW],
      [s.cookie.slice(0, -4) + "AAAA", NOW],
      [await seal("another-secret", STATE_COOKIE, { state: s.state }, 60_000, NOW), NOW],
      [s.cookie, NOW + 11 * 60_000],
    ];
    for (const [cookie, now] of cases) {
      const r = await completeSignIn({
        config: config(),
        requestUrl: url,
        stateCookie: cookie,
        now,
        fetch: t.fetch,
      });
      expect(r.ok).toBe(false);
    }
    expect(t.calls).toHaveLength(0);
  });

  it("rejects a sign-in whose session has no PKCE verifier", async () => {
    const cfg = config();
    const cookie = await seal(
      cfg.cookieSecret,
      STATE_COOKIE,
      { state: "s-1", redirectUri: `${ORIGIN}/api/auth/callback`, flow: "flow-12345678" },
      60_000,
      NOW,
    );
    const t = tokenOk();
    const r = await completeSignIn({
      config: cfg,
      requestUrl: `${ORIGIN}/api/auth/callback?state=s-1&code=4/x`,
      stateCookie: cookie,
      now: NOW,
      fetch: t.fetch,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/no PKCE code verifier/);
    expect(t.calls).toHaveLength(0);
  });

  it("rejects a foreign redirect URI: a flow started on one origin cannot finish on another", async () => {
    const s = await started();
    const t = tokenOk();
    const r = await completeSignIn({
      config: config(),
      requestUrl: `http://evil.example:3100/api/auth/callback?state=${s.state}&code=4/x`,
      stateCookie: s.cookie,
      now: NOW,
      fetch: t.fetch,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/another redirect URI/);
    // …and, with a public origin configured, a callback on another Host is refused outright.
    const cfg = config({ publicOrigin: ORIGIN });
    const r2 = await completeSignIn({
      config: cfg,
      requestUrl: `http://evil.example/api/auth/callback?state=${s.state}&code=4/x`,
      stateCookie: s.cookie,
      now: NOW,
      fetch: t.fetch,
    });
    expect(r2.ok).toBe(false);
    expect(t.calls).toHaveLength(0);
  });

  it("explains a declined consent and a refused code, without leaking the secret", async () => {
    const s = await started();
    const denied = await completeSignIn({
      config: config(),
      requestUrl: `${ORIGIN}/api/auth/callback?state=${s.state}&error=access_denied`,
      stateCookie: s.cookie,
      now: NOW,
      fetch: tokenOk().fetch,
    });
    expect(!denied.ok && denied.message).toMatch(/declined the consent screen/);
    const refused = fakeFetch(() =>
      Response.json({ error: "invalid_grant", error_description: "Bad Request" }, { status: 400 }),
    );
    const r = await completeSignIn({
      config: config(),
      requestUrl: `${ORIGIN}/api/auth/callback?state=${s.state}&code=4/x`,
      stateCookie: s.cookie,
      now: NOW,
      fetch: refused.fetch,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toMatch(/invalid_grant/);
      expect(r.message).not.toContain("GOCSPX");
    }
  });
});

describe("collectHandoff", () => {
  async function handoffCookie(flow = "flow-12345678") {
    const s = await started(config(), `flow=${flow}&scope=openid`);
    const r = await completeSignIn({
      config: config(),
      requestUrl: `${ORIGIN}/api/auth/callback?state=${s.state}&code=4/x`,
      stateCookie: s.cookie,
      now: NOW,
      fetch: tokenOk().fetch,
    });
    if (!r.ok) throw new Error(r.message);
    return r.cookies.find((c) => c.name === HANDOFF_COOKIE)?.value ?? "";
  }
  const base = { requestUrl: `${ORIGIN}/api/auth/session`, originHeader: ORIGIN, now: NOW + 5000 };

  it("gives the token to the page that started the flow, once, and clears the cookie", async () => {
    const cookie = await handoffCookie();
    const r = await collectHandoff({
      ...base,
      config: config(),
      handoffCookie: cookie,
      flow: "flow-12345678",
    });
    expect(r.ok && r.session.accessToken).toBe("ya29.token-abc");
    expect(r.cookies).toEqual([expect.objectContaining({ name: HANDOFF_COOKIE, maxAge: 0 })]);
  });
  it("refuses other origins, other flows and stale hand-offs", async () => {
    const cookie = await handoffCookie();
    const cross = await collectHandoff({
      ...base,
      originHeader: "https://evil.example",
      config: config(),
      handoffCookie: cookie,
      flow: "flow-12345678",
    });
    expect(!cross.ok && cross.status).toBe(403);
    const other = await collectHandoff({
      ...base,
      config: config(),
      handoffCookie: cookie,
      flow: "flow-87654321",
    });
    expect(!other.ok && other.status).toBe(409);
    expect(other.cookies).toEqual([]);
    const late = await collectHandoff({
      ...base,
      now: NOW + 3 * 60_000,
      config: config(),
      handoffCookie: cookie,
      flow: "flow-12345678",
    });
    expect(late.ok).toBe(false);
  });
});

describe("revokeToken", () => {
  it("posts the token in a form body to the revocation endpoint, never in the URL", async () => {
    const f = fakeFetch(() => new Response("{}", { status: 200 }));
    const r = await revokeToken({
      config: config(),
      requestUrl: `${ORIGIN}/api/auth/revoke`,
      originHeader: ORIGIN,
      token: "ya29.token-abc",
      fetch: f.fetch,
    });
    expect(r.ok).toBe(true);
    expect(f.calls[0]?.url).toBe("https://oauth2.googleapis.com/revoke");
    expect(String(f.calls[0]?.init.body)).toBe("token=ya29.token-abc");
  });
  it("treats an already-invalid token as revoked, and reports other refusals", async () => {
    const gone = fakeFetch(() => Response.json({ error: "invalid_token" }, { status: 400 }));
    const args = {
      config: config(),
      requestUrl: `${ORIGIN}/api/auth/revoke`,
      originHeader: ORIGIN,
      token: "t",
    };
    expect((await revokeToken({ ...args, fetch: gone.fetch })).ok).toBe(true);
    const down = fakeFetch(() => new Response("oops", { status: 500 }));
    expect((await revokeToken({ ...args, fetch: down.fetch })).ok).toBe(false);
    const cross = await revokeToken({ ...args, originHeader: "https://evil.example", fetch: gone.fetch });
    expect(!cross.ok && cross.status).toBe(403);
    expect(gone.calls).toHaveLength(1);
  });
});

describe("emailFromIdToken", () => {
  it("reads the email claim and tolerates junk", () => {
    expect(emailFromIdToken(idToken({ email: "a@b.c" }))).toBe("a@b.c");
    expect(emailFromIdToken("nonsense")).toBeNull();
    expect(emailFromIdToken("a.%%%.c")).toBeNull();
  });
});

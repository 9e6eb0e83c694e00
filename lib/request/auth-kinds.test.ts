import { describe, expect, it } from "vitest";

import { AUTH_KIND_IDS, AUTH_KINDS } from "./auth-kinds";
import { normalizeRequest, parseExplorerRequest } from "./canonical";
import { decodeShareState, encodeShareState, encodeShareStateCompressed, shareStatePayload } from "./share";
import type { ExplorerRequest, RequestAuth } from "./types";

const CLOUD = "https://www.googleapis.com/auth/cloud-platform";
const request = (auth: unknown): unknown => ({
  api: "storage",
  version: "v1",
  method: "storage.buckets.list",
  params: { project: "p" },
  body: null,
  auth,
});

const SERVER_KINDS: readonly RequestAuth[] = [
  { type: "adc", scopes: [CLOUD] },
  { type: "serviceAccount", scopes: [CLOUD] },
  {
    type: "serviceAccount",
    scopes: ["https://www.googleapis.com/auth/admin.directory.user"],
    subject: "admin@example.com",
  },
  { type: "impersonate", scopes: [CLOUD], serviceAccount: "runner@my-project.iam.gserviceaccount.com" },
];

describe("the server auth kinds in the request format", () => {
  it.each(SERVER_KINDS.map((a) => [JSON.stringify(a), a] as const))(
    "%s parses, normalises and survives a share link",
    (_, auth) => {
      const parsed = parseExplorerRequest(request(auth));
      expect(parsed).toEqual({ ok: true, value: request(auth) });
      if (!parsed.ok) return;
      expect(normalizeRequest(parsed.value).auth).toEqual(auth);
      for (const encode of [encodeShareState, encodeShareStateCompressed]) {
        const link = encode(parsed.value);
        expect(decodeShareState(link)).toEqual({ ok: true, value: parsed.value });
      }
    },
  );

  it("share links keep the kind and e-mail addresses in short keys, never anything else", () => {
    const req = request({
      type: "impersonate",
      scopes: [CLOUD],
      serviceAccount: "runner@my-project.iam.gserviceaccount.com",
    }) as ExplorerRequest;
    expect(shareStatePayload(encodeShareState(req))).toMatchObject({
      u: ["~cloud-platform"],
      t: "i",
      e: "runner@my-project.iam.gserviceaccount.com",
    });
    const delegated = request({
      type: "serviceAccount",
      scopes: [CLOUD],
      subject: "a@example.com",
    }) as ExplorerRequest;
    expect(shareStatePayload(encodeShareState(delegated))).toMatchObject({ t: "s", s: "a@example.com" });
  });

  it("normalises field order and drops an empty subject", () => {
    const parsed = parseExplorerRequest(
      request({ subject: "x@example.com", scopes: [CLOUD], type: "serviceAccount" }),
    );
    expect(parsed.ok && Object.keys(parsed.value.auth)).toEqual(["type", "scopes", "subject"]);
  });

  it.each([
    [
      { type: "serviceAccount", scopes: [CLOUD], subject: "not an address" },
      'auth.subject (the user to act as, for domain-wide delegation) must be an e-mail address such as user@example.com (got "not an address").',
    ],
    [
      { type: "serviceAccount", scopes: [CLOUD], subject: 3 },
      "auth.subject (the user to act as, for domain-wide delegation) must be an e-mail address (got a number).",
    ],
    [
      { type: "impersonate", scopes: [CLOUD] },
      "auth.serviceAccount (the service account to impersonate) must be an e-mail address (got nothing).",
    ],
    [
      { type: "impersonate", scopes: [CLOUD], serviceAccount: "me@gmail.com" },
      'auth.serviceAccount (the service account to impersonate) must be a service account\'s e-mail address, ending in gserviceaccount.com (got "me@gmail.com").',
    ],
    [
      { type: "impersonate", scopes: [CLOUD], serviceAccount: 'a"b@x.iam.gserviceaccount.com' },
      'auth.serviceAccount (the service account to impersonate) must be an e-mail address such as name@project.iam.gserviceaccount.com (got "a\\"b@x.iam.gserviceaccount.com").',
    ],
    [{ type: "adc", scopes: "cloud-platform" }, "auth.scopes must be an array of scope URLs (got a string)."],
    [
      { type: "adc", scopes: [CLOUD], keyFile: "/home/me/key.json" },
      'auth.keyFile is not allowed for auth type "adc".',
    ],
    [
      { type: "serviceAccount", scopes: [CLOUD], privateKey: "-----BEGIN" },
      'auth.privateKey is not allowed for auth type "serviceAccount".',
    ],
  ])("refuses %j with a clear error", (auth, error) => {
    expect(parseExplorerRequest(request(auth))).toEqual({ ok: false, errors: [error] });
  });

  it("refuses crafted share links that mix the kinds' keys", () => {
    const b64 = (o: unknown) => `1.${Buffer.from(JSON.stringify(o)).toString("base64url")}`;
    const base = { a: "storage", v: "v1", m: "storage.buckets.list" };
    expect(
      decodeShareState(b64({ ...base, u: ["~cloud-platform"], t: "a", e: "x@p.iam.gserviceaccount.com" })).ok,
    ).toBe(false);
    expect(decodeShareState(b64({ ...base, u: "n", s: "x@example.com" })).ok).toBe(false);
    expect(decodeShareState(b64({ ...base, u: ["~cloud-platform"], t: "z" })).ok).toBe(false);
    expect(decodeShareState(b64({ ...base, u: ["~cloud-platform"], t: "i" })).ok).toBe(false);
  });

  it("every kind says what Execute sends; the server kinds use the browser's access token", () => {
    expect(AUTH_KIND_IDS).toEqual(["oauth", "adc", "serviceAccount", "impersonate", "apiKey", "none"]);
    for (const id of AUTH_KIND_IDS) expect(AUTH_KINDS[id].id).toBe(id);
    expect(AUTH_KIND_IDS.filter((id) => AUTH_KINDS[id].serverCredentials)).toEqual([
      "adc",
      "serviceAccount",
      "impersonate",
    ]);
    expect(AUTH_KIND_IDS.filter((id) => AUTH_KINDS[id].execute === "accessToken")).toEqual([
      "oauth",
      "adc",
      "serviceAccount",
      "impersonate",
    ]);
  });
});

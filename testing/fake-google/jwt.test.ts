// verifyServiceAccountJwt: each check Google's token endpoint makes on an assertion fails on a real defect.
import { createSign, generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { looksLikeJwt, verifyServiceAccountJwt } from "./jwt";
import type { RegisteredServiceAccount } from "./types";

const EMAIL = "sa@fake-project.iam.gserviceaccount.com";
const pair = () => generateKeyPairSync("rsa", { modulusLength: 2048 });
const signer = pair();
const account: RegisteredServiceAccount = {
  email: EMAIL,
  keyId: "key-1",
  publicKeyPem: signer.publicKey.export({ type: "spki", format: "pem" }).toString(),
};
const accounts = new Map([[EMAIL, [account]]]);
const now = Math.floor(Date.now() / 1000);
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");

function jwt(
  claims: Record<string, unknown>,
  header: Record<string, unknown> = { alg: "RS256", typ: "JWT", kid: "key-1" },
  key = signer.privateKey,
): string {
  const input = `${b64(header)}.${b64(claims)}`;
  const sig = createSign("RSA-SHA256").update(input).sign(key).toString("base64url");
  return `${input}.${sig}`;
}
const good = {
  iss: EMAIL,
  aud: "https://oauth2.googleapis.com/token",
  scope: "s",
  iat: now,
  exp: now + 3600,
};

describe("verifyServiceAccountJwt", () => {
  it("accepts an assertion signed with the registered key", () => {
    const v = verifyServiceAccountJwt(jwt(good), accounts);
    expect(v).toMatchObject({ ok: true, jwt: { account, claims: good, lifetimeSec: 3600 } });
  });
  it("rejects a signature made with another key", () => {
    expect(verifyServiceAccountJwt(jwt(good, undefined, pair().privateKey), accounts)).toEqual({
      ok: false,
      reason: `Invalid JWT Signature (not signed by a key of ${EMAIL})`,
    });
  });
  it("rejects changed claims under the original signature", () => {
    const [h, , s] = jwt(good).split(".");
    const tampered = `${h}.${b64({ ...good, scope: "https://www.googleapis.com/auth/cloud-platform" })}.${s}`;
    expect(verifyServiceAccountJwt(tampered, accounts)).toMatchObject({
      ok: false,
      reason: /Invalid JWT Signature/,
    });
  });
  it("rejects an unknown issuer, a foreign kid, alg none, bad times", () => {
    const reason = (t: string) => {
      const v = verifyServiceAccountJwt(t, accounts);
      return v.ok ? "accepted" : v.reason;
    };
    expect(reason(jwt({ ...good, iss: "other@x.iam.gserviceaccount.com" }))).toMatch(/unknown issuer/);
    expect(reason(jwt(good, { alg: "RS256", kid: "key-2" }))).toMatch(/kid key-2 is not a key of/);
    expect(reason(`${b64({ alg: "none" })}.${b64(good)}.`)).toMatch(/unsupported JWT alg none/);
    expect(reason(jwt({ ...good, iat: now - 7200, exp: now - 3600 }))).toMatch(/expired/);
    expect(reason(jwt({ ...good, iat: now + 3600, exp: now + 4000 }))).toMatch(/in the future/);
    expect(reason(jwt({ ...good, exp: now + 3601 }))).toMatch(/at most 3600s/);
    expect(reason(jwt({ ...good, exp: String(now + 60) }))).toMatch(/numeric/);
    expect(reason("ya29.fake-1-abc")).toMatch(/base64url JSON|not a JWT/);
  });
  it("an account may have several keys: the kid picks one, without kid any registered key verifies", () => {
    const second = pair();
    const key2: RegisteredServiceAccount = {
      email: EMAIL,
      keyId: "key-2",
      publicKeyPem: second.publicKey.export({ type: "spki", format: "pem" }).toString(),
    };
    const both = new Map([[EMAIL, [account, key2]]]);
    const signedBy2 = (kid?: string) =>
      jwt(good, kid === undefined ? { alg: "RS256" } : { alg: "RS256", kid }, second.privateKey);
    expect(verifyServiceAccountJwt(signedBy2("key-2"), both)).toMatchObject({
      ok: true,
      jwt: { account: key2 },
    });
    expect(verifyServiceAccountJwt(signedBy2(), both)).toMatchObject({ ok: true, jwt: { account: key2 } });
    // the kid names key-1, but key-2 signed it
    expect(verifyServiceAccountJwt(signedBy2("key-1"), both)).toMatchObject({
      ok: false,
      reason: /Invalid JWT Signature/,
    });
  });
  it("looksLikeJwt tells a JWT from an opaque access token", () => {
    expect(looksLikeJwt(jwt(good))).toBe(true);
    expect(looksLikeJwt("ya29.fake-1-abcdef")).toBe(false);
  });
});

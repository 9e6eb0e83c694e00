/** The e2e side of testing/fake-google/main.ts: what the fake Google saw (its control port). */
import { expect } from "@playwright/test";

export interface FakeRecord {
  seq: number;
  host: string;
  method: string;
  path: string;
  rawQuery: string;
  url: string;
  headers: Record<string, string>;
  body: string | { base64: string };
  kind: string;
  auth: string;
  bearerToken?: string;
  status: number;
  upload?: { uploadType: string; parts: { headers: Record<string, string>; base64: string }[] };
}

export interface FakeState {
  records: FakeRecord[];
  problems: { kind: string; message: string }[];
  issuedTokens: {
    accessToken: string;
    scope: string;
    pkce: string;
    clientAuth: string;
    codeVerifierSent: boolean;
  }[];
  grants: {
    scope: string;
    state?: string;
    codeChallengeMethod?: string;
    redirectUri: string;
    clientId: string;
  }[];
  revokedTokens: string[];
}

function control(): string {
  const base = process.env.E2E_FAKE_CONTROL;
  if (!base) throw new Error("E2E_FAKE_CONTROL is not set (playwright.config.ts sets it)");
  return base;
}

export async function fakeState(): Promise<FakeState> {
  const res = await fetch(`${control()}/state`);
  expect(res.ok).toBe(true);
  return (await res.json()) as FakeState;
}

export async function resetFake(): Promise<void> {
  await fetch(`${control()}/reset`, { method: "POST" });
}

/** The API calls the fake answered (not the consent screen, token endpoint or CORS preflights). */
export async function apiCalls(): Promise<FakeRecord[]> {
  return (await fakeState()).records.filter((r) => r.kind === "api");
}

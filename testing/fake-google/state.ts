// The fake's mutable state, shared by the endpoint modules (consent, token, iam, metadata, api): what a test reads
// (records, problems, issuedTokens, grants) and what the endpoints look up (codes, tokens, keys, sessions).
import { randomBytes } from "node:crypto";
import type { UploadPart } from "./multipart";
import type {
  ApiHandlerSpec,
  ConsentGrant,
  IssuedToken,
  Problem,
  RecordedRequest,
  RegisteredServiceAccount,
} from "./types";

export interface FakeConfig {
  clientId: string;
  clientSecret: string;
  apiKey: string;
  /** Access-token lifetime in seconds (expires_in). */
  lifetime: number;
  userEmail: string;
}

/** What a refresh token stands for: the client it was issued to and the scope it was granted. */
export interface RefreshGrant {
  refreshToken: string;
  clientId: string;
  scope: string;
}

export interface FakeState {
  config: FakeConfig;
  records: RecordedRequest[];
  problems: Problem[];
  issuedTokens: IssuedToken[];
  grants: ConsentGrant[];
  revokedTokens: string[];
  handlers: ApiHandlerSpec[];
  /** Scopes the (single) fake user granted each client so far: include_granted_scopes=true adds them. */
  grantedByClient: Map<string, Set<string>>;
  grantsByCode: Map<string, ConsentGrant>;
  accessTokens: Map<string, IssuedToken>;
  refreshTokens: Map<string, RefreshGrant>;
  /** email → its registered keys. */
  serviceAccounts: Map<string, RegisteredServiceAccount[]>;
  uploadSessions: Map<string, { metadata?: UploadPart; host: string; path: string }>;
  /** Arrival order of requests (proxy and metadata server share it). */
  nextSeq(): number;
  /** Ids for codes and upload sessions. */
  nextId(): number;
  problem(rec: RecordedRequest | undefined, kind: Problem["kind"], message: string): void;
  /** Mints a distinct access token (and a refresh token when asked), records it and makes it valid. */
  issue(
    t: Omit<IssuedToken, "accessToken" | "expiresAt" | "seq" | "refreshToken">,
    opts: { seq: number; withRefresh?: boolean; refreshToken?: string; lifetimeSec?: number },
  ): IssuedToken;
}

export function randomToken(prefix: string): string {
  return prefix + randomBytes(18).toString("base64url");
}

export function createState(config: FakeConfig): FakeState {
  let seq = 0;
  let id = 0;
  const state: FakeState = {
    config,
    records: [],
    problems: [],
    issuedTokens: [],
    grants: [],
    revokedTokens: [],
    handlers: [],
    grantedByClient: new Map(),
    grantsByCode: new Map(),
    accessTokens: new Map(),
    refreshTokens: new Map(),
    serviceAccounts: new Map(),
    uploadSessions: new Map(),
    nextSeq: () => ++seq,
    nextId: () => ++id,
    problem(rec, kind, message) {
      state.problems.push({ seq: rec?.seq, kind, message, url: rec?.url });
    },
    issue(t, opts) {
      const n = state.issuedTokens.length + 1;
      const refreshToken = opts.withRefresh ? randomToken(`1//fake-refresh-${n}-`) : opts.refreshToken;
      const issued: IssuedToken = {
        ...t,
        // server-credential tokens name their origin, so a mix-up of paths shows in a failing assertion
        accessToken: randomToken(
          t.grantType === "authorization_code" || t.grantType === "refresh_token"
            ? `ya29.fake-${n}-`
            : `ya29.fake-${n}-${t.grantType}-`,
        ),
        refreshToken,
        seq: opts.seq,
        expiresAt: Date.now() + (opts.lifetimeSec ?? config.lifetime) * 1000,
      };
      state.issuedTokens.push(issued);
      state.accessTokens.set(issued.accessToken, issued);
      if (opts.withRefresh && refreshToken) {
        state.refreshTokens.set(refreshToken, { refreshToken, clientId: t.clientId, scope: t.scope });
      }
      return issued;
    },
  };
  return state;
}

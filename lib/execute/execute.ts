/**
 * Request execution: the one place the explorer calls a Google API. It runs in the browser (`fetch`, so the
 * user's own credentials go straight to Google and no server of ours can be abused as a proxy). `fetch` and the
 * clock are parameters so unit tests can drive it.
 */
import type { PreparedFetch } from "./prepare";

export interface ExecutedResponse {
  readonly kind: "response";
  readonly status: number;
  readonly statusText: string;
  /** From just before `fetch` to the last body byte. */
  readonly durationMs: number;
  /** Lower-case names, as the browser exposes them (CORS hides most of Google's headers). */
  readonly headers: readonly (readonly [string, string])[];
  readonly contentType: string;
  readonly bytes: Uint8Array<ArrayBuffer>;
}

export interface NetworkFailure {
  readonly kind: "network-error";
  readonly durationMs: number;
  /** The browser's own words (e.g. "Failed to fetch"); browsers do not say why. */
  readonly message: string;
  readonly host: string;
}

export type ExecutionResult = ExecutedResponse | NetworkFailure;

export async function executeFetch(
  prepared: PreparedFetch,
  deps: { readonly fetch: typeof fetch; readonly now: () => number; readonly signal?: AbortSignal },
): Promise<ExecutionResult> {
  const started = deps.now();
  try {
    const res = await deps.fetch(prepared.url, {
      method: prepared.method,
      headers: prepared.headers,
      ...(prepared.body !== null ? { body: prepared.body } : {}),
      // No cookies, no referrer: only what the HTTP tab shows.
      credentials: "omit",
      referrerPolicy: "no-referrer",
      cache: "no-store",
      redirect: "follow",
      ...(deps.signal ? { signal: deps.signal } : {}),
    });
    const bytes = new Uint8Array(await res.arrayBuffer());
    return {
      kind: "response",
      status: res.status,
      statusText: res.statusText,
      durationMs: deps.now() - started,
      headers: [...res.headers.entries()],
      contentType: res.headers.get("content-type") ?? "",
      bytes,
    };
  } catch (err) {
    let host = prepared.url;
    try {
      host = new URL(prepared.url).host;
    } catch {
      /* keep the URL */
    }
    return {
      kind: "network-error",
      durationMs: deps.now() - started,
      message: err instanceof Error ? err.message : String(err),
      host,
    };
  }
}

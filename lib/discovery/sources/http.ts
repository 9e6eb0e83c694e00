/**
 * The one HTTP GET used by the live and base-URL sources, mapping every failure onto DiscoveryLoadError kinds.
 */
import { DiscoveryLoadError } from "./types";

export interface HttpOptions {
  /** Abort after this many milliseconds (AbortSignal.timeout). */
  readonly timeoutMs: number;
  /** Injected for tests; defaults to the global fetch. */
  readonly fetch?: typeof fetch;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

export async function fetchText(url: string, opts: HttpOptions): Promise<string> {
  const doFetch = opts.fetch ?? fetch;
  let res: Response;
  try {
    res = await doFetch(url, {
      signal: AbortSignal.timeout(opts.timeoutMs),
      headers: { accept: "application/json" },
    });
  } catch (e) {
    const name = (e as { name?: string })?.name;
    if (name === "TimeoutError" || name === "AbortError") {
      throw new DiscoveryLoadError("timeout", url, `No answer from ${url} within ${opts.timeoutMs} ms.`, {
        cause: e,
      });
    }
    const cause = (e as { cause?: { code?: string; message?: string } })?.cause;
    const detail = cause?.code ?? cause?.message ?? (e as Error)?.message ?? String(e);
    throw new DiscoveryLoadError("unreachable", url, `Could not reach ${url} (${detail}).`, { cause: e });
  }
  if (res.status === 404 || res.status === 410) {
    await res.body?.cancel().catch(() => undefined);
    throw new DiscoveryLoadError("not-found", url, `${url} answered ${res.status}: no such document.`);
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    throw new DiscoveryLoadError("unreachable", url, `${url} answered HTTP ${res.status}.`);
  }
  try {
    return await res.text();
  } catch (e) {
    const name = (e as { name?: string })?.name;
    const kind = name === "TimeoutError" || name === "AbortError" ? "timeout" : "unreachable";
    throw new DiscoveryLoadError(kind, url, `Reading the body of ${url} failed (${(e as Error).message}).`, {
      cause: e,
    });
  }
}

/** Fetches and JSON-parses a directory list; bad JSON is `malformed`. Shape checks are left to the loader. */
export async function fetchJson(url: string, opts: HttpOptions): Promise<unknown> {
  const text = await fetchText(url, opts);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new DiscoveryLoadError("malformed", url, `${url} did not return JSON (${(e as Error).message}).`, {
      cause: e,
    });
  }
}

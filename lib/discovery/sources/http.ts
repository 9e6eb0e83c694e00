/**
 * The one HTTP GET used by the live and base-URL sources, mapping every failure onto DiscoveryLoadError kinds.
 *
 * - Redirects are followed only within the origin that was asked (a Discovery mirror that answers 307 to a cloud
 *   metadata address, or to any other host, is an error: the page names the source it shows, so it must be the
 *   one that answered).
 * - A body above `maxBytes` is refused while it streams in (no 30 MB document is buffered to find out).
 */
import { readCappedText } from "../../http/read-capped";
import { redactUrlSecrets } from "./redact";
import { DiscoveryLoadError } from "./types";

export interface HttpOptions {
  /** Abort after this many milliseconds (AbortSignal.timeout). */
  readonly timeoutMs: number;
  /** Injected for tests; defaults to the global fetch. */
  readonly fetch?: typeof fetch;
  /** Largest body accepted, in bytes (default DEFAULT_MAX_DOCUMENT_BYTES). */
  readonly maxBytes?: number;
  /** Sent with every request (a base URL's `user:pass@` becomes a Basic Authorization header). */
  readonly authorization?: string;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
/** The largest real document (compute alpha) is ~6 MB; 20 MB leaves room and stops a 30 MB one. */
export const DEFAULT_MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
const MAX_REDIRECTS = 5;

const megabytes = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${n} bytes`);

export function tooLargeError(source: string, size: number | null, maxBytes: number): DiscoveryLoadError {
  const what = size === null ? "more than" : `${megabytes(size)}, above`;
  return new DiscoveryLoadError(
    "malformed",
    source,
    `The document from ${source} is ${what} the ${megabytes(maxBytes)} limit (EXPLORER_MAX_DOCUMENT_BYTES).`,
  );
}

async function get(url: string, opts: HttpOptions, signal: AbortSignal): Promise<Response> {
  const doFetch = opts.fetch ?? fetch;
  const headers: Record<string, string> = { accept: "application/json" };
  if (opts.authorization !== undefined) headers.authorization = opts.authorization;
  let current = url;
  for (let hop = 0; ; hop++) {
    const res = await doFetch(current, { signal, headers, redirect: "manual" });
    const location = res.status >= 300 && res.status < 400 ? res.headers.get("location") : null;
    if (location === null) return res;
    await res.body?.cancel().catch(() => undefined);
    const next = new URL(location, current);
    if (next.origin !== new URL(current).origin)
      throw new DiscoveryLoadError(
        "unreachable",
        url,
        `${url} redirected to another host (${next.origin}); only redirects within ${new URL(url).origin} are followed.`,
      );
    if (hop >= MAX_REDIRECTS)
      throw new DiscoveryLoadError("unreachable", url, `${url} redirected more than ${MAX_REDIRECTS} times.`);
    current = next.toString();
  }
}

/** Reads the body as UTF-8, giving up as soon as it passes maxBytes. */
async function readCapped(res: Response, source: string, maxBytes: number): Promise<string> {
  const read = await readCappedText(res, maxBytes);
  if (!read.ok) throw tooLargeError(source, read.declared, maxBytes);
  return read.text;
}

export async function fetchText(url: string, opts: HttpOptions): Promise<string> {
  const signal = AbortSignal.timeout(opts.timeoutMs);
  let res: Response;
  try {
    res = await get(url, opts, signal);
  } catch (e) {
    if (e instanceof DiscoveryLoadError) throw e;
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
    return await readCapped(res, url, opts.maxBytes ?? DEFAULT_MAX_DOCUMENT_BYTES);
  } catch (e) {
    if (e instanceof DiscoveryLoadError) throw e;
    const name = (e as { name?: string })?.name;
    const kind = name === "TimeoutError" || name === "AbortError" ? "timeout" : "unreachable";
    const detail = redactUrlSecrets((e as Error).message);
    throw new DiscoveryLoadError(kind, url, `Reading the body of ${url} failed (${detail}).`, {
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

/**
 * The search index's body precompressed once per index build (gzip and brotli, node:zlib, off the event loop),
 * so a request costs a lookup, not a 4.4 MB recompression (Next.js's own compression redid it on every request:
 * ≈16 requests/s). Each encoding has its own strong ETag (RFC 9110 §8.8.3: a strong validator is per
 * representation); If-None-Match accepts any of them, since they all stand for the same index.
 */
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

export type Encoding = "br" | "gzip" | "identity";

export interface EncodedBodies {
  readonly etag: string;
  readonly bodies: Readonly<Record<Encoding, Uint8Array>>;
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Brotli quality 9: within a few per cent of 11 on this JSON at a fraction of the time (once per build anyway). */
export async function encodeBodies(body: string, etag: string): Promise<EncodedBodies> {
  const raw = new TextEncoder().encode(body);
  const [gz, br] = await Promise.all([
    gzipAsync(raw, { level: 9 }),
    brotliAsync(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 9,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.byteLength,
      },
    }),
  ]);
  return { etag, bodies: { identity: raw, gzip: new Uint8Array(gz), br: new Uint8Array(br) } };
}

/** `"abc"` → `"abc-br"`: the ETag of one encoding of the body whose ETag is `etag`. */
export function etagFor(etag: string, encoding: Encoding): string {
  return encoding === "identity" ? etag : `${etag.slice(0, -1)}-${encoding === "br" ? "br" : "gz"}"`;
}

/** The best encoding the client accepts: brotli, then gzip, else identity (q=0 refuses one). */
export function pickEncoding(acceptEncoding: string | null): Encoding {
  const q = new Map<string, number>();
  for (const part of (acceptEncoding ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const value = qParam === undefined ? 1 : Number(qParam.slice(2));
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const accepts = (e: string) => (q.get(e) ?? q.get("*") ?? 0) > 0;
  if (accepts("br")) return "br";
  if (accepts("gzip")) return "gzip";
  return "identity";
}

/** True when If-None-Match names the body in any of its encodings (or `*`). */
export function matchesAnyEncoding(ifNoneMatch: string | null, etag: string): boolean {
  if (ifNoneMatch === null) return false;
  const known = new Set((["identity", "gzip", "br"] as const).map((e) => etagFor(etag, e)));
  return ifNoneMatch
    .split(",")
    .map((t) => t.trim().replace(/^W\//, ""))
    .some((t) => t === "*" || known.has(t));
}

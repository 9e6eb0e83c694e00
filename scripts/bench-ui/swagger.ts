/**
 * The baseline: the stock swagger-ui-dist bundle rendering the same Discovery document converted to Swagger 2.0
 * by google-discovery-to-swagger, served from loopback by a tiny node:http server (no CDN, nothing remote).
 *
 * Layout: `/{doc}/` is the dist's own index.html, so its relative asset URLs resolve to `/{doc}/swagger-ui.css`
 * etc.; only swagger-initializer.js is ours (the spec URL, `deepLinking: true`, and no online validator badge).
 * Served like a reasonable production host would: gzip when asked (compressed once, kept in memory), the HTML
 * revalidated, the assets and the spec cacheable — the same split Next.js makes (dynamic HTML, immutable chunks),
 * so cold and warm loads compare like with like.
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join } from "node:path";
import { gzipSync } from "node:zlib";

import { convert } from "google-discovery-to-swagger";

export interface ConvertedSpec {
  /** `compute.v1`: the snapshot file name without `.json`, and the URL folder. */
  readonly doc: string;
  readonly json: string;
  readonly convertMs: number;
  readonly paths: number;
}

/**
 * Converts one snapshot document. Both benchmarked documents (compute v1, youtube v3) convert as they are, so no
 * input is patched; if a future snapshot trips one of the converter's asserts, the error names the document.
 */
export function convertDiscoveryFile(snapshotDir: string, doc: string): ConvertedSpec {
  const discovery: unknown = JSON.parse(readFileSync(join(snapshotDir, `${doc}.json`), "utf8"));
  const t0 = performance.now();
  let swagger: Record<string, unknown>;
  try {
    swagger = convert(discovery);
  } catch (err) {
    throw new Error(
      `google-discovery-to-swagger could not convert ${doc}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const convertMs = performance.now() - t0;
  const paths = Object.keys((swagger.paths as Record<string, unknown> | undefined) ?? {}).length;
  return { doc, json: JSON.stringify(swagger), convertMs, paths };
}

export interface Operation {
  readonly tag: string;
  /**
   * The first non-body parameter. The converter orders parameters like Discovery's `parameterOrder` (then by
   * name), which is also the order of our form's first fields: `project` for compute.instances.insert, `part` for
   * youtube.channels.list (run.ts checks that our form starts with the same field).
   */
  readonly param: string;
}

/** Tag and first parameter of an operation, read from the converted spec (what Swagger UI renders). */
export function findOperation(spec: Pick<ConvertedSpec, "doc" | "json">, operationId: string): Operation {
  const paths = (JSON.parse(spec.json) as { paths?: Record<string, Record<string, unknown>> }).paths ?? {};
  for (const item of Object.values(paths))
    for (const op of Object.values(item)) {
      const o = op as { operationId?: string; tags?: string[]; parameters?: { name: string; in: string }[] };
      if (o.operationId !== operationId) continue;
      const param = o.parameters?.find((p) => p.in !== "body")?.name;
      if (o.tags?.[0] && param) return { tag: o.tags[0], param };
    }
  throw new Error(`${operationId}: not in the converted ${spec.doc} spec, or without a tag or a parameter`);
}

/**
 * Swagger UI's element id of an operation: `operations-{tag}-{operationId}`, each part CSS.escape'd (so a dot
 * becomes a literal `\.` in the id). This covers the characters of Discovery ids (letters, digits, `.`, `_`).
 */
export function opblockId(tag: string, operationId: string): string {
  const esc = (s: string) => s.replace(/[^\w-]/g, (c) => `\\${c}`);
  return `operations-${esc(tag)}-${esc(operationId)}`;
}

/** The stock initializer with three changes: our spec, deep links on, and no call to validator.swagger.io. */
const INITIALIZER = `window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "spec.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "StandaloneLayout",
  });
};
`;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
};

/** The dist files index.html loads (and nothing else: the server never maps a URL onto the file system). */
const DIST_FILES = [
  "index.html",
  "index.css",
  "swagger-ui.css",
  "swagger-ui-bundle.js",
  "swagger-ui-standalone-preset.js",
  "favicon-16x16.png",
  "favicon-32x32.png",
];

interface Asset {
  readonly body: Buffer;
  readonly gzip: Buffer | null;
  readonly type: string;
  readonly cacheControl: string;
}

function asset(name: string, body: Buffer): Asset {
  const type = TYPES[extname(name)] ?? "application/octet-stream";
  return {
    body,
    gzip: type.startsWith("image/") ? null : gzipSync(body, { level: 6 }),
    type,
    cacheControl: name === "index.html" ? "no-cache" : "public, max-age=3600",
  };
}

/**
 * The floor: the same loopback server's smallest possible "form" — static HTML, one input per benchmarked
 * parameter, no script, no CSS. Its navigation → interactive time is what any page pays on this machine (a new
 * browser context, a renderer, one round trip, one layout), measured with our page's probe (`.workbench` marked
 * hydrated, `#rf-{param}` inputs).
 */
export const FLOOR_PATH = "/floor/";
export function floorHtml(params: readonly string[]): string {
  const inputs = params.map((p) => `<label>${p} <input id="rf-${p}"></label>`).join("\n");
  return `<!doctype html>\n<html lang="en"><title>floor</title>\n<div class="workbench" data-hydrated="true"><form class="request-form">\n${inputs}\n</form></div></html>\n`;
}

export interface SwaggerServer {
  readonly origin: string;
  /** `http://127.0.0.1:3301/compute.v1/#/instances/compute.instances.insert` */
  pageUrl(doc: string, tag: string, operationId: string): string;
  close(): Promise<void>;
}

export async function startSwaggerServer(
  distDir: string,
  specs: readonly ConvertedSpec[],
  port: number,
  floorParams: readonly string[] = [],
): Promise<SwaggerServer> {
  const assets = new Map<string, Asset>();
  assets.set(FLOOR_PATH, asset("index.html", Buffer.from(floorHtml(floorParams))));
  for (const spec of specs) {
    for (const file of DIST_FILES)
      assets.set(`/${spec.doc}/${file}`, asset(file, readFileSync(join(distDir, file))));
    assets.set(`/${spec.doc}/`, assets.get(`/${spec.doc}/index.html`)!);
    assets.set(
      `/${spec.doc}/swagger-initializer.js`,
      asset("swagger-initializer.js", Buffer.from(INITIALIZER)),
    );
    assets.set(`/${spec.doc}/spec.json`, asset("spec.json", Buffer.from(spec.json)));
  }
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const a = assets.get(path);
    if (a === undefined) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    const gzip = a.gzip !== null && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    const body = gzip ? a.gzip! : a.body;
    res.writeHead(200, {
      "content-type": a.type,
      "content-length": body.length,
      "cache-control": a.cacheControl,
      vary: "accept-encoding",
      ...(gzip ? { "content-encoding": "gzip" } : {}),
    });
    res.end(req.method === "HEAD" ? undefined : body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  // The port actually bound (a test passes 0).
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    pageUrl: (doc, tag, operationId) => `${origin}/${doc}/#/${tag}/${operationId}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Generates `googleapis-missing-methods.generated.ts`: for every API version googleapis 188 has, the methods of
 * the snapshot's Discovery document (google-api-python-client's `discovery_cache/documents`) that googleapis
 * 188 lacks. The snapshot is newer than googleapis 188, so a document may have methods (or whole resources)
 * the generated client was built without; those snippets must use `google.discoverAPI` instead.
 * Regenerate after upgrading googleapis or the Python client: `npm run gen` (scripts/gen.ts).
 *
 * A negative list on purpose: codegen runs in the browser bundle, so ~1,000 ids, not the ~28,000 present ones.
 * Presence is read from the real generated code: `google[name]({ version })` from node_modules/googleapis is
 * instantiated (no request is sent) and the resource/method tree is walked by camelified names, exactly the
 * property chain a snippet writes. A resource whose camelified name is empty (`-`) is never present.
 * Limitation: a live document newer than the snapshot may have methods in neither list; they are assumed present.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { pythonClientDir } from "../gen-python-static-apis";
import { googleapisVersion, readGoogleapisApis } from "./gen-googleapis-apis";
import { apiVersionKey, camelify, type ApiVersionSet } from "./node";

const root = fileURLToPath(new URL("../../../", import.meta.url));

interface DiscoveryResource {
  readonly methods?: Record<string, unknown>;
  readonly resources?: Record<string, DiscoveryResource>;
}

function snapshotDir(): string {
  return join(pythonClientDir(root), "discovery_cache", "documents");
}

/** `resource.path.method` (Discovery names, dot-joined) of every method the document has. */
function walkDoc(res: DiscoveryResource, path: readonly string[], out: Array<readonly string[]>): void {
  for (const m of Object.keys(res.methods ?? {})) out.push([...path, m]);
  for (const [r, sub] of Object.entries(res.resources ?? {})) walkDoc(sub, [...path, r], out);
}

function present(client: unknown, names: readonly string[]): boolean {
  let obj: unknown = client;
  for (const n of names) {
    const key = camelify(n);
    if (key === "" || obj === null || (typeof obj !== "object" && typeof obj !== "function")) return false;
    if (!Object.prototype.hasOwnProperty.call(obj, key) && !(key in (obj as object))) return false;
    obj = (obj as Record<string, unknown>)[key];
  }
  return typeof obj === "function";
}

/**
 * `apis` is read from node_modules (not the committed googleapis-apis.generated.ts), so one `npm run gen` after
 * an upgrade is enough.
 */
export function readMissingMethods(
  docsDir = snapshotDir(),
  apis: ApiVersionSet = new Set(readGoogleapisApis().map(([n, v]) => apiVersionKey(n, v))),
): Array<readonly [string, string[]]> {
  const require = createRequire(join(root, "package.json"));
  const { google } = require("googleapis") as { google: Record<string, unknown> };
  const out: Array<readonly [string, string[]]> = [];
  for (const file of readdirSync(docsDir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const doc = JSON.parse(readFileSync(join(docsDir, file), "utf8")) as DiscoveryResource & {
      name: string;
      version: string;
    };
    if (!apis.has(apiVersionKey(doc.name, doc.version))) continue;
    const factory = google[doc.name] as (o: { version: string }) => unknown;
    const client = factory({ version: doc.version });
    const methods: Array<readonly string[]> = [];
    walkDoc(doc, [], methods);
    const missing = methods.filter((m) => !present(client, m)).map((m) => m.join("."));
    if (missing.length > 0) out.push([apiVersionKey(doc.name, doc.version), missing.sort()]);
  }
  return out.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The module body (no header). */
export function generateGoogleapisMissingMethods(
  entries: ReadonlyArray<readonly [string, readonly string[]]> = readMissingMethods(),
  version = googleapisVersion(),
): string {
  const total = entries.reduce((n, [, ms]) => n + ms.length, 0);
  return [
    `/**`,
    ` * Methods of the snapshot documents that googleapis ${version} lacks although it has the API version`,
    ` * (${total} methods in ${entries.length} API versions): \`name/version\` → \`resource.path.method\` (Discovery names).`,
    ` * Methods of live documents newer than the snapshot that are in neither list are assumed present.`,
    ` */`,
    "export const GOOGLEAPIS_MISSING_METHODS: Readonly<Record<string, readonly string[]>> = {",
    ...entries.map(([k, ms]) => `  ${JSON.stringify(k)}: ${JSON.stringify(ms)},`),
    "};",
    "",
  ].join("\n");
}

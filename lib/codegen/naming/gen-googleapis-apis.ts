/**
 * Generates `googleapis-apis.generated.ts`: the API name/version pairs the installed googleapis package has.
 * Regenerate after upgrading googleapis: `npm run gen` (scripts/gen.ts, which writes the header and formats).
 *
 * Source: `node_modules/googleapis/build/src/apis/<name>/index.d.ts`, which declares
 * `export declare function <name>(version: '<version>')` and `VERSIONS: { <version>: typeof <namespace>.X }`
 * for each API (the generator writes one folder per Discovery `name`, one file per `version`). The .d.ts
 * files are read rather than `apis/index.js` so that nothing is executed and the list is what `tsc` sees.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const pkgDir = join(root, "node_modules/googleapis");
const apisDir = join(pkgDir, "build/src/apis");

export function readGoogleapisApis(dir = apisDir): Array<readonly [string, string]> {
  const pairs: Array<readonly [string, string]> = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const text = readFileSync(join(dir, entry.name, "index.d.ts"), "utf8");
    const fn = /export declare function ([A-Za-z0-9_$]+)\(/.exec(text)?.[1];
    const block = /VERSIONS: \{([^}]*)\}/.exec(text)?.[1];
    if (fn === undefined || block === undefined) throw new Error(`unexpected index.d.ts in ${entry.name}`);
    if (fn !== entry.name) throw new Error(`folder ${entry.name} exports ${fn}`);
    for (const m of block.matchAll(/^\s*(?:'([^']+)'|([A-Za-z0-9_$]+)): typeof /gm)) {
      pairs.push([fn, m[1] ?? m[2] ?? ""]);
    }
  }
  return pairs.sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1));
}

/** The installed googleapis version. */
export function googleapisVersion(): string {
  return (JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")) as { version: string }).version;
}

/** The module body (no header). */
export function generateGoogleapisApis(
  version = googleapisVersion(),
  pairs: ReadonlyArray<readonly [string, string]> = readGoogleapisApis(),
): string {
  return [
    `/** The googleapis (npm) version this list was read from. */`,
    `export const GOOGLEAPIS_VERSION = ${JSON.stringify(version)};`,
    "",
    `/** [Discovery name, version] pairs googleapis ${version} exports (${pairs.length}). */`,
    "export const GOOGLEAPIS_API_VERSIONS: ReadonlyArray<readonly [string, string]> = [",
    ...pairs.map(([n, v]) => `  [${JSON.stringify(n)}, ${JSON.stringify(v)}],`),
    "];",
    "",
  ].join("\n");
}

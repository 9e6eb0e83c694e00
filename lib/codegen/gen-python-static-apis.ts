/**
 * Generates ./python-static-apis.generated.ts: the `{name}.{version}` documents that google-api-python-client
 * ships in `googleapiclient/discovery_cache/documents/` (what `build()` reads when `static_discovery` is
 * left at its default). Regenerate after changing the venv's google-api-python-client: `npm run gen`
 * (scripts/gen.ts, which writes the header and formats).
 *
 * IO on purpose (a build-time script, not imported by the app).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export function pythonClientDir(root: string): string {
  const sitePackages = join(root, ".venv", "lib");
  const pythonDir = readdirSync(sitePackages).find((d) => d.startsWith("python3"));
  if (pythonDir === undefined) throw new Error(`No python3.* under ${sitePackages}; run scripts/setup.sh`);
  return join(sitePackages, pythonDir, "site-packages", "googleapiclient");
}

/** The module body (no header). */
export function generatePythonStaticApis(root: string): string {
  const pkgDir = pythonClientDir(root);
  const docsDir = join(pkgDir, "discovery_cache", "documents");
  const version = readFileSync(join(pkgDir, "version.py"), "utf8").match(/__version__\s*=\s*"([^"]+)"/)?.[1];
  if (version === undefined) throw new Error("Cannot read googleapiclient/version.py");

  const names = readdirSync(docsDir)
    .filter((f) => f.endsWith(".json") && f !== "index.json")
    .map((f) => f.slice(0, -".json".length))
    .sort();

  return [
    `// The Discovery documents google-api-python-client ${version} ships (\`{name}.{version}.json\`, case-sensitive).`,
    `export const PYTHON_CLIENT_VERSION = ${JSON.stringify(version)};`,
    "",
    "export const PYTHON_STATIC_APIS: ReadonlySet<string> = new Set([",
    ...names.map((n) => `  ${JSON.stringify(n)},`),
    "]);",
    "",
  ].join("\n");
}

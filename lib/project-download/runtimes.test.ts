/** The README's "Python X or later" / "Node.js X or later" must match what the pinned packages declare. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NODE_MIN_VERSION, PYTHON_MIN_VERSION } from "./runtimes";

const root = join(__dirname, "..", "..");

function sitePackages(): string | null {
  const lib = join(root, ".venv", "lib");
  if (!existsSync(lib)) return null;
  const python = readdirSync(lib).find((d) => d.startsWith("python3"));
  return python ? join(lib, python, "site-packages") : null;
}

/** `>=3.10` → [3, 10]; other operators are not minima. */
function minimum(spec: string): number[] {
  const m = />=\s*([0-9.]+)/.exec(spec);
  if (!m) throw new Error(`no minimum in ${spec}`);
  return m[1]!.split(".").map(Number);
}

const compare = (a: number[], b: number[]) => {
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
};
const highest = (xs: number[][]) => xs.sort(compare).at(-1)!.join(".");

const site = sitePackages();

describe.skipIf(site === null)("Python minimum (from the installed packages' METADATA)", () => {
  it("PYTHON_MIN_VERSION is the highest Requires-Python of the pinned libraries", () => {
    const minima = ["google_api_python_client-", "google_auth_oauthlib-"].map((prefix) => {
      const dist = readdirSync(site!).find((d) => d.startsWith(prefix) && d.endsWith(".dist-info"));
      if (!dist) throw new Error(`${prefix}* not installed`);
      const meta = readFileSync(join(site!, dist, "METADATA"), "utf8");
      const line = /^Requires-Python:\s*(.+)$/m.exec(meta);
      if (!line) throw new Error(`${dist} declares no Requires-Python`);
      return minimum(line[1]!);
    });
    expect(PYTHON_MIN_VERSION).toBe(highest(minima));
  });
});

describe("Node.js minimum (from the installed packages' engines)", () => {
  it("NODE_MIN_VERSION is the highest engines.node of googleapis and tsx", () => {
    const minima = ["googleapis", "tsx"].map((name) => {
      const pkg = JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")) as {
        engines?: { node?: string };
      };
      if (!pkg.engines?.node) throw new Error(`${name} declares no engines.node`);
      return minimum(pkg.engines.node);
    });
    // `>=22.0.0` → "22": the README names the major version.
    expect(NODE_MIN_VERSION).toBe(highest(minima).replace(/(\.0)+$/, ""));
  });
});

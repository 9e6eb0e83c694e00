/** TEST-ONLY: the Discovery documents shipped with the venv's google-api-python-client, and a walker. */
import { readdirSync } from "node:fs";
import { join } from "node:path";

import { REPO_ROOT } from "../../literals/testing/oracles";

const sitePackages = join(REPO_ROOT, ".venv/lib");
const pythonDir = readdirSync(sitePackages).find((d) => d.startsWith("python3")) ?? "python3.11";

export const PYTHON_DOCS_DIR = join(
  sitePackages,
  pythonDir,
  "site-packages/googleapiclient/discovery_cache/documents",
);

interface ResourceLike {
  readonly methods?: Record<string, { readonly id?: string; readonly parameters?: Record<string, unknown> }>;
  readonly resources?: Record<string, ResourceLike>;
  readonly parameters?: Record<string, unknown>;
}

/** Visits every resource, method and parameter name of a raw Discovery document. */
export function walkDoc(
  doc: unknown,
  visit: (kind: "resource" | "method" | "parameter", name: string, id: string) => void,
): void {
  const root = doc as ResourceLike;
  for (const p of Object.keys(root.parameters ?? {})) visit("parameter", p, p);
  const walk = (r: ResourceLike, path: string): void => {
    for (const [name, m] of Object.entries(r.methods ?? {})) {
      visit("method", name, m.id ?? `${path}.${name}`);
      for (const p of Object.keys(m.parameters ?? {})) visit("parameter", p, `${m.id ?? name}(${p})`);
    }
    for (const [name, child] of Object.entries(r.resources ?? {})) {
      visit("resource", name, `${path}.${name}`);
      walk(child, `${path}.${name}`);
    }
  };
  walk(root, "");
}

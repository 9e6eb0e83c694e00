/**
 * Test helper (IO): loads the golden request fixtures in ./requests/*.json and turns each into a SnippetInput.
 * `doc` is `"zoo"` (lib/discovery/__fixtures__/zoo.json) or `"snapshot:<name>.<version>"`, read from the
 * google-api-python-client documents installed in the venv (never committed). A snapshot fixture whose
 * document is not installed is returned with `skip` set.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { buildApiModel, findMethod } from "@/lib/discovery/model";
import type { RawRestDescription } from "@/lib/discovery/types";
import type { ExplorerRequest } from "@/lib/request/types";

import { prepareSnippetInput } from "../prepare";
import type { SnippetInput, SnippetOptions } from "../types";

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(HERE, "..", "..", "..");
export const REQUESTS_DIR = join(HERE, "requests");

export interface FixtureFile {
  readonly doc: string;
  readonly description?: string;
  readonly request: ExplorerRequest;
  readonly options?: SnippetOptions;
}

export interface LoadedFixture {
  readonly name: string;
  readonly file: FixtureFile;
  /** Path of the Discovery document used. */
  readonly docPath: string;
  readonly input: SnippetInput | null;
  readonly options: SnippetOptions;
  readonly skip: string | null;
}

/** The venv's discovery_cache/documents folder, or null when the venv is not set up. */
export function snapshotDir(): string | null {
  const lib = join(ROOT, ".venv", "lib");
  if (!existsSync(lib)) return null;
  const py = readdirSync(lib).find((d) => d.startsWith("python3"));
  if (py === undefined) return null;
  const dir = join(lib, py, "site-packages", "googleapiclient", "discovery_cache", "documents");
  return existsSync(dir) ? dir : null;
}

export function docPathFor(doc: string): string | null {
  if (doc === "zoo") return join(ROOT, "lib", "discovery", "__fixtures__", "zoo.json");
  const m = /^snapshot:(.+)$/.exec(doc);
  if (!m) throw new Error(`Unknown fixture doc ${JSON.stringify(doc)}`);
  const dir = snapshotDir();
  if (dir === null) return null;
  const p = join(dir, `${m[1]}.json`);
  return existsSync(p) ? p : null;
}

const models = new Map<string, ReturnType<typeof buildApiModel>>();

export function loadFixture(name: string): LoadedFixture {
  const file = JSON.parse(readFileSync(join(REQUESTS_DIR, `${name}.json`), "utf8")) as FixtureFile;
  const options = file.options ?? {};
  const docPath = docPathFor(file.doc);
  if (docPath === null) {
    return {
      name,
      file,
      docPath: "",
      input: null,
      options,
      skip: `${file.doc} is not installed (run scripts/setup.sh)`,
    };
  }
  let api = models.get(docPath);
  if (api === undefined) {
    api = buildApiModel(JSON.parse(readFileSync(docPath, "utf8")) as RawRestDescription);
    models.set(docPath, api);
  }
  const method = findMethod(api, file.request.method);
  if (method === undefined) throw new Error(`${name}: no method ${file.request.method} in ${docPath}`);
  return {
    name,
    file,
    docPath,
    input: prepareSnippetInput({ api, method, request: file.request }),
    options,
    skip: null,
  };
}

export function fixtureNames(): string[] {
  return readdirSync(REQUESTS_DIR)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -".json".length))
    .sort();
}

export function loadAllFixtures(): LoadedFixture[] {
  return fixtureNames().map(loadFixture);
}

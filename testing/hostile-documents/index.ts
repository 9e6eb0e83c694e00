/** The shared hostile-documents set (see README.md): every `documents/*.json`, parsed. Test-only IO. */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

import type { RawRestDescription } from "../../lib/discovery/types";

export const HOSTILE_DOCUMENTS_DIR = resolve(__dirname, "documents");

export interface HostileDocument {
  /** The file name without `.json`, e.g. `hostile-pyinject-method.v1`. */
  readonly id: string;
  readonly path: string;
  readonly doc: RawRestDescription;
}

export function hostileDocuments(): HostileDocument[] {
  return readdirSync(HOSTILE_DOCUMENTS_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const path = join(HOSTILE_DOCUMENTS_DIR, f);
      return {
        id: f.slice(0, -".json".length),
        path,
        doc: JSON.parse(readFileSync(path, "utf8")) as RawRestDescription,
      };
    });
}

/**
 * A Project (./project.ts) as a zip archive, with every file inside one folder named after the project. Pure and
 * deterministic (fixed timestamps), so the same project gives the same bytes.
 */
import { strToU8, zipSync, type Zippable } from "fflate";

import type { Project } from "./project";

/** 2025-01-01T00:00:00Z: a fixed timestamp, so archives do not depend on the clock. */
const MTIME = new Date(Date.UTC(2025, 0, 1));

export function zipProject(project: Project): Uint8Array {
  const entries: Zippable = {};
  for (const f of project.files) {
    entries[`${project.name}/${f.path}`] = [
      strToU8(f.content),
      { mtime: MTIME, os: 3, attrs: ((f.mode ?? 0o644) | 0o100000) << 16 },
    ];
  }
  return zipSync(entries, { level: 6, mtime: MTIME });
}

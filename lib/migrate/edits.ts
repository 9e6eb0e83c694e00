/** Applying the rules' edits: exact text ranges, never overlapping (an edit that would overlap is refused). */
import type { Edit } from "./types";

export class OverlappingEdits extends Error {
  constructor(a: Edit, b: Edit) {
    super(`edits overlap: [${a.from}, ${a.to}) and [${b.from}, ${b.to})`);
    this.name = "OverlappingEdits";
  }
}

function sameEdit(a: Edit, b: Edit): boolean {
  return a.from === b.from && a.to === b.to && a.insert === b.insert;
}

/** Two edits conflict when their ranges share a character, or both insert at the same point (order unknown). */
export function editsConflict(a: Edit, b: Edit): boolean {
  if (sameEdit(a, b)) return false;
  if (a.from === a.to && b.from === b.to) return a.from === b.from;
  return a.from < b.to && b.from < a.to;
}

/** Drops exact duplicates (two rules adding the same `import os`) and sorts; throws OverlappingEdits otherwise. */
export function normalizeEdits(edits: readonly Edit[]): Edit[] {
  const unique: Edit[] = [];
  for (const e of edits) {
    if (e.from < 0 || e.to < e.from) throw new RangeError(`bad edit range [${e.from}, ${e.to})`);
    if (!unique.some((u) => sameEdit(u, e))) unique.push(e);
  }
  unique.sort((a, b) => a.from - b.from || a.to - b.to);
  for (let i = 1; i < unique.length; i++) {
    const prev = unique[i - 1] as Edit;
    const cur = unique[i] as Edit;
    if (editsConflict(prev, cur)) throw new OverlappingEdits(prev, cur);
  }
  return unique;
}

/** Applies non-overlapping edits; everything outside them is kept byte for byte. */
export function applyEdits(source: string, edits: readonly Edit[]): string {
  const sorted = normalizeEdits(edits);
  let out = "";
  let pos = 0;
  for (const e of sorted) {
    if (e.to > source.length) throw new RangeError(`edit beyond the end of the file`);
    out += source.slice(pos, e.from) + e.insert;
    pos = e.to;
  }
  return out + source.slice(pos);
}

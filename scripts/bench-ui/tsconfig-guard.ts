/**
 * `next build` adds `<distDir>/types/**\/*.ts` (and `<distDir>/dev/types/**\/*.ts`) to tsconfig.json's "include"
 * when they are missing, and rewrites the whole file in its own formatting. In a shared checkout that leaves a diff
 * nobody asked for, so the benchmark puts the previous bytes back — but only when that is all that changed: an edit
 * someone else made meanwhile is left alone (and reported).
 */

/** `.next-bench/types/**\/*.ts`, `.next-ui/dev/types/**\/*.ts`, …: the entries `next build` adds. */
const NEXT_TYPES_ENTRY = /^\.next[\w.-]*\/(dev\/)?types\/\*\*\/\*\.ts$/;

function parse(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/**
 * True when `after` is `before` with only Next.js type folders added to "include" (in any formatting). False when
 * the texts are identical (nothing to restore) or when anything else differs.
 */
export function isOnlyNextIncludeRewrite(before: string, after: string): boolean {
  if (before === after) return false;
  const a = parse(before);
  const b = parse(after);
  if (a === null || b === null) return false;
  const includeA = Array.isArray(a.include) ? (a.include as unknown[]) : [];
  const includeB = Array.isArray(b.include) ? (b.include as unknown[]) : [];
  // Every original entry kept, in order; the rest are Next.js type folders.
  if (includeA.some((entry, i) => includeB[i] !== entry)) return false;
  const added = includeB.slice(includeA.length);
  if (!added.every((entry) => typeof entry === "string" && NEXT_TYPES_ENTRY.test(entry))) return false;
  return JSON.stringify({ ...a, include: null }) === JSON.stringify({ ...b, include: null });
}

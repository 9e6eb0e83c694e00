/**
 * A depth limit for Discovery documents. Every walk over a document (validation, the model, the schema tree, the
 * pages' React trees) recurses on its nesting, so a 5,000-deep schema or resource would overflow the stack
 * ("Maximum call stack size exceeded") on every request. The document is measured once, iteratively, before any
 * of them runs; real documents nest at most ~25 levels.
 */
import { joinPath } from "./validate";

/** Deepest nesting of objects and arrays accepted (the JSON root is level 1). */
export const MAX_NESTING_DEPTH = 64;

/** Thrown by a walk that meets a document nested deeper than it will go (one that skipped validation). */
export class NestingTooDeepError extends Error {
  override readonly name = "NestingTooDeepError";
  constructor(
    /** JSON path of the first value below the limit. */
    readonly path: string,
    readonly limit: number,
  ) {
    super(nestedDeeperMessage(path, limit));
  }
}

export const nestedDeeperMessage = (path: string, limit: number) =>
  `${path || "(root)"} is nested deeper than ${limit} levels (the explorer's limit; real documents use ~25).`;

interface Visit {
  readonly value: unknown;
  readonly depth: number;
  readonly key: string | number;
  readonly parent: Visit | null;
}

function pathOf(visit: Visit): string {
  const keys: (string | number)[] = [];
  for (let v: Visit | null = visit; v !== null && v.parent !== null; v = v.parent) keys.push(v.key);
  return keys.reverse().reduce<string>((path, key) => joinPath(path, key), "");
}

/** The JSON path of the first object or array nested deeper than `limit` levels, or null. No recursion. */
export function findTooDeep(value: unknown, limit: number = MAX_NESTING_DEPTH): string | null {
  const stack: Visit[] = [{ value, depth: 1, key: "", parent: null }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const v = visit.value;
    if (v === null || typeof v !== "object") continue;
    if (visit.depth > limit) return pathOf(visit);
    const entries: [string | number, unknown][] = Array.isArray(v)
      ? v.map((x, i) => [i, x])
      : Object.entries(v);
    for (const [key, child] of entries)
      if (child !== null && typeof child === "object")
        stack.push({ value: child, depth: visit.depth + 1, key, parent: visit });
  }
  return null;
}

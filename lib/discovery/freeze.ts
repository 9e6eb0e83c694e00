/**
 * Deep freezing. The model promises immutability (model-types.ts); freezing makes a stray write throw in strict
 * mode instead of silently corrupting a cached ApiModel shared by every request.
 */

/** Freezes `value` and everything reachable from it, in place. Only call it on objects this module created. */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== "object" || Object.isFrozen(v)) continue;
    Object.freeze(v);
    for (const child of Object.values(v)) {
      if (child !== null && typeof child === "object") stack.push(child);
    }
  }
  return value;
}

/** True when `value` and everything reachable from it is frozen (used by tests). */
export function isDeepFrozen(value: unknown): boolean {
  if (value === null || typeof value !== "object") return true;
  if (!Object.isFrozen(value)) return false;
  return Object.values(value).every(isDeepFrozen);
}

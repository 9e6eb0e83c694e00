/**
 * Plain objects keyed by names from a Discovery document or a request (parameters, properties, schemas). Pure.
 *
 * Such a name can be any string, including `__proto__`, `constructor`, `hasOwnProperty` or `toString`:
 * `obj[name]` then reads an inherited built-in (a function, or Object.prototype) for a key the object does not
 * have, and `obj[name] = v` with `__proto__` replaces the prototype instead of adding a key. These two helpers
 * are the safe forms; `Map`, `Object.hasOwn` and `Object.fromEntries` (which defines own keys) are the others.
 */

/** `record[key]` when `key` is the record's own property, else undefined (never an inherited built-in). */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Sets `record[key] = value` as an own, enumerable data property, also for `__proto__`. Returns `record`. */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): Record<string, T> {
  Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
  return record;
}

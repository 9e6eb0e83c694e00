/**
 * Gives each distinct string a small integer id, in order of first appearance: the search index shares its summary
 * texts this way (build.ts), and the prepared index its vocabulary (prepare.ts).
 */
export interface Interner {
  /** The strings seen so far, by id. */
  readonly values: string[];
  /** The string's id; a string not seen before gets the next one. */
  id(value: string): number;
}

export function createInterner(): Interner {
  const values: string[] = [];
  const ids = new Map<string, number>();
  return {
    values,
    id(value) {
      let id = ids.get(value);
      if (id === undefined) {
        id = values.length;
        values.push(value);
        ids.set(value, id);
      }
      return id;
    },
  };
}

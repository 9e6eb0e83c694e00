/**
 * The code tab the user last picked, remembered across methods and visits (localStorage; a language is no
 * secret). Pure: the caller passes the storage. A link that names a language (`?lang=`) wins over the memory, so
 * shared links show what the sender saw.
 */
import { isTargetId } from "../codegen/registry";
import type { TargetId } from "../codegen/types";

export const LANGUAGE_KEY = "explorer.codeLanguage";

type KeyValueStore = Pick<Storage, "getItem" | "setItem">;

/** Remembers `language`; a full or blocked storage is ignored (the tab still switches). */
export function rememberLanguage(storage: KeyValueStore | null, language: TargetId): void {
  try {
    storage?.setItem(LANGUAGE_KEY, language);
  } catch {
    /* quota or privacy mode: nothing to remember with */
  }
}

/** The remembered language, or undefined (none, unreadable, or not a known target). */
export function rememberedLanguage(storage: KeyValueStore | null): TargetId | undefined {
  try {
    const value = storage?.getItem(LANGUAGE_KEY);
    return value !== null && value !== undefined && isTargetId(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The language to switch to when a page opens with `search` (location.search): only when the link names none. */
export function languageToRestore(search: string, storage: KeyValueStore | null): TargetId | undefined {
  if (new URLSearchParams(search).has("lang")) return undefined;
  return rememberedLanguage(storage);
}

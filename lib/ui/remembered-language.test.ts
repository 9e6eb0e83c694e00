import { describe, expect, it } from "vitest";
import { LANGUAGE_KEY, languageToRestore, rememberedLanguage, rememberLanguage } from "./remembered-language";

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

describe("remembered code language", () => {
  it("a tab picked on one method is the tab of the next method opened without ?lang", () => {
    const storage = memoryStorage();
    rememberLanguage(storage, "python");
    expect(languageToRestore("", storage)).toBe("python");
    expect(languageToRestore("?r=abc", storage)).toBe("python");
  });

  it("a link's own ?lang wins", () => {
    const storage = memoryStorage({ [LANGUAGE_KEY]: "python" });
    expect(languageToRestore("?lang=curl", storage)).toBeUndefined();
  });

  it("nothing remembered, a stale value, or a storage that throws → no switch", () => {
    expect(languageToRestore("", memoryStorage())).toBeUndefined();
    expect(rememberedLanguage(memoryStorage({ [LANGUAGE_KEY]: "cobol" }))).toBeUndefined();
    const throwing = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    expect(() => rememberLanguage(throwing, "http")).not.toThrow();
    expect(rememberedLanguage(throwing)).toBeUndefined();
    expect(rememberedLanguage(null)).toBeUndefined();
  });
});

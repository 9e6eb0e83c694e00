import { describe, expect, it } from "vitest";

import { createInterner } from "./interner";

describe("createInterner", () => {
  it("numbers distinct strings in order of first appearance and gives a repeated string its first id", () => {
    const words = createInterner();
    expect(["get", "list", "get", "", "List", "list"].map((w) => words.id(w))).toEqual([0, 1, 0, 2, 3, 1]);
    expect(words.values).toEqual(["get", "list", "", "List"]);
  });
});

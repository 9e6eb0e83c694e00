import { describe, expect, it } from "vitest";

import { CodeBuilder } from "./code-builder";

describe("CodeBuilder", () => {
  it("indents blocks, collapses blank lines and ends with one newline", () => {
    const { push, blank, block, join } = new CodeBuilder({ indent: "    " });
    blank();
    push("a = {");
    push("x: 1,\ny: 2,", 1);
    push("}");
    blank();
    blank();
    blank(2);
    block("if a:", () => {
      push("print(a)");
      blank();
    });
    blank();
    expect(join()).toBe("a = {\n    x: 1,\n    y: 2,\n}\n\n\nif a:\n    print(a)\n");
  });
});

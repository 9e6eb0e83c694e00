import { describe, expect, it } from "vitest";

import type { ParameterModel } from "@/lib/discovery/model-types";
import type { ParamValue } from "@/lib/request/types";

import type { PreparedParam, SnippetInput } from "../../types";
import { pythonCallBlocked, pythonParamValue } from "./client";

function param(model: Partial<ParameterModel>, value: ParamValue): PreparedParam {
  const full: ParameterModel = {
    name: "id",
    location: "path",
    type: "string",
    required: true,
    repeated: false,
    description: "",
    deprecated: false,
    standard: false,
    ...model,
  };
  return { name: full.name, value, model: full };
}

const PATTERN = "^[^/]+$";

describe("pythonParamValue with a pattern (the library re.match-es the value itself)", () => {
  it("passes non-string values as strings", () => {
    expect(pythonParamValue(param({ type: "integer", format: "int32", pattern: PATTERN }, 1), false)).toBe(
      '"1"',
    );
    expect(pythonParamValue(param({ type: "integer", pattern: PATTERN }, "42"), false)).toBe('"42"');
    expect(pythonParamValue(param({ type: "number", pattern: PATTERN }, 1.5), false)).toBe('"1.5"');
    expect(pythonParamValue(param({ type: "boolean", pattern: PATTERN }, true), false)).toBe('"true"');
    expect(
      pythonParamValue(
        param({ type: "integer", repeated: true, location: "query", pattern: PATTERN }, [1, 2]),
        false,
      ),
    ).toBe('["1", "2"]');
  });
  it("keeps Python values without a pattern", () => {
    expect(pythonParamValue(param({ type: "integer" }, 1), false)).toBe("1");
    expect(pythonParamValue(param({ type: "boolean" }, false), false)).toBe("False");
  });
});

describe("pythonCallBlocked", () => {
  const input = (over: Partial<SnippetInput>): SnippetInput =>
    ({
      method: { name: "attributes", resourcePath: ["organizations", "apiproducts"] },
      params: [],
      ...over,
    }) as unknown as SnippetInput;
  it("detects a nested resource named like the method (Python names)", () => {
    expect(pythonCallBlocked(input({ siblingResources: ["attributes"] }))).toBe("shadowed");
    expect(pythonCallBlocked(input({ siblingResources: ["rateplans"] }))).toBeNull();
    expect(pythonCallBlocked(input({}))).toBeNull();
    const imp = input({
      method: { name: "import", resourcePath: [] } as never,
      siblingResources: ["import"],
    });
    expect(pythonCallBlocked(imp)).toBe("shadowed");
  });
  it("a false boolean with a pattern cannot go through the library", () => {
    const p = (v: ParamValue) => param({ type: "boolean", pattern: PATTERN, location: "query" }, v);
    expect(pythonCallBlocked(input({ params: [p(false)] }))).toBe("false-pattern");
    expect(pythonCallBlocked(input({ params: [p(true)] }))).toBeNull();
  });
});

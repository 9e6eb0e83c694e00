import { describe, expect, it } from "vitest";

import type { ParameterModel } from "@/lib/discovery/model-types";
import type { ParamValue } from "@/lib/request/types";

import type { PreparedParam, SnippetInput } from "../../types";
import { kwargCollisions, pythonCallBlocked, pythonParamValue } from "./client";

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
      method: { name: "attributes", resourcePath: ["organizations", "apiproducts"], parameters: [] },
      params: [],
      ...over,
    }) as unknown as SnippetInput;
  it("detects a nested resource named like the method (Python names)", () => {
    expect(pythonCallBlocked(input({ siblingResources: ["attributes"] }))).toBe("shadowed");
    expect(pythonCallBlocked(input({ siblingResources: ["rateplans"] }))).toBeNull();
    expect(pythonCallBlocked(input({}))).toBeNull();
    const imp = input({
      method: { name: "import", resourcePath: [], parameters: [] } as never,
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

describe("pythonCallBlocked: names the library cannot carry as one kwarg or attribute", () => {
  const q = (name: string, value: ParamValue = "v") =>
    param({ name, location: "query", required: false }, value);
  const input = (params: PreparedParam[], declared: string[] = [], standard: string[] = []): SnippetInput =>
    ({
      method: { name: "list", resourcePath: ["things"], parameters: declared.map((n) => q(n).model) },
      params,
      standardParameterNames: standard,
    }) as unknown as SnippetInput;
  it("two parameters that key2param maps to one kwarg: the request is sent without the method", () => {
    const quoted = ['a"b', "a'b", "a`b", "a\nb"].map((n) => q(n));
    expect(pythonCallBlocked(input(quoted))).toBe("kwarg-collision");
    expect(kwargCollisions(input(quoted)).map((p) => p.name)).toEqual(['a"b', "a'b", "a`b", "a\nb"]);
    // Only one has a value, the other is merely declared: the library may still send it under the other name.
    expect(pythonCallBlocked(input([q("max-results")], ["max-results", "max_results"]))).toBe(
      "kwarg-collision",
    );
    // A standard parameter of the API takes part (the library merges them into every method).
    expect(pythonCallBlocked(input([q("upload-protocol")], [], ["upload_protocol"]))).toBe("kwarg-collision");
    expect(pythonCallBlocked(input([q("max-results")], ["max-results", "pageToken"]))).toBeNull();
  });
  it("a dunder resource or method name is unreachable through attributes", () => {
    const dunder = {
      method: { name: "__class__", resourcePath: ["things"], parameters: [] },
      params: [],
    } as unknown as SnippetInput;
    expect(pythonCallBlocked(dunder)).toBe("unreachable");
  });
});

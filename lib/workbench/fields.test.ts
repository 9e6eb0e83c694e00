import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { zooApi } from "../discovery/__fixtures__/load-zoo";
import type { ParameterModel } from "../discovery/model-types";
import {
  fieldHint,
  fieldIssues,
  fieldKind,
  formStandardParams,
  textToScalar,
  valueList,
  valueText,
  withParamList,
  withParamText,
} from "./fields";

const param = (over: Partial<ParameterModel>): ParameterModel => ({
  name: "p",
  location: "query",
  type: "string",
  required: false,
  repeated: false,
  description: "",
  deprecated: false,
  standard: false,
  ...over,
});

const int32 = param({ name: "maxResults", type: "integer", format: "int32", minimum: 0, maximum: 50 });
const num = param({ name: "ratio", type: "number", format: "double" });
const int64 = param({ name: "id", type: "string", format: "int64" });
const bool = param({ name: "mine", type: "boolean" });
const en = param({
  name: "order",
  enum: [
    { value: "date", description: "", deprecated: false },
    { value: "old", description: "", deprecated: true },
  ],
});
const part = param({ name: "part", required: true, repeated: true });

describe("fieldKind", () => {
  it("maps types and formats", () => {
    expect([int32, num, int64, bool, en, part].map(fieldKind)).toEqual([
      "integer",
      "number",
      "int64",
      "boolean",
      "enum",
      "string",
    ]);
  });
});

describe("text ↔ value", () => {
  it("parses exact number spellings and keeps everything else as typed", () => {
    expect(textToScalar(int32, "42")).toBe(42);
    expect(textToScalar(int32, "-7")).toBe(-7);
    expect(textToScalar(int32, "05")).toBe("05");
    expect(textToScalar(int32, "1.5")).toBe("1.5");
    expect(textToScalar(int32, "abc")).toBe("abc");
    expect(textToScalar(int32, "9007199254740993")).toBe("9007199254740993");
    expect(textToScalar(num, "1.5")).toBe(1.5);
    expect(textToScalar(num, "1.")).toBe("1.");
    expect(textToScalar(num, " ")).toBe(" ");
    expect(textToScalar(int64, "9223372036854775807")).toBe("9223372036854775807");
    expect(textToScalar(int64, "12")).toBe("12");
    expect(textToScalar(bool, "true")).toBe(true);
    expect(textToScalar(bool, "false")).toBe(false);
    expect(textToScalar(en, "date")).toBe("date");
  });

  it("round-trips any text exactly, for every kind", () => {
    for (const p of [int32, num, int64, bool, en, part]) {
      fc.assert(
        fc.property(fc.oneof(fc.string(), fc.integer().map(String), fc.double().map(String)), (t) => {
          expect(valueText(textToScalar(p, t))).toBe(t);
        }),
      );
    }
  });

  it("sets, replaces and removes params without reordering others", () => {
    let params = withParamText({ a: "1" }, int32, "10");
    expect(params).toEqual({ a: "1", maxResults: 10 });
    params = withParamText(params, int32, "100");
    expect(params).toEqual({ a: "1", maxResults: 100 });
    expect(withParamText(params, int32, "")).toEqual({ a: "1" });
    expect(withParamList({}, part, ["snippet", ""])).toEqual({ part: ["snippet", ""] });
    expect(withParamList({ part: ["x"] }, part, [])).toEqual({});
    expect(valueList(["snippet", "statistics"])).toEqual(["snippet", "statistics"]);
    expect(valueList("snippet")).toEqual(["snippet"]);
    expect(valueList(undefined)).toEqual([]);
    expect(valueText(undefined)).toBe("");
  });
});

describe("fieldIssues", () => {
  it("reports range, type, required and enum problems with the library's messages", () => {
    expect(fieldIssues(int32, 100).map((i) => i.code)).toEqual(["maximum"]);
    expect(fieldIssues(int32, 100)[0]?.message).toBe('"maxResults" must be at most 50 (got 100).');
    expect(fieldIssues(int32, "abc").map((i) => i.code)).toEqual(["type"]);
    expect(fieldIssues(int32, 5)).toEqual([]);
    expect(fieldIssues(part, undefined).map((i) => i.code)).toEqual(["required"]);
    expect(fieldIssues(part, [""]).map((i) => i.code)).toEqual(["required"]);
    expect(fieldIssues(en, "nope").map((i) => i.code)).toEqual(["enum"]);
    expect(fieldIssues(en, "old")).toEqual([]);
    expect(fieldIssues(int64, "99999999999999999999").map((i) => i.code)).not.toEqual([]);
    expect(fieldIssues(int64, "-5")).toEqual([]);
  });
});

describe("form helpers", () => {
  it("leaves credential standard parameters out of the form", () => {
    const api = zooApi();
    const names = formStandardParams(api.standardParameters, []).map((p) => p.name);
    expect(names).toContain("fields");
    expect(names).toContain("$.xgafv");
    for (const secret of ["key", "access_token", "oauth_token"]) expect(names).not.toContain(secret);
  });

  it("hints formats and ranges", () => {
    expect(fieldHint(int32)).toEqual({ hint: "32-bit integer · 0 to 50" });
    expect(fieldHint(param({ format: "google-duration" })).placeholder).toBe("3.5s");
    expect(fieldHint(param({ format: "google-fieldmask" })).hint).toMatch(/Field mask/);
    expect(fieldHint(int64).hint).toMatch(/decimal/);
    expect(fieldHint(param({}))).toEqual({});
  });
});

import { describe, expect, it } from "vitest";
import type { ParameterModel } from "../discovery/model-types";
import {
  calendar,
  channelsList,
  drive,
  eventsGet,
  filesCreate,
  secretmanager,
  secretsAccess,
  videosInsert,
  youtube,
  zoo,
  zooTypes,
} from "./__fixtures__/models";
import { compileDiscoveryPattern, validateParamValue, validateRequest } from "./validate";
import type { ExplorerRequest, ParamValue, ValidationIssue } from "./types";

const p = (name: string): ParameterModel => {
  const found = zooTypes.parameters.find((x) => x.name === name);
  if (!found) throw new Error(name);
  return found;
};
const ok: ValidationIssue[] = [];
const one = (param: string, code: ValidationIssue["code"], message: string): ValidationIssue[] => [
  { param, code, message },
];

describe("validateParamValue", () => {
  const cases: [string, { param: ParameterModel; value: ParamValue; want: ValidationIssue[] }][] = [
    // required
    [
      "required empty string",
      { param: channelsList.parameters[0]!, value: "", want: one("part", "required", '"part" is required.') },
    ],
    [
      "required empty list",
      { param: channelsList.parameters[0]!, value: [], want: one("part", "required", '"part" is required.') },
    ],
    [
      "required list of empty",
      {
        param: channelsList.parameters[0]!,
        value: ["", ""],
        want: one("part", "required", '"part" is required.'),
      },
    ],
    ["optional empty is fine", { param: p("i32"), value: "", want: ok }],
    // repeated
    ["scalar to repeated is fine", { param: channelsList.parameters[0]!, value: "snippet", want: ok }],
    [
      "list to repeated is fine",
      { param: channelsList.parameters[0]!, value: ["snippet", "statistics"], want: ok },
    ],
    [
      "list to single",
      {
        param: p("str"),
        value: ["a", "b"],
        want: one("str", "repeated", '"str" takes a single value, not a list (got 2 values).'),
      },
    ],
    [
      "list items checked",
      {
        param: p("colors"),
        value: ["red", "pink"],
        want: one("colors", "enum", '"colors" must be one of "red", "blue" (got "pink").'),
      },
    ],
    // integer int32 / uint32 / none
    ["int32 number", { param: p("i32"), value: -2147483648, want: ok }],
    ["int32 string", { param: p("i32"), value: "2147483647", want: ok }],
    [
      "int32 overflow",
      {
        param: p("i32"),
        value: 2147483648,
        want: one(
          "i32",
          "type",
          '"i32" must be an int32 between -2147483648 and 2147483647 (got 2147483648).',
        ),
      },
    ],
    [
      "int32 fraction",
      { param: p("i32"), value: 1.5, want: one("i32", "type", '"i32" must be a whole number (got 1.5).') },
    ],
    [
      "int32 text",
      {
        param: p("i32"),
        value: "12abc",
        want: one("i32", "type", '"i32" must be a whole number (got "12abc").'),
      },
    ],
    [
      "int32 boolean",
      { param: p("i32"), value: true, want: one("i32", "type", '"i32" must be a whole number (got true).') },
    ],
    [
      "int32 plus sign",
      { param: p("i32"), value: "+5", want: one("i32", "type", '"i32" must be a whole number (got "+5").') },
    ],
    [
      "uint32 negative",
      {
        param: p("u32"),
        value: -1,
        want: one("u32", "type", '"u32" must be a uint32 between 0 and 4294967295 (got -1).'),
      },
    ],
    [
      "int32 huge number",
      {
        param: p("i32"),
        value: 1e20,
        want: one(
          "i32",
          "type",
          '"i32" must be an int32 between -2147483648 and 2147483647 (got 100000000000000000000).',
        ),
      },
    ],
    ["uint32 max", { param: p("u32"), value: 4294967295, want: ok }],
    ["integer without format: any safe integer", { param: p("int"), value: 9007199254740991, want: ok }],
    [
      "integer unsafe number",
      {
        param: p("int"),
        value: 2 ** 60,
        want: one(
          "int",
          "type",
          '"int" is too large for an exact JSON number; write it as a decimal string (got 1152921504606847000).',
        ),
      },
    ],
    // int64 / uint64
    ["int64 min string", { param: p("i64"), value: "-9223372036854775808", want: ok }],
    ["int64 max string", { param: p("i64"), value: "9223372036854775807", want: ok }],
    [
      "int64 overflow",
      {
        param: p("i64"),
        value: "9223372036854775808",
        want: one(
          "i64",
          "type",
          '"i64" must be an int64 between -9223372036854775808 and 9223372036854775807 (got "9223372036854775808").',
        ),
      },
    ],
    ["int64 safe number", { param: p("i64"), value: 123, want: ok }],
    [
      "int64 unsafe number",
      {
        param: p("i64"),
        value: 2 ** 63,
        want: one(
          "i64",
          "type",
          '"i64" is too large for an exact JSON number; write it as a decimal string (got 9223372036854776000).',
        ),
      },
    ],
    [
      "int64 decimal",
      {
        param: p("i64"),
        value: "1.0",
        want: one("i64", "type", '"i64" must be a decimal integer string such as "123" (got "1.0").'),
      },
    ],
    ["uint64 max", { param: p("u64"), value: "18446744073709551615", want: ok }],
    [
      "uint64 overflow",
      {
        param: p("u64"),
        value: "18446744073709551616",
        want: one(
          "u64",
          "type",
          '"u64" must be a uint64 between 0 and 18446744073709551615 (got "18446744073709551616").',
        ),
      },
    ],
    [
      "uint64 negative",
      {
        param: p("u64"),
        value: "-1",
        want: one("u64", "type", '"u64" must be a uint64 between 0 and 18446744073709551615 (got "-1").'),
      },
    ],
    [
      "int64 bounds via BigInt (min)",
      {
        param: p("bounded64"),
        value: "-6",
        want: one("bounded64", "minimum", '"bounded64" must be at least -5 (got "-6").'),
      },
    ],
    // The model stores bounds as numbers: the document's 9007199254740993 arrives as 9007199254740992.
    ["int64 bounds via BigInt (max)", { param: p("bounded64"), value: "9007199254740992", want: ok }],
    [
      "int64 bounds via BigInt (over by one)",
      {
        param: p("bounded64"),
        value: "9007199254740993",
        want: one(
          "bounded64",
          "maximum",
          '"bounded64" must be at most 9007199254740992 (got "9007199254740993").',
        ),
      },
    ],
    // number
    ["number", { param: p("num"), value: 1.5, want: ok }],
    ["number string", { param: p("num"), value: "2.5e0", want: ok }],
    [
      "number text",
      {
        param: p("num"),
        value: "abc",
        want: one("num", "type", '"num" must be a finite number (got "abc").'),
      },
    ],
    [
      "number minimum",
      { param: p("num"), value: 0.25, want: one("num", "minimum", '"num" must be at least 0.5 (got 0.25).') },
    ],
    [
      "number maximum",
      { param: p("num"), value: "3", want: one("num", "maximum", '"num" must be at most 2.5 (got "3").') },
    ],
    // boolean
    ["boolean true", { param: p("flag"), value: true, want: ok }],
    ["boolean false", { param: p("flag"), value: false, want: ok }],
    [
      "boolean as string",
      {
        param: p("flag"),
        value: "false",
        want: one(
          "flag",
          "type",
          '"flag" must be the boolean false, not the string "false" (some clients, e.g. Python, would send the string "false" as true).',
        ),
      },
    ],
    [
      "boolean as number",
      { param: p("flag"), value: 1, want: one("flag", "type", '"flag" must be true or false (got 1).') },
    ],
    // string
    ["string", { param: p("str"), value: "x", want: ok }],
    [
      "number for string",
      {
        param: p("str"),
        value: 5,
        want: one("str", "type", '"str" must be a string (got 5). Write it in quotes: "5".'),
      },
    ],
    // enum
    ["enum ok", { param: p("color"), value: "red", want: ok }],
    ["deprecated enum value allowed", { param: p("color"), value: "green", want: ok }],
    [
      "enum case hint",
      {
        param: p("color"),
        value: "RED",
        want: one("color", "enum", '"color" must be one of "red", "green" (got "RED"). Did you mean "red"?'),
      },
    ],
    [
      "enum string given a number (Python rejects it too)",
      {
        param: youtube.standardParameters[0]!,
        value: 2,
        want: one("$.xgafv", "type", '"$.xgafv" must be a string (got 2). Write it in quotes: "2".'),
      },
    ],
    ["enum string", { param: youtube.standardParameters[0]!, value: "2", want: ok }],
    // minimum / maximum
    [
      "maxResults over",
      {
        param: channelsList.parameters[7]!,
        value: 100,
        want: one("maxResults", "maximum", '"maxResults" must be at most 50 (got 100).'),
      },
    ],
    [
      "max-results under",
      {
        param: p("max-results"),
        value: "0",
        want: one("max-results", "minimum", '"max-results" must be at least 1 (got "0").'),
      },
    ],
    // pattern
    [
      "pattern ok",
      { param: secretsAccess.parameters[0]!, value: "projects/p/secrets/s/versions/latest", want: ok },
    ],
    [
      "pattern fail",
      {
        param: secretsAccess.parameters[0]!,
        value: "secrets/s",
        want: one(
          "name",
          "pattern",
          '"name" must match the pattern ^projects/[^/]+/secrets/[^/]+/versions/[^/]+$ (got "secrets/s").',
        ),
      },
    ],
    ["pattern anchored at start only (re.match)", { param: p("prefixOnly"), value: "abc123", want: ok }],
    [
      "pattern not at start",
      {
        param: p("prefixOnly"),
        value: "1abc",
        want: one("prefixOnly", "pattern", '"prefixOnly" must match the pattern [a-z]+ (got "1abc").'),
      },
    ],
    ["Java-only pattern skipped", { param: p("javaOnly"), value: "zzz", want: ok }],
    // object: no checks
    ["object type unchecked", { param: p("obj"), value: "anything", want: ok }],
  ];
  it.each(cases)("%s", (_, { param, value, want }) => expect(validateParamValue(param, value)).toEqual(want));
});

describe("compileDiscoveryPattern", () => {
  const cases: [string, { pattern: string; matches: string[]; rejects: string[] } | null][] = [
    ["^[^/]+$", { pattern: "^[^/]+$", matches: ["abc"], rejects: ["a/b", ""] }],
    ["no anchors → start only", { pattern: "\\d+", matches: ["12x"], rejects: ["x12"] }],
    ["\\A and \\z", { pattern: "\\Aab\\z", matches: ["ab"], rejects: ["abc"] }],
    ["literal backslash then A", { pattern: "\\\\A", matches: ["\\A"], rejects: ["A"] }],
    ["inline (?i)", { pattern: "(?i)^abc$", matches: ["ABC"], rejects: ["abd"] }],
    ["unicode class", { pattern: "^\\p{L}+$", matches: ["héllo"], rejects: ["h1"] }],
    [
      "escaped dash outside class (non-u fallback)",
      { pattern: "^a\\-b$", matches: ["a-b"], rejects: ["ab"] },
    ],
    ["non-capturing group", { pattern: "^(?:a|b)$", matches: ["a"], rejects: ["c"] }],
    ["atomic group", null],
    ["possessive", null],
    ["\\Q…\\E", null],
    ["class intersection", null],
    ["Java-only \\p class", null],
    ["broken", null],
  ];
  const nulls: Record<string, string> = {
    "atomic group": "^(?>a+)b$",
    possessive: "^a*+b$",
    "\\Q…\\E": "^\\Q.\\E$",
    "class intersection": "^[a-z&&[^e]]$",
    "Java-only \\p class": "^\\p{javaLowerCase}+$",
    broken: "^(a$",
  };
  it.each(cases)("%s", (name, c) => {
    if (c === null) {
      expect(compileDiscoveryPattern(nulls[name]!)).toBeNull();
      return;
    }
    const re = compileDiscoveryPattern(c.pattern);
    expect(re).not.toBeNull();
    for (const m of c.matches) expect(re!.test(m)).toBe(true);
    for (const r of c.rejects) expect(re!.test(r)).toBe(false);
  });
});

const req = (over: Partial<ExplorerRequest>): ExplorerRequest => ({
  api: "x",
  version: "v",
  method: "m",
  params: {},
  body: null,
  auth: { type: "none" },
  ...over,
});

describe("validateRequest", () => {
  type Case = [string, { got: ValidationIssue[]; want: ValidationIssue[] }];
  const cases: Case[] = [
    [
      "valid channels.list",
      {
        got: validateRequest(
          youtube,
          channelsList,
          req({ params: { part: ["snippet"], mine: true, fields: "items", "$.xgafv": "2" } }),
        ),
        want: ok,
      },
    ],
    [
      "missing required",
      {
        got: validateRequest(youtube, channelsList, req({})),
        want: one("part", "required", '"part" is required.'),
      },
    ],
    [
      "missing path params in order",
      {
        got: validateRequest(calendar, eventsGet, req({ params: { eventId: "" } })),
        want: [
          { param: "calendarId", code: "required", message: '"calendarId" is required.' },
          { param: "eventId", code: "required", message: '"eventId" is required.' },
        ],
      },
    ],
    [
      "unknown with suggestion",
      {
        got: validateRequest(youtube, channelsList, req({ params: { part: "id", maxresults: 5, bogus: 1 } })),
        want: [
          {
            param: "maxresults",
            code: "unknown",
            message:
              '"maxresults" is not a parameter of youtube.channels.list; remove it. Did you mean "maxResults"?',
          },
          {
            param: "bogus",
            code: "unknown",
            message: '"bogus" is not a parameter of youtube.channels.list; remove it.',
          },
        ],
      },
    ],
    [
      "standard param checked",
      {
        got: validateRequest(youtube, channelsList, req({ params: { part: "id", prettyPrint: "false" } })),
        want: one(
          "prettyPrint",
          "type",
          '"prettyPrint" must be the boolean false, not the string "false" (some clients, e.g. Python, would send the string "false" as true).',
        ),
      },
    ],
    [
      "credential params flagged",
      {
        got: validateRequest(
          youtube,
          channelsList,
          req({ params: { part: "id", key: "AIza", access_token: "ya29" } }),
        ),
        want: [
          {
            param: "access_token",
            code: "unknown",
            message:
              'Do not put a credential in "access_token"; choose "OAuth" auth instead: the explorer sends the token in the Authorization header. It is left out of the request.',
          },
          {
            param: "key",
            code: "unknown",
            message:
              'Do not put a credential in "key"; choose "API key" auth instead: the explorer sends the key in the x-goog-api-key header. It is left out of the request.',
          },
        ],
      },
    ],
    [
      "body on a method without request",
      {
        got: validateRequest(youtube, channelsList, req({ params: { part: "id" }, body: {} })),
        want: one("body", "body", "youtube.channels.list takes no request body; set the body to null."),
      },
    ],
    [
      "body must be an object",
      {
        got: validateRequest(drive, filesCreate, req({ body: [1] })),
        want: one("body", "body", "The request body must be a JSON object (a File), not an array."),
      },
    ],
    [
      "body string",
      {
        got: validateRequest(drive, filesCreate, req({ body: "x" })),
        want: one("body", "body", "The request body must be a JSON object (a File), not a string."),
      },
    ],
    [
      "null body with request schema is fine",
      { got: validateRequest(drive, filesCreate, req({ body: null })), want: ok },
    ],
    [
      "media not supported",
      {
        got: validateRequest(
          secretmanager,
          secretsAccess,
          req({ params: { name: "projects/p/secrets/s/versions/1" }, media: { fileName: "a.txt" } }),
        ),
        want: one(
          "media",
          "media",
          "secretmanager.projects.secrets.versions.access does not accept a media upload; remove the file.",
        ),
      },
    ],
    [
      "media ok",
      {
        got: validateRequest(
          youtube,
          videosInsert,
          req({ params: { part: "snippet" }, body: {}, media: { fileName: "v.mp4", mimeType: "video/mp4" } }),
        ),
        want: ok,
      },
    ],
    [
      "media wrong type",
      {
        got: validateRequest(
          youtube,
          videosInsert,
          req({ params: { part: "snippet" }, media: { fileName: "a.txt", mimeType: "text/plain" } }),
        ),
        want: one(
          "media",
          "media",
          "youtube.videos.insert does not accept files of type text/plain; use one of application/octet-stream, video/*.",
        ),
      },
    ],
    [
      "drive accepts */*",
      {
        got: validateRequest(
          drive,
          filesCreate,
          req({ media: { fileName: "a.txt", mimeType: "text/plain" } }),
        ),
        want: ok,
      },
    ],
    [
      "pattern on path param",
      {
        got: validateRequest(secretmanager, secretsAccess, req({ params: { name: "oops" } })),
        want: one(
          "name",
          "pattern",
          '"name" must match the pattern ^projects/[^/]+/secrets/[^/]+/versions/[^/]+$ (got "oops").',
        ),
      },
    ],
    [
      "zoo all fine",
      {
        got: validateRequest(
          zoo,
          zooTypes,
          req({ params: { i64: "-1", u64: "1", flag: false, colors: ["red", "blue"] } }),
        ),
        want: ok,
      },
    ],
  ];
  it.each(cases)("%s", (_, { got, want }) => expect(got).toEqual(want));
});

describe("formats with one exact spelling (as strict as the body editor)", () => {
  const withFormat = (format: string): ParameterModel => ({ ...p("str"), name: "t", format });
  const good: [string, string][] = [
    ["date-time", "2024-01-31T13:45:00Z"],
    ["date-time", "2024-02-29T23:59:60.123456+05:30"],
    ["google-datetime", "2024-01-31t13:45:00z"],
    ["date", "2000-02-29"],
    ["google-duration", "3.5s"],
    ["google-duration", "-1.000000001s"],
    ["google-fieldmask", "name,metadata.labels,*"],
    ["byte", "anything: no strict check"],
  ];
  it.each(["constructor", "__proto__", "toString"])(
    "a format named %s is no rule (and no crash)",
    (format) => {
      expect(validateParamValue(withFormat(format), "x")).toEqual(ok);
    },
  );
  it.each(good)("%s %s is accepted", (format, value) => {
    expect(validateParamValue(withFormat(format), value)).toEqual(ok);
  });
  const bad: [string, string][] = [
    ["date-time", "tomorrow"],
    ["date-time", "2024-01-31"],
    ["date-time", "2024-01-31 13:45:00Z"],
    ["date-time", "2024-13-01T00:00:00Z"],
    ["google-datetime", "2023-02-29T00:00:00Z"],
    ["google-datetime", "2024-01-31T24:00:00Z"],
    ["date", "2024-1-31"],
    ["date", "1900-02-29"],
    ["google-duration", "3.5"],
    ["google-duration", "1m"],
    ["google-duration", "1.0123456789s"],
    ["google-fieldmask", "name, description"],
    ["google-fieldmask", "name,,x"],
  ];
  it.each(bad)("%s %s is reported, naming the expected form", (format, value) => {
    const issues = validateParamValue(withFormat(format), value);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toMatch(
      new RegExp(`^"t" must be .+ \\(got ${JSON.stringify(JSON.stringify(value)).slice(1, -1)}\\)\\.$`),
    );
  });
  it("sqladmin finalBackupExpiryTime=tomorrow is reported by the request validation", () => {
    const expiry: ParameterModel = { ...p("str"), name: "finalBackupExpiryTime", format: "google-datetime" };
    const m = { ...channelsList, parameters: [expiry] };
    const req: ExplorerRequest = {
      api: "youtube",
      version: "v3",
      method: m.id,
      params: { finalBackupExpiryTime: "tomorrow" },
      body: null,
      auth: { type: "none" },
    };
    expect(validateRequest(youtube, m, req).map((i) => i.param)).toEqual(["finalBackupExpiryTime"]);
  });
});

describe("minimum/maximum come from the method's own entry, before the format's range", () => {
  const maxResults = channelsList.parameters.find((x) => x.name === "maxResults")!;
  it.each([
    [4294967296, "maximum", '"maxResults" must be at most 50 (got 4294967296).'],
    [-1, "minimum", '"maxResults" must be at least 0 (got -1).'],
    ["99999999999", "maximum", '"maxResults" must be at most 50 (got "99999999999").'],
  ] as const)("%s", (value, code, message) => {
    expect(validateParamValue(maxResults, value)).toEqual(one("maxResults", code, message));
  });
  it("1e3 is no whole number: reported, so it never runs", () => {
    expect(validateParamValue(maxResults, "1e3")).toEqual(
      one("maxResults", "type", '"maxResults" must be a whole number (got "1e3").'),
    );
  });
});

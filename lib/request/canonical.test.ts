import { describe, expect, it } from "vitest";
import {
  api,
  channelsList,
  drive,
  filesCreate,
  method,
  param,
  secretmanager,
  secretsAccess,
  STANDARD_PARAMETERS,
  youtube,
  zoo,
  zooTypes,
} from "./__fixtures__/models";
import { defaultRequest, normalizeRequest, parseExplorerRequest, stripSecretParams } from "./canonical";
import type { ExplorerRequest } from "./types";

const valid: ExplorerRequest = {
  api: "youtube",
  version: "v3",
  method: "youtube.channels.list",
  params: { part: ["snippet", "statistics"], mine: true, maxResults: 5 },
  body: null,
  auth: { type: "oauth", scopes: ["https://www.googleapis.com/auth/youtube.readonly"] },
};

describe("parseExplorerRequest: accepts", () => {
  const cases: [string, unknown][] = [
    ["minimal", valid],
    ["apiKey auth", { ...valid, auth: { type: "apiKey" } }],
    ["none auth", { ...valid, auth: { type: "none" } }],
    ["oauth headless flow", { ...valid, auth: { ...valid.auth, flow: "headless" } }],
    ["nested body", { ...valid, body: { a: [1, { b: null, c: "😀" }], d: true } }],
    ["scalar body", { ...valid, body: "text" }],
    [
      "media and revision",
      { ...valid, media: { fileName: "v.mp4", mimeType: "video/mp4" }, revision: "20260924" },
    ],
    ["media without mimeType", { ...valid, media: { fileName: "v.mp4" } }],
    ["empty params", { ...valid, params: {} }],
  ];
  it.each(cases)("%s", (_, given) => {
    const r = parseExplorerRequest(JSON.parse(JSON.stringify(given)));
    expect(r).toEqual({ ok: true, value: given });
  });

  it("returns a copy, not the input", () => {
    const input = JSON.parse(JSON.stringify(valid)) as ExplorerRequest;
    const r = parseExplorerRequest(input);
    expect(r.ok && r.value.params).not.toBe(input.params);
  });

  it("keeps a __proto__ key as data", () => {
    const r = parseExplorerRequest(
      JSON.parse(
        '{"api":"a","version":"v","method":"m","params":{"__proto__":"x"},"body":{"__proto__":{"y":1}},"auth":{"type":"none"}}',
      ),
    );
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(Object.keys(r.value.params)).toEqual(["__proto__"]);
      expect(JSON.stringify(r.value.body)).toBe('{"__proto__":{"y":1}}');
      expect(Object.getPrototypeOf(r.value.params)).toBe(Object.prototype);
    }
  });

  it("turns -0 into 0", () => {
    const r = parseExplorerRequest({ ...valid, params: { n: -0 }, body: { z: -0 } });
    expect(r.ok && Object.is(r.value.params.n, 0)).toBe(true);
  });
});

describe("parseExplorerRequest: rejects with field names", () => {
  const cases: [string, { given: unknown; want: string[] }][] = [
    ["not an object", { given: [1], want: ["The request must be a JSON object (got an array)."] }],
    ["null", { given: null, want: ["The request must be a JSON object (got null)."] }],
    [
      "missing everything",
      {
        given: {},
        want: [
          "api must be a non-empty string (got nothing).",
          "version must be a non-empty string (got nothing).",
          "method must be a non-empty string (got nothing).",
          "params is required (use {} for none).",
          "body is required (use null for none).",
          'auth is required (e.g. {"type":"none"}).',
        ],
      },
    ],
    [
      "empty api",
      { given: { ...valid, api: "" }, want: ["api must be a non-empty string (got an empty string)."] },
    ],
    [
      "typo field",
      {
        given: { ...valid, parms: {} },
        want: [
          "parms is not a known field (expected api, version, method, params, body, auth, media, revision).",
        ],
      },
    ],
    [
      "array item",
      {
        given: { ...valid, params: { part: ["snippet", null] } },
        want: ["params.part[1] must be a string, number or boolean (got null)."],
      },
    ],
    [
      "nested array",
      {
        given: { ...valid, params: { part: [["a"]] } },
        want: ["params.part[0] must be a string, number or boolean (got an array)."],
      },
    ],
    [
      "object value",
      {
        given: { ...valid, params: { "$.xgafv": { a: 1 } } },
        want: ['params["$.xgafv"] must be a string, number, boolean or an array of them (got an object).'],
      },
    ],
    [
      "null value",
      {
        given: { ...valid, params: { mine: null } },
        want: ["params.mine must be a string, number or boolean (got null)."],
      },
    ],
    [
      "NaN",
      {
        given: { ...valid, params: { n: NaN } },
        want: ["params.n must be a string, number or boolean (got NaN)."],
      },
    ],
    [
      "params array",
      {
        given: { ...valid, params: [] },
        want: ["params must be an object mapping parameter names to values (got an array)."],
      },
    ],
    [
      "body with undefined",
      { given: { ...valid, body: { a: undefined } }, want: ["body.a must be JSON (got nothing)."] },
    ],
    [
      "body with Date",
      { given: { ...valid, body: { when: new Date(0) } }, want: ["body.when must be JSON (got an object)."] },
    ],
    [
      "body Infinity",
      { given: { ...valid, body: [Infinity] }, want: ["body[0] must be a finite number (got Infinity)."] },
    ],
    [
      "auth unknown type",
      {
        given: { ...valid, auth: { type: "jwt" } },
        want: [
          'auth must be one of {"type":"oauth","scopes":[…]}, {"type":"adc","scopes":[…]}, {"type":"serviceAccount","scopes":[…],"subject"?:"user@example.com"}, {"type":"impersonate","scopes":[…],"serviceAccount":"name@project.iam.gserviceaccount.com"}, {"type":"apiKey"}, {"type":"none"} (auth.type is "jwt").',
        ],
      },
    ],
    [
      "auth oauth without scopes",
      {
        given: { ...valid, auth: { type: "oauth" } },
        want: ["auth.scopes must be an array of scope URLs (got nothing)."],
      },
    ],
    [
      "auth scope not a string",
      {
        given: { ...valid, auth: { type: "oauth", scopes: [1] } },
        want: ["auth.scopes[0] must be a non-empty string."],
      },
    ],
    [
      "auth oauth with an unknown flow",
      {
        given: { ...valid, auth: { type: "oauth", scopes: [], flow: "device" } },
        want: ['auth.flow must be "loopback" or "headless" (got "device").'],
      },
    ],
    [
      "auth extra field (never a token)",
      {
        given: { ...valid, auth: { type: "apiKey", key: "AIza" } },
        want: ['auth.key is not allowed for auth type "apiKey".'],
      },
    ],
    [
      "media without fileName",
      {
        given: { ...valid, media: { mimeType: "video/mp4" } },
        want: ["media.fileName must be a non-empty string."],
      },
    ],
    [
      "media mimeType with CR LF (it is sent as the Content-Type header)",
      {
        given: { ...valid, media: { fileName: "a", mimeType: "video/mp4\r\nx-injected: yes" } },
        want: [
          "media.mimeType must not contain a line break (CR or LF) or NUL: it is sent as the Content-Type header.",
        ],
      },
    ],
    [
      "media mimeType with NUL",
      {
        given: { ...valid, media: { fileName: "a", mimeType: "video/mp4\0" } },
        want: [
          "media.mimeType must not contain a line break (CR or LF) or NUL: it is sent as the Content-Type header.",
        ],
      },
    ],
    [
      "media extra",
      {
        given: { ...valid, media: { fileName: "a", content: "x" } },
        want: ["media.content is not a known field."],
      },
    ],
    [
      "revision number",
      { given: { ...valid, revision: 20260924 }, want: ["revision must be a string (got a number)."] },
    ],
  ];
  it.each(cases)("%s", (_, { given, want }) =>
    expect(parseExplorerRequest(given)).toEqual({ ok: false, errors: want }),
  );
});

describe("defaultRequest", () => {
  const cases: [string, { got: ExplorerRequest; want: ExplorerRequest }][] = [
    [
      "youtube.channels.list: no body, readonly scope",
      {
        got: defaultRequest(youtube, channelsList),
        want: {
          api: "youtube",
          version: "v3",
          method: "youtube.channels.list",
          params: {},
          body: null,
          auth: { type: "oauth", scopes: ["https://www.googleapis.com/auth/youtube.readonly"] },
          revision: "20260924",
        },
      },
    ],
    [
      "drive.files.create: {} body, drive.file",
      {
        got: defaultRequest(drive, filesCreate),
        want: {
          api: "drive",
          version: "v3",
          method: "drive.files.create",
          params: {},
          body: {},
          auth: { type: "oauth", scopes: ["https://www.googleapis.com/auth/drive.file"] },
          revision: "20260924",
        },
      },
    ],
    [
      "no scopes → none, no revision",
      {
        got: defaultRequest({ ...zoo, revision: null }, zooTypes),
        want: {
          api: "zoo",
          version: "v1",
          method: "zoo.types.get",
          params: {},
          body: null,
          auth: { type: "none" },
        },
      },
    ],
    [
      "secretmanager: cloud-platform",
      {
        got: defaultRequest(secretmanager, secretsAccess),
        want: {
          api: "secretmanager",
          version: "v1",
          method: secretsAccess.id,
          params: {},
          body: null,
          auth: { type: "oauth", scopes: ["https://www.googleapis.com/auth/cloud-platform"] },
          revision: "20260924",
        },
      },
    ],
  ];
  it.each(cases)("%s", (_, { got, want }) => expect(got).toStrictEqual(want));
  it("a required parameter with a Discovery default starts with it; optional ones and defaultless stay unset", () => {
    const send = method("gmail.users.messages.send", {
      httpMethod: "POST",
      path: "gmail/v1/users/{userId}/messages/send",
      parameters: [
        param("userId", { location: "path", required: true, default: "me" }),
        param("count", { type: "integer", required: true, default: "10" }),
        param("flag", { type: "boolean", required: true, default: "false" }),
        param("labels", { required: true, repeated: true, default: "INBOX" }),
        param("maxResults", { type: "integer", default: "5" }),
        param("id", { location: "path", required: true }),
      ],
      parameterOrder: ["userId", "id"],
    });
    expect(defaultRequest(api("gmail", "v1"), send).params).toStrictEqual({
      userId: "me",
      count: 10,
      flag: false,
      labels: ["INBOX"],
    });
  });
  it("a required parameter named __proto__ with a default is an own key, not the prototype", () => {
    const m = method("zoo.x", { parameters: [param("__proto__", { required: true, default: "p" })] });
    const params = defaultRequest(api("zoo", "v1"), m).params;
    expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
    expect(Object.hasOwn(params, "__proto__")).toBe(true);
    expect(params["__proto__"]).toBe("p");
  });
  it("round-trips through parseExplorerRequest", () => {
    const req = defaultRequest(youtube, channelsList);
    expect(parseExplorerRequest(JSON.parse(JSON.stringify(req)))).toEqual({ ok: true, value: req });
  });
});

describe("normalizeRequest", () => {
  const a: ExplorerRequest = {
    revision: "r",
    auth: { scopes: ["s"], type: "oauth" } as unknown as ExplorerRequest["auth"],
    body: { b: 1, a: { d: 1, c: 2 } },
    params: { fields: "items", zzz: "1", mine: true, aaa: "2", part: ["snippet"], "$.xgafv": "2" },
    method: "youtube.channels.list",
    version: "v3",
    api: "youtube",
    media: { mimeType: "video/mp4", fileName: "f" } as ExplorerRequest["media"],
  };
  it("orders top level, params by method then standard then alphabetical", () => {
    const n = normalizeRequest(a, channelsList, { standardParameters: STANDARD_PARAMETERS });
    expect(JSON.stringify(n)).toBe(
      '{"api":"youtube","version":"v3","method":"youtube.channels.list","params":{"part":["snippet"],"mine":true,"$.xgafv":"2","fields":"items","aaa":"2","zzz":"1"},"body":{"b":1,"a":{"d":1,"c":2}},"auth":{"type":"oauth","scopes":["s"]},"media":{"fileName":"f","mimeType":"video/mp4"},"revision":"r"}',
    );
  });
  it("without a method: params alphabetical (code-unit order)", () => {
    expect(Object.keys(normalizeRequest(a).params)).toEqual([
      "$.xgafv",
      "aaa",
      "fields",
      "mine",
      "part",
      "zzz",
    ]);
  });
  it("keeps the headless OAuth flow and drops the default loopback one (same JSON as a request without flow)", () => {
    const flow = (f: "loopback" | "headless") =>
      JSON.stringify(normalizeRequest({ ...a, auth: { type: "oauth", scopes: ["s"], flow: f } }).auth);
    expect(flow("headless")).toBe('{"type":"oauth","scopes":["s"],"flow":"headless"}');
    expect(flow("loopback")).toBe(JSON.stringify(normalizeRequest(a).auth));
  });
  it("sortBodyKeys", () => {
    expect(JSON.stringify(normalizeRequest(a, undefined, undefined, { sortBodyKeys: true }).body)).toBe(
      '{"a":{"c":2,"d":1},"b":1}',
    );
  });
  it("equal requests with different key order serialise equally", () => {
    const b: ExplorerRequest = {
      ...a,
      params: { "$.xgafv": "2", part: ["snippet"], aaa: "2", zzz: "1", fields: "items", mine: true },
    };
    expect(JSON.stringify(normalizeRequest(b, channelsList, youtube))).toBe(
      JSON.stringify(normalizeRequest(a, channelsList, youtube)),
    );
  });
  it("is idempotent and does not mutate", () => {
    const before = JSON.stringify(a);
    const once = normalizeRequest(a, channelsList, youtube);
    expect(normalizeRequest(once, channelsList, youtube)).toEqual(once);
    expect(JSON.stringify(a)).toBe(before);
  });
});

describe("stripSecretParams", () => {
  it("removes key, access_token, oauth_token, id_token only", () => {
    const r = stripSecretParams({
      ...valid,
      params: {
        key: "AIza",
        access_token: "ya29",
        oauth_token: "t",
        id_token: "j",
        pageToken: "p",
        apiKey: "x",
      },
    });
    expect(r.params).toEqual({ pageToken: "p", apiKey: "x" });
  });
});

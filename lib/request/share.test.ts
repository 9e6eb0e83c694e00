import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SECRET_PARAM_NAMES } from "./canonical";
import { deflateRawSync } from "node:zlib";

import {
  decodeShareState,
  encodeShareState,
  encodeShareStateCompressed,
  MAX_SHARE_JSON_BYTES,
  MAX_SHARE_STATE_LENGTH,
  shareStatePayload,
} from "./share";
import type { ExplorerRequest, JsonValue, ParamScalar, RequestAuth } from "./types";

const A = "https://www.googleapis.com/auth/";
const base: ExplorerRequest = {
  api: "youtube",
  version: "v3",
  method: "youtube.channels.list",
  params: { part: ["snippet", "statistics"], mine: true, maxResults: 5 },
  body: null,
  auth: { type: "oauth", scopes: [`${A}youtube.readonly`] },
};

describe("encodeShareState", () => {
  const cases: [string, { given: ExplorerRequest; payload: JsonValue }][] = [
    [
      "typical",
      {
        given: base,
        payload: {
          a: "youtube",
          v: "v3",
          m: "youtube.channels.list",
          p: { part: ["snippet", "statistics"], mine: true, maxResults: 5 },
          u: ["~youtube.readonly"],
        },
      },
    ],
    [
      "empty params and null body omitted; apiKey",
      {
        given: { ...base, params: {}, auth: { type: "apiKey" } },
        payload: { a: "youtube", v: "v3", m: "youtube.channels.list", u: "k" },
      },
    ],
    [
      "none auth, body, media, revision",
      {
        given: {
          ...base,
          params: {},
          body: { x: [1] },
          auth: { type: "none" },
          media: { fileName: "v.mp4", mimeType: "video/mp4" },
          revision: "2026",
        },
        payload: {
          a: "youtube",
          v: "v3",
          m: "youtube.channels.list",
          b: { x: [1] },
          u: "n",
          f: { n: "v.mp4", t: "video/mp4" },
          r: "2026",
        },
      },
    ],
    [
      "scope escaping",
      {
        given: {
          ...base,
          params: {},
          auth: { type: "oauth", scopes: ["openid", "~odd", "!odd", "https://mail.google.com/"] },
        },
        payload: {
          a: "youtube",
          v: "v3",
          m: "youtube.channels.list",
          u: ["openid", "!~odd", "!!odd", "https://mail.google.com/"],
        },
      },
    ],
    [
      "headless OAuth flow",
      {
        given: { ...base, params: {}, auth: { type: "oauth", scopes: [`${A}drive`], flow: "headless" } },
        payload: { a: "youtube", v: "v3", m: "youtube.channels.list", u: ["~drive"], o: "h" },
      },
    ],
  ];
  it.each(cases)("%s", (_, { given, payload }) => {
    const s = encodeShareState(given);
    expect(s).toMatch(/^1\.[A-Za-z0-9_-]+$/);
    expect(shareStatePayload(s)).toEqual(payload);
    expect(decodeShareState(s)).toEqual({ ok: true, value: given });
  });

  it("is deterministic and stable", () => {
    expect(encodeShareState(base)).toBe(
      encodeShareState(JSON.parse(JSON.stringify(base)) as ExplorerRequest),
    );
    expect(encodeShareState(base)).toBe(
      "1.eyJhIjoieW91dHViZSIsInYiOiJ2MyIsIm0iOiJ5b3V0dWJlLmNoYW5uZWxzLmxpc3QiLCJwIjp7InBhcnQiOlsic25pcHBldCIsInN0YXRpc3RpY3MiXSwibWluZSI6dHJ1ZSwibWF4UmVzdWx0cyI6NX0sInUiOlsifnlvdXR1YmUucmVhZG9ubHkiXX0",
    );
  });

  it("never contains a secret parameter", () => {
    const secrets = {
      key: "AIzaSyTOPSECRET",
      access_token: "ya29.TOPSECRET",
      oauth_token: "TOPSECRET2",
      id_token: "eyJTOPSECRET",
    };
    const s = encodeShareState({ ...base, params: { ...base.params, ...secrets } });
    const text = JSON.stringify(shareStatePayload(s));
    for (const [name, value] of Object.entries(secrets)) {
      expect(text).not.toContain(value);
      expect(text).not.toContain(`"${name}"`);
    }
    expect(decodeShareState(s)).toEqual({ ok: true, value: base });
  });

  it("keeps lone surrogates exactly", () => {
    const r = { ...base, params: { q: "a\uD800b\uDFFF" }, body: { "\uDC00": "😀" } };
    expect(decodeShareState(encodeShareState(r))).toEqual({ ok: true, value: r });
  });
});

describe("decodeShareState rejects", () => {
  const b64 = (o: unknown): string => "1." + Buffer.from(JSON.stringify(o)).toString("base64url");
  const cases: [string, { given: string; error: string }][] = [
    ["no version", { given: "eyJ9", error: "The share link is not in a known format (missing version)." }],
    [
      "future version",
      {
        given: "3.eyJ9",
        error: 'The share link uses format version "3", which this explorer does not know.',
      },
    ],
    ["bad base64", { given: "1.a+b/", error: "The share link is damaged (invalid base64url)." }],
    ["bad length", { given: "1.abcde", error: "The share link is damaged (invalid base64url)." }],
    [
      "not JSON",
      {
        given: "1." + Buffer.from("{oops").toString("base64url"),
        error: "The share link is damaged (invalid UTF-8 or JSON).",
      },
    ],
    [
      "bad UTF-8",
      {
        given: "1." + Buffer.from([0xff, 0xfe]).toString("base64url"),
        error: "The share link is damaged (invalid UTF-8 or JSON).",
      },
    ],
    ["array", { given: b64([1]), error: "The share link does not contain a request." }],
    [
      "unknown field",
      {
        given: b64({ a: "x", v: "v", m: "m", u: "n", zz: 1 }),
        error: "The share link has unknown fields: zz.",
      },
    ],
    [
      "bad auth",
      { given: b64({ a: "x", v: "v", m: "m", u: "x" }), error: "The share link has an invalid auth field." },
    ],
    [
      "OAuth flow field on a non-OAuth auth, or an unknown flow",
      {
        given: b64({ a: "x", v: "v", m: "m", u: "n", o: "h" }),
        error: "The share link has an invalid OAuth flow field.",
      },
    ],
    [
      "unknown OAuth flow",
      {
        given: b64({ a: "x", v: "v", m: "m", u: [], o: "d" }),
        error: "The share link has an invalid OAuth flow field.",
      },
    ],
    [
      "bad media",
      {
        given: b64({ a: "x", v: "v", m: "m", u: "n", f: { n: "a", z: 1 } }),
        error: "The share link has an invalid media field.",
      },
    ],
    [
      "invalid request",
      {
        given: b64({ a: "x", v: "v", m: "", u: "n", p: { q: [null] } }),
        error:
          "The share link holds an invalid request: method must be a non-empty string (got an empty string). params.q[0] must be a string, number or boolean (got null).",
      },
    ],
    ["too long", { given: "1." + "A".repeat(MAX_SHARE_STATE_LENGTH), error: "The share link is too long." }],
  ];
  it.each(cases)("%s", (_, { given, error }) =>
    expect(decodeShareState(given)).toEqual({ ok: false, error }),
  );
});

describe("round-trip property", () => {
  const str = fc.string({ unit: "binary", maxLength: 12 });
  const scalar: fc.Arbitrary<ParamScalar> = fc.oneof(
    str,
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => (Object.is(d, -0) ? 0 : d)),
  );
  const scopes = fc
    .array(
      fc.oneof(
        str.filter((s) => s !== ""),
        str.map((s) => A + s),
      ),
      { maxLength: 3 },
    )
    .map((a) => a.filter((s) => s !== ""));
  const auth: fc.Arbitrary<RequestAuth> = fc.oneof(
    scopes.map((s) => ({ type: "oauth" as const, scopes: s })),
    scopes.map((s) => ({ type: "oauth" as const, scopes: s, flow: "headless" as const })),
    fc.constant({ type: "apiKey" as const }),
    fc.constant({ type: "none" as const }),
  );
  const nonEmpty = str.filter((s) => s !== "");
  const headerSafe = str.filter((v) => !/[\r\n\0]/.test(v));
  const request: fc.Arbitrary<ExplorerRequest> = fc
    .record({
      api: nonEmpty,
      version: nonEmpty,
      method: nonEmpty,
      params: fc.dictionary(
        fc.oneof(str, fc.constantFrom(...SECRET_PARAM_NAMES)),
        fc.oneof(scalar, fc.array(scalar, { maxLength: 4 })),
        { maxKeys: 6 },
      ),
      body: fc.oneof(fc.constant(null), fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<JsonValue>),
      auth,
      // A MIME type is a header value: one with CR, LF or NUL is refused (tested below), not round-tripped.
      media: fc.option(
        fc.record({ fileName: nonEmpty, mimeType: headerSafe }, { requiredKeys: ["fileName"] }),
        {
          nil: undefined,
        },
      ),
      revision: fc.option(str, { nil: undefined }),
    })
    .map((r) => {
      const { media, revision, ...rest } = r;
      return {
        ...rest,
        ...(media ? { media } : {}),
        ...(revision !== undefined ? { revision } : {}),
      } as ExplorerRequest;
    });

  it("a link whose media.mimeType holds CR LF (a forged Content-Type header) is refused, naming the field", () => {
    const r: ExplorerRequest = {
      api: "a",
      version: "v",
      method: "a.m",
      params: {},
      body: null,
      auth: { type: "none" },
      media: { fileName: "f", mimeType: "text/plain\r\nx-injected: yes" },
    };
    const d = decodeShareState(encodeShareState(r));
    expect(d.ok).toBe(false);
    expect(!d.ok && d.error).toContain("media.mimeType must not contain a line break");
  });

  it("decode(encode(r)) equals r without secrets, exactly (JSON text, key order included)", () => {
    fc.assert(
      fc.property(request, (r) => {
        const s = encodeShareState(r);
        expect(s).toMatch(/^1\.[A-Za-z0-9_-]*$/);
        const d = decodeShareState(s);
        expect(d.ok).toBe(true);
        if (!d.ok) return;
        const params = Object.fromEntries(
          Object.entries(r.params).filter(([k]) => !SECRET_PARAM_NAMES.includes(k)),
        );
        const want = JSON.parse(JSON.stringify({ ...r, params })) as ExplorerRequest;
        expect(JSON.stringify(d.value)).toBe(JSON.stringify(want));
        expect(d.value).toEqual(want);
        for (const name of SECRET_PARAM_NAMES)
          expect(Object.prototype.hasOwnProperty.call(d.value.params, name)).toBe(false);
        expect(encodeShareState(d.value)).toBe(s);
        const z = encodeShareStateCompressed(r);
        expect(z).toMatch(/^2\.[A-Za-z0-9_-]*$/);
        expect(decodeShareState(z)).toEqual(d);
      }),
      { numRuns: 300 },
    );
  });
});

describe("version 2 (deflated)", () => {
  const big: ExplorerRequest = {
    ...base,
    body: {
      items: Array.from({ length: 400 }, (_, i) => ({ id: i, title: `Item number ${i}`, done: false })),
    },
  };

  it("is much shorter than version 1 for a repetitive body, and reads back exactly", () => {
    const plain = encodeShareState(big);
    const z = encodeShareStateCompressed(big);
    expect(z.length * 5).toBeLessThan(plain.length);
    expect(decodeShareState(z)).toEqual({ ok: true, value: big });
    expect(shareStatePayload(z)).toEqual(shareStatePayload(plain));
    expect(encodeShareStateCompressed(JSON.parse(JSON.stringify(big)) as ExplorerRequest)).toBe(z);
  });

  it("is standard raw DEFLATE (another implementation's output decodes)", () => {
    const json = JSON.stringify({ a: "youtube", v: "v3", m: "youtube.channels.list", u: "n" });
    const z = "2." + deflateRawSync(Buffer.from(json)).toString("base64url");
    expect(decodeShareState(z)).toEqual({
      ok: true,
      value: { ...base, params: {}, auth: { type: "none" } },
    });
  });

  it("rejects damaged compressed data and a deflate bomb, without inflating it all", () => {
    expect(decodeShareState("2.AAAA")).toEqual({
      ok: false,
      error: "The share link is damaged (invalid compressed data).",
    });
    // 8 MiB of spaces inside a JSON string deflates to a few KB, well under the length limit.
    const bomb = `{"a":"x","v":"v","m":"m","u":"n","r":"${" ".repeat(8 * MAX_SHARE_JSON_BYTES)}"}`;
    const z = "2." + deflateRawSync(Buffer.from(bomb), { level: 9 }).toString("base64url");
    expect(z.length).toBeLessThan(MAX_SHARE_STATE_LENGTH);
    expect(decodeShareState(z)).toEqual({ ok: false, error: "The share link is too long." });
  });
});

describe("docs/request-format.md example", () => {
  it("decodes to the documented request", () => {
    const s =
      "1.eyJhIjoieW91dHViZSIsInYiOiJ2MyIsIm0iOiJ5b3V0dWJlLmNoYW5uZWxzLmxpc3QiLCJwIjp7InBhcnQiOlsic25pcHBldCIsInN0YXRpc3RpY3MiXSwibWluZSI6dHJ1ZX0sInUiOlsifnlvdXR1YmUucmVhZG9ubHkiXX0";
    const want: ExplorerRequest = { ...base, params: { part: ["snippet", "statistics"], mine: true } };
    expect(decodeShareState(s)).toEqual({ ok: true, value: want });
    expect(encodeShareState(want)).toBe(s);
  });
});

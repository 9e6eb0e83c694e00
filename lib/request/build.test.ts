import { describe, expect, it } from "vitest";
import {
  api,
  calendar,
  channelsList,
  drive,
  eventsGet,
  filesCreate,
  filesGet,
  filesUpdate,
  method,
  param,
  secretmanager,
  secretsAccess,
  secretsList,
  videosInsert,
  youtube,
} from "./__fixtures__/models";
import {
  ACCESS_TOKEN_PLACEHOLDER,
  API_KEY_PLACEHOLDER,
  buildHttpRequest,
  buildQueryPairs,
  encodeQuery,
  MULTIPART_BOUNDARY,
  withCredentials,
} from "./build";
import type { ExplorerRequest, HttpRequestSpec } from "./types";

const req = (over: Partial<ExplorerRequest>): ExplorerRequest => ({
  api: "x",
  version: "v",
  method: "m",
  params: {},
  body: null,
  auth: { type: "none" },
  ...over,
});
const BEARER = { authorization: `Bearer ${ACCESS_TOKEN_PLACEHOLDER}` };
const oauth = { type: "oauth", scopes: ["s"] } as const;

describe("buildHttpRequest", () => {
  type Case = [string, { got: HttpRequestSpec; want: HttpRequestSpec }];
  const cases: Case[] = [
    [
      "channels.list: repeated keys, method order then standard, booleans",
      {
        got: buildHttpRequest(
          youtube,
          channelsList,
          req({
            params: {
              fields: "items(id,snippet/title)",
              maxResults: 5,
              mine: true,
              part: ["snippet", "statistics"],
              prettyPrint: false,
            },
            auth: oauth,
          }),
        ),
        want: {
          method: "GET",
          url: "https://youtube.googleapis.com/youtube/v3/channels?part=snippet&part=statistics&maxResults=5&mine=true&fields=items(id%2Csnippet%2Ftitle)&prettyPrint=false",
          headers: BEARER,
          body: null,
        },
      },
    ],
    [
      "comma string is one value; space → %20; empty values dropped; unknown not sent",
      {
        got: buildHttpRequest(
          youtube,
          channelsList,
          req({
            params: { part: "snippet,statistics", forHandle: "@a b+c", hl: "", id: ["", "x"], bogus: "1" },
          }),
        ),
        want: {
          method: "GET",
          url: "https://youtube.googleapis.com/youtube/v3/channels?part=snippet%2Cstatistics&forHandle=%40a%20b%2Bc&id=x",
          headers: {},
          body: null,
        },
      },
    ],
    [
      "standard $.xgafv key encoded",
      {
        got: buildHttpRequest(youtube, channelsList, req({ params: { part: "id", "$.xgafv": "2" } })),
        want: {
          method: "GET",
          url: "https://youtube.googleapis.com/youtube/v3/channels?part=id&%24.xgafv=2",
          headers: {},
          body: null,
        },
      },
    ],
    [
      "api key in a header, never the URL; key param dropped",
      {
        got: buildHttpRequest(
          youtube,
          channelsList,
          req({
            params: { part: "id", key: "AIzaSECRET", access_token: "ya29.SECRET" },
            auth: { type: "apiKey" },
          }),
        ),
        want: {
          method: "GET",
          url: "https://youtube.googleapis.com/youtube/v3/channels?part=id",
          headers: { "x-goog-api-key": API_KEY_PLACEHOLDER },
          body: null,
        },
      },
    ],
    [
      "path params simple-encoded and not in the query",
      {
        got: buildHttpRequest(
          calendar,
          eventsGet,
          req({ params: { calendarId: "a/b@x.com", eventId: "e 1", maxAttendees: 3 }, auth: oauth }),
        ),
        want: {
          method: "GET",
          url: "https://www.googleapis.com/calendar/v3/calendars/a%2Fb%40x.com/events/e%201?maxAttendees=3",
          headers: BEARER,
          body: null,
        },
      },
    ],
    [
      "reserved expansion and x-goog-api-version",
      {
        got: buildHttpRequest(
          secretmanager,
          secretsAccess,
          req({ params: { name: "projects/p:1/secrets/a b/versions/latest" }, auth: oauth }),
        ),
        want: {
          method: "GET",
          url: "https://secretmanager.googleapis.com/v1/projects/p:1/secrets/a%20b/versions/latest:access",
          headers: { "x-goog-api-version": "v1_20260101", ...BEARER },
          body: null,
        },
      },
    ],
    [
      "missing path param keeps the token",
      {
        got: buildHttpRequest(drive, filesGet, req({ params: { acknowledgeAbuse: true } })),
        want: {
          method: "GET",
          url: "https://www.googleapis.com/drive/v3/files/{fileId}?acknowledgeAbuse=true",
          headers: {},
          body: null,
          missingPathParams: ["fileId"],
        },
      },
    ],
    [
      "missing reserved path param keeps {+parent}",
      {
        got: buildHttpRequest(secretmanager, secretsList, req({ params: { pageSize: 10 } })),
        want: {
          method: "GET",
          url: "https://secretmanager.googleapis.com/v1/{+parent}/secrets?pageSize=10",
          headers: {},
          body: null,
          missingPathParams: ["parent"],
        },
      },
    ],
    [
      "JSON body compact with content-type",
      {
        got: buildHttpRequest(
          drive,
          filesCreate,
          req({ params: { supportsAllDrives: true }, body: { name: 'a "b"', parents: ["x"] }, auth: oauth }),
        ),
        want: {
          method: "POST",
          url: "https://www.googleapis.com/drive/v3/files?supportsAllDrives=true",
          headers: { "content-type": "application/json", ...BEARER },
          body: '{"name":"a \\"b\\"","parents":["x"]}',
        },
      },
    ],
    [
      "body on a method without request schema is not sent",
      {
        got: buildHttpRequest(youtube, channelsList, req({ params: { part: "id" }, body: { a: 1 } })),
        want: {
          method: "GET",
          url: "https://youtube.googleapis.com/youtube/v3/channels?part=id",
          headers: {},
          body: null,
        },
      },
    ],
    [
      "multipart upload via simplePath",
      {
        got: buildHttpRequest(
          youtube,
          videosInsert,
          req({
            params: { part: ["snippet", "status"] },
            body: { snippet: { title: "T" } },
            media: { fileName: "video.mp4", mimeType: "video/mp4" },
            auth: oauth,
          }),
        ),
        want: {
          method: "POST",
          url: "https://youtube.googleapis.com/upload/youtube/v3/videos?part=snippet&part=status&uploadType=multipart",
          headers: { "content-type": `multipart/related; boundary=${MULTIPART_BOUNDARY}`, ...BEARER },
          body: [
            `--${MULTIPART_BOUNDARY}`,
            "content-type: application/json; charset=UTF-8",
            "",
            '{"snippet":{"title":"T"}}',
            `--${MULTIPART_BOUNDARY}`,
            "content-type: video/mp4",
            "",
            "<contents of video.mp4>",
            `--${MULTIPART_BOUNDARY}--`,
          ].join("\r\n"),
        },
      },
    ],
    [
      "media upload without body; user uploadType replaced",
      {
        got: buildHttpRequest(
          drive,
          filesCreate,
          req({ params: { uploadType: "resumable", fields: "id" }, media: { fileName: "a.bin" } }),
        ),
        want: {
          method: "POST",
          url: "https://www.googleapis.com/upload/drive/v3/files?fields=id&uploadType=media",
          headers: { "content-type": "application/octet-stream" },
          body: "<contents of a.bin>",
        },
      },
    ],
    [
      "forced media protocol drops the body",
      {
        got: buildHttpRequest(
          drive,
          filesCreate,
          req({ body: { name: "n" }, media: { fileName: "a.txt", mimeType: "text/plain" } }),
          { uploadProtocol: "media" },
        ),
        want: {
          method: "POST",
          url: "https://www.googleapis.com/upload/drive/v3/files?uploadType=media",
          headers: { "content-type": "text/plain" },
          body: "<contents of a.txt>",
        },
      },
    ],
    [
      "upload without simplePath: rootUrl + upload/ + servicePath + path",
      {
        got: buildHttpRequest(
          drive,
          filesUpdate,
          req({ params: { fileId: "F1" }, body: {}, media: { fileName: "a.txt", mimeType: "text/plain" } }),
          { uploadProtocol: "multipart" },
        ),
        want: {
          method: "PATCH",
          url: "https://www.googleapis.com/upload/drive/v3/files/F1?uploadType=multipart",
          headers: { "content-type": `multipart/related; boundary=${MULTIPART_BOUNDARY}` },
          body: `--${MULTIPART_BOUNDARY}\r\ncontent-type: application/json; charset=UTF-8\r\n\r\n{}\r\n--${MULTIPART_BOUNDARY}\r\ncontent-type: text/plain\r\n\r\n<contents of a.txt>\r\n--${MULTIPART_BOUNDARY}--`,
        },
      },
    ],
    [
      "media on a method without upload support is ignored",
      {
        got: buildHttpRequest(
          youtube,
          channelsList,
          req({ params: { part: "id" }, media: { fileName: "x" } }),
        ),
        want: {
          method: "GET",
          url: "https://youtube.googleapis.com/youtube/v3/channels?part=id",
          headers: {},
          body: null,
        },
      },
    ],
  ];
  it.each(cases)("%s", (_, { got, want }) => expect(got).toStrictEqual(want));

  it("numbers print as JSON numbers; unicode query", () => {
    const m = method("zoo.q.get", { path: "q", parameters: [param("n", { type: "number" }), param("s")] });
    const spec = buildHttpRequest(api("zoo", "v1"), m, req({ params: { n: 1e21, s: "é😀\uD800" } }));
    expect(spec.url).toBe("https://zoo.googleapis.com/zoo/v1/q?n=1e%2B21&s=%C3%A9%F0%9F%98%80%EF%BF%BD");
  });

  it("a method that declares access_token itself sends it (oauth2 tokeninfo)", () => {
    const m = method("oauth2.tokeninfo", {
      httpMethod: "POST",
      path: "oauth2/v2/tokeninfo",
      parameters: [param("access_token"), param("id_token")],
    });
    expect(
      buildHttpRequest(
        api("oauth2", "v2", {
          rootUrl: "https://www.googleapis.com/",
          servicePath: "",
          baseUrl: "https://www.googleapis.com/",
        }),
        m,
        req({ params: { access_token: "t", id_token: "j" } }),
      ).url,
    ).toBe("https://www.googleapis.com/oauth2/v2/tokeninfo?access_token=t&id_token=j");
  });

  it("header order is stable", () => {
    const spec = buildHttpRequest(
      secretmanager,
      method("secretmanager.x.create", {
        httpMethod: "POST",
        path: "v1/x",
        requestSchema: "X",
        apiVersion: "v1_1",
      }),
      req({ body: {}, auth: { type: "apiKey" } }),
    );
    expect(Object.keys(spec.headers)).toEqual(["content-type", "x-goog-api-version", "x-goog-api-key"]);
  });
});

describe("buildQueryPairs / encodeQuery", () => {
  it("ordered pairs", () => {
    const pairs = buildQueryPairs(
      youtube,
      videosInsert,
      req({
        params: { notifySubscribers: false, part: ["snippet", "status"], quotaUser: "u" },
        body: {},
        media: { fileName: "v.mp4" },
      }),
    );
    expect(pairs).toEqual([
      ["part", "snippet"],
      ["part", "status"],
      ["notifySubscribers", "false"],
      ["quotaUser", "u"],
      ["uploadType", "multipart"],
    ]);
  });
  it("encodes with encodeURIComponent semantics", () => {
    expect(encodeQuery([["a b", "x y+z&=/?'()*!~"]])).toBe("a%20b=x%20y%2Bz%26%3D%2F%3F'()*!~");
  });
});

describe("withCredentials", () => {
  const spec = buildHttpRequest(youtube, channelsList, req({ params: { part: "id" }, auth: oauth }));
  it("swaps the placeholder in the header only", () => {
    const out = withCredentials(spec, { accessToken: "ya29.a0$&b" });
    expect(out.headers).toEqual({ authorization: "Bearer ya29.a0$&b" });
    expect(out.url).toBe(spec.url);
    expect(spec.headers.authorization).toBe(`Bearer ${ACCESS_TOKEN_PLACEHOLDER}`);
  });
  it("api key", () => {
    const k = buildHttpRequest(
      youtube,
      channelsList,
      req({ params: { part: "id" }, auth: { type: "apiKey" } }),
    );
    expect(withCredentials(k, { apiKey: "AIzaX" }).headers).toEqual({ "x-goog-api-key": "AIzaX" });
    expect(withCredentials(k, {}).headers).toEqual({ "x-goog-api-key": API_KEY_PLACEHOLDER });
  });
  it("leaves the body alone even if it contains the placeholder text", () => {
    const s = buildHttpRequest(
      drive,
      filesCreate,
      req({ body: { name: ACCESS_TOKEN_PLACEHOLDER }, auth: oauth }),
    );
    expect(withCredentials(s, { accessToken: "T" }).body).toBe(`{"name":"${ACCESS_TOKEN_PLACEHOLDER}"}`);
  });
  it.each([["a\r\nx-evil: 1"], ["a b"], [""]])("rejects header-unsafe credential %j", (bad) => {
    expect(() => withCredentials(spec, { accessToken: bad })).toThrow("not allowed in an HTTP header");
  });
});

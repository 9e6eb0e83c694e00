import { describe, expect, it } from "vitest";

import { channelsList, snippetInput, videosInsert } from "../curl/testing";
import { UnsafeHeaderField } from "@/lib/request/header-field";

import { generateHttp, httpTarget, UnrepresentableInHttp, utf8ByteLength } from "./http";

describe("httpTarget.generate", () => {
  it("GET: request line with path and query as sent, Host, headers verbatim, blank line", () => {
    const input = snippetInput(
      {
        method: "GET",
        url: "https://youtube.googleapis.com/youtube/v3/channels?part=snippet%2CcontentDetails&mine=true",
        headers: { authorization: "Bearer {ACCESS_TOKEN}", "x-goog-api-version": "2024-01-01" },
        body: null,
      },
      { method: channelsList },
    );
    expect(httpTarget.generate(input)).toBe(
      [
        "GET /youtube/v3/channels?part=snippet%2CcontentDetails&mine=true HTTP/1.1",
        "Host: youtube.googleapis.com",
        "authorization: Bearer {ACCESS_TOKEN}",
        "x-goog-api-version: 2024-01-01",
        "",
        "",
      ].join("\n"),
    );
  });

  it("POST: the body verbatim (not re-formatted), Content-Length in UTF-8 bytes", () => {
    const body = '{"snippet":{"title":"日本 😀 \\"q\\""}}';
    const out = httpTarget.generate(
      snippetInput({
        method: "POST",
        url: "https://x.googleapis.com:8443/v1/things",
        headers: { "content-type": "application/json" },
        body,
      }),
    );
    expect(out).toBe(
      [
        "POST /v1/things HTTP/1.1",
        "Host: x.googleapis.com:8443",
        "content-type: application/json",
        `Content-Length: ${Buffer.byteLength(body, "utf8")}`,
        "",
        body,
      ].join("\n"),
    );
    expect(out.endsWith(body)).toBe(true);
  });

  it("keeps an explicit content-length; an empty body has length 0", () => {
    const out = generateHttp(
      snippetInput({
        method: "POST",
        url: "https://x.googleapis.com/v1",
        headers: { "content-length": "0" },
        body: "",
      }),
    );
    expect(out).toBe("POST /v1 HTTP/1.1\nHost: x.googleapis.com\ncontent-length: 0\n\n");
    expect(
      generateHttp(
        snippetInput({ method: "POST", url: "https://x.googleapis.com/v1", headers: {}, body: "" }),
      ),
    ).toContain("Content-Length: 0\n");
  });

  it("media upload: prints the body description and no Content-Length", () => {
    const out = generateHttp(
      snippetInput(
        {
          method: "POST",
          url: "https://youtube.googleapis.com/upload/youtube/v3/videos?uploadType=multipart",
          headers: {},
          body: "--b\n(file)\n--b--",
        },
        { method: videosInsert, body: {}, media: { fileName: "v.mp4" } },
      ),
    );
    expect(out).not.toContain("Content-Length");
    expect(out.endsWith("\n\n--b\n(file)\n--b--")).toBe(true);
  });

  it("refuses header values and targets an HTTP/1.1 message cannot carry", () => {
    expect(() =>
      generateHttp(
        snippetInput({
          method: "GET",
          url: "https://x.googleapis.com/",
          headers: { a: "x\r\nInjected: 1" },
          body: null,
        }),
      ),
    ).toThrow(UnsafeHeaderField);
    expect(() =>
      generateHttp(
        snippetInput({
          method: "GET / HTTP/1.1\r\nX:",
          url: "https://x.googleapis.com/",
          headers: {},
          body: null,
        }),
      ),
    ).toThrow(UnrepresentableInHttp);
  });

  it("utf8ByteLength counts bytes, not UTF-16 units", () => {
    expect([
      utf8ByteLength(""),
      utf8ByteLength("a"),
      utf8ByteLength("é"),
      utf8ByteLength("日"),
      utf8ByteLength("😀"),
    ]).toEqual([0, 1, 2, 3, 4]);
  });
});

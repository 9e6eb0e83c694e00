/**
 * Every target refuses a header name or value with CR, LF or NUL through the one check in
 * lib/request/header-field.ts, even when handed a SnippetInput that did not come from buildHttpRequest.
 */
import { describe, expect, it } from "vitest";

import { UnsafeHeaderField } from "@/lib/request/header-field";
import type { HttpRequestSpec } from "@/lib/request/types";

import { generateSnippet } from "./registry";
import { channelsList, snippetInput, videosInsert } from "./targets/curl/testing";
import { TARGET_IDS } from "./types";

const INJECTED = "v1\r\nx-injected: yes\r\n\r\nGET /admin HTTP/1.1";

const GET: HttpRequestSpec = {
  method: "GET",
  url: "https://youtube.googleapis.com/youtube/v3/channels?part=snippet",
  headers: { "x-goog-api-version": INJECTED },
  body: null,
};

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe("header values in every target", () => {
  it.each(["curl", "http"] as const)("%s refuses a header value with CR LF, naming the header", (target) => {
    const e = thrown(() => generateSnippet(target, snippetInput(GET, { method: channelsList })));
    expect(e).toBeInstanceOf(UnsafeHeaderField);
    expect((e as UnsafeHeaderField).header).toBe("x-goog-api-version");
  });

  it.each(["curl", "http"] as const)("%s refuses a header name that is not a token", (target) => {
    const input = snippetInput({ ...GET, headers: { "x-a\r\nx-injected": "1" } }, { method: channelsList });
    expect(() => generateSnippet(target, input)).toThrow(UnsafeHeaderField);
  });

  // curl and http print input.http (checked above); the library targets also write the media's own MIME type.
  it.each(["python", "typescript"] as const)(
    "%s refuses a media mimeType with CR LF, naming content-type",
    (target) => {
      const upload: HttpRequestSpec = {
        method: "POST",
        url: "https://youtube.googleapis.com/upload/youtube/v3/videos?part=snippet&uploadType=media",
        headers: { "content-type": "video/mp4" },
        body: "<contents of v.mp4>",
      };
      const input = snippetInput(upload, {
        method: videosInsert,
        media: { fileName: "v.mp4", mimeType: "video/mp4\r\nx-injected: yes" },
      });
      const e = thrown(() => generateSnippet(target, input));
      expect(e).toBeInstanceOf(UnsafeHeaderField);
      expect((e as UnsafeHeaderField).header).toBe("content-type");
    },
  );

  it.each(TARGET_IDS)("%s still writes an ordinary upload with its MIME type", (target) => {
    const upload: HttpRequestSpec = {
      method: "POST",
      url: "https://youtube.googleapis.com/upload/youtube/v3/videos?part=snippet&uploadType=media",
      headers: { "content-type": "video/mp4" },
      body: "<contents of v.mp4>",
    };
    const input = snippetInput(upload, {
      method: videosInsert,
      media: { fileName: "v.mp4", mimeType: "video/mp4" },
    });
    expect(generateSnippet(target, input)).toContain("video/mp4");
  });
});

import { describe, expect, it } from "vitest";
import { buildMediaUpload, parseMaxSize } from "./media";

describe("parseMaxSize", () => {
  it.each([
    [undefined, null],
    ["", null],
    ["0", null],
    ["5", 5],
    ["1048576", 1048576],
    ["1KB", 1024],
    ["1kb", 1024],
    ["10MB", 10 * 1024 ** 2],
    ["5GB", 5 * 1024 ** 3],
    ["5TB", 5 * 1024 ** 4],
    ["256GB", 256 * 1024 ** 3],
    ["1.5MB", null],
    ["lots", null],
  ] as const)("%j → %j", (given, want) => expect(parseMaxSize(given)).toBe(want));
});

describe("buildMediaUpload", () => {
  it("maps protocols and defaults", () => {
    expect(buildMediaUpload(undefined)).toBeNull();
    expect(buildMediaUpload({})).toEqual({
      accept: [],
      maxSizeBytes: null,
      simplePath: null,
      resumablePath: null,
      multipart: false,
    });
    expect(
      buildMediaUpload({
        accept: ["video/*"],
        maxSize: "256GB",
        protocols: {
          simple: { multipart: true, path: "/upload/youtube/v3/videos" },
          resumable: { multipart: true, path: "/resumable/upload/youtube/v3/videos" },
        },
      }),
    ).toEqual({
      accept: ["video/*"],
      maxSizeBytes: 256 * 1024 ** 3,
      simplePath: "/upload/youtube/v3/videos",
      resumablePath: "/resumable/upload/youtube/v3/videos",
      multipart: true,
    });
  });
});

import { describe, expect, it } from "vitest";
import { editDistance, nearestIds } from "./did-you-mean";

const YOUTUBE = [
  "youtube.channels.list",
  "youtube.channels.update",
  "youtube.playlists.list",
  "youtube.videos.list",
  "youtube.videos.insert",
  "youtube.search.list",
];

describe("editDistance", () => {
  it.each([
    ["", "", 0],
    ["abc", "", 3],
    ["kitten", "sitting", 3],
    ["channels.list", "channels.lsit", 2],
    ["flaw", "lawn", 2],
  ] as const)("%s ↔ %s = %i", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe("nearestIds", () => {
  it("a typo in a method id suggests the method", () => {
    expect(nearestIds(YOUTUBE, "youtube.chanels.list")[0]).toBe("youtube.channels.list");
    expect(nearestIds(YOUTUBE, "youtube.videos.lst")[0]).toBe("youtube.videos.list");
  });

  it("ignores case and a missing API prefix", () => {
    expect(nearestIds(YOUTUBE, "youtube.Channels.List")[0]).toBe("youtube.channels.list");
    expect(nearestIds(YOUTUBE, "videos.insrt")[0]).toBe("youtube.videos.insert");
  });

  it("nearest first, at most `limit`", () => {
    expect(nearestIds(YOUTUBE, "youtube.channels.lis", 2)).toEqual([
      "youtube.channels.list",
      "youtube.channels.update",
    ]);
    expect(nearestIds(YOUTUBE, "youtube.channels.lis", 1)).toEqual(["youtube.channels.list"]);
  });

  it("a wild guess gets no suggestions", () => {
    expect(nearestIds(YOUTUBE, "compute.instances.aggregatedList")).toEqual([]);
    expect(nearestIds([], "x")).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { buildDirectory, compareVersions, filterDirectory, findEntry } from "./directory";
import { isDeepFrozen } from "./freeze";
import type { RawDirectoryList } from "./types";

const raw: RawDirectoryList = {
  kind: "discovery#directoryList",
  items: [
    {
      id: "youtube:v3",
      name: "youtube",
      version: "v3",
      title: "YouTube Data API v3",
      description: "The YouTube Data API v3 is an API that provides access to YouTube data.",
      preferred: true,
      icons: { x16: "https://x/16.png" },
      documentationLink: "https://developers.google.com/youtube/",
      discoveryRestUrl: "https://youtube.googleapis.com/$discovery/rest?version=v3",
    },
    {
      name: "drive",
      version: "v2",
      title: "Google Drive API",
      description: "Manages files in Drive.",
      preferred: false,
    },
    {
      name: "drive",
      version: "v3",
      title: "Google Drive API",
      description: "Manages files in Drive.",
      preferred: true,
      labels: ["labs"],
    },
    { name: "compute", version: "v1", preferred: true },
    { name: "compute", version: "alpha" },
    { name: "compute", version: "beta" },
    {
      name: "youtubeAnalytics",
      version: "v2",
      title: "YouTube Analytics API",
      description: "Retrieves your YouTube Analytics data.",
      preferred: true,
    },
    { name: "drive", version: "v3", title: "duplicate is dropped" },
  ],
};

describe("buildDirectory", () => {
  const entries = buildDirectory(raw);
  it("sorts by name, preferred first, then version; drops duplicates", () => {
    expect(entries.map((e) => e.id)).toEqual([
      "compute:v1",
      "compute:alpha",
      "compute:beta",
      "drive:v3",
      "drive:v2",
      "youtube:v3",
      "youtubeAnalytics:v2",
    ]);
    expect(isDeepFrozen(entries)).toBe(true);
  });
  it("maps fields with defaults", () => {
    expect(findEntry(entries, "youtube", "v3")).toEqual({
      id: "youtube:v3",
      name: "youtube",
      version: "v3",
      title: "YouTube Data API v3",
      description: "The YouTube Data API v3 is an API that provides access to YouTube data.",
      preferred: true,
      documentationLink: "https://developers.google.com/youtube/",
      icon16: "https://x/16.png",
      labels: [],
      discoveryRestUrl: "https://youtube.googleapis.com/$discovery/rest?version=v3",
    });
    expect(findEntry(entries, "compute", "alpha")).toEqual({
      id: "compute:alpha",
      name: "compute",
      version: "alpha",
      title: "compute",
      description: "",
      preferred: false,
      documentationLink: null,
      labels: [],
    });
    expect(findEntry(entries, "drive", "v3")!.labels).toEqual(["labs"]);
    expect(findEntry(entries, "drive", "v9")).toBeUndefined();
  });
  it("accepts an empty list", () => expect(buildDirectory({})).toEqual([]));
});

describe("filterDirectory", () => {
  const entries = buildDirectory(raw);
  it.each([
    ["", 7],
    ["   ", 7],
    ["YOUTUBE", 2],
    ["youtube analytics", 1],
    ["drive:v2", 1],
    ["manages files", 2],
    ["nothing-like-this", 0],
  ] as const)("%j → %i entries", (q, n) => expect(filterDirectory(entries, q)).toHaveLength(n));
});

describe("compareVersions", () => {
  it("orders naturally", () => {
    const versions = ["v10", "v2", "v1beta1", "v1", "v1.4", "directory_v1", "v1alpha", "v1beta2", "alpha"];
    expect([...versions].sort(compareVersions)).toEqual([
      "alpha",
      "directory_v1",
      "v1",
      "v1.4",
      "v1alpha",
      "v1beta1",
      "v1beta2",
      "v2",
      "v10",
    ]);
  });
});

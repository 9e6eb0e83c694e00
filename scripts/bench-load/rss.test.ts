import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { parseProcessGroup, parseVmRssMb, serverRssMb } from "./rss";

describe("rss", () => {
  it("reads VmRSS in MB from /proc/<pid>/status", () => {
    expect(parseVmRssMb("Name:\tnode\nVmPeak:\t 999 kB\nVmRSS:\t  204800 kB\nThreads: 11\n")).toBe(200);
    expect(parseVmRssMb("Name:\tzombie\nState:\tZ\n")).toBeNull();
  });

  it("reads the process group even when the command name holds spaces and parentheses", () => {
    expect(parseProcessGroup("4242 (next-server (v16)) S 4240 4100 4100 0 -1")).toBe(4100);
  });

  it("measures this very process on Linux", () => {
    const group = parseProcessGroup(readFileSync("/proc/self/stat", "utf8"));
    expect(group).not.toBeNull();
    const rss = serverRssMb(group!);
    expect(rss).toBeGreaterThan(10);
  });
});

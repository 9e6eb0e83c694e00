/** Resident memory of the server under test, from /proc (Linux). */
import { readdirSync, readFileSync } from "node:fs";

/** VmRSS of a /proc/<pid>/status text, in MB; null when absent (a zombie has none). */
export function parseVmRssMb(status: string): number | null {
  const m = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  return m ? Number(m[1]) / 1024 : null;
}

/** The process-group id of a /proc/<pid>/stat text (field 5; the name in field 2 may hold spaces and parens). */
export function parseProcessGroup(stat: string): number | null {
  const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const pgrp = Number(rest[2]);
  return Number.isInteger(pgrp) ? pgrp : null;
}

const read = (path: string): string | null => {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
};

/**
 * RSS of the largest process in a process group: `npx next start` runs the server in a child of npx, and npx's
 * own memory is not the server's. null when the group is gone or /proc is unavailable.
 */
export function serverRssMb(group: number): number | null {
  let best: number | null = null;
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  } catch {
    return null;
  }
  for (const pid of entries) {
    const stat = read(`/proc/${pid}/stat`);
    if (stat === null || parseProcessGroup(stat) !== group) continue;
    const rss = parseVmRssMb(read(`/proc/${pid}/status`) ?? "");
    if (rss !== null && (best === null || rss > best)) best = rss;
  }
  return best;
}

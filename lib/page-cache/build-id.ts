/**
 * The build a cached page belongs to (part of its ETag): Next's BUILD_ID from the dist folder, read once. A new
 * build must not answer 304 to a page of the old one, whose chunk URLs no longer exist.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

let cached: string | undefined;

/** The dist folder: server.js (standalone) records the build's config; `next start` reads NEXT_DIST_DIR. */
function distDir(env: NodeJS.ProcessEnv): string {
  try {
    const config = JSON.parse(env.__NEXT_PRIVATE_STANDALONE_CONFIG ?? "null") as { distDir?: string } | null;
    if (typeof config?.distDir === "string") return config.distDir;
  } catch {
    // not the standalone server
  }
  return env.NEXT_DIST_DIR || ".next";
}

export function buildId(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  if (cached !== undefined) return cached;
  let id = env.EXPLORER_BUILD_REVISION ?? "";
  try {
    id = `${readFileSync(join(cwd, distDir(env), "BUILD_ID"), "utf8").trim()}.${id}`;
  } catch {
    // no BUILD_ID (tests): the commit alone
  }
  cached = id;
  return id;
}

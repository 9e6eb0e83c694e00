/**
 * The framework floor: the smallest page the chosen stack can serve that passes the same load probe as our method
 * page. A Next.js App Router app (the app's own next / react / react-dom versions) whose one page has one client
 * component: a labelled input whose value React controls, inside `.workbench[data-hydrated]` (set once hydrated)
 * and `.request-form`. Nothing else: no CSS, no header, no data. Whatever it takes to become interactive, any
 * page built on this stack takes at least as long on this machine.
 *
 * It lives in .cache/bench-ui/next-floor: installed from the npm registry the first time (or when the app's
 * versions change), built when its files change, then served with `next start`.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { spawnGroup, stopGroup, waitExit, waitForUrl, type NextServer } from "./processes";

const FILES: Record<string, string> = {
  "next.config.js": "module.exports = { reactStrictMode: true };\n",
  "app/layout.jsx": `export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`,
  "app/page.jsx": `import { Field } from "./field";

export const dynamic = "force-dynamic";

export default function Page() {
  return (
    <main>
      <h1>Framework floor</h1>
      <Field />
    </main>
  );
}
`,
  "app/field.jsx": `"use client";
import { useState, useSyncExternalStore } from "react";

const noSubscription = () => () => {};

export function Field() {
  const [value, setValue] = useState("");
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  return (
    <div className="workbench" data-hydrated={hydrated || undefined}>
      <form className="request-form">
        <label htmlFor="rf-project">project</label>
        <input id="rf-project" value={value} onChange={(e) => setValue(e.target.value)} />
      </form>
      <pre>{"project: " + value}</pre>
    </div>
  );
}
`,
};

function installedVersion(pkg: string, root = "."): string {
  return (
    JSON.parse(readFileSync(join(root, "node_modules", pkg, "package.json"), "utf8")) as { version: string }
  ).version;
}

async function run(command: string, args: string[], cwd: string, what: string): Promise<void> {
  const child = spawnGroup(command, args, { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, "inherit", cwd);
  const code = await waitExit(child);
  await stopGroup(child);
  if (code !== 0) throw new Error(`framework floor: ${what} failed (exit ${code})`);
}

/** Installs (if needed), builds (if stale) and starts the framework floor app on 127.0.0.1:`port`. */
export async function startNextFloor(cacheDir: string, port: number, logFile: string): Promise<NextServer> {
  const dir = join(cacheDir, "next-floor");
  const versions = Object.fromEntries(["next", "react", "react-dom"].map((p) => [p, installedVersion(p)]));
  const packageJson = `${JSON.stringify({ name: "next-floor", private: true, dependencies: versions }, null, 2)}\n`;
  for (const [path, text] of Object.entries({ ...FILES, "package.json": packageJson })) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    if (!existsSync(join(dir, path)) || readFileSync(join(dir, path), "utf8") !== text)
      writeFileSync(join(dir, path), text);
  }
  const installed = Object.entries(versions).every(
    ([p, v]) => existsSync(join(dir, "node_modules", p)) && installedVersion(p, dir) === v,
  );
  if (!installed) {
    console.log(`[bench] framework floor: npm install next@${versions.next} react@${versions.react}`);
    await run("npm", ["install", "--no-audit", "--no-fund", "--no-package-lock"], dir, "npm install");
  }
  const stamp = createHash("sha256").update(JSON.stringify({ FILES, versions })).digest("hex");
  const stampFile = join(dir, ".next", "bench-stamp");
  if (!existsSync(stampFile) || readFileSync(stampFile, "utf8") !== stamp) {
    console.log("[bench] framework floor: next build");
    await run("npx", ["next", "build"], dir, "next build");
    writeFileSync(stampFile, stamp);
  }
  const child = spawnGroup(
    "npx",
    ["next", "start", "-p", String(port), "-H", "127.0.0.1"],
    { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    logFile,
    dir,
  );
  const origin = `http://127.0.0.1:${port}`;
  await waitForUrl(`${origin}/`, child, 60_000);
  return { origin, stop: () => stopGroup(child) };
}

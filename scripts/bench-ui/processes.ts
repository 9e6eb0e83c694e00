/**
 * Child processes of the benchmark: the production build (into .next-bench, never .next) and `next start`.
 * Everything started here is registered for cleanup, which runs on normal exit, on error and on SIGINT/SIGTERM/
 * SIGHUP; each child runs in its own process group so `npx` and the `next` process under it stop together. A tiny
 * watchdog process per group stops it if this process dies without cleaning up (SIGKILL: tsx's launcher kills
 * its child that way when the child is too busy to acknowledge a relayed Ctrl+C within ~60 ms).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, readFileSync, writeFileSync } from "node:fs";
import { createConnection } from "node:net";
import { constants } from "node:os";

import { isOnlyNextIncludeRewrite } from "./tsconfig-guard";

type Task = () => void | Promise<void>;
const tasks: Task[] = [];
const groups = new Set<number>();
const watchdogs = new Map<number, ChildProcess>();

/** Polls its parent every second; once the parent is gone, stops the group (TERM, then KILL) and exits. */
const WATCHDOG = `const [parent, group] = process.argv.slice(1).map(Number);
const kill = (sig) => { try { process.kill(-group, sig); } catch {} };
const timer = setInterval(() => {
  try { process.kill(parent, 0); } catch {
    clearInterval(timer);
    kill("SIGTERM");
    setTimeout(() => { kill("SIGKILL"); process.exit(0); }, 3000);
  }
}, 1000);`;

function startWatchdog(group: number): void {
  const dog = spawn(process.execPath, ["-e", WATCHDOG, String(process.pid), String(group)], {
    detached: true,
    stdio: "ignore",
  });
  dog.unref();
  watchdogs.set(group, dog);
}

function stopWatchdog(group: number): void {
  watchdogs.get(group)?.kill();
  watchdogs.delete(group);
}

/** Registers an async cleanup step; steps run newest first (browser before servers). */
export function onCleanup(task: Task): void {
  tasks.push(task);
}

/** Runs the cleanup steps, newest first; a step that hangs is abandoned after 15 s (the exit hook still runs). */
export async function runCleanup(): Promise<void> {
  while (tasks.length > 0) {
    const task = tasks.pop()!;
    try {
      await Promise.race([
        Promise.resolve().then(task),
        new Promise((_, reject) => setTimeout(() => reject(new Error("timed out")), 15_000).unref()),
      ]);
    } catch (err) {
      console.error(`[bench] cleanup step failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

let handlersInstalled = false;
let stopping = false;

/** True once a signal has started the cleanup (errors from work it interrupts are expected then). */
export function isStopping(): boolean {
  return stopping;
}
/** SIGINT/SIGTERM run the cleanup and exit; a last synchronous `exit` hook kills any process group still alive. */
export function installSignalHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
    // `on`, not `once`: with no listener left, a second signal (tsx relays Ctrl+C to its child once more) would
    // end the process before the cleanup has stopped the servers.
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.error(`\n[bench] ${signal}: cleaning up`);
      void runCleanup().finally(() => process.exit(128 + constants.signals[signal]));
    });
  process.on("exit", () => {
    for (const pid of groups) killGroup(pid, "SIGKILL");
    for (const pid of [...watchdogs.keys()]) stopWatchdog(pid);
  });
}

export function waitExit(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
  });
}

/** Stops a process group started by `spawnGroup`: SIGTERM, then SIGKILL after a grace period. */
export async function stopGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined || !groups.has(pid)) return;
  killGroup(pid, "SIGTERM");
  const exited = await Promise.race([
    waitExit(child).then(() => true),
    new Promise<boolean>((r) => setTimeout(() => r(false), 5000)),
  ]);
  if (!exited) killGroup(pid, "SIGKILL");
  groups.delete(pid);
  stopWatchdog(pid);
}

export function spawnGroup(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  output: "inherit" | string,
  cwd?: string,
): ChildProcess {
  const child = spawn(command, args, {
    env,
    ...(cwd !== undefined ? { cwd } : {}),
    detached: true, // its own process group, so stopGroup reaches npx's children too
    stdio: output === "inherit" ? ["ignore", "inherit", "inherit"] : ["ignore", "pipe", "pipe"],
  });
  if (output !== "inherit") {
    const log = createWriteStream(output);
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
  }
  if (child.pid !== undefined) {
    groups.add(child.pid);
    startWatchdog(child.pid);
  }
  onCleanup(() => stopGroup(child));
  return child;
}

/**
 * `NEXT_DIST_DIR=<distDir> nice -n 10 bash scripts/build-if-stale.sh` (nice: the machine is shared). `next build`
 * may rewrite tsconfig.json (see tsconfig-guard.ts): its bytes from before the build are put back if the build
 * only added its type folders — also when the build is interrupted, and never after the build (a later edit of
 * tsconfig.json is someone else's).
 */
export async function buildApp(
  distDir: string,
): Promise<{ tsconfig: "unchanged" | "restored" | "changed by someone else" }> {
  const tsconfigPath = "tsconfig.json";
  const before = readFileSync(tsconfigPath, "utf8");
  let guarding = true;
  const restore = (): "unchanged" | "restored" | "changed by someone else" => {
    const now = readFileSync(tsconfigPath, "utf8");
    if (now === before) return "unchanged";
    if (!isOnlyNextIncludeRewrite(before, now)) return "changed by someone else";
    writeFileSync(tsconfigPath, before);
    return "restored";
  };
  onCleanup(() => {
    if (guarding) restore();
  });
  const child = spawnGroup(
    "nice",
    ["-n", "10", "bash", "scripts/build-if-stale.sh"],
    { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
    "inherit",
  );
  const code = await waitExit(child);
  if (child.pid !== undefined) {
    groups.delete(child.pid);
    stopWatchdog(child.pid);
  }
  const tsconfig = restore();
  guarding = false;
  if (code !== 0) throw new Error(`the production build failed (exit ${code})`);
  return { tsconfig };
}

/** True when something already listens on host:port (a leftover server would silently skew every figure). */
export function portInUse(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Polls `url` until it answers 200; fails early if the server process exits. */
export async function waitForUrl(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the server exited (code ${child.exitCode}) before answering`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export interface NextServer {
  readonly origin: string;
  stop(): Promise<void>;
}

/**
 * `NEXT_DIST_DIR=<distDir> next start` on loopback, offline snapshot source; its log goes to `logFile`. `cwd`: the
 * checkout whose build it serves (ab.ts serves a baseline checkout next to this one).
 */
export async function startNext(
  distDir: string,
  port: number,
  logFile: string,
  cwd?: string,
): Promise<NextServer> {
  if (await portInUse(port)) throw new Error(`port ${port} is already in use: stop that server first`);
  const child = spawnGroup(
    "npx",
    ["next", "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      ...process.env,
      NEXT_DIST_DIR: distDir,
      EXPLORER_DISCOVERY_SOURCE: "snapshot",
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
    },
    logFile,
    cwd,
  );
  const origin = `http://127.0.0.1:${port}`;
  // A static file: answering it proves the server is up without rendering (and warming) any page.
  await waitForUrl(`${origin}/icon.svg`, child, 60_000);
  return { origin, stop: () => stopGroup(child) };
}

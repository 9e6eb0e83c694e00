// Runs a snippet VERBATIM as a child process against the fake Google (server.ts) and type-checks TypeScript
// snippets with tsc --strict. The child's environment is built from scratch (see buildSnippetEnv).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  chmodSync,
  constants as fsConstants,
  accessSync,
  copyFileSync,
  mkdirSync,
  readdirSync,
} from "node:fs";
import { readFile, rm, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { PROJECT_ROOT } from "./ca";
import { FAKE_API_KEY, FAKE_CLIENT_ID, FAKE_CLIENT_SECRET } from "./server";

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const FAKE_BROWSER_SH = path.join(HERE, "fake-browser.sh");
export const SNIPPET_RUNS_DIR = path.join(PROJECT_ROOT, ".cache", "snippet-runs");
export const PYTHON = path.join(PROJECT_ROOT, ".venv", "bin", "python");
const requireFromProject = createRequire(path.join(PROJECT_ROOT, "package.json"));

/** The part of a started fake Google that a run needs. */
export interface FakeEndpoint {
  proxyUrl: string;
  caPath: string;
}

export interface RunSnippetOptions {
  language: "python" | "typescript";
  /** Written byte-for-byte to snippet.py / snippet.ts. */
  code: string;
  /** Extra files for the run dir, e.g. { "credentials.json": … }. Relative paths only. */
  files?: Record<string, string | Buffer>;
  /** Hard timeout; the whole process group is SIGKILLed. Default 30 s. */
  timeoutMs?: number;
  /** Added on top of the scratch-built env (wins over it). */
  env?: Record<string, string>;
  /** The fake Google to talk to. */
  fake: FakeEndpoint;
  /** Command-line arguments for the snippet. */
  args?: string[];
  /** Keep the run dir even when the run exits 0 (it is always kept otherwise). */
  keepRunDir?: boolean;
  /**
   * The headless flow: stdin is a pipe; the first consent URL the snippet prints goes to the fake browser in
   * handoff mode (it consents but does not call the loopback URL), and the final URL it hands back is written to
   * the snippet's stdin, as a user pasting it would. `tamper` may change that URL first (negative tests).
   */
  pasteFinalUrl?: { tamper?: (finalUrl: string) => string };
  /** File name instead of snippet.py / snippet.ts (e.g. quickstart.cjs for a CommonJS user file). */
  fileName?: string;
}

export interface BrowserLogEntry {
  t: number;
  pid: number;
  event: "start" | "check" | "consent" | "callback" | "error" | "exit" | string;
  [k: string]: unknown;
}

export interface RunSnippetResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  durationMs: number;
  /** The child's pid (also its process-group id; the group is SIGKILLed at the timeout). */
  pid: number | undefined;
  browserLog: BrowserLogEntry[];
  runDir: string;
}

/** Node's tsx ESM loader as a file URL (for `node --import`). */
export function tsxLoaderUrl(): string {
  return pathToFileURL(requireFromProject.resolve("tsx")).href;
}

/**
 * Makes sure the fake browser is runnable and returns a path usable as $BROWSER. Python's webbrowser and
 * xdg-open both split $BROWSER on ":" and xdg-open word-splits it, so a path with ":" or whitespace is copied
 * (with fake-browser.mjs) to a safe temp dir. The x bit is (re)set in case the checkout lost it.
 */
export function ensureFakeBrowser(): string {
  let sh = FAKE_BROWSER_SH;
  if (/[:\s%]/.test(sh)) {
    const dir = path.join(os.tmpdir(), "fake-google-browser");
    mkdirSync(dir, { recursive: true });
    copyFileSync(FAKE_BROWSER_SH, path.join(dir, "fake-browser.sh"));
    copyFileSync(path.join(HERE, "fake-browser.mjs"), path.join(dir, "fake-browser.mjs"));
    sh = path.join(dir, "fake-browser.sh");
  }
  try {
    accessSync(sh, fsConstants.X_OK);
  } catch {
    chmodSync(sh, 0o755);
  }
  return sh;
}

/** Next's types make NODE_ENV required in ProcessEnv; snippet envs are built from scratch without it. */
const asProcessEnv = (env: Record<string, string>) => env as NodeJS.ProcessEnv;

let venvHasSocks: boolean | undefined;
/**
 * httplib2 >= 0.31 honours HTTPS_PROXY only when PySocks is importable (it no longer vendors a socks module) and
 * otherwise silently goes direct — which here would mean the real, unreachable Google. python/requirements.txt
 * therefore installs PySocks into the venv; fail loudly if it is missing rather than let snippets bypass the fake.
 */
export function assertPythonProxySupport(): void {
  if (venvHasSocks === undefined) {
    const r = spawnSync(PYTHON, ["-c", "import socks"], {
      env: asProcessEnv({ PATH: process.env.PATH ?? "/usr/bin:/bin", LANG: "C.UTF-8" }),
      stdio: "ignore",
    });
    venvHasSocks = r.status === 0;
  }
  if (!venvHasSocks) {
    throw new Error(
      "PySocks is missing from .venv: run `bash scripts/setup.sh` (httplib2 needs it for HTTPS_PROXY)",
    );
  }
}

/** The snippet environment, built from scratch: nothing from the test process leaks in (no DISPLAY, no creds). */
export function buildSnippetEnv(
  fake: FakeEndpoint,
  runDir: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  assertPythonProxySupport();
  const pathVar = [path.dirname(process.execPath), process.env.PATH ?? "/usr/local/bin:/usr/bin:/bin"].join(
    path.delimiter,
  );
  return {
    PATH: pathVar,
    HOME: runDir,
    TMPDIR: os.tmpdir(),
    LANG: "C.UTF-8",
    LC_ALL: "C.UTF-8",
    // proxy: gaxios reads HTTPS_PROXY→https_proxy→HTTP_PROXY→http_proxy; httplib2 https_proxy→HTTPS_PROXY; requests both
    HTTPS_PROXY: fake.proxyUrl,
    https_proxy: fake.proxyUrl,
    HTTP_PROXY: fake.proxyUrl,
    http_proxy: fake.proxyUrl,
    NO_PROXY: "localhost,127.0.0.1,::1",
    no_proxy: "localhost,127.0.0.1,::1",
    // trust: node, httplib2 (read at import), requests
    NODE_EXTRA_CA_CERTS: fake.caPath,
    HTTPLIB2_CA_CERTS: fake.caPath,
    REQUESTS_CA_BUNDLE: fake.caPath,
    FAKE_GOOGLE_CA: fake.caPath,
    // the browser: Python webbrowser and xdg-open (no desktop detected → $BROWSER) both end up here
    BROWSER: ensureFakeBrowser(),
    FAKE_BROWSER_LOG: path.join(runDir, "browser.jsonl"),
    FAKE_BROWSER_NODE: process.execPath,
    XDG_CURRENT_DESKTOP: "X-Generic",
    // never let ADC probe a metadata server
    METADATA_SERVER_DETECTION: "none",
    NO_GCE_CHECK: "True",
    PYTHONUNBUFFERED: "1",
    PYTHONDONTWRITEBYTECODE: "1",
    NODE_NO_WARNINGS: "1",
    ...extra,
  };
}

function newRunDir(prefix: string): string {
  const id = `${new Date().toISOString().replace(/[:.]/g, "-")}-${prefix}-${randomBytes(4).toString("hex")}`;
  const dir = path.join(SNIPPET_RUNS_DIR, id);
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function writeFiles(dir: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    const target = path.resolve(dir, name);
    if (!target.startsWith(dir + path.sep)) throw new Error(`file name escapes the run dir: ${name}`);
    mkdirSync(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
}

async function readBrowserLog(file: string): Promise<BrowserLogEntry[]> {
  try {
    return (await readFile(file, "utf8"))
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => {
        try {
          return JSON.parse(l) as BrowserLogEntry;
        } catch {
          return { t: 0, pid: 0, event: "unparseable", line: l };
        }
      });
  } catch {
    return [];
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A whole consent URL (followed by whitespace, so a URL split across output chunks is not taken early). */
const CONSENT_URL = /https:\/\/accounts\.google\.com\/\S+(?=\s)/;

/** Runs fake-browser.mjs in handoff mode on `consentUrl`; resolves the final URL it prints ("" on failure). */
function handOffToFakeBrowser(consentUrl: string, env: Record<string, string>): Promise<string> {
  return new Promise((resolve) => {
    const browser = spawn(process.execPath, [path.join(HERE, "fake-browser.mjs"), consentUrl], {
      env: asProcessEnv({ ...env, FAKE_BROWSER_MODE: "handoff" }),
      stdio: ["ignore", "pipe", "ignore"],
    });
    let out = "";
    browser.stdout.on("data", (c: Buffer) => (out += c.toString("utf8")));
    browser.on("error", () => resolve(""));
    browser.on("close", () => resolve(out.trim()));
  });
}

/** Spawns `cmd` in its own process group with a hard timeout; collects output. */
function runProcess(
  cmd: string,
  args: string[],
  opts: {
    cwd: string;
    env: Record<string, string>;
    timeoutMs: number;
    pasteFinalUrl?: RunSnippetOptions["pasteFinalUrl"];
  },
): Promise<{
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  durationMs: number;
  pid: number | undefined;
}> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: asProcessEnv(opts.env),
      detached: true,
      stdio: ["pipe", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => out.push(c));
    const paste = opts.pasteFinalUrl;
    const stdin = child.stdin;
    stdin.on("error", () => {}); // the snippet may exit before reading
    // Nothing to type: end of input at once, like /dev/null.
    if (!paste) stdin.end();
    else {
      let handedOff = false;
      child.stdout.on("data", () => {
        const consent = handedOff ? null : CONSENT_URL.exec(Buffer.concat(out).toString("utf8"));
        if (!consent) return;
        handedOff = true;
        void handOffToFakeBrowser(consent[0], opts.env).then((finalUrl) => {
          stdin.end(`${paste.tamper ? paste.tamper(finalUrl) : finalUrl}\n`);
        });
      });
    }
    child.stderr.on("data", (c: Buffer) => err.push(c));
    let timedOut = false;
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        /* already gone */
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, opts.timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (exitCode, signal) => {
      clearTimeout(timer);
      killGroup(); // leftovers of the snippet's group (e.g. a stuck opener); the fake browser has its own session
      resolve({
        exitCode,
        signal,
        timedOut,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        durationMs: Math.round(performance.now() - started),
        pid: child.pid,
      });
    });
  });
}

/** Runs a snippet verbatim in a fresh dir inside the project (so node_modules resolves) against the fake. */
export async function runSnippet(opts: RunSnippetOptions): Promise<RunSnippetResult> {
  const runDir = newRunDir(opts.language === "python" ? "py" : "ts");
  const env = buildSnippetEnv(opts.fake, runDir, opts.env);
  await writeFiles(runDir, opts.files ?? {});
  let cmd: string;
  let args: string[];
  if (opts.language === "python") {
    const file = opts.fileName ?? "snippet.py";
    await writeFile(path.join(runDir, file), opts.code);
    cmd = PYTHON;
    args = [file, ...(opts.args ?? [])];
  } else {
    const file = opts.fileName ?? "snippet.ts";
    await writeFile(path.join(runDir, file), opts.code);
    await writeFile(
      path.join(runDir, "package.json"),
      JSON.stringify({ type: "module", private: true }) + "\n",
    );
    cmd = process.execPath;
    args = ["--import", tsxLoaderUrl(), file, ...(opts.args ?? [])];
  }
  const res = await runProcess(cmd, args, {
    cwd: runDir,
    env,
    timeoutMs: opts.timeoutMs ?? 30_000,
    pasteFinalUrl: opts.pasteFinalUrl,
  });

  // The fake browser runs detached; give it a moment to write its final line if it started.
  const logFile = env.FAKE_BROWSER_LOG ?? path.join(runDir, "browser.jsonl");
  let browserLog = await readBrowserLog(logFile);
  for (let i = 0; i < 20 && browserLog.length > 0 && !browserLog.some((e) => e.event === "exit"); i++) {
    await sleep(50);
    browserLog = await readBrowserLog(logFile);
  }
  const result: RunSnippetResult = { ...res, browserLog, runDir };
  await writeFile(path.join(runDir, "result.json"), JSON.stringify(result, null, 2));
  if (res.exitCode === 0 && !res.timedOut && !opts.keepRunDir)
    await rm(runDir, { recursive: true, force: true });
  return result;
}

// ---------------------------------------------------------------------------------------------------------------

export interface TypecheckResult {
  ok: boolean;
  exitCode: number | null;
  /** One entry per diagnostic line, e.g. "snippet.ts(12,5): error TS2769: No overload matches this call." */
  diagnostics: string[];
  output: string;
  durationMs: number;
}

export interface TypecheckManyResult extends TypecheckResult {
  /** Diagnostics per input file name (every input has an entry; [] = clean). */
  byFile: Record<string, string[]>;
}

/**
 * `tsc --noEmit --strict` over several snippets in ONE program. Parsing googleapis' 3.8M lines of .d.ts dominates
 * (≈15–35 s here), so checking N snippets together costs about the same as checking one.
 * Each snippet is a standalone ESM file: module/moduleResolution nodenext, target/lib es2022, @types/node,
 * googleapis from the project's node_modules, skipLibCheck.
 */
export async function typecheckTsMany(
  snippets: Record<string, string>,
  opts: { timeoutMs?: number; files?: Record<string, string> } = {},
): Promise<TypecheckManyResult> {
  const dir = newRunDir("tsc");
  const names = Object.keys(snippets);
  for (const n of names) {
    if (!/^[\w.-]+\.(ts|mts)$/.test(n)) throw new Error(`snippet file name must be a plain *.ts name: ${n}`);
  }
  await writeFiles(dir, { ...opts.files, ...snippets });
  await writeFile(path.join(dir, "package.json"), JSON.stringify({ type: "module", private: true }) + "\n");
  const compilerOptions = {
    strict: true,
    noEmit: true,
    target: "es2022",
    lib: ["es2022"],
    module: "nodenext",
    moduleResolution: "nodenext",
    types: ["node"],
    skipLibCheck: true,
    esModuleInterop: true,
    forceConsistentCasingInFileNames: true,
  };
  await writeFile(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({ compilerOptions, files: names }, null, 2),
  );
  const tsc = requireFromProject.resolve("typescript/bin/tsc");
  const res = await runProcess(process.execPath, [tsc, "-p", "tsconfig.json", "--pretty", "false"], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: dir, LANG: "C.UTF-8" },
    timeoutMs: opts.timeoutMs ?? 180_000,
  });
  const output = res.stdout + res.stderr;
  const diagnostics = output.split("\n").filter((l) => /error TS\d+/.test(l));
  const byFile: Record<string, string[]> = Object.fromEntries(names.map((n) => [n, [] as string[]]));
  for (const d of diagnostics) {
    const file = /^([^(]+)\(/.exec(d)?.[1];
    if (file && byFile[file]) byFile[file].push(d);
  }
  const ok = res.exitCode === 0 && !res.timedOut;
  if (ok) await rm(dir, { recursive: true, force: true });
  return {
    ok,
    exitCode: res.exitCode,
    diagnostics,
    output: res.timedOut ? output + "\n[timed out]" : output,
    durationMs: res.durationMs,
    byFile,
  };
}

/** `tsc --noEmit --strict` on one snippet (see typecheckTsMany). */
export async function typecheckTs(
  code: string,
  opts: { timeoutMs?: number; files?: Record<string, string> } = {},
): Promise<TypecheckResult> {
  const r = await typecheckTsMany({ "snippet.ts": code }, opts);
  return {
    ok: r.ok,
    exitCode: r.exitCode,
    diagnostics: r.diagnostics,
    output: r.output,
    durationMs: r.durationMs,
  };
}

// ---------------------------------------------------------------------------------------------------------------

export interface ClientSecretsOptions {
  clientId?: string;
  clientSecret?: string;
  /** Default "credentials.json". */
  fileName?: string;
  /** "installed" (Desktop app, default) or "web". */
  type?: "installed" | "web";
}

/** The client_secret JSON a Desktop-app OAuth client downloads from the Cloud console, with fake values. */
export function clientSecretsJson(opts: ClientSecretsOptions = {}): string {
  const body = {
    client_id: opts.clientId ?? FAKE_CLIENT_ID,
    project_id: "fake-project-123456",
    auth_uri: "https://accounts.google.com/o/oauth2/auth",
    token_uri: "https://oauth2.googleapis.com/token",
    auth_provider_x509_cert_url: "https://www.googleapis.com/oauth2/v1/certs",
    client_secret: opts.clientSecret ?? FAKE_CLIENT_SECRET,
    redirect_uris: ["http://localhost"],
  };
  return JSON.stringify({ [opts.type ?? "installed"]: body }, null, 2) + "\n";
}

/** Writes credentials.json (Desktop app, `installed`) into `dir`; returns its path. */
export async function writeClientSecrets(dir: string, opts: ClientSecretsOptions = {}): Promise<string> {
  const file = path.join(dir, opts.fileName ?? "credentials.json");
  await writeFile(file, clientSecretsJson(opts));
  return file;
}

export { FAKE_API_KEY, FAKE_CLIENT_ID, FAKE_CLIENT_SECRET };

/** Removes run dirs older than `maxAgeMs` (default 1 day) under .cache/snippet-runs. */
export async function pruneSnippetRuns(maxAgeMs = 24 * 3600_000): Promise<void> {
  let names: string[];
  try {
    names = readdirSync(SNIPPET_RUNS_DIR);
  } catch {
    return;
  }
  const now = Date.now();
  for (const n of names) {
    const p = path.join(SNIPPET_RUNS_DIR, n);
    try {
      if (now - (await stat(p)).mtimeMs > maxAgeMs) await rm(p, { recursive: true, force: true });
    } catch {
      /* raced */
    }
  }
}

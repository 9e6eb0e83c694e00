/**
 * The `explorer` CLI's commands, with every effect injected (CliIO) so they are unit-testable; lib/cli/main.ts
 * is the thin shell that supplies real files, stdin and the Discovery loader, and writes the result.
 * Never throws: every failure becomes one message on stderr and an exit status (1 input, 2 usage).
 */
import { generateSnippet } from "../codegen/registry";
import { prepareSnippetInput } from "../codegen/prepare";
import type { ApiModel, MethodModel } from "../discovery/model-types";
import { buildApiModel, findMethod } from "../discovery/model";
import { parseDiscoveryDocument } from "../discovery/validate";
import { buildHttpRequest } from "../request/build";
import { parseExplorerRequest } from "../request/canonical";
import type { ExplorerRequest, ValidationIssue } from "../request/types";
import { validateRequest } from "../request/validate";
import { COMMAND_USAGE, parseArgs, USAGE, type Command, type InputFiles } from "./args";
import { runMigrate } from "./migrate-command";

export interface CliIO {
  /** Reads a file as UTF-8 text; throws (with a readable message or a Node `code`) when it cannot. */
  readFile(path: string): Promise<string>;
  /** Reads all of stdin as UTF-8 text. */
  readStdin(): Promise<string>;
  /** The configured Discovery source (lib/discovery/load.ts `getApi`); throws DiscoveryLoadError. */
  loadApi(name: string, version: string): Promise<{ readonly api: ApiModel; readonly source?: unknown }>;
  /** The package version, for --version. */
  readonly version: string;
  /** Writes a file (UTF-8), for `migrate --write`; without it --write fails with a clear message. */
  writeFile?(path: string, text: string): Promise<void>;
}

export interface CliResult {
  readonly exitCode: 0 | 1 | 2;
  readonly stdout: string;
  readonly stderr: string;
}

/** A failure with the message the user sees and the exit status. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = "CliError";
  }
}

const PREFIX = "explorer: ";
const MAX_LISTED = 5;

function errorCode(e: unknown): string | undefined {
  return typeof e === "object" && e !== null && "code" in e && typeof e.code === "string"
    ? e.code
    : undefined;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function describeReadError(path: string, e: unknown): string {
  switch (errorCode(e)) {
    case "ENOENT":
      return `cannot read ${path}: no such file`;
    case "EACCES":
    case "EPERM":
      return `cannot read ${path}: permission denied`;
    case "EISDIR":
      return `cannot read ${path}: it is a directory`;
    default:
      return `cannot read ${path}: ${messageOf(e)}`;
  }
}

async function readInput(io: CliIO, path: string): Promise<string> {
  try {
    return path === "-" ? await io.readStdin() : await io.readFile(path);
  } catch (e) {
    throw new CliError(describeReadError(path === "-" ? "stdin" : path, e));
  }
}

function fileLabel(path: string): string {
  return path === "-" ? "stdin" : path;
}

function bullets(lines: readonly string[]): string {
  const shown = lines.slice(0, MAX_LISTED).map((l) => `\n  - ${l}`);
  const more = lines.length > MAX_LISTED ? `\n  … and ${lines.length - MAX_LISTED} more` : "";
  return shown.join("") + more;
}

async function loadRequest(io: CliIO, path: string): Promise<ExplorerRequest> {
  const text = await readInput(io, path);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new CliError(`${fileLabel(path)} is not valid JSON: ${messageOf(e)}`);
  }
  const parsed = parseExplorerRequest(json);
  if (!parsed.ok) throw new CliError(`${fileLabel(path)} is not a valid request:${bullets(parsed.errors)}`);
  return parsed.value;
}

/** Duck-typed DiscoveryLoadError (lib/discovery/sources/types.ts): `kind` is unreachable|not-found|malformed|timeout. */
function loadErrorKind(e: unknown): string | undefined {
  return typeof e === "object" && e !== null && "kind" in e && typeof e.kind === "string"
    ? e.kind
    : undefined;
}

async function loadModel(
  io: CliIO,
  request: ExplorerRequest,
  docPath: string | undefined,
): Promise<ApiModel> {
  if (docPath !== undefined) {
    const text = await readInput(io, docPath);
    const parsed = parseDiscoveryDocument(text, fileLabel(docPath));
    if (!parsed.ok) {
      const extra = parsed.error.problems.slice(1).map((p) => `${p.path}: ${p.message}`);
      throw new CliError(`${parsed.error.message}${bullets(extra)}`);
    }
    const { name, version } = parsed.doc;
    if (name !== request.api || version !== request.version) {
      throw new CliError(
        `${fileLabel(docPath)} describes ${name} ${version}, but the request is for ${request.api} ${request.version}`,
      );
    }
    return buildApiModel(parsed.doc);
  }
  try {
    return (await io.loadApi(request.api, request.version)).api;
  } catch (e) {
    const kind = loadErrorKind(e);
    const hint =
      kind === "unreachable" || kind === "timeout"
        ? " (offline? set EXPLORER_DISCOVERY_SOURCE=snapshot, or pass --doc FILE)"
        : kind === "not-found"
          ? " (check api and version in the request, or pass --doc FILE)"
          : "";
    throw new CliError(
      `cannot load the Discovery document for ${request.api} ${request.version}: ${messageOf(e)}${hint}`,
    );
  }
}

function similarMethods(api: ApiModel, id: string): string[] {
  const parent = (s: string): string => s.split(".").slice(0, -1).join(".");
  const siblings = api.methods.filter((m) => parent(m.id) === parent(id)).map((m) => m.id);
  return siblings.length > 0 ? siblings : api.methods.map((m) => m.id);
}

function resolveMethod(api: ApiModel, request: ExplorerRequest): MethodModel {
  const method = findMethod(api, request.method);
  if (method) return method;
  const candidates = similarMethods(api, request.method);
  const listed = candidates.slice(0, 8).join(", ") + (candidates.length > 8 ? ", …" : "");
  throw new CliError(
    `${api.name} ${api.version} has no method ${JSON.stringify(request.method)}${listed ? ` (methods: ${listed})` : ""}`,
  );
}

function issueLine(issue: ValidationIssue): string {
  return `${issue.param}: ${issue.message}`;
}

function warnings(issues: readonly ValidationIssue[]): string {
  return issues.map((i) => `${PREFIX}warning: ${issueLine(i)}\n`).join("");
}

interface Loaded {
  readonly api: ApiModel;
  readonly method: MethodModel;
  readonly request: ExplorerRequest;
  readonly issues: readonly ValidationIssue[];
}

async function load(io: CliIO, files: InputFiles): Promise<Loaded> {
  const request = await loadRequest(io, files.request);
  const api = await loadModel(io, request, files.doc);
  const method = resolveMethod(api, request);
  return { api, method, request, issues: validateRequest(api, method, request) };
}

/** Runs `fn`, turning the errors a generator may throw (an escaper refusing a value…) into CliErrors. */
function generating<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw new CliError(`cannot ${what}: ${messageOf(e)}`);
  }
}

async function execute(command: Command, io: CliIO): Promise<CliResult> {
  switch (command.kind) {
    case "help":
      return { exitCode: 0, stdout: command.topic ? COMMAND_USAGE[command.topic] : USAGE, stderr: "" };
    case "version":
      return { exitCode: 0, stdout: `${io.version}\n`, stderr: "" };
    case "request": {
      const { api, method, request, issues } = await load(io, command);
      const http = generating("build the request", () => buildHttpRequest(api, method, request));
      const out = { method: http.method, url: http.url, headers: http.headers, body: http.body };
      return { exitCode: 0, stdout: `${JSON.stringify(out, null, 2)}\n`, stderr: warnings(issues) };
    }
    case "snippet": {
      const { api, method, request, issues } = await load(io, command);
      const code = generating(`generate the ${command.lang} snippet`, () =>
        generateSnippet(command.lang, prepareSnippetInput({ api, method, request }), command.options),
      );
      return { exitCode: 0, stdout: code.endsWith("\n") ? code : `${code}\n`, stderr: warnings(issues) };
    }
    case "migrate":
      return runMigrate(command, io);
    case "validate": {
      const { issues } = await load(io, command);
      if (issues.length === 0) return { exitCode: 0, stdout: "", stderr: `${PREFIX}the request is valid\n` };
      const n = issues.length;
      return {
        exitCode: 1,
        stdout: issues.map((i) => `${issueLine(i)}\n`).join(""),
        stderr: `${PREFIX}${n} validation issue${n === 1 ? "" : "s"}\n`,
      };
    }
  }
}

/** The whole CLI: argv (without `node` and the script) → exit status, stdout and stderr. Never throws. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<CliResult> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    const usage = parsed.topic ? COMMAND_USAGE[parsed.topic] : USAGE;
    return { exitCode: 2, stdout: "", stderr: `${PREFIX}${parsed.error}\n\n${usage}` };
  }
  try {
    return await execute(parsed.command, io);
  } catch (e) {
    if (e instanceof CliError) return { exitCode: e.exitCode, stdout: "", stderr: `${PREFIX}${e.message}\n` };
    return { exitCode: 1, stdout: "", stderr: `${PREFIX}internal error: ${messageOf(e)}\n` };
  }
}

/**
 * Argument parsing for the `explorer` CLI. Pure: argv in, a Command or a usage error out.
 * Options take `--name VALUE` or `--name=VALUE`; `-` as a file means stdin. Documented in docs/cli.md.
 */
import { TARGET_IDS, type SnippetOptions, type TargetId } from "../codegen/types";
import type { MigrateLanguage } from "../migrate/types";

export interface InputFiles {
  /** Path of the canonical request JSON, or `-` for stdin. */
  readonly request: string;
  /** Path of a Discovery document to use instead of the configured source, or `-` for stdin. */
  readonly doc?: string;
}

export type Command =
  | { readonly kind: "help"; readonly topic?: CommandName }
  | { readonly kind: "version" }
  | ({ readonly kind: "snippet"; readonly lang: TargetId; readonly options: SnippetOptions } & InputFiles)
  | ({ readonly kind: "request" } & InputFiles)
  | ({ readonly kind: "validate" } & InputFiles)
  | MigrateCommand;

/** `explorer migrate FILE|-`: see lib/migrate. */
export interface MigrateCommand {
  readonly kind: "migrate";
  /** Path of the file, or `-` for stdin. */
  readonly file: string;
  /** From --lang, else from the file name (main decides; stdin needs --lang). */
  readonly lang?: MigrateLanguage;
  readonly mode: "print" | "check" | "write";
  readonly headless: boolean;
}

export type CommandName = "snippet" | "request" | "validate" | "migrate";
const COMMANDS: readonly CommandName[] = ["snippet", "request", "validate", "migrate"];
const MIGRATE_LANGS: readonly MigrateLanguage[] = ["python", "javascript", "typescript"];

export type ParsedArgs =
  | { readonly ok: true; readonly command: Command }
  | { readonly ok: false; readonly error: string; readonly topic?: CommandName };

interface OptionSpec {
  readonly takesValue: boolean;
  readonly commands: readonly CommandName[];
}

const OPTIONS: Readonly<Record<string, OptionSpec>> = {
  "--request": { takesValue: true, commands: COMMANDS },
  "--doc": { takesValue: true, commands: COMMANDS },
  "--lang": { takesValue: true, commands: ["snippet"] },
  "--all-pages": { takesValue: false, commands: ["snippet"] },
  "--token-cache": { takesValue: false, commands: ["snippet"] },
  "--download-to": { takesValue: true, commands: ["snippet"] },
};

export const USAGE = `Usage: explorer <command> [options]

Commands:
  snippet   Print a code snippet for a request
  request   Print the exact HTTP request (method, url, headers, body) as JSON
  validate  Check a request against its method; exit 1 when there are issues
  migrate   Fix old Google API code (run_console, OOB, oauth2client, local-auth…); exit 1 when it found something

Common options:
  --request FILE   The request (canonical JSON: api, version, method, params, body, auth); - for stdin
  --doc FILE       Use this Discovery document instead of the configured source (EXPLORER_DISCOVERY_SOURCE)
  -h, --help       Show help (explorer <command> --help for a command)
  -V, --version    Show the version

Exit status: 0 success, 1 bad input or validation issues, 2 usage error.
See docs/cli.md.
`;

export const COMMAND_USAGE: Readonly<Record<CommandName, string>> = {
  snippet: `Usage: explorer snippet --lang ${TARGET_IDS.join("|")} --request FILE|- [--doc FILE]
                        [--all-pages] [--token-cache] [--download-to FILE]

Prints the snippet on stdout. Validation issues are printed on stderr as warnings; the snippet is still printed.
  --lang LANG          ${TARGET_IDS.join(", ")}
  --all-pages          Loop over every page (pageable methods; typescript and python)
  --token-cache        Cache the OAuth token in token.json between runs (typescript and python)
  --download-to FILE   Save downloaded media to FILE (methods that support media download; typescript,
                       python and curl)
`,
  request: `Usage: explorer request --request FILE|- [--doc FILE]

Prints {"method","url","headers","body"}: the exact HTTP request the explorer sends, with the credential
placeholders "Bearer {ACCESS_TOKEN}" / "{API_KEY}" instead of secrets.
`,
  validate: `Usage: explorer validate --request FILE|- [--doc FILE]

Prints one line per validation issue ("param: message"); exit status 1 when there is any.
`,
  migrate: `Usage: explorer migrate FILE|- [--lang python|javascript|typescript] [--check | --write] [--headless]

Prints the migrated file on stdout and one line per finding on stderr (FILE:LINE:COL: rule-id: message).
Exit status: 0 nothing to change, 1 something found, 2 usage error (also: the file cannot be read).
  --lang LANG    The file's language (default: from its extension; required for stdin)
  --check        Print the findings only
  --write        Rewrite FILE in place (not with -)
  --headless     Use the sign-in for machines without a browser (paste the redirected address)
`,
};

function isCommand(s: string | undefined): s is CommandName {
  return s !== undefined && (COMMANDS as readonly string[]).includes(s);
}

function isTarget(s: string): s is TargetId {
  return (TARGET_IDS as readonly string[]).includes(s);
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.length === 0) return { ok: false, error: "no command given" };
  const [first, ...rest] = argv;
  if (first === "-h" || first === "--help" || first === "help") {
    const topic = rest[0];
    return { ok: true, command: isCommand(topic) ? { kind: "help", topic } : { kind: "help" } };
  }
  if (first === "-V" || first === "--version") return { ok: true, command: { kind: "version" } };
  if (!isCommand(first)) return { ok: false, error: `unknown command ${JSON.stringify(first)}` };
  const command = first;
  const fail = (error: string): ParsedArgs => ({ ok: false, error, topic: command });
  if (command === "migrate") return parseMigrateArgs(rest, fail);

  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? "";
    if (arg === "-h" || arg === "--help") return { ok: true, command: { kind: "help", topic: command } };
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const spec = OPTIONS[name];
    if (!spec)
      return fail(
        arg.startsWith("-") ? `unknown option ${name}` : `unexpected argument ${JSON.stringify(arg)}`,
      );
    if (!spec.commands.includes(command)) return fail(`${name} does not apply to \`explorer ${command}\``);
    if (values.has(name) || flags.has(name)) return fail(`${name} given twice`);
    if (!spec.takesValue) {
      if (eq !== -1) return fail(`${name} takes no value`);
      flags.add(name);
      continue;
    }
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      value = rest[i + 1];
      i += 1;
      if (value === undefined || (value.startsWith("--") && value.length > 2))
        return fail(`${name} needs a value`);
    }
    if (value === "") return fail(`${name} needs a non-empty value`);
    values.set(name, value);
  }

  const request = values.get("--request");
  if (request === undefined) return fail("--request FILE is required (use - to read stdin)");
  const doc = values.get("--doc");
  if (request === "-" && doc === "-") return fail("--request and --doc cannot both read stdin");
  const files: InputFiles = doc === undefined ? { request } : { request, doc };

  if (command === "snippet") {
    const lang = values.get("--lang");
    if (lang === undefined) return fail(`--lang is required (${TARGET_IDS.join(", ")})`);
    if (!isTarget(lang))
      return fail(`unknown --lang ${JSON.stringify(lang)} (expected one of ${TARGET_IDS.join(", ")})`);
    const downloadTo = values.get("--download-to");
    const options: SnippetOptions = {
      ...(flags.has("--all-pages") ? { allPages: true } : {}),
      ...(flags.has("--token-cache") ? { tokenCache: true } : {}),
      ...(downloadTo !== undefined ? { downloadTo } : {}),
    };
    return { ok: true, command: { kind: "snippet", lang, options, ...files } };
  }
  return { ok: true, command: { kind: command, ...files } };
}

function parseMigrateArgs(rest: readonly string[], fail: (error: string) => ParsedArgs): ParsedArgs {
  let file: string | undefined;
  let lang: MigrateLanguage | undefined;
  const flags = new Set<string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? "";
    if (arg === "-h" || arg === "--help") return { ok: true, command: { kind: "help", topic: "migrate" } };
    if (arg === "--lang" || arg.startsWith("--lang=")) {
      const value = arg === "--lang" ? rest[++i] : arg.slice("--lang=".length);
      if (lang !== undefined) return fail("--lang given twice");
      if (!value) return fail("--lang needs a value");
      if (!(MIGRATE_LANGS as readonly string[]).includes(value))
        return fail(`unknown --lang ${JSON.stringify(value)} (expected one of ${MIGRATE_LANGS.join(", ")})`);
      lang = value as MigrateLanguage;
    } else if (arg === "--check" || arg === "--write" || arg === "--headless") {
      if (flags.has(arg)) return fail(`${arg} given twice`);
      flags.add(arg);
    } else if (arg.startsWith("-") && arg !== "-") return fail(`unknown option ${arg.split("=")[0]}`);
    else if (file !== undefined) return fail(`unexpected argument ${JSON.stringify(arg)} (one FILE only)`);
    else file = arg;
  }
  if (file === undefined || file === "") return fail("FILE is required (use - to read stdin)");
  if (flags.has("--check") && flags.has("--write")) return fail("--check and --write cannot be combined");
  if (flags.has("--write") && file === "-") return fail("--write needs a FILE, not stdin");
  if (file === "-" && lang === undefined) return fail("--lang is required when reading stdin");
  const mode = flags.has("--check") ? "check" : flags.has("--write") ? "write" : "print";
  return {
    ok: true,
    command: { kind: "migrate", file, mode, headless: flags.has("--headless"), ...(lang ? { lang } : {}) },
  };
}

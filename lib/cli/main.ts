/**
 * The `explorer` CLI's thin shell (IO only): real files, stdin, the configured Discovery source
 * (lib/discovery/load.ts, env EXPLORER_DISCOVERY_SOURCE, the snapshot looked up from the project root whatever
 * the working directory), stdout/stderr and the exit status.
 * Started by bin/explorer.mjs; all logic is in ./commands.ts.
 */
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

import { createDiscoveryLoader, loaderOptionsFromEnv, type DiscoveryLoader } from "../discovery/load";
import { runCli, type CliIO } from "./commands";

/** The project root: the snapshot (the venv's google-api-python-client documents) is found from here, not cwd. */
const ROOT = fileURLToPath(new URL("../../", import.meta.url));

let loader: DiscoveryLoader | undefined;
/** Created on first use, inside the command, so a bad EXPLORER_DISCOVERY_SOURCE is reported like any input error. */
function discoveryLoader(): DiscoveryLoader {
  return (loader ??= createDiscoveryLoader(loaderOptionsFromEnv(process.env, ROOT)));
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin)
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

async function packageVersion(): Promise<string> {
  try {
    const pkg = JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8")) as {
      version?: unknown;
    };
    return typeof pkg.version === "string" ? pkg.version : "unknown";
  } catch {
    return "unknown";
  }
}

function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (text === "") resolve();
    else stream.write(text, () => resolve());
  });
}

/** Runs the CLI with `argv` (without node and the script) and sets process.exitCode. */
export async function main(argv: readonly string[]): Promise<void> {
  const io: CliIO = {
    readFile: (path) => readFile(path, "utf8"),
    readStdin,
    loadApi: async (name, version) => discoveryLoader().getApi(name, version),
    version: await packageVersion(),
    writeFile: (path, text) => writeFile(path, text, "utf8"),
  };
  const result = await runCli(argv, io);
  await write(process.stdout, result.stdout);
  await write(process.stderr, result.stderr);
  process.exitCode = result.exitCode;
}

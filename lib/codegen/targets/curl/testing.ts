/**
 * TEST-ONLY: SnippetInput fixtures for the curl/http targets, and a harness that runs generated curl commands
 * through a real shell with `curl` replaced by a function recording its argv (NUL-separated) and its stdin.
 * One shell process per batch of commands. Never imported by library code.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import type { HttpRequestSpec, JsonValue, MediaSpec, RequestAuth } from "@/lib/request/types";
import { channelsList, videosInsert } from "@/lib/request/__fixtures__/models";
import type { MethodModel } from "@/lib/discovery/model-types";
import type { SnippetInput } from "../../types";

export function snippetInput(
  http: HttpRequestSpec,
  extra: { method?: MethodModel; body?: JsonValue | null; media?: MediaSpec | null; auth?: RequestAuth } = {},
): SnippetInput {
  const method = extra.method ?? channelsList;
  const auth = extra.auth ?? { type: "none" };
  return {
    request: { api: "youtube", version: "v3", method: method.id, params: {}, body: extra.body ?? null, auth },
    api: {
      name: "youtube",
      version: "v3",
      title: "YouTube Data API v3",
      revision: null,
      rootUrl: "https://youtube.googleapis.com/",
      baseUrl: "https://youtube.googleapis.com/",
      pythonStatic: true,
      inGoogleapis: true,
      dataWrapper: false,
    },
    method,
    params: [],
    body: extra.body ?? null,
    auth,
    media: extra.media ?? null,
    http,
  };
}

export { channelsList, videosInsert };

export interface CurlRun {
  /** The argv curl received (without `curl` itself). */
  readonly argv: string[];
  /** What curl's stdin received (empty unless something is piped in). */
  readonly stdin: Buffer;
}

/**
 * Runs each `script` (a generated snippet) in ONE `shell` process, with `curl` a shell function, `env` as the
 * only environment (plus PATH), the working directory a temp dir containing `files`. Throws on a shell error.
 */
export function runCurlScripts(
  scripts: readonly string[],
  options: { shell?: string; env?: Record<string, string>; files?: Record<string, Buffer | string> } = {},
): CurlRun[] {
  const dir = mkdtempSync(join(tmpdir(), "curl-target-"));
  try {
    for (const [name, content] of Object.entries(options.files ?? {}))
      writeFileSync(join(dir, name), content);
    const parts = [
      'curl() { printf \'%s\\0\' "$@" > "$OUT/args.$N"; cat > "$OUT/stdin.$N"; }',
      ...scripts.map((s, i) => `N=${i}\n${s}`),
    ];
    const file = join(dir, "script.sh");
    writeFileSync(file, `${parts.join("\n")}\n`, "utf8");
    const r = spawnSync(options.shell ?? "bash", [file], {
      cwd: dir,
      input: "",
      maxBuffer: 1 << 30,
      // Only these variables (NODE_ENV because Next's types make it a required key of ProcessEnv).
      env: {
        NODE_ENV: "test",
        PATH: process.env.PATH ?? "/usr/bin:/bin",
        LC_ALL: "C.UTF-8",
        OUT: dir,
        ...(options.env ?? {}),
      },
    });
    if (r.error) throw r.error;
    if (r.status !== 0)
      throw new Error(`${options.shell ?? "bash"} exited ${r.status}: ${r.stderr.toString()}`);
    return scripts.map((_, i) => {
      const raw = readFileSync(join(dir, `args.${i}`));
      const argv: string[] = [];
      let start = 0;
      for (let j = 0; j < raw.length; j++) {
        if (raw[j] === 0) {
          argv.push(raw.subarray(start, j).toString("utf8"));
          start = j + 1;
        }
      }
      return { argv, stdin: readFileSync(join(dir, `stdin.${i}`)) };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

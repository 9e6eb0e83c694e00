/**
 * The `curl` target: a POSIX shell command (bash, dash, zsh) that sends exactly `input.http`.
 *
 *     # export ACCESS_TOKEN=... from gcloud auth print-access-token or the explorer sign-in
 *     curl --request GET \
 *       'https://youtube.googleapis.com/youtube/v3/channels?part=snippet&mine=true' \
 *       --header "authorization: Bearer ${ACCESS_TOKEN}" \
 *       --header 'accept: application/json'
 *
 * Quoting rules (the security property the tests check through a real bash and dash):
 * - Every value that comes from the request (URL, header names and values, body, file names, MIME types) goes
 *   through `shQuote` — single quotes, so `$(…)`, backticks, `${…}`, `\`, `!` and newlines stay literal.
 * - The only double-quoted words are the credential headers, and the only expansion in them is the variable the
 *   comment line above the command tells the user to export: `${ACCESS_TOKEN}` (OAuth) or `${GOOGLE_API_KEY}`.
 *   They replace the placeholders `Bearer {ACCESS_TOKEN}` / `{API_KEY}` that lib/request/build.ts puts in
 *   `authorization` / `x-goog-api-key`; the same text anywhere else (a body, another header) stays literal.
 * - Comment lines hold no user value and no shell syntax (no quotes, `$`, `(`, `&`, `>`): zsh runs pasted
 *   `#` lines as commands unless `interactive_comments` is set (it is off by default).
 *
 * Media uploads (the method supports it and the request names a file; lib/request/build.ts picks the protocol
 * and puts it in the URL as `uploadType`), see docs/cli.md:
 * - `uploadType=media`: the file is the body, `--data-binary @FILE` with build's Content-Type (its MIME type).
 * - `uploadType=multipart`: Google wants `multipart/related` (JSON metadata part, then the media part), which
 *   curl's `--form` (multipart/form-data) does not produce. The snippet writes build's described body with
 *   `printf` (each line a single-quoted `%s` argument, never a format) and `cat FILE` for the bytes, and pipes
 *   it into `--data-binary @-`: exactly the bytes the preview in `input.http.body` describes.
 * Both are Google's single-request protocols (recommended for files up to about 5 MB; larger files work but a
 * failure means starting over — use the client-library snippets for resumable uploads).
 *
 * @see https://developers.google.com/drive/api/guides/manage-uploads (uploadType=media / multipart)
 * @see https://curl.se/docs/manpage.html (--data-raw, --data-binary, --header "X;" for an empty value)
 */
import { gcloudTokenWorks } from "@/lib/auth/token-sources";
import { type AuthKindId, type AuthOf, serviceAccountProblem } from "@/lib/request/auth-kinds";
import { ACCESS_TOKEN_PLACEHOLDER, API_KEY_PLACEHOLDER } from "@/lib/request/build";
import { checkHeaderField } from "@/lib/request/header-field";

import { shQuote, shQuoteIfNeeded } from "../../literals/shell";
import { mediaDownloadApplies, mediaUploadApplies } from "../../prepare";
import type { SnippetInput, SnippetOptions, Target } from "../../types";
import { curlProject } from "./project";

/** The placeholders lib/request/build.ts puts into `input.http.headers` instead of credentials. */
export const ACCESS_TOKEN_HEADER_VALUE = `Bearer ${ACCESS_TOKEN_PLACEHOLDER}`;
export const API_KEY_HEADER_VALUE = API_KEY_PLACEHOLDER;
/** The environment variables the snippet reads the credentials from. */
export const ACCESS_TOKEN_VAR = "ACCESS_TOKEN";
export const API_KEY_VAR = "GOOGLE_API_KEY";

const DEFAULT_MEDIA_TYPE = "application/octet-stream";

const CONTINUATION = " \\";
const ARG_INDENT = "  ";

interface Plan {
  /** Comment lines (without `# `) and shell lines before the command. */
  readonly comments: string[];
  /** Lines of a `{ …; }` group whose output is piped into curl, or null. */
  readonly pipeFrom: string[] | null;
  /** curl's arguments as shell words, grouped one option (with its value) per line. */
  readonly args: string[];
}

function headerWord(name: string, value: string): string {
  // Quoting keeps a CR/LF literal for the shell, but curl would then send it: a second header or request.
  checkHeaderField(name, value);
  const lower = name.toLowerCase();
  if (lower === "authorization" && value === ACCESS_TOKEN_HEADER_VALUE) {
    return `"${safeDoubleQuotedName(name)}: Bearer \${${ACCESS_TOKEN_VAR}}"`;
  }
  if (lower === "x-goog-api-key" && value === API_KEY_HEADER_VALUE) {
    return `"${safeDoubleQuotedName(name)}: \${${API_KEY_VAR}}"`;
  }
  // curl: `-H 'X:'` REMOVES header X; `-H 'X;'` sends it with an empty value.
  return shQuote(value === "" ? `${name};` : `${name}: ${value}`);
}

/** Only ever `authorization` / `x-goog-api-key` in some letter case; checked so nothing special enters double quotes. */
function safeDoubleQuotedName(name: string): string {
  if (!/^[A-Za-z0-9-]+$/.test(name)) throw new Error(`Not an HTTP header name: ${JSON.stringify(name)}`);
  return name;
}

function hasHeader(headers: Readonly<Record<string, string>>, name: string): boolean {
  return Object.keys(headers).some((h) => h.toLowerCase() === name);
}

/** `--data-binary @FILE` reads stdin for `-`; any other name is a path. */
function fileArg(fileName: string): string {
  return `@${fileName === "-" ? "./-" : fileName}`;
}

/**
 * curl expands `{a,b}` and `[1-9]` in URLs ("globbing"). Reserved expansion (`{+name}`) lets `[`/`]` through
 * unencoded and a missing path parameter stays `{name}`, so such URLs need `--globoff` to be sent as written.
 */
function urlArgs(url: string): string[] {
  return /[[\]{}]/.test(url) ? ["--globoff", shQuote(url)] : [shQuote(url)];
}

function methodArgs(method: string): string {
  // `--request HEAD` makes curl wait for a body that never comes; `--head` is the way to send HEAD.
  return method === "HEAD" ? "--head" : `--request ${shQuoteIfNeeded(method)}`;
}

/**
 * A service account's address as the request format accepts it (lib/request/auth-kinds.ts: letters, digits and
 * `._%+-@` only) is inert in a comment; a SnippetInput built around the parser is refused with the same message.
 */
function inertServiceAccount(value: string): string {
  const problem = serviceAccountProblem("auth.serviceAccount", value);
  if (problem !== null) throw new Error(problem);
  return value;
}

/**
 * Where `${ACCESS_TOKEN}` comes from, per auth kind (a Record: a new kind without a line does not compile). Every
 * line is a comment with fixed text, except the impersonated service account's address, which must be inert.
 * gcloud's own token carries only Cloud scopes (lib/auth/token-sources.ts): never offered for Gmail or Sheets.
 * @see https://cloud.google.com/sdk/gcloud/reference/auth/application-default/print-access-token
 * @see https://cloud.google.com/sdk/gcloud/reference/auth/print-access-token (--impersonate-service-account)
 */
const ACCESS_TOKEN_SOURCE: {
  readonly [K in AuthKindId]: (auth: AuthOf<K>, input: SnippetInput) => string[];
} = {
  oauth: (_, input) => [
    gcloudTokenWorks(input.method.scopes)
      ? `export ${ACCESS_TOKEN_VAR}=... from gcloud auth print-access-token or the explorer sign-in`
      : `export ${ACCESS_TOKEN_VAR}=... from the OAuth 2.0 Playground or the explorer sign-in, not gcloud: its token has Cloud scopes only`,
  ],
  adc: () => [
    `export ${ACCESS_TOKEN_VAR}=... from gcloud auth application-default print-access-token`,
    "  Application Default Credentials: gcloud auth application-default login on a workstation",
  ],
  serviceAccount: (auth) =>
    auth.subject === undefined
      ? [
          `export ${ACCESS_TOKEN_VAR}=... from gcloud auth print-access-token run as the service account, after`,
          "  gcloud auth activate-service-account --key-file=KEY_FILE. A key is a risk: prefer impersonation",
        ]
      : [
          `export ${ACCESS_TOKEN_VAR}=... a token for the delegated user, which gcloud cannot mint: the Python or`,
          "  TypeScript snippet signs the service account's JWT with the subject and gets one",
        ],
  impersonate: (auth) => [
    `export ${ACCESS_TOKEN_VAR}=... from gcloud auth print-access-token --impersonate-service-account=${inertServiceAccount(auth.serviceAccount)}`,
    "  it needs roles/iam.serviceAccountTokenCreator on that service account",
  ],
  apiKey: () => [],
  none: () => [],
};

function credentialComments(input: SnippetInput): string[] {
  const values = Object.entries(input.http.headers);
  const comments: string[] = [];
  if (values.some(([n, v]) => n.toLowerCase() === "authorization" && v === ACCESS_TOKEN_HEADER_VALUE)) {
    const source = ACCESS_TOKEN_SOURCE[input.auth.type] as (
      a: typeof input.auth,
      i: SnippetInput,
    ) => string[];
    comments.push(...source(input.auth, input));
  }
  if (values.some(([n, v]) => n.toLowerCase() === "x-goog-api-key" && v === API_KEY_HEADER_VALUE)) {
    comments.push(
      `export ${API_KEY_VAR}=... an API key from the Google Cloud console, APIs and Services, Credentials`,
    );
  }
  return comments;
}

function plainPlan(input: SnippetInput): Plan {
  const { method, url, headers, body } = input.http;
  const args = [methodArgs(method), ...urlArgs(url)];
  for (const [name, value] of Object.entries(headers)) args.push(`--header ${headerWord(name, value)}`);
  if (body !== null) {
    // Without a Content-Type curl would label --data-raw as application/x-www-form-urlencoded.
    if (!hasHeader(headers, "content-type"))
      args.push(`--header ${shQuote("Content-Type: application/json")}`);
    args.push(`--data-raw ${shQuote(body)}`);
  }
  return { comments: credentialComments(input), pipeFrom: null, args };
}

/**
 * The multipart/related body lib/request/build.ts describes (`describeMultipartBody`, CRLF line breaks):
 * the lines before the file's bytes, and the closing line after them. Checked, not guessed: an unexpected shape
 * is an error rather than a wrong upload.
 */
function multipartLines(
  body: string | null,
  contentType: string,
  fileName: string,
): { before: string[]; after: string } {
  const boundary = /^multipart\/related;\s*boundary=([^;\s]+)$/i.exec(contentType)?.[1];
  const lines = (body ?? "").split("\r\n");
  const ok =
    boundary !== undefined &&
    lines.length === 9 &&
    lines[0] === `--${boundary}` &&
    lines[2] === "" &&
    lines[4] === `--${boundary}` &&
    lines[6] === "" &&
    lines[7] === `<contents of ${fileName}>` &&
    lines[8] === `--${boundary}--`;
  if (!ok)
    throw new Error(
      "Unexpected multipart upload body in the request (see lib/request/build.ts describeMultipartBody)",
    );
  return { before: lines.slice(0, 7), after: lines[8] ?? "" };
}

function uploadPlan(input: SnippetInput, media: NonNullable<SnippetInput["media"]>): Plan {
  const { method, url, headers, body } = input.http;
  const contentType =
    Object.entries(headers).find(([n]) => n.toLowerCase() === "content-type")?.[1] ?? DEFAULT_MEDIA_TYPE;
  // Headers as build.ts orders them (its content-type is the file's MIME type or multipart/related; boundary=…).
  const headerArgs = Object.entries(headers)
    .filter(([n]) => n.toLowerCase() !== "content-length")
    .map(([n, v]) => `--header ${headerWord(n, v)}`);
  const comments = credentialComments(input);
  // lib/request/build.ts chooses the protocol and puts it last in the query as uploadType.
  if (new URL(url).searchParams.get("uploadType") !== "multipart") {
    comments.push("Uploads the file as the request body, uploadType=media");
    return {
      comments,
      pipeFrom: null,
      args: [
        methodArgs(method),
        ...urlArgs(url),
        ...headerArgs,
        `--data-binary ${shQuote(fileArg(media.fileName))}`,
      ],
    };
  }
  const { before, after } = multipartLines(body, contentType, media.fileName);
  comments.push("Sends the JSON metadata and the file as one multipart/related body, uploadType=multipart");
  return {
    comments,
    pipeFrom: [
      `printf '%s\\r\\n' ${before.slice(0, 4).map(shQuote).join(" ")} \\`,
      `${ARG_INDENT}${before.slice(4).map(shQuote).join(" ")}`,
      `cat ${shQuote(media.fileName.startsWith("-") ? `./${media.fileName}` : media.fileName)}`,
      `printf '\\r\\n%s' ${shQuote(after)}`,
    ],
    args: [methodArgs(method), ...urlArgs(url), ...headerArgs, "--data-binary @-"],
  };
}

function render(plan: Plan): string {
  const lines: string[] = plan.comments.map((c) => `# ${c}`);
  const [first, ...rest] = plan.args;
  const command = [`curl ${first ?? ""}`, ...rest.map((a) => `${ARG_INDENT}${a}`)];
  if (plan.pipeFrom) {
    lines.push("{", ...plan.pipeFrom.map((l) => `${ARG_INDENT}${l}`));
    command[0] = `} | ${command[0]}`;
  }
  // Continuations go after every line of the command but the last. Lines are joined verbatim: a quoted
  // multi-line value (a pretty-printed body) must not get indentation inside its quotes.
  lines.push(...command.map((l, i) => (i < command.length - 1 ? `${l}${CONTINUATION}` : l)));
  return `${lines.join("\n")}\n`;
}

/**
 * `--download-to FILE` (methods that support media download): the media is what the server returns for
 * `alt=media` (added when the request sets no `alt`), saved with `--output FILE`; `--location` follows the
 * redirects some download endpoints answer with (curl drops the Authorization header on a cross-host redirect).
 */
function withDownload(plan: Plan, input: SnippetInput, downloadTo: string): Plan {
  const url = input.http.url;
  const hasAlt = new URL(url).searchParams.has("alt");
  const args = hasAlt
    ? plan.args
    : plan.args.map((a) =>
        a === shQuote(url) ? shQuote(`${url}${url.includes("?") ? "&" : "?"}alt=media`) : a,
      );
  return {
    ...plan,
    comments: [...plan.comments, "Saves the media to the file given by --output"],
    args: [...args, "--location", `--output ${shQuote(downloadTo === "-" ? "./-" : downloadTo)}`],
  };
}

/** The curl command for `input.http` (see the module comment). Only `downloadTo` applies to curl. */
export function generateCurl(input: SnippetInput, options: SnippetOptions = {}): string {
  const plan = mediaUploadApplies(input) && input.media ? uploadPlan(input, input.media) : plainPlan(input);
  return render(
    mediaDownloadApplies(input, options) && options.downloadTo
      ? withDownload(plan, input, options.downloadTo)
      : plan,
  );
}

export const curlTarget: Target = {
  id: "curl",
  label: "curl",
  tabLabel: "cURL",
  extension: "sh",
  language: "shell",
  capabilities: { allPages: false, tokenCache: false, download: true, signsIn: false },
  project: curlProject,
  generate: (input, options) => generateCurl(input, options),
};

/**
 * "Download project": the files of a runnable project around one generated snippet. Pure: the caller generates
 * the snippet (lib/codegen) and zips the files (./zip.ts).
 *
 * What a target adds comes from its own contract (`TARGETS[id].project`, lib/codegen/targets/<id>/project.ts):
 * the snippet's file name, the manifest (package.json, requirements.txt with exactly the packages its auth kind
 * imports, or none), the README's run section and the .gitignore lines of what it installs. The README's
 * credentials section comes from AUTH_README, one entry per auth kind (enable the API, then the OAuth client
 * `credentials.json`, the API key, ADC, the service-account key or impersonation; each `export` with its
 * PowerShell twin). No file ever carries a credential: the snippets read them at run time from credentials.json,
 * token.json or the environment (GOOGLE_APPLICATION_CREDENTIALS names a key file, never the code). The runtimes
 * named are the ones the pinned packages declare (./runtimes.ts).
 */
import { accessTokenSource } from "../auth/token-sources";
import { TARGETS } from "../codegen/registry";
import { HEADLESS_REDIRECT_URI } from "../codegen/targets/headless";
import { PYTHON_AUTH } from "../codegen/targets/python/auth";
import type { ProjectFile, SnippetInput, SnippetOptions, TargetId } from "../codegen/types";
import type { AuthKindId, AuthOf } from "../request/auth-kinds";
import { code, exportLine } from "./markdown";

export type { ProjectFile } from "../codegen/types";
export { NODE_DEPENDENCIES, NODE_DEV_DEPENDENCIES } from "../codegen/targets/typescript/project";
export { pythonRequirements } from "../codegen/targets/python/project";

export interface Project {
  /** Folder name (and zip name without `.zip`): `youtube-channels-list-python`. */
  readonly name: string;
  readonly files: readonly ProjectFile[];
}

export interface ProjectInput {
  readonly target: TargetId;
  /** The generated snippet, verbatim. */
  readonly snippet: string;
  readonly input: SnippetInput;
  readonly options: SnippetOptions;
}

/** The full set of an OAuth Python project (lib/codegen/README.md, python/requirements.txt). */
export const PYTHON_REQUIREMENTS = PYTHON_AUTH.oauth.packages;

/** `youtube.channels.list` + python → `youtube-channels-list-python` (safe as a folder and npm package name). */
export function projectName(methodId: string, target: TargetId): string {
  const base = methodId
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return `${base || "snippet"}-${target}`;
}

export function snippetFileName(target: TargetId): string {
  return TARGETS[target].project.snippetFile;
}

function gitignore(target: TargetId): string {
  return [
    "# Never commit credentials or cached tokens.",
    "credentials.json",
    "token.json",
    ...TARGETS[target].project.ignored,
    "",
  ].join("\n");
}

function enableStep(input: SnippetInput): string {
  return `In the [Google Cloud console](https://console.cloud.google.com/), pick (or create) a project and enable the **${input.api.title}**: APIs & Services → Library → search for it → Enable.`;
}

function scopeList(scopes: readonly string[]): string[] {
  return scopes.length > 0 ? scopes.map((s) => `- ${code(s)}`) : ["- (none selected)"];
}

/** Where a target that reads a ready token (curl, http) puts it. */
function tokenStep(p: ProjectInput): string {
  return TARGETS[p.target].project.accessTokenStep ?? exportLine("ACCESS_TOKEN");
}

type AuthReadme = { readonly [K in AuthKindId]: (auth: AuthOf<K>, p: ProjectInput) => string[] };

/**
 * The README's credentials section per auth kind (a Record: a kind without one does not compile). Targets that
 * sign in themselves (capabilities.signsIn) get the library's way; curl/http get where their token comes from.
 */
const AUTH_README: AuthReadme = {
  none: () => ["## Credentials", "", "This call needs no credentials.", ""],
  apiKey: (_, p) => {
    const usage = !TARGETS[p.target].capabilities.signsIn
      ? `Put it in the request in place of ${code("{API_KEY}")} / ${code("${API_KEY}")} (for cURL: ${exportLine("API_KEY")}).`
      : `Set it in the environment before running: ${exportLine("GOOGLE_API_KEY")}.`;
    return [
      "## Credentials: an API key",
      "",
      `1. ${enableStep(p.input)}`,
      "2. APIs & Services → Credentials → Create credentials → API key. Restrict the key to this API.",
      `3. ${usage} Never commit the key.`,
      "",
    ];
  },
  oauth: (auth, p) => oauthSection(auth, p),
  adc: (auth, p) => {
    if (!TARGETS[p.target].capabilities.signsIn)
      return [
        "## Credentials: an access token from Application Default Credentials",
        "",
        `1. ${enableStep(p.input)}`,
        `2. ${code("gcloud auth application-default login")} (once), then ${code("gcloud auth application-default print-access-token")}; ${tokenStep(p)}.`,
        "",
        "Access tokens expire after about an hour. Never commit one.",
        "",
      ];
    return [
      "## Credentials: Application Default Credentials",
      "",
      "The program finds its credentials itself (no key or path in the code):",
      "",
      `1. ${enableStep(p.input)}`,
      `2. On your workstation: ${code("gcloud auth application-default login")} (once). Set the project that`,
      `   bills the quota: ${code("gcloud auth application-default set-quota-project PROJECT_ID")} (or ${exportLine("GOOGLE_CLOUD_QUOTA_PROJECT")}).`,
      "3. On Google Cloud (Compute Engine, Cloud Run, GKE, Cloud Functions): nothing to do, the attached service",
      "   account is used; give it a role that allows this call.",
      `4. Elsewhere (CI, another cloud): ${exportLine("GOOGLE_APPLICATION_CREDENTIALS")} with the path of a credentials file.`,
      "",
      "The program asks for these scopes:",
      "",
      ...scopeList(auth.scopes),
      "",
    ];
  },
  serviceAccount: (auth, p) => {
    const warning =
      "A key is a long-lived secret: whoever has the file acts as the service account. Prefer impersonation or Application Default Credentials; keep the key outside this folder and out of version control, and rotate it.";
    if (!TARGETS[p.target].capabilities.signsIn)
      return [
        "## Credentials: an access token of a service account",
        "",
        `1. ${enableStep(p.input)}`,
        auth.subject !== undefined
          ? `2. This request acts as ${code(auth.subject)} (domain-wide delegation). gcloud cannot mint such a token: use the Python or TypeScript project, which signs the service account's JWT with the subject.`
          : `2. ${code("gcloud auth activate-service-account --key-file=KEY_FILE")}, then ${code("gcloud auth print-access-token")}; ${tokenStep(p)}.`,
        "",
        warning,
        "",
      ];
    return [
      "## Credentials: a service-account key",
      "",
      `1. ${enableStep(p.input)}`,
      "2. IAM & Admin → Service accounts → pick (or create) one → Keys → Add key → Create new key → JSON.",
      `3. ${exportLine("GOOGLE_APPLICATION_CREDENTIALS")} with the path of that file. The code names no path or key.`,
      ...(auth.subject !== undefined
        ? [
            `4. Domain-wide delegation: the program acts as ${code(auth.subject)}. A Workspace super admin allows the`,
            "   service account's client ID for the scopes below (Admin console → Security → API controls →",
            "   Domain-wide delegation).",
          ]
        : []),
      "",
      "The program asks for these scopes:",
      "",
      ...scopeList(auth.scopes),
      "",
      warning,
      "",
    ];
  },
  impersonate: (auth, p) => {
    const grant = `Your identity needs ${code("roles/iam.serviceAccountTokenCreator")} on ${code(auth.serviceAccount)}, and the **IAM Service Account Credentials API** must be enabled.`;
    if (!TARGETS[p.target].capabilities.signsIn)
      return [
        "## Credentials: an impersonated access token",
        "",
        `1. ${enableStep(p.input)}`,
        `2. ${code(`gcloud auth print-access-token --impersonate-service-account=${auth.serviceAccount}`)}; ${tokenStep(p)}.`,
        "",
        grant,
        "",
      ];
    return [
      "## Credentials: impersonating a service account",
      "",
      `The program uses your Application Default Credentials to get a short-lived token of ${code(auth.serviceAccount)}. No key.`,
      "",
      `1. ${enableStep(p.input)}`,
      `2. ${code("gcloud auth application-default login")} on your workstation (on Google Cloud the attached service account is the source).`,
      `3. ${grant}`,
      "",
      "The program asks for these scopes:",
      "",
      ...scopeList(auth.scopes),
      "",
    ];
  },
};

function authSection(p: ProjectInput): string[] {
  const section = AUTH_README[p.input.auth.type] as (a: typeof p.input.auth, p: ProjectInput) => string[];
  return section(p.input.auth, p);
}

function oauthSection(auth: AuthOf<"oauth">, p: ProjectInput): string[] {
  const { input, target, options } = p;
  const enable = enableStep(input);
  const scopes = scopeList(auth.scopes);
  if (!TARGETS[target].capabilities.signsIn) {
    return [
      "## Credentials: an OAuth access token",
      "",
      `1. ${enable}`,
      `2. Get an access token with one of these scopes and ${tokenStep(p)}.`,
      `   ${accessTokenSource(input.method.scopes).text.replace("gcloud auth print-access-token", code("gcloud auth print-access-token"))}`,
      "",
      ...scopes,
      "",
      "Access tokens expire after about an hour. Never commit one.",
      "",
    ];
  }
  const tokenCache = options.tokenCache === true;
  const headless = auth.flow === "headless";
  return [
    "## Credentials: an OAuth client ID (`credentials.json`)",
    "",
    ...(headless
      ? [
          "The program signs you in with your own Google account. No browser on this machine: it prints a sign-in URL;",
          "open it in a browser on any device and sign in. That browser then fails to load a page on",
          `${code(`${HEADLESS_REDIRECT_URI}?code=…&state=…`)}: copy that whole address from its address bar and paste it`,
          "into the program, which checks it and finishes the sign-in. It needs an OAuth client of type **Desktop app**:",
        ]
      : [
          "The program signs you in with your own Google account in the browser (the OAuth loopback flow). It needs an OAuth",
          "client of type **Desktop app**:",
        ]),
    "",
    `1. ${enable}`,
    "2. APIs & Services → OAuth consent screen: configure it (User type **External** is fine for yourself) and, while",
    "   the app is in testing, add your Google account under **Test users**.",
    "3. Google Cloud console → APIs & Services → Credentials → Create credentials → OAuth client ID →",
    "   Application type **Desktop app** → Create → **Download JSON**.",
    `4. Save the downloaded file as ${code("credentials.json")} in this folder (next to ${code(TARGETS[target].project.snippetFile)}).`,
    "",
    "The program asks for these scopes:",
    "",
    ...scopes,
    "",
    tokenCache
      ? `After the first sign-in it caches your tokens in ${code("token.json")}, so later runs do not ${headless ? "ask you to sign in" : "open the browser"}. Delete ${code("token.json")} when you change the scopes.`
      : headless
        ? "It asks you to sign in on every run (the tokens are not saved)."
        : "It opens the browser on every run (the tokens are not saved).",
    "",
    tokenCache
      ? `${code("credentials.json")} and ${code("token.json")} are secrets: keep them out of version control (the ${code(".gitignore")} here does).`
      : `${code("credentials.json")} is a secret: keep it out of version control (the ${code(".gitignore")} here does).`,
    "",
  ];
}

function notes(p: ProjectInput): string[] {
  const out: string[] = [];
  const upload = p.input.media;
  if (upload && p.input.method.supportsMediaUpload)
    out.push(`- Uploads ${code(upload.fileName)}: put that file in this folder before running.`);
  if (p.input.method.supportsMediaDownload && p.options.downloadTo)
    out.push(`- Saves the downloaded media to ${code(p.options.downloadTo)}.`);
  if (p.input.method.pageable && p.options.allPages && TARGETS[p.target].capabilities.allPages)
    out.push("- Fetches every page of results (follows `nextPageToken`).");
  if (p.input.http.missingPathParams && p.input.http.missingPathParams.length > 0)
    out.push(
      `- Fill in the required path parameters first: ${p.input.http.missingPathParams.map(code).join(", ")}.`,
    );
  return out.length > 0 ? ["## Notes", "", ...out, ""] : [];
}

/** What the README says .gitignore keeps out: only files this project can have (token.json only when cached). */
function ignoredFiles(p: ProjectInput): string {
  const oauthClient = p.input.auth.type === "oauth" && TARGETS[p.target].capabilities.signsIn;
  const files = [
    ...(oauthClient ? ["credentials.json"] : []),
    ...(oauthClient && p.options.tokenCache === true ? ["token.json"] : []),
    ...TARGETS[p.target].project.ignoredNames,
  ];
  return files.length > 0 ? files.map(code).join(", ") : "credential files";
}

function readme(p: ProjectInput, name: string): string {
  const { input } = p;
  const lines = [
    `# ${name}`,
    "",
    `Calls ${code(input.method.id)} (${input.method.httpMethod} ${code(input.api.baseUrl + input.method.path)}) of the ${input.api.title}` +
      (input.api.revision ? ` (Discovery revision ${input.api.revision}).` : "."),
    "Generated by the API Explorer.",
    "",
    "## Files",
    "",
    `- ${code(TARGETS[p.target].project.snippetFile)}: the program.`,
    ...TARGETS[p.target].project.manifestNotes(input).map((note) => `- ${note}`),
    `- ${code(".gitignore")}: keeps ${ignoredFiles(p)} out of git.`,
    "",
    ...authSection(p),
    ...TARGETS[p.target].project.runSection,
    ...notes(p),
  ];
  return `${lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
}

/** The project's files, in a stable order: README, manifest, snippet, .gitignore. */
export function buildProject(p: ProjectInput): Project {
  const name = projectName(p.input.method.id, p.target);
  const project = TARGETS[p.target].project;
  const snippet = p.snippet.endsWith("\n") ? p.snippet : `${p.snippet}\n`;
  return {
    name,
    files: [
      { path: "README.md", content: readme(p, name) },
      ...project.manifest(name, p.input),
      {
        path: project.snippetFile,
        content: snippet,
        ...(project.snippetMode !== undefined ? { mode: project.snippetMode } : {}),
      },
      { path: ".gitignore", content: gitignore(p.target) },
    ],
  };
}

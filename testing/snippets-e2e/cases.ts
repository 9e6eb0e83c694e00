/**
 * The canonical requests the verbatim end-to-end proof runs (test-only IO: reads request files and the venv's
 * Discovery snapshot). Each request file is `{ doc, description?, request, options? }` — the same format as
 * lib/codegen/__fixtures__/requests — and becomes a SnippetInput through the PRODUCT's `prepareSnippetInput`.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { docPathFor, REQUESTS_DIR as CODEGEN_REQUESTS_DIR } from "@/lib/codegen/__fixtures__/load";
import { prepareSnippetInput } from "@/lib/codegen/prepare";
import { resolveSnippetOptions } from "@/lib/codegen/request-options";
import type { SnippetInput, SnippetOptions } from "@/lib/codegen/types";
import { buildApiModel, findMethod } from "@/lib/discovery/model";
import type { ApiModel, MethodModel } from "@/lib/discovery/model-types";
import type { RawRestDescription } from "@/lib/discovery/types";
import type { ExplorerRequest } from "@/lib/request/types";

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const OWN_REQUESTS_DIR = path.join(HERE, "requests");

export interface RequestFile {
  readonly doc: string;
  readonly description?: string;
  readonly request: ExplorerRequest;
  readonly options?: SnippetOptions;
}

/** What the fake must serve for a case, beyond its default JSON answer. */
export type Serve =
  | { readonly kind: "default" }
  /** 3 pages linked by nextPageToken (page-2, page-3) for GET `path`. */
  | { readonly kind: "pages"; readonly path: string }
  /** Media bytes for `alt=media` on GET paths matching `pathPattern` (a RegExp source). */
  | { readonly kind: "media"; readonly pathPattern: string }
  /** A public method: the fake answers without credentials (auth none); `pathPattern` is a RegExp source. */
  | { readonly kind: "anonymous"; readonly host: string; readonly pathPattern: string };

export interface E2eCase {
  /** Request file name without .json. */
  readonly name: string;
  readonly source: "codegen-fixture" | "snippets-e2e";
  /** True for the zoo test API (lib/discovery/__fixtures__/zoo.json), which the fake serves as a Discovery doc. */
  readonly synthetic: boolean;
  readonly file: RequestFile;
  /** Absolute path of the request file (the CLI reads `request` from it). */
  readonly filePath: string;
  readonly docPath: string;
  readonly api: ApiModel;
  readonly method: MethodModel;
  readonly input: SnippetInput;
  readonly options: SnippetOptions;
  readonly serve: Serve;
  /** Number of API calls the snippet must make (3 for all-pages cases). */
  readonly pages: number;
  /** Server-side kinds (issue 14): "metadata" runs an `adc` case on Google Cloud (no credentials file). */
  readonly serverEnvironment?: "metadata";
}

/** The codegen fixtures reused here: every one that targets a real API of the snapshot (zoo is not real). */
export const REUSED_CODEGEN_FIXTURES = [
  "youtube-channels-list",
  "youtube-videos-insert-upload",
  "drive-files-create",
  "drive-files-list-token-cache-all-pages",
  "drive-files-get-download",
  "gmail-users-messages-list-all-pages",
  "calendar-events-import",
  "compute-instances-insert",
  "secretmanager-versions-access",
  "sheets-spreadsheets-values-get",
  "apigee-hostqueries-list-from",
  "translate-v2-translate-datawrapper",
  "tagmanager-versions-list-headers-param",
  "networkmanagement-showeffective-resource-param",
  // the headless OAuth flow (auth.flow "headless"): the final URL is pasted into the snippet's stdin
  "youtube-channels-list-headless",
  "drive-files-create-headless",
  "sheets-spreadsheets-values-get-headless",
  "drive-files-list-token-cache-all-pages-headless",
] as const;

/**
 * The zoo fixtures: a synthetic API (not counted as a real one) with the nastiest names and values. Neither
 * library ships it, so Python uses static_discovery=False and TypeScript google.discoverAPI — the fake serves
 * zoo.json as zoo v1 (see verbatim.test.ts `discoveryDirWithZoo`).
 */
export const ZOO_FIXTURES = [
  // kept to what the real APIs above do not already cover (runtime budget): keyword/hyphen/dotted/$ names and
  // uint64 values; {+name} with quotes and spaces + a __proto__ body key; {+resource} with ":" and a space, no
  // auth; a download through discoverAPI; an upload with params named media and headers
  "zoo-animals-list-params",
  "zoo-animals-patch-nasty-body-token-cache",
  "zoo-getiampolicy-dotted-none",
  "zoo-animals-getphoto-download",
  "zoo-animals-create-upload",
] as const;

export const OWN_REQUESTS = [
  "youtube-search-list-apikey-all-pages",
  "pagespeedonline-runpagespeed-none",
  "tasks-tasks-list-booleans",
  "tasks-tasks-insert-nasty-body-token-cache",
  "storage-objects-insert-media-only",
  "storage-objects-get-int64",
  "secretmanager-getiampolicy-colon",
  "sheets-values-update-nasty",
  "pollen-forecast-lookup-number-apikey",
  "calendar-events-list-repeated",
  "drive-files-create-no-mimetype",
  "drive-files-list-long-url",
  // standard parameters: every settable one, an older API's, and alt=media as a download
  "youtube-videos-list-standard-params",
  "calendar-events-get-standard-params",
  "drive-files-get-alt-media-standard",
  // a method with no documented response: the Python library returns raw bytes
  "calendar-events-delete-no-response",
  // the server-side auth kinds (issue 14), see server-credentials.ts: ADC from an authorized_user file, ADC on
  // Google Cloud (the metadata server), a service-account key with and without delegation, impersonation
  "storage-buckets-list-adc-file",
  "secretmanager-secrets-list-adc-file",
  "pubsub-topics-list-adc-metadata",
  "storage-objects-list-adc-metadata",
  "storage-objects-list-service-account",
  "admin-users-list-service-account-subject",
  "gmail-messages-list-service-account-subject",
  "storage-buckets-list-impersonate",
  "bigquery-datasets-list-impersonate",
] as const;

/** `adc` cases that run on Google Cloud: no credentials file, the fake metadata server instead. */
const ON_GOOGLE_CLOUD = new Set(["pubsub-topics-list-adc-metadata", "storage-objects-list-adc-metadata"]);

const SERVE: Record<string, Serve> = {
  "drive-files-list-token-cache-all-pages": { kind: "pages", path: "/drive/v3/files" },
  "drive-files-list-token-cache-all-pages-headless": { kind: "pages", path: "/drive/v3/files" },
  "gmail-users-messages-list-all-pages": { kind: "pages", path: "/gmail/v1/users/me/messages" },
  "youtube-search-list-apikey-all-pages": { kind: "pages", path: "/youtube/v3/search" },
  "drive-files-get-download": { kind: "media", pathPattern: "^/drive/v3/files/[^/]+$" },
  "drive-files-get-alt-media-standard": { kind: "media", pathPattern: "^/drive/v3/files/[^/]+$" },
  "zoo-animals-getphoto-download": {
    kind: "media",
    pathPattern: "^/zoo/v1/v1/zoos/lagos/animals/leo/photo$",
  },
  "pagespeedonline-runpagespeed-none": {
    kind: "anonymous",
    host: "pagespeedonline.googleapis.com",
    pathPattern: "^/pagespeedonline/v5/runPagespeed$",
  },
  "zoo-getiampolicy-dotted-none": {
    kind: "anonymous",
    host: "zoo.googleapis.com",
    pathPattern: "^/zoo/v1/v1/zoos/.+:getIamPolicy$",
  },
};

const models = new Map<string, ApiModel>();

export function loadCase(name: string, source: E2eCase["source"]): E2eCase {
  const dir = source === "codegen-fixture" ? CODEGEN_REQUESTS_DIR : OWN_REQUESTS_DIR;
  const filePath = path.join(dir, `${name}.json`);
  const file = JSON.parse(readFileSync(filePath, "utf8")) as RequestFile;
  const docPath = docPathFor(file.doc);
  if (docPath === null) throw new Error(`${name}: ${file.doc} is not installed (run scripts/setup.sh)`);
  let api = models.get(docPath);
  if (api === undefined) {
    api = buildApiModel(JSON.parse(readFileSync(docPath, "utf8")) as RawRestDescription);
    models.set(docPath, api);
  }
  const method = findMethod(api, file.request.method);
  if (method === undefined) throw new Error(`${name}: no method ${file.request.method} in ${docPath}`);
  const input = prepareSnippetInput({ api, method, request: file.request });
  // The options the product generates with (alt=media turns the download on), so the saved file is checked.
  const options = resolveSnippetOptions(input, file.options ?? {});
  const serve = SERVE[name] ?? { kind: "default" };
  return {
    name,
    source,
    synthetic: file.doc === "zoo",
    file,
    filePath,
    docPath,
    api,
    method,
    input,
    options,
    serve,
    pages: serve.kind === "pages" && options.allPages === true ? 3 : 1,
    ...(ON_GOOGLE_CLOUD.has(name) ? { serverEnvironment: "metadata" as const } : {}),
  };
}

export function loadAllCases(): E2eCase[] {
  return [
    ...REUSED_CODEGEN_FIXTURES.map((n) => loadCase(n, "codegen-fixture")),
    ...OWN_REQUESTS.map((n) => loadCase(n, "snippets-e2e")),
    ...ZOO_FIXTURES.map((n) => loadCase(n, "codegen-fixture")),
  ];
}

/** The bytes every upload case sends: text, CRLF, a fake boundary line, NUL and high bytes. */
export const MEDIA_BYTES = Buffer.concat([
  Buffer.from('fake media \u2713 "quoted"\r\n--not-a-boundary\r\nline 3\n', "utf8"),
  Buffer.from([0x00, 0x01, 0x7f, 0x80, 0xfe, 0xff, 0x0d, 0x0a, 0x41]),
]);

/** The bytes the fake serves for media downloads. */
export const DOWNLOAD_BYTES = Buffer.from("%PDF-1.4\n% fake pdf \u00e9\n\x00\x01binary tail\n", "latin1");

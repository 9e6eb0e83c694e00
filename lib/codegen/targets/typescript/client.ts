/**
 * TypeScript target: npm googleapis 188 (google-auth-library 11 inside), ESM with top-level await.
 *
 * Facts this relies on (docs/client-library-rules.md, sections B and C2/C3):
 * - `google.<name>({ version, auth })`, resources/methods via `camelify` (no keyword escaping), params keyed by
 *   Discovery name verbatim except googleapis-common's reserved keys (`tsParamKey`), `requestBody`, `media`;
 * - no `@google-cloud/local-auth`: its google-auth-library 9 client sends NO Authorization header through
 *   googleapis 188. The loopback flow is written out with `google.auth.OAuth2` + PKCE (S256 enum) + `state`;
 * - download: `alt: 'media'` + `{ responseType: 'stream' }`; pagination: loop on `nextPageToken`;
 * - APIs googleapis 188 lacks: `google.discoverAPI(url, { auth })` builds the client at run time from the
 *   Discovery document (raw, un-camelified names; untyped).
 * Pure: no IO. User values enter only through `tsString`/`tsLiteral`; resource and method names only through
 * `tsMemberAccess`, parameter names through `tsParamKey`.
 */
import { CodeBuilder, commentText } from "@/lib/codegen/code-builder";
import { tsLiteral, tsNumber, tsString } from "@/lib/codegen/literals/typescript";
import { isApiInGoogleapis, nodeApiAccessor, tsMemberAccess, tsParamKey } from "@/lib/codegen/naming/node";
import { UnsafeIdentifier } from "@/lib/codegen/naming/unsafe-identifier";
import {
  mediaDownloadApplies,
  mediaUploadApplies,
  methodBlurb,
  methodSummary,
  usesBody,
} from "@/lib/codegen/prepare";
import type { PreparedParam, SnippetInput, SnippetOptions, Target } from "@/lib/codegen/types";
import { checkHeaderField } from "@/lib/request/header-field";
import type { ParamScalar } from "@/lib/request/types";

import { type NodeImport, typescriptAuth } from "./auth";
import { typescriptProject } from "./project";

export const TS_INSTALL = "npm install googleapis@^188 && npm install --save-dev tsx";

/** A parameter value as a TS expression matching the generated `Params$…` types. */
export function tsParamValue(param: PreparedParam): string {
  const scalar = (v: ParamScalar): string => {
    const { type } = param.model;
    if (type === "boolean") return v === true || v === "true" ? "true" : "false";
    if ((type === "integer" || type === "number") && typeof v === "number") return tsNumber(v);
    if ((type === "integer" || type === "number") && typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v)) {
      return tsNumber(Number(v));
    }
    return tsString(String(v));
  };
  const { value } = param;
  if (param.model.repeated) return `[${(Array.isArray(value) ? value : [value]).map(scalar).join(", ")}]`;
  return scalar(Array.isArray(value) ? value.map(String).join(",") : value);
}

/**
 * `zoo.zoos.animals.list` — camelified for googleapis, raw names for a discoverAPI client (`['-']`), every name
 * through the door (`tsMemberAccess`), which refuses one the client would not expose.
 */
export function tsCallChain(input: SnippetInput, apiVar: string): string {
  const names = [...input.method.resourcePath, input.method.name];
  const googleapis = input.api.inGoogleapis;
  return (
    apiVar +
    names
      .map((n, i) =>
        tsMemberAccess(n, i === names.length - 1 ? "method" : "resource", { googleapis, topLevel: i === 0 }),
      )
      .join("")
  );
}

/**
 * Words that cannot name the API variable: ECMAScript reserved words (strict mode and modules included: `await`,
 * `yield`, `let`, `static`, `implements`…, plus `arguments`/`eval`, which strict code cannot bind) and every
 * name the template itself declares, imports or reads as a global (`const console = …` would break `console.log`).
 * @see https://tc39.es/ecma262/#sec-keywords-and-reserved-words
 */
const NOT_AN_API_VARIABLE: ReadonlySet<string> = new Set([
  ..."await break case catch class const continue debugger default delete do else enum export extends false".split(
    " ",
  ),
  ..."finally for function if import in instanceof new null return super switch this throw true try typeof".split(
    " ",
  ),
  ..."var void while with yield let static implements interface package private protected public".split(" "),
  ..."arguments eval undefined NaN Infinity as async from of get set type".split(" "),
  ..."google Auth auth res apiKey process console JSON URL Promise Error Buffer SCOPES TOKEN_FILE".split(" "),
  ..."openBrowser authorize spawn randomBytes createReadStream createWriteStream existsSync readFileSync".split(
    " ",
  ),
  ..."writeFileSync createServer AddressInfo pipeline pageToken extraParams".split(" "),
  ..."keyFile source SUBJECT TARGET_SERVICE_ACCOUNT".split(" "),
]);

/**
 * The variable holding the API client: the API's name where it is a plain lower-case identifier that is neither
 * reserved nor used by the template (`youtube`, `prod_tt_sasportal`), else `api`. The service name is a
 * Discovery key like any other: it never becomes code unchecked.
 */
export function tsApiVariable(apiName: string): string {
  const candidate = apiName.replace(/[^A-Za-z0-9_$]/g, "_");
  return /^[a-z][A-Za-z0-9_]*$/.test(candidate) && !NOT_AN_API_VARIABLE.has(candidate) ? candidate : "api";
}

function generate(input: SnippetInput, options: SnippetOptions = {}): string {
  const b = new CodeBuilder({ indent: "  " });
  const { push, blank, block } = b;
  const { api, method, auth } = input;
  const download = mediaDownloadApplies(input, options);
  /** The media is streamed into `options.downloadTo`. */
  const streamed = download && options.downloadTo !== undefined;
  const upload = mediaUploadApplies(input);
  const allPages = options.allPages === true && method.pageable && !download;
  const emitter = typescriptAuth(auth);
  const ctx = { input, options };
  const apiVar = tsApiVariable(input.api.name);

  // Header
  push(`// ${commentText(methodSummary(input))}`);
  const blurb = methodBlurb(input);
  if (blurb !== "") push(`// ${commentText(blurb)}`);
  push("//");
  push(`// Install: ${TS_INSTALL}`);
  push('// Save as snippet.mts (or set "type": "module" in package.json), then run: npx tsx snippet.mts');
  emitter.header(push, auth, ctx);
  if (!api.inGoogleapis) {
    // The API version, or (snapshot newer than googleapis 188, or a resource `-`) only this method, is missing.
    const missing = isApiInGoogleapis(api.name, api.version)
      ? `${method.id} (${api.name} ${api.version})`
      : `${api.name} ${api.version}`;
    push(`// googleapis 188 has no ${commentText(missing)}: the client is built at run time from the`);
    push("//   API's Discovery document (google.discoverAPI), so the call below is not type-checked.");
  }
  if (api.dataWrapper && usesBody(input)) {
    push('// This API uses "dataWrapper": googleapis sends requestBody as given (no {"data": …} wrapping).');
  }
  blank();

  // Imports: node built-ins by module (names sorted), then googleapis.
  const nodeImports = [
    ...emitter.nodeImports(auth, ctx),
    ...(download ? [{ from: "node:fs", names: ["createWriteStream"] }] : []),
    ...(upload ? [{ from: "node:fs", names: ["createReadStream"] }] : []),
    ...(download ? [{ from: "node:stream/promises", names: ["pipeline"] }] : []),
  ];
  for (const line of nodeImportLines(nodeImports)) push(line);
  blank();
  const fromGoogleapis = [...emitter.googleapisImports(auth), "google"];
  push(`import { ${fromGoogleapis.join(", ")} } from 'googleapis';`);
  blank();

  // Client
  const authExpr = emitter.setup(b, auth, ctx);
  if (api.inGoogleapis) {
    const accessor = nodeApiAccessor(api.name, api.version);
    const opts = [`version: ${tsString(api.version)}`, ...(authExpr === null ? [] : [authExpr])];
    push(`const ${apiVar} = google${accessor.access}({ ${opts.join(", ")} });`);
  } else {
    const discoveryUrl = `${api.rootUrl}$discovery/rest?version=${api.version}`;
    // A discoverAPI method takes (params, callback) only — no per-call options — but the options given to
    // discoverAPI become the endpoint's `_options`, merged into every request it makes
    // (googleapis-common apirequest.js createAPIRequestAsync), so a download asks for a stream here.
    // @see https://github.com/googleapis/nodejs-googleapis-common/blob/main/src/apirequest.ts
    const endpointOpts = [
      ...(authExpr === null ? [] : [authExpr]),
      ...(streamed ? ["responseType: 'stream'"] : []),
    ];
    const opts = endpointOpts.length === 0 ? "" : `, { ${endpointOpts.join(", ")} }`;
    push("// eslint-disable-next-line @typescript-eslint/no-explicit-any");
    push(`const ${apiVar}: any = await google.discoverAPI(${tsString(discoveryUrl)}${opts});`);
  }
  blank();

  // Parameters
  const reserved: PreparedParam[] = [];
  const inline: string[] = [];
  let initialPageToken: PreparedParam | undefined;
  for (const param of input.params) {
    if (allPages && param.name === "pageToken") {
      initialPageToken = param;
      continue;
    }
    if (download && param.name === "alt") continue;
    const key = tsParamKey(param.name, { required: param.model.required });
    refuseProtoKey(input.method.id, param.name, key.key);
    if (key.needsSeparateDeclaration && api.inGoogleapis) reserved.push(param);
    else inline.push(`${key.source}: ${tsParamValue(param)},`);
  }
  if (allPages) inline.push("pageToken,");
  if (download) inline.push("alt: 'media',");
  if (reserved.length > 0) {
    push(
      '// googleapis strips one trailing "_" from each key; these names would otherwise be read as options.',
    );
    push('// Declared apart because the generated types list them without the "_".');
    block(
      "const extraParams = {",
      () => {
        for (const p of reserved)
          push(`${tsParamKey(p.name, { required: p.model.required }).source}: ${tsParamValue(p)},`);
      },
      "};",
    );
    inline.push("...extraParams,");
  }
  if (usesBody(input) && input.body !== null) inline.push(`requestBody: ${tsLiteral(input.body)},`);
  if (upload && input.media) {
    const mediaLines = [
      ...(input.media.mimeType !== undefined && input.media.mimeType !== ""
        ? [
            `mimeType: ${tsString(checkHeaderField("content-type", input.media.mimeType, "the request's media.mimeType"))},`,
          ]
        : []),
      `body: createReadStream(${tsString(input.media.fileName)}),`,
    ];
    inline.push(["media: {", ...mediaLines.map((l) => `  ${l}`), "},"].join("\n"));
  }

  const call = (resultVar: string, second?: string): void => {
    const chain = tsCallChain(input, apiVar);
    const tail = second === undefined ? ")" : `, ${second})`;
    if (inline.length === 0) {
      push(`const ${resultVar} = await ${chain}({}${second === undefined ? "" : `, ${second}`});`);
      return;
    }
    push(`const ${resultVar} = await ${chain}({`);
    for (const line of inline) push(line, 1);
    push(`}${tail};`);
  };

  if (streamed) {
    call("res", api.inGoogleapis ? "{ responseType: 'stream' }" : undefined);
    push(`await pipeline(res.data, createWriteStream(${tsString(options.downloadTo)}));`);
    push(`console.log('Saved', ${tsString(options.downloadTo)});`);
  } else if (allPages) {
    const initial = initialPageToken === undefined ? "" : ` = ${tsParamValue(initialPageToken)}`;
    push(`let pageToken: string | undefined${initial};`);
    block(
      "do {",
      () => {
        call("res");
        push("console.log(JSON.stringify(res.data, null, 2));");
        push("pageToken = res.data.nextPageToken ?? undefined;");
      },
      "} while (pageToken);",
    );
  } else {
    call("res");
    push("console.log(JSON.stringify(res.data, null, 2));");
  }
  return b.join();
}

/** `import { a, b } from 'm';` per module, modules and names sorted (`import type` for type-only modules). */
function nodeImportLines(imports: readonly NodeImport[]): string[] {
  const byModule = new Map<string, { names: Set<string>; type: boolean }>();
  for (const i of imports) {
    const entry = byModule.get(i.from) ?? { names: new Set<string>(), type: i.type === true };
    for (const n of i.names) entry.names.add(n);
    byModule.set(i.from, entry);
  }
  return [...byModule.keys()].sort().map((from) => {
    const { names, type } = byModule.get(from)!;
    return `import ${type ? "type " : ""}{ ${[...names].sort().join(", ")} } from '${from}';`;
  });
}

export const typescriptTarget: Target = {
  id: "typescript",
  label: "TypeScript (googleapis)",
  tabLabel: "TypeScript",
  extension: "ts",
  language: "typescript",
  capabilities: { allPages: true, tokenCache: true, download: true, signsIn: true },
  project: typescriptProject,
  refuseAlt: (input, alt) =>
    alt === "media" && !input.method.supportsMediaDownload
      ? `This request sets alt=media, but ${input.method.id} has no media download: googleapis would read the answer as JSON. Remove alt or use cURL.`
      : null,
  generate,
};

/**
 * googleapis-common un-aliases every key ending in `_` with `params[key.slice(0, -1)] = params[key]`, and an
 * object-literal key `__proto__:` sets the prototype: either way a parameter that ends up as `__proto__` is
 * silently not sent. So the snippet is refused rather than showing a request it would not make.
 * @see https://github.com/googleapis/nodejs-googleapis-common/blob/main/src/apirequest.ts ("Un-alias parameters")
 */
function refuseProtoKey(methodId: string, discoveryName: string, key: string): void {
  if (key === "__proto__" || key.slice(0, -1) === "__proto__") {
    // A typed refusal of the identifier door (the CLI prints one line, the code panel shows it for TypeScript only).
    throw new UnsafeIdentifier(
      "typescript",
      "parameter",
      discoveryName,
      "googleapis turns the key into the object's prototype",
      `${methodId}: googleapis cannot send the parameter ${JSON.stringify(discoveryName)} (its client turns the key into the object's prototype); use the Python, cURL or HTTP snippet.`,
    );
  }
}

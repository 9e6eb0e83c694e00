/**
 * Naming rules of the Node client, googleapis (npm) 188 with googleapis-common 9.3.1, as small pure functions.
 *
 * The generator (`src/generator/filters.ts`, templates) fixes property names at build time; the runtime
 * (`googleapis-common` `apirequest.js`) then rewrites a few parameter keys. A snippet only compiles and
 * runs if it follows both. `node.test.ts` checks them against the installed packages.
 */
import { isTsIdentifierName, tsString } from "../literals/typescript";

import { GOOGLEAPIS_API_VERSIONS } from "./googleapis-apis.generated";
import { GOOGLEAPIS_MISSING_METHODS } from "./googleapis-missing-methods.generated";
import { UnsafeIdentifier } from "./unsafe-identifier";

/**
 * `camelify`: only `-` is handled — split on `-`, drop empty parts, upper-case the first letter of every part
 * after the first (`well-known` → `wellKnown`, `getOpenid-configuration` → `getOpenidConfiguration`,
 * `Binary-create` → `BinaryCreate`). Reserved words are NOT escaped: `import`, `delete`, `global` stay
 * plain properties (`calendar.events.import(...)`).
 * Edge: a name made only of `-` (readerrevenuesubscriptionlinking's resource `-`) becomes `""` — the
 * generator drops that resource, see {@link nodeResourceAvailable}.
 * @see https://github.com/googleapis/google-api-nodejs-client/blob/main/src/generator/filters.ts (camelify)
 */
export function camelify(name: string): string {
  if (!name.includes("-")) return name;
  return name
    .split("-")
    .filter((part) => part !== "")
    .map((part, i) => (i === 0 ? part : part.charAt(0).toUpperCase() + part.slice(1)))
    .join("");
}

/**
 * Whether googleapis exposes a resource/method at all. googleapis 188 has no property for a resource whose
 * camelified name is empty (the resource `-` of readerrevenuesubscriptionlinking v1, `publications.-.readers`):
 * neither `v1.js` nor `v1.d.ts` mention it, so the generated snippet must say "not available in googleapis".
 */
export function nodeResourceAvailable(name: string): boolean {
  return camelify(name) !== "";
}

/** The result of {@link tsPropertyAccess}: source text to append, or why googleapis has no such member. */
export type TsPropertyAccess =
  | { readonly available: true; readonly source: string }
  | { readonly available: false; readonly reason: string };

/**
 * How to reach a resource or method on a googleapis API object: `.wellKnown`, or `['x.y']` when the camelified
 * name is not an identifier name (none in googleapis 188; kept for safety). Reserved words are fine after `.`.
 * @see https://github.com/googleapis/google-api-nodejs-client/blob/main/src/generator/templates/resource-partial.njk
 */
export function tsPropertyAccess(discoveryName: string): TsPropertyAccess {
  const name = camelify(discoveryName);
  if (name === "") {
    return {
      available: false,
      reason: `googleapis generates no property for the resource ${JSON.stringify(discoveryName)}`,
    };
  }
  return { available: true, source: isTsIdentifierName(name) ? `.${name}` : `[${tsString(name)}]` };
}

/**
 * Parameter keys googleapis-common takes for itself (`apirequest.js`, `createAPIRequestAsync`): `requestBody`
 * (body), `media` (upload), `auth` (client or API key), `headers` (extra HTTP headers) are deleted from the
 * params; `resource` is the legacy body key, taken as the body unless the method REQUIRES a `resource`
 * parameter and the value is a string (or a `requestBody` is also given).
 * Installed 9.3.1: `node_modules/googleapis-common/build/src/apirequest.js` lines 84–91 (`resource`), 92
 * (`requestBody`), 93–96 (`auth`, `media`), 98–101 (`headers`).
 * @see https://github.com/googleapis/nodejs-googleapis-common/blob/main/src/apirequest.ts (createAPIRequestAsync)
 */
export const NODE_RESERVED_PARAM_KEYS: ReadonlySet<string> = new Set([
  "requestBody",
  "media",
  "auth",
  "headers",
  "resource",
]);

/** How one Discovery parameter is written in a googleapis call. */
export interface TsParamKey {
  /** The key in the params object; googleapis-common strips one trailing `_` from every key before use. */
  readonly key: string;
  /** `key` as object-literal property-name source: `maxResults`, `'max-results'`, `'$.xgafv'`, `headers_`. */
  readonly source: string;
  /**
   * True when `key` is not a property of the generated `Params$…` type (the type declares the Discovery
   * name verbatim), so an inline object literal would be an excess-property error under `tsc`: declare the
   * params in a separate variable (`const params = {...}; x.list(params)`) — excess-property checks only
   * apply to fresh object literals.
   */
  readonly needsSeparateDeclaration: boolean;
}

/**
 * The params-object key for a Discovery parameter: the name verbatim (quoted when not an identifier name),
 * except where googleapis-common would misread it, which gets one extra `_` (stripped again at run time):
 * - `requestBody`, `media`, `auth`, `headers` — always (tagmanager v1 has a `headers` query parameter);
 * - any name ending in `_` — the runtime strips one `_` from every key;
 * - `resource` when the parameter is not required (compute `disks.bulkSetLabels`, networkmanagement
 *   `showEffectiveFlowLogsConfigs` have an optional query `resource`; passed verbatim it would become the
 *   request body). A required `resource` (1841 path parameters, e.g. `getIamPolicy`) stays verbatim.
 * The `Params$…` types keep the Discovery names (`headers?: boolean`), so a suffixed key needs a separate
 * declaration. Generator's own rule (`getSafeParamName`, `resource`/`media`/`auth`) is not used by the
 * 188 templates for the params types.
 * Installed 9.3.1: `node_modules/googleapis-common/build/src/apirequest.js` lines 102–108 ("Un-alias parameters").
 * @see https://github.com/googleapis/nodejs-googleapis-common/blob/main/src/apirequest.ts ("Un-alias parameters")
 */
export function tsParamKey(discoveryName: string, options: { readonly required?: boolean } = {}): TsParamKey {
  const suffix =
    discoveryName.endsWith("_") ||
    (NODE_RESERVED_PARAM_KEYS.has(discoveryName) &&
      !(discoveryName === "resource" && options.required === true));
  const key = suffix ? `${discoveryName}_` : discoveryName;
  return { key, source: isTsIdentifierName(key) ? key : tsString(key), needsSeparateDeclaration: suffix };
}

/** The googleapis factory call and type namespace for a Discovery API. */
export interface NodeApiAccessor {
  /** `google.youtube('v3')` — pass `{ version: 'v3', auth }` in real code; the name is the doc `name` verbatim. */
  readonly factory: string;
  /** Exported function name: `youtube`, `youtubeAnalytics`, `prod_tt_sasportal`. */
  readonly functionName: string;
  /** The version string, verbatim: `v3`, `directory_v1`, `v1.4`. */
  readonly version: string;
  /** Type namespace: `youtube_v3`, `admin_directory_v1`, `adsense_v1_4` (`.` → `_`). */
  readonly namespace: string;
  /** Property access on `google`: `.youtube`, or `['…']` if the name were not an identifier. */
  readonly access: string;
}

/**
 * `google.<name>('<version>')` and the `<name>_<version>` namespace (`.` in the version → `_`).
 * @see https://github.com/googleapis/google-api-nodejs-client/blob/main/src/generator/templates/api-index.njk
 * @see https://github.com/googleapis/google-api-nodejs-client/blob/main/src/generator/generator.ts (generate: src/apis/<name>/<version>.ts)
 */
export function nodeApiAccessor(docName: string, version: string): NodeApiAccessor {
  const access = isTsIdentifierName(docName) ? `.${docName}` : `[${tsString(docName)}]`;
  return {
    factory: `google${access}(${tsString(version)})`,
    functionName: docName,
    version,
    namespace: `${docName}_${version.replaceAll(".", "_")}`,
    access,
  };
}

/** A set of supported `name/version` pairs, e.g. {@link GOOGLEAPIS_APIS} (`googleapis-apis.generated.ts`). */
export type ApiVersionSet = ReadonlySet<string>;

/** The key used in an {@link ApiVersionSet}. */
export function apiVersionKey(name: string, version: string): string {
  return `${name}/${version}`;
}

/** The pairs googleapis 188 exports (`googleapis-apis.generated.ts`), as an {@link ApiVersionSet}. */
export const GOOGLEAPIS_APIS: ApiVersionSet = new Set(
  GOOGLEAPIS_API_VERSIONS.map(([n, v]) => apiVersionKey(n, v)),
);

/**
 * Whether googleapis has this API version (case-sensitive, as `google[name]` is). Pure: the caller may
 * supply another set; the default is the list generated from the installed package.
 */
export function isApiInGoogleapis(
  name: string,
  version: string,
  apis: ApiVersionSet = GOOGLEAPIS_APIS,
): boolean {
  return apis.has(apiVersionKey(name, version));
}

/**
 * Whether googleapis 188 has this API version AND this method, reachable by the camelified property chain
 * (`google.<name>({version}).<resource>….<method>`). False when the API version is absent, when a resource
 * has no property ({@link nodeResourceAvailable}: `-`), or when the method is in
 * `googleapis-missing-methods.generated.ts` — methods of the snapshot documents (google-api-python-client
 * 2.201.0, newer than googleapis 188) that googleapis 188 lacks. Regenerate that list with
 * `npm run gen`.
 * Limitation: a live document newer than the snapshot may have methods in neither list; they are assumed present.
 * @param path Discovery names: the method's resource path, then the method name.
 */
export function isMethodInGoogleapis(
  name: string,
  version: string,
  path: readonly string[],
  apis: ApiVersionSet = GOOGLEAPIS_APIS,
  missing: Readonly<Record<string, readonly string[]>> = GOOGLEAPIS_MISSING_METHODS,
): boolean {
  if (!isApiInGoogleapis(name, version, apis)) return false;
  if (!path.every(nodeResourceAvailable)) return false;
  const key = apiVersionKey(name, version);
  return !(Object.hasOwn(missing, key) && (missing[key] ?? []).includes(path.join(".")));
}

/**
 * Members of a googleapis-common `Endpoint` (the object `google.discoverAPI` returns): its own fields
 * (`_options`, `google`) and class methods. `applySchema` writes top-level resources and methods onto this object
 * by their raw Discovery names, so such a name would overwrite the endpoint's own machinery (a method named
 * `makeMethod` breaks every resource built after it). `node.test.ts` compares this list with the installed class.
 * @see https://github.com/googleapis/nodejs-googleapis-common/blob/main/src/endpoint.ts
 */
export const DISCOVER_API_ENDPOINT_MEMBERS: ReadonlySet<string> = new Set([
  "_options",
  "applyMethodsFromSchema",
  "applySchema",
  "constructor",
  "getPathParams",
  "google",
  "makeMethod",
]);

/**
 * THE door for resource and method names into TypeScript code: the member access (`.wellKnown`, `['x.y']`) that
 * reaches what the client creates for this Discovery key. `googleapis: true` — a googleapis 188 class property
 * (camelified, {@link tsPropertyAccess}); otherwise a `google.discoverAPI` client, keyed by the raw name
 * (googleapis-common `endpoint.js` `applySchema`). A name that is not an identifier name is a `tsString` in
 * brackets, so nothing in it is code.
 * @throws UnsafeIdentifier where the client creates no reachable member: a resource googleapis drops (`-`);
 *   for discoverAPI, `__proto__` (the assignment sets a prototype), a resource named like an inherited property
 *   (`applySchema` finds `target.toString` already there and hangs the methods on the shared builtin), and a
 *   top-level name that is one of {@link DISCOVER_API_ENDPOINT_MEMBERS}.
 * @see https://github.com/googleapis/nodejs-googleapis-common/blob/main/src/endpoint.ts (applySchema, applyMethodsFromSchema)
 */
export function tsMemberAccess(
  discoveryKey: string,
  kind: "resource" | "method",
  where: { readonly googleapis: boolean; readonly topLevel: boolean },
): string {
  const refuse = (reason: string): never => {
    throw new UnsafeIdentifier("typescript", kind, discoveryKey, reason);
  };
  if (where.googleapis) {
    const access = tsPropertyAccess(discoveryKey);
    return access.available ? access.source : refuse(access.reason);
  }
  if (discoveryKey === "__proto__") refuse("googleapis-common would set a prototype instead of a member");
  if (where.topLevel && DISCOVER_API_ENDPOINT_MEMBERS.has(discoveryKey)) {
    refuse(`google.discoverAPI would overwrite its own member ${discoveryKey} with it`);
  }
  if (kind === "resource" && discoveryKey in Object.prototype) {
    refuse(`google.discoverAPI would attach its methods to the shared Object.prototype.${discoveryKey}`);
  }
  return isTsIdentifierName(discoveryKey) ? `.${discoveryKey}` : `[${tsString(discoveryKey)}]`;
}

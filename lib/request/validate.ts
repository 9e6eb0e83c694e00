/**
 * Validation of an ExplorerRequest against the method it targets. Pure. Every issue message is a sentence a
 * user can act on and names the parameter, e.g. `"maxResults" must be at most 50 (got 100).`
 *
 * Conventions (shared with build.ts):
 * - A value that is `""`, `[]` or a list of only `""` is "not set": it fails `required`, is skipped by every
 *   other check, and is not sent.
 * - Checks mirror what the client libraries and the server enforce (see docs/client-library-rules.md
 *   A3); where the explorer cannot be sure (a Java pattern JS cannot compile), it skips the check rather than
 *   report a false error.
 */
import type { ApiModel, MethodModel, ParameterModel } from "../discovery/model-types";
import { SECRET_PARAM_NAMES } from "./canonical";
import { formatProblem } from "./formats";
import { isMissingValue } from "./uri-template";
import type { ExplorerRequest, ParamScalar, ParamValue, ValidationIssue } from "./types";

/** Keyed by the document's `format` (any string, `constructor` included): a Map, never an object lookup. */
const INT_RANGES: ReadonlyMap<string, readonly [bigint, bigint]> = new Map([
  ["int32", [-(2n ** 31n), 2n ** 31n - 1n]],
  ["uint32", [0n, 2n ** 32n - 1n]],
  ["int64", [-(2n ** 63n), 2n ** 63n - 1n]],
  ["uint64", [0n, 2n ** 64n - 1n]],
]);
const DECIMAL_INTEGER = /^-?\d+$/;
const DECIMAL_NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const MAX_ENUM_IN_MESSAGE = 12;

/** Standard parameters that carry credentials; explorer requests carry credentials in `auth` instead. */
const CREDENTIAL_STANDARD_PARAMS = SECRET_PARAM_NAMES.filter((n) => n !== "id_token");

const show = (v: ParamScalar): string => JSON.stringify(v);

function issue(param: string, code: ValidationIssue["code"], message: string): ValidationIssue {
  return { param, code, message };
}

// ------------------------------------------------------------------------------------------------ patterns

const patternCache = new Map<string, RegExp | null>();

/**
 * Compiles a Discovery `pattern` (a Java regex, applied by google-api-python-client with `re.match`, i.e.
 * anchored at the start only) to a JS RegExp `^(?:…)`, with the `u` flag when possible. Returns null when the
 * pattern uses constructs JS lacks or would read differently (atomic groups, possessive quantifiers, `\Q…\E`,
 * class intersection `&&`, unknown `\p{…}` classes) or does not compile: callers then skip the check.
 * Translated: leading inline flags `(?i)`/`(?s)`/`(?m)`, `\A` → `^`, `\z`/`\Z` → `$`.
 * Known difference: Java/Python `$` also matches before a final newline; JS `$` only at the very end.
 */
export function compileDiscoveryPattern(pattern: string): RegExp | null {
  const cached = patternCache.get(pattern);
  if (cached !== undefined) return cached;
  const compiled = compile(pattern);
  patternCache.set(pattern, compiled);
  return compiled;
}

function compile(pattern: string): RegExp | null {
  let src = pattern;
  let flags = "";
  const inline = /^\(\?([ims]+)\)/.exec(src);
  if (inline) {
    flags = [...new Set(inline[1])].join("");
    src = src.slice(inline[0].length);
  }
  if (/\(\?>|\\Q|\\E|&&/.test(src) || /(?<!\\)[*+?]\+|\{\d+(?:,\d*)?\}\+/.test(src)) return null;
  // Translate escapes one token at a time so `\\A` (a literal backslash, then A) is left alone.
  src = src.replace(/\\(.)/gsu, (token, ch: string) =>
    ch === "A" ? "^" : ch === "z" || ch === "Z" ? "$" : token,
  );
  try {
    return new RegExp(`^(?:${src})`, flags + "u");
  } catch {
    // Without `u`, `\p{…}` and `\u{…}` mean something else (literal letters): skip instead of guessing.
    if (/\\[pPu]\{/.test(src)) return null;
    try {
      return new RegExp(`^(?:${src})`, flags);
    } catch {
      return null;
    }
  }
}

// ---------------------------------------------------------------------------------------------- scalars

function parseInteger(v: ParamScalar): bigint | null {
  if (typeof v === "number") return Number.isSafeInteger(v) ? BigInt(v) : null;
  if (typeof v === "string" && DECIMAL_INTEGER.test(v)) return BigInt(v);
  return null;
}

function boundAsBigInt(bound: number): bigint | null {
  return Number.isInteger(bound) ? BigInt(bound) : null;
}

function rangeIssues(param: ParameterModel, value: ParamScalar, n: number | bigint): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const cmp = (bound: number): number => {
    if (typeof n === "bigint") {
      const b = boundAsBigInt(bound);
      if (b !== null) return n < b ? -1 : n > b ? 1 : 0;
      return Number(n) < bound ? -1 : Number(n) > bound ? 1 : 0;
    }
    return n < bound ? -1 : n > bound ? 1 : 0;
  };
  if (param.minimum !== undefined && cmp(param.minimum) < 0) {
    out.push(
      issue(param.name, "minimum", `"${param.name}" must be at least ${param.minimum} (got ${show(value)}).`),
    );
  }
  if (param.maximum !== undefined && cmp(param.maximum) > 0) {
    out.push(
      issue(param.name, "maximum", `"${param.name}" must be at most ${param.maximum} (got ${show(value)}).`),
    );
  }
  return out;
}

/** Type and range checks; returns [issues, numeric value for min/max or undefined]. */
function typeIssues(param: ParameterModel, v: ParamScalar): ValidationIssue[] | number | bigint | undefined {
  const name = param.name;
  const format = param.format ?? "";
  const range = INT_RANGES.get(format);
  switch (param.type) {
    case "integer":
    case "string": {
      const isInt64 = param.type === "string" && (format === "int64" || format === "uint64");
      if (param.type === "string" && !isInt64) {
        if (typeof v === "string") {
          const expected = formatProblem(param.format, v);
          return expected === null
            ? undefined
            : [issue(name, "type", `"${name}" must be ${expected} (got ${show(v)}).`)];
        }
        return [
          issue(
            name,
            "type",
            `"${name}" must be a string (got ${show(v)}). Write it in quotes: ${show(String(v))}.`,
          ),
        ];
      }
      if (typeof v === "number" && Number.isInteger(v) && !Number.isSafeInteger(v)) {
        const big = BigInt(v);
        if (range && !isInt64 && (big < range[0] || big > range[1])) {
          return [
            issue(
              name,
              "type",
              `"${name}" must be ${format.startsWith("int") ? "an" : "a"} ${format} between ${range[0]} and ${range[1]} (got ${show(v)}).`,
            ),
          ];
        }
        return [
          issue(
            name,
            "type",
            `"${name}" is too large for an exact JSON number; write it as a decimal string (got ${show(v)}).`,
          ),
        ];
      }
      const n = parseInteger(v);
      if (n === null) {
        const what = isInt64 ? 'a decimal integer string such as "123"' : "a whole number";
        return [issue(name, "type", `"${name}" must be ${what} (got ${show(v)}).`)];
      }
      // The method's own minimum/maximum (YouTube maxResults 0–50) say more than the format's range (uint32).
      const own = rangeIssues(param, v, n);
      if (own.length > 0) return own;
      if (range && (n < range[0] || n > range[1])) {
        return [
          issue(
            name,
            "type",
            `"${name}" must be ${format.startsWith("int") ? "an" : "a"} ${format} between ${range[0]} and ${range[1]} (got ${show(v)}).`,
          ),
        ];
      }
      return n;
    }
    case "number": {
      const n = typeof v === "number" ? v : typeof v === "string" && DECIMAL_NUMBER.test(v) ? Number(v) : NaN;
      if (!Number.isFinite(n))
        return [issue(name, "type", `"${name}" must be a finite number (got ${show(v)}).`)];
      return n;
    }
    case "boolean": {
      if (typeof v === "boolean") return undefined;
      if (v === "true" || v === "false") {
        return [
          issue(
            name,
            "type",
            `"${name}" must be the boolean ${v}, not the string "${v}" (some clients, e.g. Python, would send the string "false" as true).`,
          ),
        ];
      }
      return [issue(name, "type", `"${name}" must be true or false (got ${show(v)}).`)];
    }
    default:
      return undefined; // object / any: no checks
  }
}

function enumIssues(param: ParameterModel, v: ParamScalar): ValidationIssue[] {
  if (!param.enum || param.enum.length === 0) return [];
  const text = String(v);
  const values = param.enum.map((e) => e.value);
  if (values.includes(text)) return [];
  const listed = values
    .slice(0, MAX_ENUM_IN_MESSAGE)
    .map((x) => JSON.stringify(x))
    .join(", ");
  const more =
    values.length > MAX_ENUM_IN_MESSAGE ? ` (and ${values.length - MAX_ENUM_IN_MESSAGE} more)` : "";
  const near = values.find((x) => x.toLowerCase() === text.toLowerCase());
  const hint = near !== undefined ? ` Did you mean ${JSON.stringify(near)}?` : "";
  return [
    issue(param.name, "enum", `"${param.name}" must be one of ${listed}${more} (got ${show(v)}).${hint}`),
  ];
}

function patternIssues(param: ParameterModel, v: ParamScalar): ValidationIssue[] {
  if (param.pattern === undefined) return [];
  const re = compileDiscoveryPattern(param.pattern);
  if (re === null || re.test(String(v))) return [];
  return [
    issue(param.name, "pattern", `"${param.name}" must match the pattern ${param.pattern} (got ${show(v)}).`),
  ];
}

function scalarIssues(param: ParameterModel, v: ParamScalar): ValidationIssue[] {
  if (v === "") return [];
  const typed = typeIssues(param, v);
  if (Array.isArray(typed)) return typed;
  return [
    ...enumIssues(param, v),
    ...patternIssues(param, v),
    ...(typed !== undefined ? rangeIssues(param, v, typed) : []),
  ];
}

/**
 * Checks one value against its parameter: required (when the value is "not set"), list vs single value,
 * type/format range, enum, pattern, minimum/maximum. Each list item is checked on its own.
 */
export function validateParamValue(param: ParameterModel, value: ParamValue): ValidationIssue[] {
  if (isMissingValue(value)) {
    return param.required ? [issue(param.name, "required", `"${param.name}" is required.`)] : [];
  }
  if (!Array.isArray(value)) return scalarIssues(param, value);
  const out: ValidationIssue[] = [];
  if (!param.repeated) {
    out.push(
      issue(
        param.name,
        "repeated",
        `"${param.name}" takes a single value, not a list (got ${value.length} values).`,
      ),
    );
  }
  for (const item of value) out.push(...scalarIssues(param, item));
  return out;
}

// ------------------------------------------------------------------------------------------------ request

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] ?? 0;
}

function suggestion(name: string, known: readonly string[]): string {
  const lower = name.toLowerCase();
  const best = known
    .map((k) => ({ k, d: k.toLowerCase() === lower ? 0 : editDistance(lower, k.toLowerCase()) }))
    .filter(({ d }) => d <= Math.max(1, Math.floor(name.length / 4)))
    .sort((x, y) => x.d - y.d)[0];
  return best ? ` Did you mean "${best.k}"?` : "";
}

function mimeAccepted(mime: string, accept: readonly string[]): boolean {
  const m = mime.toLowerCase().split(";")[0]?.trim() ?? "";
  return accept.some((pattern) => {
    const p = pattern.toLowerCase();
    if (p === "*/*" || p === m) return true;
    return p.endsWith("/*") && m.startsWith(p.slice(0, -1));
  });
}

/**
 * All issues of `req` for `method` of `api`, in a stable order: parameters in the method's order (then standard
 * ones, then unknown ones in the request's order), then body, then media. Empty when the request can be sent.
 * Does not compare req.api/version/method with the models (the caller chose them from it).
 */
export function validateRequest(api: ApiModel, method: MethodModel, req: ExplorerRequest): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const own = new Map(method.parameters.map((p) => [p.name, p]));
  const standard = new Map(api.standardParameters.filter((p) => !own.has(p.name)).map((p) => [p.name, p]));
  const given = (name: string): boolean => Object.prototype.hasOwnProperty.call(req.params, name);

  for (const p of [...method.parameters, ...standard.values()]) {
    if (!own.has(p.name) && CREDENTIAL_STANDARD_PARAMS.includes(p.name)) {
      if (given(p.name) && !isMissingValue(req.params[p.name])) {
        const how =
          p.name === "key"
            ? 'choose "API key" auth instead: the explorer sends the key in the x-goog-api-key header'
            : 'choose "OAuth" auth instead: the explorer sends the token in the Authorization header';
        out.push(
          issue(
            p.name,
            "unknown",
            `Do not put a credential in "${p.name}"; ${how}. It is left out of the request.`,
          ),
        );
      }
      continue;
    }
    if (given(p.name)) out.push(...validateParamValue(p, req.params[p.name] as ParamValue));
    else if (p.required) out.push(issue(p.name, "required", `"${p.name}" is required.`));
  }

  const known = [...own.keys(), ...standard.keys()];
  for (const name of Object.keys(req.params)) {
    if (own.has(name) || standard.has(name)) continue;
    out.push(
      issue(
        name,
        "unknown",
        `"${name}" is not a parameter of ${method.id}; remove it.${suggestion(name, known)}`,
      ),
    );
  }

  if (req.body !== null) {
    if (method.requestSchema === null) {
      out.push(issue("body", "body", `${method.id} takes no request body; set the body to null.`));
    } else if (typeof req.body !== "object" || Array.isArray(req.body)) {
      const got = Array.isArray(req.body) ? "an array" : `a ${typeof req.body}`;
      out.push(
        issue(
          "body",
          "body",
          `The request body must be a JSON object (a ${method.requestSchema}), not ${got}.`,
        ),
      );
    }
  }

  if (req.media) {
    if (!method.supportsMediaUpload) {
      out.push(issue("media", "media", `${method.id} does not accept a media upload; remove the file.`));
    } else {
      const accept = method.mediaUpload?.accept ?? [];
      const mime = req.media.mimeType;
      if (mime !== undefined && mime !== "" && accept.length > 0 && !mimeAccepted(mime, accept)) {
        out.push(
          issue(
            "media",
            "media",
            `${method.id} does not accept files of type ${mime}; use one of ${accept.join(", ")}.`,
          ),
        );
      }
    }
  }
  return out;
}

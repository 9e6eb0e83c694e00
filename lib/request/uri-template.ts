/**
 * RFC 6570 URI-template expansion, restricted to what Google Discovery documents use in `path`:
 * level-1 simple expansion `{name}` and level-2 reserved expansion `{+name}`. Lists (repeated parameters) are
 * comma-joined (no explode), which is what google-api-python-client's `uritemplate.expand` does.
 * Other operators (`#` `.` `/` `;` `?` `&`) do not occur in Discovery paths; they are left in the output
 * verbatim. Modifiers (`*`, `:n`) are not used by Google and are ignored.
 *
 * Pure; works in the browser and Node.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6570 (§3.2.2 simple, §3.2.3 reserved expansion)
 */
import type { ParamScalar, ParamValue } from "./types";

export interface TemplateVariable {
  /** Variable name as written (without operator and modifiers). */
  readonly name: string;
  /** True for `{+name}` (reserved expansion). */
  readonly reserved: boolean;
}

export type ExpandResult =
  | { readonly ok: true; readonly value: string }
  | {
      readonly ok: false;
      /** Names of the variables that had no value, in template order (deduplicated). */
      readonly missing: readonly string[];
      /** A sentence naming the missing variables. */
      readonly error: string;
      /**
       * The expansion with every missing variable kept as its literal template token (`{fileId}`, `{+name}`),
       * for a readable preview.
       */
      readonly partial: string;
    };

const EXPRESSION = /\{([^{}]*)\}/g;
const UNRESERVED = /[A-Za-z0-9\-._~]/;
const RESERVED = /[:/?#[\]@!$&'()*+,;=]/;
const PCT_TRIPLET = /^%[0-9A-Fa-f]{2}/;
const HEX = "0123456789ABCDEF";

interface Expression {
  readonly raw: string;
  readonly operator: "" | "+" | "other";
  readonly names: readonly string[];
}

function parseExpression(body: string): Expression {
  const first = body.charAt(0);
  const operator = first === "+" ? "+" : /[#./;?&=,!@|]/.test(first) ? "other" : "";
  const list = operator === "" ? body : body.slice(1);
  const names = list
    .split(",")
    .map((spec) => spec.trim().replace(/\*$/, "").replace(/:\d+$/, ""))
    .filter((n) => n.length > 0);
  return { raw: `{${body}}`, operator, names };
}

/** The variables of a template in order of appearance (duplicates kept), e.g. `v1/{+name}:access` → name. */
export function templateVariables(template: string): TemplateVariable[] {
  const out: TemplateVariable[] = [];
  for (const match of template.matchAll(EXPRESSION)) {
    const expr = parseExpression(match[1] ?? "");
    if (expr.operator === "other") continue;
    for (const name of expr.names) out.push({ name, reserved: expr.operator === "+" });
  }
  return out;
}

function percentEncodeCodePoint(cp: string): string {
  let out = "";
  for (const byte of new TextEncoder().encode(cp)) out += "%" + HEX[byte >> 4] + HEX[byte & 15];
  return out;
}

/** Replaces lone UTF-16 surrogates with U+FFFD (what TextEncoder does), so encoding never throws. */
export function toWellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/**
 * Simple-expansion encoding: every character except the unreserved set `A-Za-z0-9-._~` is percent-encoded
 * as UTF-8 (upper-case hex). Unlike `encodeURIComponent`, also encodes `!'()*`.
 */
export function encodeUnreserved(value: string): string {
  let out = "";
  for (const ch of toWellFormed(value)) out += UNRESERVED.test(ch) ? ch : percentEncodeCodePoint(ch);
  return out;
}

/**
 * Reserved-expansion encoding: keeps unreserved and reserved characters (`:/?#[]@!$&'()*+,;=`) and
 * already percent-encoded triplets (`%2F`); encodes everything else (space → `%20`, `%` alone → `%25`).
 */
export function encodeReserved(value: string): string {
  let out = "";
  const s = toWellFormed(value);
  for (let i = 0; i < s.length;) {
    const cp = String.fromCodePoint(s.codePointAt(i) ?? 0);
    if (cp === "%" && PCT_TRIPLET.test(s.slice(i, i + 3))) {
      out += s.slice(i, i + 3);
      i += 3;
      continue;
    }
    out += UNRESERVED.test(cp) || RESERVED.test(cp) ? cp : percentEncodeCodePoint(cp);
    i += cp.length;
  }
  return out;
}

function scalarText(v: ParamScalar): string {
  return typeof v === "string" ? v : String(v);
}

/**
 * True when the value counts as "not given" for a path variable: undefined, null, `""`, an empty list or a
 * list of empty strings. (RFC 6570 would expand `""` to nothing; for a URL path that silently produces a
 * different resource, so the explorer treats it as missing.)
 */
export function isMissingValue(value: ParamValue | null | undefined): boolean {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.every((v) => v === "");
  return value === "";
}

/**
 * Expands `template` with `values`. Every variable must have a value (see `isMissingValue`); otherwise the
 * result is `{ok: false}` naming the missing variables, with a `partial` expansion that keeps their tokens.
 */
export function expandPathTemplate(
  template: string,
  values: Readonly<Record<string, ParamValue | null | undefined>>,
): ExpandResult {
  const missing: string[] = [];
  const expanded = template.replace(EXPRESSION, (raw, body: string) => {
    const expr = parseExpression(body);
    if (expr.operator === "other") return raw;
    const encode = expr.operator === "+" ? encodeReserved : encodeUnreserved;
    const parts: string[] = [];
    for (const name of expr.names) {
      const value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
      if (isMissingValue(value)) {
        if (!missing.includes(name)) missing.push(name);
        return raw;
      }
      const items = Array.isArray(value) ? value : [value as ParamScalar];
      parts.push(items.map((v) => encode(scalarText(v))).join(","));
    }
    return parts.join(",");
  });
  if (missing.length === 0) return { ok: true, value: expanded };
  const list = missing.map((n) => `"${n}"`).join(", ");
  return {
    ok: false,
    missing,
    error:
      missing.length === 1
        ? `The path parameter ${list} has no value.`
        : `The path parameters ${list} have no value.`,
    partial: expanded,
  };
}

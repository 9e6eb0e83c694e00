/**
 * Form fields ↔ request parameter values. Pure.
 *
 * The request (ExplorerRequest) is the single source of truth; a field's text is derived from it. The conversion
 * is lossless for anything typed: `valueText(textToValue(p, t)) === t` for every text `t`, because text that
 * would not survive a number round trip (`05`, `1.`, `1e3`, `abc`) stays a string in `params` (validation then
 * accepts decimal strings and reports the rest). So reload and share links show exactly what was typed, even
 * when it is invalid.
 */
import type { ParameterModel } from "../discovery/model-types";
import { ownValue } from "../object/own";
import { isSecretParam } from "../request/canonical";
import type { ParamScalar, ParamValue, ValidationIssue } from "../request/types";
import { validateParamValue } from "../request/validate";

export type FieldKind = "enum" | "boolean" | "integer" | "number" | "int64" | "string";

export function fieldKind(p: ParameterModel): FieldKind {
  if (p.enum !== undefined && p.enum.length > 0) return "enum";
  if (p.type === "boolean") return "boolean";
  if (p.type === "integer") return "integer";
  if (p.type === "number") return "number";
  if (p.type === "string" && (p.format === "int64" || p.format === "uint64")) return "int64";
  return "string";
}

/** One typed scalar from field text. Text that is not exactly a number's JSON spelling stays text. */
export function textToScalar(p: ParameterModel, text: string): ParamScalar {
  switch (fieldKind(p)) {
    case "boolean":
      return text === "true" ? true : text === "false" ? false : text;
    case "integer": {
      const n = Number(text);
      return /^-?\d+$/.test(text) && Number.isSafeInteger(n) && String(n) === text ? n : text;
    }
    case "number": {
      const n = Number(text);
      return text.trim() !== "" && Number.isFinite(n) && String(n) === text ? n : text;
    }
    default:
      // int64/uint64 travel as decimal strings; enums and strings are text.
      return text;
  }
}

export function scalarText(v: ParamScalar): string {
  return typeof v === "string" ? v : String(v);
}

/** The text of a single-valued field (a list, only possible from a hand-made link, shows comma-joined). */
export function valueText(value: ParamValue | undefined): string {
  if (value === undefined) return "";
  return Array.isArray(value) ? value.map(scalarText).join(",") : scalarText(value);
}

/** The items of a repeated field. */
export function valueList(value: ParamValue | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value.map(scalarText) : [scalarText(value)];
}

type Params = Readonly<Record<string, ParamValue>>;

/** `params` with `p` set from field text; `""` removes it (not set). Key order is preserved. */
export function withParamText(params: Params, p: ParameterModel, text: string): Record<string, ParamValue> {
  if (text === "") return withoutParam(params, p.name);
  return { ...params, [p.name]: textToScalar(p, text) };
}

/** `params` with repeated `p` set from list items; an empty list removes it. Empty items are kept (UI rows). */
export function withParamList(
  params: Params,
  p: ParameterModel,
  items: readonly string[],
): Record<string, ParamValue> {
  if (items.length === 0) return withoutParam(params, p.name);
  return { ...params, [p.name]: items.map((t) => textToScalar(p, t)) };
}

function withoutParam(params: Params, name: string): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = { ...params };
  delete out[name];
  return out;
}

/** Issues for one field as the user types (required, type, range, enum, pattern). */
export function fieldIssues(p: ParameterModel, value: ParamValue | undefined): ValidationIssue[] {
  return validateParamValue(p, value ?? "");
}

/** Standard parameters that appear in the form: all but the credential ones (credentials live in `auth`). */
export function formStandardParams(
  standard: readonly ParameterModel[],
  own: readonly ParameterModel[],
): ParameterModel[] {
  const ownNames = new Set(own.map((p) => p.name));
  return standard.filter((p) => !isSecretParam(p.name) && !ownNames.has(p.name));
}

export interface FieldHint {
  /** Short text shown under the input. */
  readonly hint?: string;
  readonly placeholder?: string;
}

const FORMAT_HINTS: Readonly<Record<string, FieldHint>> = {
  "date-time": { hint: "RFC 3339 date-time", placeholder: "2024-01-31T13:45:00Z" },
  "google-datetime": { hint: "RFC 3339 date-time", placeholder: "2024-01-31T13:45:00Z" },
  date: { hint: "Date (YYYY-MM-DD)", placeholder: "2024-01-31" },
  "google-duration": { hint: "Duration in seconds with an s suffix", placeholder: "3.5s" },
  "google-fieldmask": { hint: "Field mask: comma-separated field paths", placeholder: "name,description" },
  byte: { hint: "Base64-encoded bytes" },
  int64: { hint: "64-bit integer, as decimal text", placeholder: "-9223372036854775808" },
  uint64: { hint: "Unsigned 64-bit integer, as decimal text", placeholder: "18446744073709551615" },
  int32: { hint: "32-bit integer" },
  uint32: { hint: "Unsigned 32-bit integer" },
};

/** Format hint and placeholder for a parameter (from its format, range and pattern). */
export function fieldHint(p: ParameterModel): FieldHint {
  // The format is the document's (any string): an own key only, never an inherited `constructor`.
  const byFormat = p.format !== undefined ? ownValue(FORMAT_HINTS, p.format) : undefined;
  const parts: string[] = [];
  if (byFormat?.hint) parts.push(byFormat.hint);
  if (p.minimum !== undefined && p.maximum !== undefined) parts.push(`${p.minimum} to ${p.maximum}`);
  else if (p.minimum !== undefined) parts.push(`at least ${p.minimum}`);
  else if (p.maximum !== undefined) parts.push(`at most ${p.maximum}`);
  if (p.default !== undefined) parts.push(`default ${p.default}`);
  const placeholder = byFormat?.placeholder ?? (p.default !== undefined ? p.default : undefined);
  return {
    ...(parts.length > 0 ? { hint: parts.join(" · ") } : {}),
    ...(placeholder !== undefined ? { placeholder } : {}),
  };
}

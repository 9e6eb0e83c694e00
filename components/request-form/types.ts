import type { ReactNode } from "react";

/** Server-prepared documentation for one parameter (descriptions are sanitised on the server). */
export interface ParamDoc {
  /** Rendered description (a server-rendered RichText), or undefined when the document has none. */
  readonly description?: ReactNode;
  /** Plain-text description of each enum value, in `param.enum` order. */
  readonly enumLabels?: readonly string[];
}

/**
 * By parameter name. A Map (React passes it from the server component as one): a parameter may be named
 * `__proto__` or `constructor`, which an object would turn into its prototype or an inherited built-in.
 */
export type ParamDocs = ReadonlyMap<string, ParamDoc>;

export interface ScopeOption {
  readonly url: string;
  readonly description: string;
}

/** A DOM id for a parameter's input (`$.xgafv` → `rf-_24_2exgafv`): stable, and valid in CSS selectors. */
export function fieldId(name: string): string {
  return "rf-" + name.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`);
}

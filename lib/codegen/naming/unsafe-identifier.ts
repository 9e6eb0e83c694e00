/**
 * The refusal of the identifier door: a Discovery key that a target cannot turn into a valid, inert name the
 * client library would also use. Thrown by the per-target door functions (`pyAttribute`/`pythonKwarg` in
 * ./python.ts, `tsMemberAccess` in ./node.ts); the CLI prints it as one `explorer:` line, the code panel shows it
 * for that target only.
 */
import type { TargetId } from "../types";

/** Where the key sits in the Discovery document. */
export type IdentifierKind = "service" | "version" | "resource" | "method" | "parameter" | "property";

export class UnsafeIdentifier extends Error {
  constructor(
    readonly target: TargetId,
    readonly kind: IdentifierKind,
    readonly discoveryKey: string,
    readonly reason: string,
    /** A message of the caller's own (made one line here); default: the key, where, and `reason`. */
    message?: string,
  ) {
    super(
      message === undefined
        ? `the ${kind} key ${visibleKey(discoveryKey)} cannot be used in ${target} code: ${reason}`
        : oneLine(message),
    );
    this.name = "UnsafeIdentifier";
  }
}

/**
 * A key quoted on one line, with every invisible or line-breaking character escaped (JSON.stringify leaves
 * U+0085, U+2028, bidi controls and DEL raw): the message must stay one readable line in a terminal or a page.
 */
export function visibleKey(key: string): string {
  return oneLine(JSON.stringify(key));
}

/** `text` with every control, format, line/paragraph separator and lone surrogate as `\uXXXX`: one visible line. */
export function oneLine(text: string): string {
  return text.replace(
    /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

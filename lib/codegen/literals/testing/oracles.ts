/**
 * TEST-ONLY IO: the real parsers our escapers are checked against (CPython's `ast`, the TypeScript parser
 * plus `new Function`, bash/dash). Each oracle takes a whole batch and starts at most one process, so a
 * property test or the benchmark costs one process per batch, not per case. Never imported by library code.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import ts from "typescript";

import type { JsonValue } from "@/lib/request/types";

export const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
export const VENV_PYTHON = join(REPO_ROOT, ".venv/bin/python");

/** Runs the venv's python with `script`, feeding `stdin`; returns stdout, throws with stderr on failure. */
export function runPython(script: string, stdin: string): string {
  const r = spawnSync(VENV_PYTHON, ["-c", script], { input: stdin, encoding: "utf8", maxBuffer: 1 << 30 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`python exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/**
 * A Python value, described so that JSON can carry it exactly: strings as code-point lists (lone surrogates
 * survive, and a surrogate *pair* would show as two code points instead of one astral one), ints as decimal
 * text, floats as `repr`, dicts as ordered entry lists.
 */
export type PyTagged =
  | null
  | boolean
  | { readonly s: readonly number[] }
  | { readonly i: string }
  | { readonly f: string }
  | { readonly l: readonly PyTagged[] }
  | { readonly d: ReadonlyArray<readonly [PyTagged, PyTagged]> }
  | { readonly error: string };

/** What a correct literal for `value` evaluates to in Python, tagged as above. */
export function expectedPyTagged(value: JsonValue, floatRepr: (n: number) => string): PyTagged {
  if (value === null || typeof value === "boolean") return value;
  if (typeof value === "string") return { s: codePoints(value) };
  if (typeof value === "number") {
    return Number.isSafeInteger(value) && !Object.is(value, -0)
      ? { i: String(value) }
      : { f: floatRepr(value) };
  }
  if (Array.isArray(value)) return { l: value.map((v) => expectedPyTagged(v, floatRepr)) };
  return {
    d: Object.entries(value).map(([k, v]) => [{ s: codePoints(k) }, expectedPyTagged(v, floatRepr)] as const),
  };
}

/** Code points as Python sees them: `for..of` yields a pair as one, a lone surrogate as itself. */
export function codePoints(s: string): number[] {
  return Array.from(s, (c) => c.codePointAt(0) ?? 0);
}

const PY_EVAL = String.raw`
import ast, json, sys
def tag(v):
    if v is None or isinstance(v, bool): return v
    if isinstance(v, str): return {"s": [ord(c) for c in v]}
    if isinstance(v, int): return {"i": str(v)}
    if isinstance(v, float): return {"f": repr(v)}
    if isinstance(v, list): return {"l": [tag(x) for x in v]}
    if isinstance(v, dict): return {"d": [[tag(k), tag(x)] for k, x in v.items()]}
    return {"error": "unexpected type " + type(v).__name__}
out = []
for lit in json.load(sys.stdin):
    try:
        # Parse from UTF-8 bytes, as a .py file would be, then evaluate the literal only.
        tree = ast.parse(("x = " + lit + "\n").encode("utf-8"), mode="exec")
        stmt = tree.body[0]
        if len(tree.body) != 1 or not isinstance(stmt, ast.Assign):
            raise ValueError("not a single assignment")
        out.append(tag(ast.literal_eval(stmt.value)))
    except Exception as e:
        out.append({"error": type(e).__name__ + ": " + str(e)})
json.dump(out, sys.stdout, ensure_ascii=True)
`;

/** Evaluates each Python literal with `ast.parse` (from UTF-8 bytes) + `ast.literal_eval`, in one process. */
export function pythonEvalLiterals(literals: readonly string[]): PyTagged[] {
  return JSON.parse(runPython(PY_EVAL, JSON.stringify(literals))) as PyTagged[];
}

export type TsEvaluated =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: string };

/**
 * The value of a TS literal expression, computed from the TypeScript compiler's AST (`StringLiteral.text`
 * is the cooked value). Only JSON-shaped syntax is accepted; anything else (template literals, a
 * non-computed `__proto__` key, which would set the prototype) is an error.
 */
export function tsEvalWithParser(literal: string): TsEvaluated {
  const sf = ts.createSourceFile(
    "x.ts",
    `const x = ${literal};\n`,
    ts.ScriptTarget.ES2022,
    true,
    ts.ScriptKind.TS,
  );
  const diagnostics = (sf as unknown as { parseDiagnostics: readonly ts.Diagnostic[] }).parseDiagnostics;
  if (diagnostics.length > 0) {
    return { ok: false, error: ts.flattenDiagnosticMessageText(diagnostics[0]?.messageText ?? "", "\n") };
  }
  const stmt = sf.statements[0];
  const decl = stmt && ts.isVariableStatement(stmt) ? stmt.declarationList.declarations[0] : undefined;
  if (sf.statements.length !== 1 || !decl?.initializer)
    return { ok: false, error: "not a single declaration" };
  try {
    return { ok: true, value: evalNode(decl.initializer) };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

function evalNode(node: ts.Expression): unknown {
  if (ts.isStringLiteral(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (
    ts.isPrefixUnaryExpression(node) &&
    node.operator === ts.SyntaxKind.MinusToken &&
    ts.isNumericLiteral(node.operand)
  ) {
    return -Number(node.operand.text);
  }
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (node.kind === ts.SyntaxKind.NullKeyword) return null;
  if (ts.isArrayLiteralExpression(node)) return node.elements.map((e) => evalNode(e));
  if (ts.isObjectLiteralExpression(node)) {
    const obj: Record<string, unknown> = {};
    for (const p of node.properties) {
      if (!ts.isPropertyAssignment(p)) throw new Error(`unsupported property ${ts.SyntaxKind[p.kind]}`);
      let key: string;
      if (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) {
        key = ts.isIdentifier(p.name) ? p.name.text : p.name.text;
        if (key === "__proto__") throw new Error("non-computed __proto__ key sets the prototype");
      } else if (ts.isComputedPropertyName(p.name) && ts.isStringLiteral(p.name.expression)) {
        key = p.name.expression.text;
      } else {
        throw new Error(`unsupported key ${ts.SyntaxKind[p.name.kind]}`);
      }
      if (Object.hasOwn(obj, key)) throw new Error(`duplicate key ${key}`);
      Object.defineProperty(obj, key, {
        value: evalNode(p.initializer),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return obj;
  }
  throw new Error(`unsupported syntax ${ts.SyntaxKind[node.kind]}`);
}

/** The value of a literal per the JS engine (`new Function`), a second opinion to the AST walk. */
export function tsEvalWithEngine(literal: string): TsEvaluated {
  try {
    return { ok: true, value: new Function(`"use strict"; return (\n${literal}\n);`)() as unknown };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

/**
 * Exact equality for JSON-shaped values: `Object.is` on leaves (so `-0` ≠ `0`), same own keys in the same
 * order, plain `Object.prototype` objects only (a literal that set `__proto__` fails here).
 */
export function exactJsonEqual(a: unknown, b: unknown): boolean {
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => exactJsonEqual(x, b[i]));
  if (Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype)
    return false;
  const ka = Reflect.ownKeys(a);
  const kb = Reflect.ownKeys(b);
  return (
    ka.length === kb.length &&
    ka.every(
      (k, i) =>
        k === kb[i] &&
        exactJsonEqual((a as Record<PropertyKey, unknown>)[k], (b as Record<PropertyKey, unknown>)[k]),
    )
  );
}

export type ShellResult = { readonly shell: string; readonly outputs: readonly Buffer[] };

/**
 * Runs ONE script per shell that prints each quoted word followed by NUL (`printf '%s\0' WORD`), and splits
 * the output; `words` are shell source text (e.g. from `shQuote`). Script is a UTF-8 file, as a user's would be.
 */
export function shellEchoWords(
  words: readonly string[],
  shells: readonly string[] = ["bash", "sh"],
): ShellResult[] {
  const dir = mkdtempSync(join(tmpdir(), "shquote-"));
  try {
    const file = join(dir, "words.sh");
    writeFileSync(file, words.map((w) => `printf '%s\\0' ${w}\n`).join(""), "utf8");
    return shells.map((shell) => {
      const r = spawnSync(shell, [file], { maxBuffer: 1 << 30, env: { ...process.env, LC_ALL: "C.UTF-8" } });
      if (r.error) throw r.error;
      if (r.status !== 0) throw new Error(`${shell} exited ${r.status}: ${r.stderr.toString()}`);
      const outputs: Buffer[] = [];
      let start = 0;
      for (let i = 0; i < r.stdout.length; i++) {
        if (r.stdout[i] === 0) {
          outputs.push(r.stdout.subarray(start, i));
          start = i + 1;
        }
      }
      return { shell, outputs };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

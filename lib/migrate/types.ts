/** Types of the migration assistant ("Fix my old code"). Pure; see ./README.md. */
import type { SyntaxNode, Tree } from "@lezer/common";

export type MigrateLanguage = "python" | "javascript" | "typescript";

/** Replace source[from, to) with `insert` (an insertion when from === to). Offsets are UTF-16 indices. */
export interface Edit {
  readonly from: number;
  readonly to: number;
  readonly insert: string;
}

/** One thing a rule found, with the edits that fix it (none: the user must fix it by hand, `manual` says how). */
export interface RuleOutcome {
  readonly node: { readonly from: number; readonly to: number };
  readonly message: string;
  readonly edits: readonly Edit[];
  /** What to do by hand when the edits cannot be applied (always say it: a conflict can drop the edits). */
  readonly manual?: string;
  /** Top-level import lines the edits need (`import os`); added once, after the file's own imports. */
  readonly imports?: readonly string[];
  /** Top-level helper definitions the edits need (whole functions); added once, after the imports. */
  readonly definitions?: readonly string[];
}

export interface RuleContext {
  readonly source: string;
  readonly tree: Tree;
  readonly language: MigrateLanguage;
  /** The user chose "no browser on this machine". */
  readonly headless: boolean;
  /** Text of a node. */
  text(node: { from: number; to: number }): string;
}

export interface Rule {
  /** Stable id, printed by the CLI (`FILE:LINE:COL: rule-id: message`). */
  readonly id: string;
  readonly languages: readonly ("python" | "js")[];
  /** Google's migration guide or the library's changelog: why this is a finding. */
  readonly why: string;
  run(ctx: RuleContext): readonly RuleOutcome[];
}

export interface Finding {
  readonly ruleId: string;
  /** 1-based line and column (column in UTF-16 code units, like editors). */
  readonly line: number;
  readonly column: number;
  readonly from: number;
  readonly to: number;
  readonly message: string;
  readonly why: string;
  /** True when the output fixes it; false when it must be fixed by hand (see `manual`). */
  readonly fixed: boolean;
  readonly manual?: string;
}

export interface MigrateResult {
  readonly findings: readonly Finding[];
  /** The rewritten file: the input byte for byte except for the fixes. Equal to the input when nothing is fixed. */
  readonly output: string;
  /** Set when the file could not be analysed at all (then no findings, output = input). */
  readonly error?: string;
}

export type { SyntaxNode, Tree };

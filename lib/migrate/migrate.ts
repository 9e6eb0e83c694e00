/**
 * migrate(source, {language, headless}) → {findings, output}: runs every rule on the syntax tree, keeps each
 * finding's edits only when they apply cleanly (no overlap with another finding's edits, output still parses);
 * otherwise the finding is reported as "fix by hand" and nothing is changed there — never a half-applied edit.
 */
import { editsConflict, applyEdits } from "./edits";
import { pythonLeftoverEdits } from "./leftovers";
import { pythonPreambleEdit } from "./preamble";
import { RULES } from "./rules";
import { hasSyntaxErrors, lineColumn, parseSource } from "./syntax";
import type {
  Edit,
  Finding,
  MigrateLanguage,
  MigrateResult,
  Rule,
  RuleContext,
  RuleOutcome,
  Tree,
} from "./types";

export interface MigrateOptions {
  readonly language: MigrateLanguage;
  /** Choose the headless (no browser) sign-in where a rule offers one. */
  readonly headless?: boolean;
  /** Defaults to every rule (tests pass one). */
  readonly rules?: readonly Rule[];
}

const MANUAL_CONFLICT =
  "This could not be rewritten safely together with another fix here; apply the change described above by hand.";

/** Guesses the language from a file name (.py, .js/.cjs/.mjs/.jsx, .ts/.mts/.cts/.tsx); undefined when unknown. */
export function languageOfFileName(name: string): MigrateLanguage | undefined {
  const ext = /\.([A-Za-z]+)$/.exec(name)?.[1]?.toLowerCase();
  if (ext === "py") return "python";
  if (ext && ["js", "cjs", "mjs", "jsx"].includes(ext)) return "javascript";
  if (ext && ["ts", "mts", "cts", "tsx"].includes(ext)) return "typescript";
  return undefined;
}

const TOO_DEEP =
  "The file is nested too deeply to analyse (the parser ran out of stack); nothing was changed. Split the deepest expression and try again.";

export function migrate(source: string, options: MigrateOptions): MigrateResult {
  try {
    return migrateTree(source, options);
  } catch (e) {
    // The parsers and tree walks recurse on nesting depth: a pathological file must not crash the page or the CLI.
    if (e instanceof RangeError && /call stack/i.test(e.message))
      return { findings: [], output: source, error: TOO_DEEP };
    throw e;
  }
}

/**
 * Python, after the fixes: the imports and helpers they need go after the *rewritten* file's imports (computed on
 * the output, so they never overlap a fix that rewrote the last import), and the imports / OOB constant the fixes
 * left unused go (./leftovers.ts; names the added helpers read count as read). One parse of the output for both —
 * a pathological file must not be parsed over and over. `plain` is the result without the leftover removals.
 */
function finishPython(
  source: string,
  tree: Tree,
  output: string,
  fixed: Iterable<RuleOutcome>,
): { output: string; plain: string } {
  const outcomes = [...fixed];
  const outTree = parseSource(output, "python");
  const preamble = pythonPreambleEdit(
    output,
    outTree,
    outcomes.flatMap((o) => o.imports ?? []),
    outcomes.flatMap((o) => o.definitions ?? []),
  );
  const plain = preamble ? applyEdits(output, [preamble]) : output;
  if (hasSyntaxErrors(outTree)) return { output: plain, plain };
  const all = pythonLeftoverEdits(source, tree, output, outTree, preamble?.insert ?? "");
  if (all.length === 0) return { output: plain, plain };
  // The preamble goes after the last import; when that import is itself a leftover, the preamble takes its line.
  const taken = preamble && all.find((e) => editsConflict(e, preamble));
  const merged =
    taken &&
    preamble &&
    preamble.insert.startsWith("\n") &&
    preamble.from > taken.from &&
    preamble.from < taken.to
      ? { ...taken, insert: `${preamble.insert.slice(1)}\n` }
      : undefined;
  const leftovers = all.filter((e) => e !== taken);
  const rest = merged ? [merged] : preamble ? [preamble] : [];
  if (taken && !merged && leftovers.length === 0) return { output: plain, plain };
  return { output: applyEdits(output, [...leftovers, ...rest]), plain };
}

function migrateTree(source: string, options: MigrateOptions): MigrateResult {
  const { language } = options;
  const tree = parseSource(source, language);
  const family = language === "python" ? "python" : "js";
  const ctx: RuleContext = {
    source,
    tree,
    language,
    headless: options.headless ?? false,
    text: (n) => source.slice(n.from, n.to),
  };
  const results: { rule: Rule; outcome: RuleOutcome }[] = [];
  for (const rule of options.rules ?? RULES) {
    if (!rule.languages.includes(family)) continue;
    for (const outcome of rule.run(ctx)) results.push({ rule, outcome });
  }
  results.sort((a, b) => a.outcome.node.from - b.outcome.node.from);

  const accepted: Edit[] = [];
  const fixed = new Set<RuleOutcome>();
  for (const { outcome } of results) {
    if (outcome.edits.length === 0) continue;
    if (outcome.edits.some((e) => accepted.some((a) => editsConflict(a, e)))) continue;
    accepted.push(...outcome.edits);
    fixed.add(outcome);
  }
  let output = applyEdits(source, accepted);
  let plain = output;
  if (language === "python" && fixed.size > 0)
    ({ output, plain } = finishPython(source, tree, output, fixed));
  const breaks = (text: string): boolean =>
    accepted.length > 0 && !hasSyntaxErrors(tree) && hasSyntaxErrors(parseSource(text, language));
  if (breaks(output)) {
    // Without the leftover removals, if they were the cause; else a rewrite that breaks the file is worse than
    // none: report everything as manual.
    if (plain !== output && !breaks(plain)) output = plain;
    else {
      fixed.clear();
      output = source;
    }
  }

  const findings: Finding[] = results.map(({ rule, outcome }) => {
    const { line, column } = lineColumn(source, outcome.node.from);
    const isFixed = fixed.has(outcome);
    const manual = isFixed ? undefined : (outcome.manual ?? MANUAL_CONFLICT);
    return {
      ruleId: rule.id,
      line,
      column,
      from: outcome.node.from,
      to: outcome.node.to,
      message: outcome.message,
      why: rule.why,
      fixed: isFixed,
      ...(manual !== undefined ? { manual } : {}),
    };
  });
  return { findings, output };
}

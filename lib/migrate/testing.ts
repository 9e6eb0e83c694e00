/** Test helper: migrate with one rule only. */
import { migrate } from "./migrate";
import type { MigrateLanguage, MigrateResult, Rule } from "./types";

export function withRule(
  rule: Rule,
  source: string,
  language: MigrateLanguage = "python",
  headless = false,
): MigrateResult {
  return migrate(source, { language, headless, rules: [rule] });
}

/**
 * `explorer migrate FILE|-`: the migrated file on stdout, one finding per line on stderr
 * (`FILE:LINE:COL: rule-id: message`). Exit 0 when there is nothing to change, 1 when something was found, 2 on
 * usage errors — an unreadable file or an unknown language included, so 1 always means "findings".
 */
import { languageOfFileName, migrate } from "../migrate/migrate";
import type { Finding } from "../migrate/types";
import type { MigrateCommand } from "./args";
import type { CliIO, CliResult } from "./commands";

const PREFIX = "explorer: ";

function findingLine(label: string, f: Finding): string {
  const byHand = f.fixed ? "" : ` (fix by hand: ${f.manual ?? "see the link"})`;
  return `${label}:${f.line}:${f.column}: ${f.ruleId}: ${f.message}${byHand}\n`;
}

function usageError(message: string): CliResult {
  return { exitCode: 2, stdout: "", stderr: `${PREFIX}${message}\n` };
}

export async function runMigrate(command: MigrateCommand, io: CliIO): Promise<CliResult> {
  const label = command.file === "-" ? "stdin" : command.file;
  const language = command.lang ?? languageOfFileName(command.file);
  if (!language)
    return usageError(`cannot tell the language of ${label}: use --lang python|javascript|typescript`);
  let source: string;
  try {
    source = command.file === "-" ? await io.readStdin() : await io.readFile(command.file);
  } catch (e) {
    const code = typeof e === "object" && e !== null && "code" in e ? String(e.code) : "";
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "it is a directory"
          : e instanceof Error
            ? e.message
            : String(e);
    return usageError(`cannot read ${label}: ${why}`);
  }
  const { findings, output, error } = migrate(source, { language, headless: command.headless });
  if (error) return usageError(`cannot analyse ${label}: ${error}`);
  const stderr = findings.map((f) => findingLine(label, f)).join("");
  const exitCode = findings.length > 0 ? 1 : 0;
  if (command.mode === "check") return { exitCode, stdout: "", stderr };
  if (command.mode === "write") {
    if (output !== source) {
      if (!io.writeFile) return usageError("--write is not available here");
      try {
        await io.writeFile(command.file, output);
      } catch (e) {
        return {
          exitCode: 1,
          stdout: "",
          stderr: `${stderr}${PREFIX}cannot write ${label}: ${e instanceof Error ? e.message : String(e)}\n`,
        };
      }
    }
    return { exitCode, stdout: "", stderr };
  }
  return { exitCode, stdout: output, stderr };
}

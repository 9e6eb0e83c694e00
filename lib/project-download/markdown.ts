/** Markdown helpers for the project README (lib/project-download) and the targets' run sections. Pure. */

/** Markdown-safe inline code: backticks inside become a longer fence. */
export function code(text: string): string {
  const fence = text.includes("`") ? "``" : "`";
  return `${fence}${text}${fence}`;
}

/** `export NAME=...` and, for Windows, its PowerShell twin. */
export function exportLine(name: string): string {
  return `${code(`export ${name}=...`)} (PowerShell: ${code(`$env:${name}="..."`)})`;
}

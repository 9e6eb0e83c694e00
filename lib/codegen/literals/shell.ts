/**
 * POSIX shell quoting for user values in generated curl commands: the only way a user value enters them.
 *
 * Strong quoting: inside `'…'` every byte is literal in every POSIX shell (bash, dash, zsh in sh mode), so
 * the only special case is `'` itself, written `'\''` (close, escaped quote, reopen).
 * @see https://pubs.opengroup.org/onlinepubs/9699919799/utilities/V3_chap02.html#tag_18_02_02
 */

/**
 * A value no shell word can carry: NUL (argv strings are NUL-terminated C strings, so a shell argument can
 * never contain one — put such data in a file and use `--data-binary @file`), or a lone UTF-16 surrogate
 * (not encodable as UTF-8, so the script itself could not contain it).
 */
export class UnrepresentableInShell extends Error {
  constructor(
    readonly reason: "nul" | "lone-surrogate",
    readonly index: number,
  ) {
    super(
      reason === "nul"
        ? `A shell argument cannot contain NUL (at index ${index}); pass the data through a file instead`
        : `A shell script cannot contain a lone UTF-16 surrogate (at index ${index}); it has no UTF-8 encoding`,
    );
    this.name = "UnrepresentableInShell";
  }
}

function assertRepresentable(s: string): void {
  const nul = s.indexOf("\0");
  if (nul !== -1) throw new UnrepresentableInShell("nul", nul);
  const lone = /\p{Cs}/u.exec(s);
  if (lone) throw new UnrepresentableInShell("lone-surrogate", lone.index);
}

/**
 * Single-quotes `s` for a POSIX shell: `it's` → `'it'\''s'`, `""` → `''`. Newlines, `$`, backticks, `\`,
 * `!` (bash history expansion is off in scripts and does not apply inside single quotes) are all literal.
 * @throws UnrepresentableInShell for NUL or a lone surrogate.
 */
export function shQuote(s: string): string {
  assertRepresentable(s);
  return `'${s.replaceAll("'", "'\\''")}'`;
}

/**
 * Characters that never need quoting in an argument (Python `shlex.quote`'s safe set). Only for arguments:
 * a first word containing `=` would be an assignment.
 * @see https://github.com/python/cpython/blob/3.11/Lib/shlex.py (_find_unsafe)
 */
const SHELL_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** `s` bare when every character is safe (`https://x.googleapis.com/v1/a`), else {@link shQuote}. */
export function shQuoteIfNeeded(s: string): string {
  return SHELL_SAFE.test(s) ? s : shQuote(s);
}

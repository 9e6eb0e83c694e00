/**
 * The "download to file" snippet option as a link may carry it: a bare file name in the current folder, or none.
 *
 * A share link is written by someone else, and the snippet it produces writes the downloaded media to this name
 * (`open(name, "wb")`, `createWriteStream(name)`, `curl --output name`). So a name from a link must not be able
 * to reach another folder (`../../.bashrc`, `~/.ssh/authorized_keys`, `/etc/x`, `C:\x`, `\\host\share`) or a
 * file that configures the shell or a tool (dotfiles such as `.bashrc`, `.npmrc`). A name the user types into
 * the code panel or passes to the CLI (`--download-to`) is their own choice and is not limited. Pure.
 */

/** Longest accepted name (characters); common file systems allow 255 bytes. */
export const MAX_DOWNLOAD_NAME_LENGTH = 128;

/** Path separators, Windows drive/stream colons and the characters Windows forbids in names. */
const FORBIDDEN = /[/\\:<>"|?*]/;
/** C0 and C1 controls, DEL, and the Unicode line/paragraph separators and bidi controls (names shown in code). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;
/** Windows device names, which are not files in any folder (`NUL`, `COM1.txt`). */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/**
 * `name` when it is a plain file name for the current folder: not empty, at most MAX_DOWNLOAD_NAME_LENGTH
 * characters, no separator or forbidden character, no control character, not starting with `.`, `~` or `-`
 * (hidden files, home shorthand, options), not ending with a space or dot, not a Windows device name; else null.
 */
export function bareDownloadName(name: string): string | null {
  if (name === "" || name.length > MAX_DOWNLOAD_NAME_LENGTH) return null;
  if (FORBIDDEN.test(name) || CONTROL.test(name)) return null;
  if (/^[.~-]/.test(name) || /[ .]$/.test(name)) return null;
  if (WINDOWS_DEVICE.test(name)) return null;
  return name;
}

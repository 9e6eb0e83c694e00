/**
 * A file name as a link may carry it: a bare file name in the current folder, or none. Two snippet inputs are file
 * names: "download to file" (`downloadTo`, written: `open(name, "wb")`, `createWriteStream(name)`, `curl --output
 * name`) and the upload's `media.fileName` (read and sent to the API: `MediaFileUpload(name)`, `createReadStream`,
 * `curl --data-binary @name`).
 *
 * A share link is written by someone else, so a name from a link must not reach another folder
 * (`../../.bashrc`, `~/.ssh/authorized_keys`, `/etc/x`, `C:\x`, `\\host\share`) or a file that configures the
 * shell or a tool or holds secrets (dotfiles such as `.bashrc`, `.npmrc`, `.env`): written, it could take over the
 * visitor's account on their machine; read, it could upload their key. A name the user types into the code panel
 * or passes to the CLI (`--download-to`, a `--request` file) is their own choice and is not limited; a file picked
 * for upload in the page is a bare name already. Pure.
 */

/** Longest accepted name (characters); common file systems allow 255 bytes. */
export const MAX_FILE_NAME_LENGTH = 128;

/** Path separators, Windows drive/stream colons and the characters Windows forbids in names. */
const FORBIDDEN = /[/\\:<>"|?*]/;
/** C0 and C1 controls, DEL, and the Unicode line/paragraph separators and bidi controls (names shown in code). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;
/** Windows device names, which are not files in any folder (`NUL`, `COM1.txt`). */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/**
 * `name` when it is a plain file name for the current folder: not empty, at most MAX_FILE_NAME_LENGTH
 * characters, no separator or forbidden character, no control character, not starting with `.`, `~` or `-`
 * (hidden files, home shorthand, options), not ending with a space or dot, not a Windows device name; else null.
 */
export function bareFileName(name: string): string | null {
  if (name === "" || name.length > MAX_FILE_NAME_LENGTH) return null;
  if (FORBIDDEN.test(name) || CONTROL.test(name)) return null;
  if (/^[.~-]/.test(name) || /[ .]$/.test(name)) return null;
  if (WINDOWS_DEVICE.test(name)) return null;
  return name;
}

/**
 * Test helper: the installed google-api-python-client snapshot (never committed). Tests that need it use
 * `describe.skipIf(!SNAPSHOT_DIR)` and say why in the suite name.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { defaultSnapshotDir, parseDocumentFileName } from "../sources/snapshot";

const projectRoot = join(__dirname, "..", "..", "..");
const candidate = defaultSnapshotDir(projectRoot);
export const SNAPSHOT_DIR: string | null = candidate && existsSync(candidate) ? candidate : null;
export const SNAPSHOT_SKIP_REASON = SNAPSHOT_DIR
  ? ""
  : " (SKIPPED: no google-api-python-client snapshot under .venv — run scripts/setup.sh or set EXPLORER_SNAPSHOT_DIR)";

export const snapshotFiles = (): string[] =>
  SNAPSHOT_DIR
    ? readdirSync(SNAPSHOT_DIR)
        .filter((f) => parseDocumentFileName(f))
        .sort()
    : [];

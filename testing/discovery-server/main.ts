/**
 * Run the fake Discovery service:
 *   npx tsx testing/discovery-server/main.ts --port 3190 [--host 127.0.0.1] [--snapshot DIR | --no-snapshot]
 *                                           [--fixtures DIR] [--delay MS]
 */
import { parseArgs } from "node:util";

import { DEFAULT_FIXTURES_DIR, FakeDiscovery, findSnapshotDir } from "./server";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "3190" },
    host: { type: "string", default: "127.0.0.1" },
    snapshot: { type: "string" },
    "no-snapshot": { type: "boolean", default: false },
    fixtures: { type: "string", default: DEFAULT_FIXTURES_DIR },
    delay: { type: "string", default: "0" },
  },
});

const snapshotDir = values["no-snapshot"] ? null : (values.snapshot ?? findSnapshotDir());
if (!values["no-snapshot"] && snapshotDir === null) {
  console.error(
    "discovery-server: no snapshot found under .venv/lib/python3.*/…/discovery_cache/documents (run scripts/setup.sh, or pass --snapshot DIR / --no-snapshot)",
  );
  process.exit(2);
}
const fake = new FakeDiscovery({ snapshotDir, fixturesDir: values.fixtures, delayMs: Number(values.delay) });
const port = Number(values.port);
fake.listen(port, values.host).then(
  () =>
    console.log(
      `discovery-server: ${fake.size} documents on http://${values.host}:${port}/discovery/v1/apis`,
    ),
  (err: unknown) => {
    console.error(`discovery-server: cannot listen on ${values.host}:${port}:`, err);
    process.exit(1);
  },
);

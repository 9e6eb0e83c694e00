// Runs the fake-Google harness tests on their own:  npx vitest run -c testing/fake-google/vitest.config.ts
// (The root vitest.config.ts includes only lib/** and scripts/**; add "testing/**/*.test.ts" there to fold these in.)
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  test: {
    include: ["testing/fake-google/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

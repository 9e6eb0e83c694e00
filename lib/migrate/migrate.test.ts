import { describe, expect, it } from "vitest";

import { languageOfFileName, migrate } from "./migrate";
import { hasSyntaxErrors, parseSource } from "./syntax";

const LEGACY_PY = `import os
import google_auth_oauthlib.flow

os.environ["OAUTHLIB_INSECURE_TRANSPORT"] = "1"
flow = google_auth_oauthlib.flow.InstalledAppFlow.from_client_secrets_file("c.json", ["s"])
credentials = flow.run_console()
`;

describe("migrate", () => {
  it("reports line, column, rule id and a link, and rewrites only the findings", () => {
    const r = migrate(LEGACY_PY, { language: "python" });
    expect(r.findings.map((f) => [f.ruleId, f.line, f.column, f.fixed])).toEqual([
      ["py-insecure-transport", 4, 1, true],
      ["py-run-console", 6, 15, true],
    ]);
    expect(r.findings.every((f) => f.why.startsWith("https://"))).toBe(true);
    // \`import os\` only served the removed line: it goes too.
    expect(r.output).toBe(`import google_auth_oauthlib.flow

flow = google_auth_oauthlib.flow.InstalledAppFlow.from_client_secrets_file("c.json", ["s"])
credentials = flow.run_local_server(port=0)
`);
  });

  it("leaves current code alone: the names in comments and strings are not findings", () => {
    const src = `# flow.run_console() was removed; we use run_local_server.
msg = "flow.run_console() and urn:ietf:wg:oauth:2.0:oob and OAUTHLIB_INSECURE_TRANSPORT"
from google_auth_oauthlib.flow import InstalledAppFlow
creds = InstalledAppFlow.from_client_secrets_file("c.json", ["s"]).run_local_server(port=0)
`;
    const r = migrate(src, { language: "python" });
    expect(r.findings).toEqual([]);
    expect(r.output).toBe(src);
  });

  it("keeps CRLF line endings and the user's formatting", () => {
    const src = "creds = flow.run_console()\r\nprint( creds )  # mine\r\n";
    expect(migrate(src, { language: "python" }).output).toBe(
      "creds = flow.run_local_server(port=0)\r\nprint( creds )  # mine\r\n",
    );
  });

  it("headless: run_console becomes the no-browser sign-in, with its helper and import", () => {
    const r = migrate("import json\n\ncreds = flow.run_console()\n", { language: "python", headless: true });
    expect(r.output).toContain("creds = sign_in_without_browser(flow)");
    expect(r.output).toContain("import urllib.parse");
    expect(r.output).toMatch(/def sign_in_without_browser\(flow\):/);
    expect(r.output).not.toContain("OAUTHLIB_INSECURE_TRANSPORT");
    expect(hasSyntaxErrors(parseSource(r.output, "python"))).toBe(false);
  });

  it("a file nested too deeply for the parser gets a clear error, not a crash, and is left unchanged", () => {
    const src = `x = ${"(".repeat(50_000)}flow.run_console()${")".repeat(50_000)}\n`;
    const r = migrate(src, { language: "python" });
    expect(r.error).toMatch(/nested too deeply/);
    expect(r.findings).toEqual([]);
    expect(r.output).toBe(src);
  });

  it("guesses the language from the file name", () => {
    expect(languageOfFileName("quickstart.py")).toBe("python");
    expect(languageOfFileName("index.cjs")).toBe("javascript");
    expect(languageOfFileName("a.mts")).toBe("typescript");
    expect(languageOfFileName("README.md")).toBeUndefined();
  });
});

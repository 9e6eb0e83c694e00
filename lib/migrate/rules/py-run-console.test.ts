import { describe, expect, it } from "vitest";

import { withRule } from "../testing";
import { pyRunConsole } from "./py-run-console";

describe("py-run-console", () => {
  it("rewrites flow.run_console() to run_local_server(port=0)", () => {
    const r = withRule(pyRunConsole, "credentials = flow.run_console()\n");
    expect(r.output).toBe("credentials = flow.run_local_server(port=0)\n");
    expect(r.findings[0]).toMatchObject({ ruleId: "py-run-console", line: 1, column: 15, fixed: true });
  });

  it("chooses the headless sign-in when the file reads a code with input()", () => {
    const r = withRule(pyRunConsole, 'creds = flow.run_console()\nname = input("name? ")\n');
    expect(r.output).toContain("creds = sign_in_without_browser(flow)\n");
  });

  it("explains, and changes nothing, when run_console has arguments", () => {
    const src = 'creds = flow.run_console(authorization_prompt_message="Go: {url}")\n';
    const r = withRule(pyRunConsole, src);
    expect(r.output).toBe(src);
    expect(r.findings[0]?.fixed).toBe(false);
    expect(r.findings[0]?.manual).toMatch(/run_local_server\(port=0\)/);
  });

  it("no finding for the name in a comment, a string, or another method", () => {
    const src =
      '# flow.run_console()\nprint("flow.run_console()")\nflow.run_local_server(port=0)\nrun_console = 1\n';
    const r = withRule(pyRunConsole, src);
    expect(r.findings).toEqual([]);
    expect(r.output).toBe(src);
  });
});

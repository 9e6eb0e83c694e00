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

  it("keeps the arguments run_local_server still takes, drops the code prompt (keywords)", () => {
    const src =
      'creds = flow.run_console(\n    authorization_prompt_message="Go: {url}",\n    authorization_code_message="Code: ",\n    login_hint=EMAIL)\n';
    const r = withRule(pyRunConsole, src);
    expect(r.output).toBe(
      'creds = flow.run_local_server(port=0, \n    authorization_prompt_message="Go: {url}",\n    login_hint=EMAIL)\n',
    );
    expect(r.findings[0]?.fixed).toBe(true);
  });

  it("positional messages: the first becomes authorization_prompt_message=, the second goes; **kwargs stay", () => {
    const r = withRule(pyRunConsole, "c = flow.run_console(PROMPT, 'Code: ', **opts)\n");
    expect(r.output).toBe("c = flow.run_local_server(port=0, authorization_prompt_message=PROMPT, **opts)\n");
  });

  it("a keyword run_local_server would take for itself (it changes meaning), or a call as a message: by hand", () => {
    for (const src of [
      "c = flow.run_console(host='example.com')\n",
      "c = flow.run_console(authorization_code_message=ask())\n",
      "c = flow.run_console(*args)\n",
    ]) {
      const r = withRule(pyRunConsole, src);
      expect(r.output).toBe(src);
      expect(r.findings[0]?.fixed).toBe(false);
      expect(r.findings[0]?.manual).toMatch(/run_local_server\(port=0, …\)/);
    }
  });

  it("headless with only the prompt messages: the helper (which prints its own); other arguments: by hand", () => {
    const r = withRule(
      pyRunConsole,
      "c = flow.run_console(authorization_code_message='Code: ')\n",
      "python",
      true,
    );
    expect(r.output).toContain("c = sign_in_without_browser(flow)\n");
    const kept = "c = flow.run_console(login_hint=EMAIL)\n";
    expect(withRule(pyRunConsole, kept, "python", true).output).toBe(kept);
  });

  it("no finding for the name in a comment, a string, or another method", () => {
    const src =
      '# flow.run_console()\nprint("flow.run_console()")\nflow.run_local_server(port=0)\nrun_console = 1\n';
    const r = withRule(pyRunConsole, src);
    expect(r.findings).toEqual([]);
    expect(r.output).toBe(src);
  });
});

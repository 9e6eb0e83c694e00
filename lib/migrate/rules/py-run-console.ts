/**
 * py-run-console: `flow.run_console()` was removed in google-auth-oauthlib 1.0.0 (it used the out-of-band flow
 * Google blocked) → `flow.run_local_server(port=0)`, or the headless sign-in when the user chooses "no browser"
 * or the file itself prompts for a code with input().
 */
import type { Rule, RuleOutcome } from "../types";
import { PY_HEADLESS_HELPER, PY_HEADLESS_HELPER_NAME, PY_HEADLESS_IMPORTS } from "./python-headless";
import { containsCallOf, isEmptyArgList, methodCalls } from "./python-ast";

export const pyRunConsole: Rule = {
  id: "py-run-console",
  languages: ["python"],
  why: "https://github.com/googleapis/google-auth-oauthlib/releases/tag/v1.0.0",
  run(ctx) {
    const headless = ctx.headless || containsCallOf(ctx.tree.topNode, "input", ctx);
    return methodCalls(ctx, "run_console").map((m): RuleOutcome => {
      const flow = ctx.text(m.object);
      const manual = headless
        ? `Replace ${flow}.run_console(…) with a sign-in that prints the URL and reads the redirected address (see the headless flow).`
        : `Replace ${flow}.run_console(…) with ${flow}.run_local_server(port=0); move any arguments for authorization_url() to it.`;
      const base = {
        node: m.call,
        message: `run_console() no longer exists (removed in google-auth-oauthlib 1.0): use the ${headless ? "headless" : "loopback"} sign-in.`,
        manual,
      };
      // Arguments of run_console (prompt messages, authorization_url kwargs) have no exact counterpart.
      if (!isEmptyArgList(m.args)) return { ...base, edits: [] };
      if (headless)
        return {
          ...base,
          edits: [{ from: m.call.from, to: m.call.to, insert: `${PY_HEADLESS_HELPER_NAME}(${flow})` }],
          imports: PY_HEADLESS_IMPORTS,
          definitions: [PY_HEADLESS_HELPER],
        };
      return {
        ...base,
        edits: [{ from: m.property.from, to: m.args.to, insert: "run_local_server(port=0)" }],
      };
    });
  },
};

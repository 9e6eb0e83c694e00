/**
 * js-oob-code-prompt: Node quickstarts that print an auth URL and read the code back with readline (with the
 * out-of-band redirect from an old credentials.json, or written in the code). Google blocks that flow. Their
 * callback structure varies too much to rewrite safely, so this explains what to do and changes nothing.
 */
import type { SyntaxNode } from "@lezer/common";

import { findAll } from "../syntax";
import type { Rule, RuleOutcome } from "../types";

const OOB = "urn:ietf:wg:oauth:2.0:oob";

export const jsOobCodePrompt: Rule = {
  id: "js-oob-code-prompt",
  languages: ["js"],
  why: "https://developers.google.com/identity/protocols/oauth2/resources/oob-migration",
  run(ctx) {
    const manual =
      "Start a local server on 127.0.0.1:0, pass redirect_uri: http://127.0.0.1:<port> (with PKCE and state) to generateAuthUrl, open the URL, read the code from the request to your server and call getToken({code, codeVerifier, redirect_uri}). The explorer's TypeScript snippets show the whole flow.";
    const out: RuleOutcome[] = [];
    const members = findAll(ctx.tree, "MemberExpression");
    const prop = (m: SyntaxNode): string =>
      m.lastChild?.name === "PropertyName" ? ctx.text(m.lastChild) : "";
    const makesAuthUrl = members.some((m) => prop(m) === "generateAuthUrl");
    for (const s of findAll(ctx.tree, "String")) {
      const v = ctx.text(s).slice(1, -1);
      if (v === OOB || v === `${OOB}:auto`)
        out.push({
          node: s,
          message: "The out-of-band redirect (urn:ietf:wg:oauth:2.0:oob) is blocked by Google.",
          manual,
          edits: [],
        });
    }
    if (makesAuthUrl)
      for (const m of members) {
        if (prop(m) !== "question" || m.parent?.name !== "CallExpression") continue;
        out.push({
          node: m,
          message:
            "Pasting the code back into a prompt only works with the blocked out-of-band flow: use a loopback redirect.",
          manual,
          edits: [],
        });
      }
    return out;
  },
};

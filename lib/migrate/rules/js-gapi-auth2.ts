/**
 * js-gapi-auth2: the Google Sign-In JavaScript library (`gapi.auth2`) is deprecated and no longer works for new
 * clients. Its replacement, Google Identity Services, has a different model (a token client, no sign-in state), so
 * there is no safe automatic rewrite: explained, nothing changed.
 */
import { findAll } from "../syntax";
import type { Rule, RuleOutcome } from "../types";

export const jsGapiAuth2: Rule = {
  id: "js-gapi-auth2",
  languages: ["js"],
  why: "https://developers.google.com/identity/oauth2/web/guides/migration-to-gis",
  run(ctx) {
    const out: RuleOutcome[] = [];
    for (const m of findAll(ctx.tree, "MemberExpression")) {
      const obj = m.firstChild;
      const prop = m.lastChild;
      if (obj?.name !== "VariableName" || ctx.text(obj) !== "gapi" || prop?.name !== "PropertyName") continue;
      if (ctx.text(prop) !== "auth2") continue;
      out.push({
        node: m,
        message:
          "gapi.auth2 (Google Sign-In for websites) is deprecated: browser code must use Google Identity Services.",
        manual:
          "Load https://accounts.google.com/gsi/client and request tokens with google.accounts.oauth2.initTokenClient({client_id, scope, callback}); then gapi.client.setToken(token). There is no one-to-one rewrite.",
        edits: [],
      });
    }
    return out;
  },
};

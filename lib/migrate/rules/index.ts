/** Every migration rule, in the order their findings are listed when they start at the same place. */
import type { Rule } from "../types";
import { hardcodedSecret } from "./secrets";
import { jsGapiAuth2 } from "./js-gapi-auth2";
import { jsLocalAuth } from "./js-local-auth";
import { jsOobCodePrompt } from "./js-oob-code-prompt";
import { pyApiclientImport } from "./py-apiclient-import";
import { pyInsecureTransport } from "./py-insecure-transport";
import { pyOauth2client } from "./py-oauth2client";
import { pyOobRedirect } from "./py-oob-redirect";
import { pyRunConsole } from "./py-run-console";

export const RULES: readonly Rule[] = [
  pyRunConsole,
  pyOobRedirect,
  pyOauth2client,
  pyApiclientImport,
  pyInsecureTransport,
  jsLocalAuth,
  jsOobCodePrompt,
  jsGapiAuth2,
  hardcodedSecret,
];

/**
 * The Python target's auth emitters: one per auth kind (lib/request/auth-kinds.ts), in a Record keyed by the kind,
 * so a kind without one does not compile. Each says what to install, what the header tells the user, what to
 * import, what to define before `main()` and what `build()` receives. Pure; values only through pyString/pyLiteral.
 *
 * @see https://googleapis.dev/python/google-auth/latest/user-guide.html (default, service_account, impersonated)
 * @see https://github.com/googleapis/google-auth-library-python-oauthlib/blob/main/google_auth_oauthlib/flow.py
 */
import type { CodeBuilder } from "@/lib/codegen/code-builder";
import { pyLiteral, pyString } from "@/lib/codegen/literals/python";
import { HEADLESS_REDIRECT_URI, pushHeadlessHeader } from "@/lib/codegen/targets/headless";
import type { SnippetInput, SnippetOptions } from "@/lib/codegen/types";
import type { AuthKindId, AuthOf } from "@/lib/request/auth-kinds";

import {
  pushAdcHeader,
  pushDelegationHeader,
  pushImpersonationHeader,
  pushKeyWarning,
  pushQuotaProjectHint,
  SOURCE_SCOPE,
} from "../server-auth";

/** The pinned versions the snippets are proven against (python/requirements.txt, the venv). */
export const PY_CLIENT = "google-api-python-client>=2.201,<3";
export const PY_OAUTHLIB = "google-auth-oauthlib>=1.5,<2";
/** google-auth comes with google-api-python-client; named because the snippet imports it itself. */
export const PY_GOOGLE_AUTH = "google-auth>=2.63,<3";

export interface PyAuthContext {
  readonly input: SnippetInput;
  readonly options: SnippetOptions;
}

export interface PyImports {
  /** `import x` of the standard library. */
  readonly stdlib?: readonly string[];
  /** `from x import y` lines of the standard library. */
  readonly stdlibFrom?: readonly string[];
  /** Third-party `import …` / `from … import …` lines. */
  readonly thirdParty?: readonly string[];
  /** Names from googleapiclient.http. */
  readonly http?: readonly string[];
}

export interface PythonAuthEmitter<K extends AuthKindId> {
  /** What `pip install` needs, in order (the Install line and requirements.txt). */
  readonly packages: readonly string[];
  /** How the imported packages are named (the line after Install). */
  readonly importedAs: string;
  /** Header lines after the Install line: what the credentials are and how to get them. */
  header(push: (line: string) => void, auth: AuthOf<K>, ctx: PyAuthContext): void;
  imports(auth: AuthOf<K>, ctx: PyAuthContext): PyImports;
  /** Top-level definitions before `main()` (SCOPES, get_credentials()). */
  definitions(b: CodeBuilder, auth: AuthOf<K>, ctx: PyAuthContext): void;
  /** Statements at the start of `main()`; returns the keyword arguments of `build()`. */
  buildArgs(b: CodeBuilder, auth: AuthOf<K>, ctx: PyAuthContext): string[];
  /** The comment line of the HTTP fallback saying what the authorized http adds. */
  readonly fallbackHow: string;
}

export function pipInstall(packages: readonly string[]): string {
  return `pip install ${packages.map((p) => `"${p}"`).join(" ")}`;
}

/** The scopes a scoped kind asks for: the chosen ones, else the method's (as the OAuth snippet always did). */
function scopesOf(auth: { readonly scopes: readonly string[] }, input: SnippetInput): string[] {
  return [...(auth.scopes.length > 0 ? auth.scopes : input.method.scopes)];
}

/**
 * `sign_in_without_browser()`: the authorization URL with PKCE (the flow generates and keeps the verifier) and a
 * random `state`, then the pasted address. oauthlib refuses an `http://` authorization response
 * (InsecureTransportError) and the snippet must never set OAUTHLIB_INSECURE_TRANSPORT, so the address is parsed
 * here and only the code goes to `fetch_token(code=…)`.
 */
function emitHeadlessSignIn(b: CodeBuilder): void {
  const { push, block } = b;
  block("def sign_in_without_browser():", () => {
    push('"""Signs in on another device: prints the URL, reads back the address the browser ended on."""');
    push('flow = InstalledAppFlow.from_client_secrets_file("credentials.json", SCOPES)');
    push("flow.redirect_uri = REDIRECT_URI");
    push("state = secrets.token_urlsafe(32)");
    push('auth_url, _ = flow.authorization_url(access_type="offline", state=state)');
    push('print("Open this URL in a browser on any device and sign in:")');
    push("print(auth_url)");
    push("print()");
    push('print("The browser then fails to load a page on " + REDIRECT_URI + ".")');
    block("try:", () => {
      push('pasted = input("Copy the whole address from its address bar and paste it here: ")');
    });
    block("except EOFError:", () => push('sys.exit("Sign-in cancelled: no address was pasted.")'));
    push("query = parse_qs(urlsplit(pasted.strip()).query)");
    block('if query.get("state") != [state]:', () => {
      push("sys.exit(");
      push('"Sign-in refused: the state in the pasted address does not match this sign-in. "', 1);
      push('"Paste the address that the URL printed by this run led to."', 1);
      push(")");
    });
    block('if "error" in query:', () => push('sys.exit("Sign-in failed: " + query["error"][0])'));
    block('if not query.get("code"):', () => {
      push('sys.exit("Sign-in failed: the pasted address has no code.")');
    });
    push("# fetch_token sends the PKCE verifier the flow made for authorization_url.");
    push('flow.fetch_token(code=query["code"][0])');
    push("return flow.credentials");
  });
}

const oauth: PythonAuthEmitter<"oauth"> = {
  packages: [PY_CLIENT, PY_OAUTHLIB],
  importedAs: "#   (the packages are imported as googleapiclient and google_auth_oauthlib).",
  header(push, auth) {
    push(
      '# credentials.json: an OAuth client ID of type "Desktop app", created and downloaded in the Google',
    );
    push("#   Cloud console under APIs & Services → Credentials → Create credentials → OAuth client ID.");
    if (auth.flow === "headless") pushHeadlessHeader(push, "#", "run_local_server(port=8080)");
    else
      push(
        "#   Keep it next to this file. Sign-in opens your browser and returns to a local port (loopback flow).",
      );
  },
  imports(auth, { options }) {
    const headless = auth.flow === "headless";
    const tokenCache = options.tokenCache === true;
    return {
      stdlib: [...(tokenCache ? ["os"] : []), ...(headless ? ["secrets"] : ["webbrowser"])],
      stdlibFrom: headless ? ["from urllib.parse import parse_qs, urlsplit"] : [],
      thirdParty: [
        ...(tokenCache
          ? [
              "from google.auth.exceptions import RefreshError",
              "from google.auth.transport.requests import Request",
              "from google.oauth2.credentials import Credentials",
            ]
          : []),
        "from google_auth_oauthlib.flow import InstalledAppFlow",
      ],
    };
  },
  definitions(b, auth, { input, options }) {
    const { push, blank, block } = b;
    const headless = auth.flow === "headless";
    const tokenCache = options.tokenCache === true;
    push(`SCOPES = ${pyLiteral(scopesOf(auth, input))}`);
    if (tokenCache) {
      push("# token.json caches your tokens between runs. Delete it when you change SCOPES.");
      push('TOKEN_FILE = "token.json"');
    }
    if (headless) {
      push("# The sign-in returns here; nothing listens on it (see the header).");
      push(`REDIRECT_URI = ${pyString(HEADLESS_REDIRECT_URI)}`);
      blank(2);
      emitHeadlessSignIn(b);
    } else {
      blank(2);
      block("def browser_available():", () => {
        push('"""False on a machine without a browser: the sign-in URL is then only printed."""');
        block("try:", () => {
          push("webbrowser.get()");
          push("return True");
        });
        block("except webbrowser.Error:", () => push("return False"));
      });
    }
    blank(2);
    block("def get_credentials():", () => {
      if (tokenCache) {
        push("creds = None");
        block("if os.path.exists(TOKEN_FILE):", () => {
          push("creds = Credentials.from_authorized_user_file(TOKEN_FILE, SCOPES)");
        });
        block("if creds and creds.valid:", () => push("return creds"));
        block("if creds and creds.expired and creds.refresh_token:", () => {
          block("try:", () => push("creds.refresh(Request())"));
          block("except RefreshError:", () => push("creds = None"));
        });
        block("if not creds or not creds.valid:", () => {
          if (headless) {
            push("creds = sign_in_without_browser()");
            return;
          }
          push('flow = InstalledAppFlow.from_client_secrets_file("credentials.json", SCOPES)');
          push("creds = flow.run_local_server(port=0, open_browser=browser_available())");
        });
        block('with open(TOKEN_FILE, "w") as token:', () => push("token.write(creds.to_json())"));
        push("return creds");
      } else if (headless) {
        push("return sign_in_without_browser()");
      } else {
        push('flow = InstalledAppFlow.from_client_secrets_file("credentials.json", SCOPES)');
        push("# Listens on a free local port; prints the sign-in URL and opens it in your browser.");
        push("return flow.run_local_server(port=0, open_browser=browser_available())");
      }
    });
  },
  buildArgs: () => ["credentials=get_credentials()"],
  fallbackHow: "#   (it adds your access token and refreshes it).",
};

const apiKey: PythonAuthEmitter<"apiKey"> = {
  packages: [PY_CLIENT],
  importedAs: "#   (the package is imported as googleapiclient).",
  header: (push) =>
    push("# Set GOOGLE_API_KEY to an API key (Google Cloud console → APIs & Services → Credentials)."),
  imports: () => ({ stdlib: ["os"] }),
  definitions: () => {},
  buildArgs({ push, block }) {
    push('api_key = os.environ.get("GOOGLE_API_KEY")');
    block("if not api_key:", () => {
      push('sys.exit("Set the GOOGLE_API_KEY environment variable to your API key.")');
    });
    return ["developerKey=api_key"];
  },
  fallbackHow:
    "#   (without credentials); the API key goes in the x-goog-api-key header, as the explorer sends it.",
};

const none: PythonAuthEmitter<"none"> = {
  packages: [PY_CLIENT],
  importedAs: "#   (the package is imported as googleapiclient).",
  header: (push) => push("# No credentials: this request is sent without authorization."),
  imports: () => ({ http: ["build_http"] }),
  definitions: () => {},
  buildArgs({ push }) {
    push("# http= keeps build() from looking for Application Default Credentials.");
    return ["http=build_http()"];
  },
  fallbackHow: "#   (it sends no credentials).",
};

const SERVER_IMPORTED_AS = "#   (the packages are imported as googleapiclient and google.auth).";
const SERVER_FALLBACK_HOW = "#   (it adds the credentials' access token and refreshes it).";

const adc: PythonAuthEmitter<"adc"> = {
  packages: [PY_CLIENT, PY_GOOGLE_AUTH],
  importedAs: SERVER_IMPORTED_AS,
  header(push) {
    pushAdcHeader(push, "#", "google.auth.default()");
    pushQuotaProjectHint(push, "#");
  },
  imports: () => ({ thirdParty: ["import google.auth"] }),
  definitions({ push, blank, block }, auth, { input }) {
    push(`SCOPES = ${pyLiteral(scopesOf(auth, input))}`);
    blank(2);
    block("def get_credentials():", () => {
      push('"""Application Default Credentials (see the header), with SCOPES."""');
      push("credentials, _ = google.auth.default(scopes=SCOPES)");
      push("return credentials");
    });
  },
  buildArgs: () => ["credentials=get_credentials()"],
  fallbackHow: SERVER_FALLBACK_HOW,
};

const serviceAccount: PythonAuthEmitter<"serviceAccount"> = {
  packages: [PY_CLIENT, PY_GOOGLE_AUTH],
  importedAs: SERVER_IMPORTED_AS,
  header(push, auth) {
    push(
      "# Credentials: a service-account key (JSON). Set GOOGLE_APPLICATION_CREDENTIALS to the key file's path",
    );
    push("#   (Google Cloud console → IAM & Admin → Service accounts → Keys → Add key → JSON).");
    pushKeyWarning(push, "#");
    if (auth.subject !== undefined) pushDelegationHeader(push, "#");
  },
  imports: () => ({ stdlib: ["os"], thirdParty: ["from google.oauth2 import service_account"] }),
  definitions({ push, blank, block }, auth, { input }) {
    push(`SCOPES = ${pyLiteral(scopesOf(auth, input))}`);
    if (auth.subject !== undefined) {
      push("# Domain-wide delegation: the Workspace user the service account acts as.");
      push(`SUBJECT = ${pyString(auth.subject)}`);
    }
    blank(2);
    block("def get_credentials():", () => {
      push('key_file = os.environ.get("GOOGLE_APPLICATION_CREDENTIALS")');
      block("if not key_file:", () => {
        push(
          'sys.exit("Set GOOGLE_APPLICATION_CREDENTIALS to the path of the service account\'s JSON key.")',
        );
      });
      const subject = auth.subject !== undefined ? ", subject=SUBJECT" : "";
      push("return service_account.Credentials.from_service_account_file(");
      push(`key_file, scopes=SCOPES${subject}`, 1);
      push(")");
    });
  },
  buildArgs: () => ["credentials=get_credentials()"],
  fallbackHow: SERVER_FALLBACK_HOW,
};

const impersonate: PythonAuthEmitter<"impersonate"> = {
  packages: [PY_CLIENT, PY_GOOGLE_AUTH],
  importedAs: SERVER_IMPORTED_AS,
  header(push) {
    pushImpersonationHeader(push, "#", "google.auth.default()");
  },
  imports: () => ({
    thirdParty: ["import google.auth", "from google.auth import impersonated_credentials"],
  }),
  definitions({ push, blank, block }, auth, { input }) {
    push(`SCOPES = ${pyLiteral(scopesOf(auth, input))}`);
    push("# The service account whose access token the call carries.");
    push(`TARGET_SERVICE_ACCOUNT = ${pyString(auth.serviceAccount)}`);
    blank(2);
    block("def get_credentials():", () => {
      push('"""Your Application Default Credentials, impersonating TARGET_SERVICE_ACCOUNT."""');
      push(`source, _ = google.auth.default(scopes=[${pyString(SOURCE_SCOPE)}])`);
      push("return impersonated_credentials.Credentials(");
      push("source_credentials=source,", 1);
      push("target_principal=TARGET_SERVICE_ACCOUNT,", 1);
      push("target_scopes=SCOPES,", 1);
      push("lifetime=3600,", 1);
      push(")");
    });
  },
  buildArgs: () => ["credentials=get_credentials()"],
  fallbackHow: SERVER_FALLBACK_HOW,
};

export const PYTHON_AUTH: { readonly [K in AuthKindId]: PythonAuthEmitter<K> } = {
  oauth,
  adc,
  serviceAccount,
  impersonate,
  apiKey,
  none,
};

/** The emitter of `auth`'s kind, typed for that auth. */
export function pythonAuth<K extends AuthKindId>(auth: AuthOf<K>): PythonAuthEmitter<K> {
  return PYTHON_AUTH[auth.type as K];
}

/**
 * The headless ("no browser on this machine") sign-in the Python rules emit when the user asks for it. Same shape
 * as the explorer's headless flow: a loopback redirect URI nothing listens on; the user pastes the address the
 * browser could not load; state is compared here and the code exchanged with fetch_token(code=…). oauthlib refuses
 * an http:// authorization_response, and OAUTHLIB_INSECURE_TRANSPORT must never be set, so the URL is parsed here.
 * @see https://github.com/googleapis/google-auth-oauthlib/issues/278
 */
export const PY_HEADLESS_HELPER_NAME = "sign_in_without_browser";

export const PY_HEADLESS_IMPORTS = ["import urllib.parse"] as const;

export const PY_HEADLESS_HELPER = `def ${PY_HEADLESS_HELPER_NAME}(flow):
    """Sign-in on a machine without a browser: open the URL anywhere, then paste the address you land on."""
    flow.redirect_uri = "http://localhost:1/"
    auth_url, state = flow.authorization_url(access_type="offline", prompt="consent")
    print("Open this URL in a browser on any machine and sign in:\\n" + auth_url)
    pasted = input("The browser then fails to open a localhost page. Paste that page's full address here: ")
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(pasted.strip()).query)
    if query.get("state", [""])[0] != state:
        raise SystemExit("Sign-in failed: the pasted address is not from this sign-in (state differs).")
    if "code" not in query:
        raise SystemExit("Sign-in failed: " + query.get("error", ["no code in the pasted address"])[0])
    flow.fetch_token(code=query["code"][0])
    return flow.credentials`;

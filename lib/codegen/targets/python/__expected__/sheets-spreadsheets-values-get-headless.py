# sheets.spreadsheets.values.get: GET https://sheets.googleapis.com/v4/spreadsheets/{spreadsheetId}/values/{range}
# Returns a range of values from a spreadsheet.
#
# Install: pip install "google-api-python-client>=2.201,<3" "google-auth-oauthlib>=1.5,<2"
#   (the packages are imported as googleapiclient and google_auth_oauthlib).
# credentials.json: an OAuth client ID of type "Desktop app", created and downloaded in the Google
#   Cloud console under APIs & Services → Credentials → Create credentials → OAuth client ID.
#   Keep it next to this file. No browser on this machine: the snippet prints a sign-in URL; open it on
#   any device and sign in. The browser then fails to load a page on
#   http://localhost:8080/?code=…&state=… — copy that whole address from its address bar and
#   paste it here. The snippet checks the state and exchanges the code with its PKCE (S256) verifier.
# Alternative: ssh -L 8080:localhost:8080 <this machine> from a machine with a browser,
#   then run the loopback-flow snippet here with run_local_server(port=8080).
# Run: python snippet.py

import json
import secrets
import sys
from urllib.parse import parse_qs, urlsplit

from google_auth_oauthlib.flow import InstalledAppFlow
from googleapiclient.discovery import build
from googleapiclient.errors import HttpError

SCOPES = [
    "https://www.googleapis.com/auth/spreadsheets.readonly",
]
# The sign-in returns here; nothing listens on it (see the header).
REDIRECT_URI = "http://localhost:8080/"


def sign_in_without_browser():
    """Signs in on another device: prints the URL, reads back the address the browser ended on."""
    flow = InstalledAppFlow.from_client_secrets_file("credentials.json", SCOPES)
    flow.redirect_uri = REDIRECT_URI
    state = secrets.token_urlsafe(32)
    auth_url, _ = flow.authorization_url(access_type="offline", state=state)
    print("Open this URL in a browser on any device and sign in:")
    print(auth_url)
    print()
    print("The browser then fails to load a page on " + REDIRECT_URI + ".")
    try:
        pasted = input("Copy the whole address from its address bar and paste it here: ")
    except EOFError:
        sys.exit("Sign-in cancelled: no address was pasted.")
    query = parse_qs(urlsplit(pasted.strip()).query)
    if query.get("state") != [state]:
        sys.exit(
            "Sign-in refused: the state in the pasted address does not match this sign-in. "
            "Paste the address that the URL printed by this run led to."
        )
    if "error" in query:
        sys.exit("Sign-in failed: " + query["error"][0])
    if not query.get("code"):
        sys.exit("Sign-in failed: the pasted address has no code.")
    # fetch_token sends the PKCE verifier the flow made for authorization_url.
    flow.fetch_token(code=query["code"][0])
    return flow.credentials


def get_credentials():
    return sign_in_without_browser()


def main():
    service = build("sheets", "v4", credentials=get_credentials())

    request = service.spreadsheets().values().get(
        spreadsheetId="1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms",
        range="Class Data!A2:E",
        majorDimension="ROWS",
        valueRenderOption="FORMATTED_VALUE",
    )
    response = request.execute()
    print(json.dumps(response, indent=2))


if __name__ == "__main__":
    try:
        main()
    except HttpError as error:
        print(f"The API returned HTTP {error.status_code}: {error.reason}", file=sys.stderr)
        sys.exit(1)

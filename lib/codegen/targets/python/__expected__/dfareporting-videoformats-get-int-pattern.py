# dfareporting.videoFormats.get: GET https://dfareporting.googleapis.com/dfareporting/v4/userprofiles/{+profileId}/videoFormats/{+id}
# Gets one video format by ID.
#
# Install: pip install "google-api-python-client>=2.201,<3" "google-auth-oauthlib>=1.5,<2"
#   (the packages are imported as googleapiclient and google_auth_oauthlib).
# credentials.json: an OAuth client ID of type "Desktop app", created and downloaded in the Google
#   Cloud console under APIs & Services → Credentials → Create credentials → OAuth client ID.
#   Keep it next to this file. Sign-in opens your browser and returns to a local port (loopback flow).
# Run: python snippet.py

import json
import sys
import webbrowser

from google_auth_oauthlib.flow import InstalledAppFlow
from googleapiclient.discovery import build
from googleapiclient.errors import HttpError

SCOPES = [
    "https://www.googleapis.com/auth/dfatrafficking",
]


def browser_available():
    """False on a machine without a browser: the sign-in URL is then only printed."""
    try:
        webbrowser.get()
        return True
    except webbrowser.Error:
        return False


def get_credentials():
    flow = InstalledAppFlow.from_client_secrets_file("credentials.json", SCOPES)
    # Listens on a free local port; prints the sign-in URL and opens it in your browser.
    return flow.run_local_server(port=0, open_browser=browser_available())


def main():
    service = build("dfareporting", "v4", credentials=get_credentials())

    request = service.videoFormats().get(
        profileId="123",
        id="1",
    )
    response = request.execute()
    print(json.dumps(response, indent=2))


if __name__ == "__main__":
    try:
        main()
    except HttpError as error:
        print(f"The API returned HTTP {error.status_code}: {error.reason}", file=sys.stderr)
        sys.exit(1)

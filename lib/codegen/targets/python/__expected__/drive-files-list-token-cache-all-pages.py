# drive.files.list: GET https://www.googleapis.com/drive/v3/files
# Lists the user's files.
#
# Install: pip install "google-api-python-client>=2.201,<3" "google-auth-oauthlib>=1.5,<2"
#   (the packages are imported as googleapiclient and google_auth_oauthlib).
# credentials.json: an OAuth client ID of type "Desktop app", created and downloaded in the Google
#   Cloud console under APIs & Services → Credentials → Create credentials → OAuth client ID.
#   Keep it next to this file. Sign-in opens your browser and returns to a local port (loopback flow).
# Run: python snippet.py

import json
import os
import sys
import webbrowser

from google.auth.exceptions import RefreshError
from google.auth.transport.requests import Request
from google.oauth2.credentials import Credentials
from google_auth_oauthlib.flow import InstalledAppFlow
from googleapiclient.discovery import build
from googleapiclient.errors import HttpError

SCOPES = [
    "https://www.googleapis.com/auth/drive.metadata.readonly",
]
# token.json caches your tokens between runs. Delete it when you change SCOPES.
TOKEN_FILE = "token.json"


def browser_available():
    """False on a machine without a browser: the sign-in URL is then only printed."""
    try:
        webbrowser.get()
        return True
    except webbrowser.Error:
        return False


def get_credentials():
    creds = None
    if os.path.exists(TOKEN_FILE):
        creds = Credentials.from_authorized_user_file(TOKEN_FILE, SCOPES)
    if creds and creds.valid:
        return creds
    if creds and creds.expired and creds.refresh_token:
        try:
            creds.refresh(Request())
        except RefreshError:
            creds = None
    if not creds or not creds.valid:
        flow = InstalledAppFlow.from_client_secrets_file("credentials.json", SCOPES)
        creds = flow.run_local_server(port=0, open_browser=browser_available())
    with open(TOKEN_FILE, "w") as token:
        token.write(creds.to_json())
    return creds


def main():
    service = build("drive", "v3", credentials=get_credentials())

    request = service.files().list(
        corpora="user",
        pageSize=50,
        q="name contains 'report' and trashed = false",
        fields="nextPageToken, files(id, name)",
    )
    while request is not None:
        response = request.execute()
        print(json.dumps(response, indent=2))
        request = service.files().list_next(request, response)


if __name__ == "__main__":
    try:
        main()
    except HttpError as error:
        print(f"The API returned HTTP {error.status_code}: {error.reason}", file=sys.stderr)
        sys.exit(1)

# zoo.zoos.animals.getPhoto: GET https://zoo.googleapis.com/zoo/v1/v1/{+name}/photo
# Downloads the animal's photo (media download).
#
# Install: pip install "google-api-python-client>=2.201,<3" "google-auth-oauthlib>=1.5,<2"
#   (the packages are imported as googleapiclient and google_auth_oauthlib).
# credentials.json: an OAuth client ID of type "Desktop app", created and downloaded in the Google
#   Cloud console under APIs & Services → Credentials → Create credentials → OAuth client ID.
#   Keep it next to this file. Sign-in opens your browser and returns to a local port (loopback flow).
# This API is not packaged with google-api-python-client, so build() downloads its Discovery document
#   (static_discovery=False).
# Run: python snippet.py

import sys
import webbrowser

from google_auth_oauthlib.flow import InstalledAppFlow
from googleapiclient.discovery import build
from googleapiclient.errors import HttpError
from googleapiclient.http import MediaIoBaseDownload

SCOPES = [
    "https://www.googleapis.com/auth/zoo.readonly",
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
    service = build("zoo", "v1", credentials=get_credentials(), static_discovery=False)

    request = service.zoos().animals().getPhoto_media(
        name="zoos/lagos/animals/leo",
    )
    with open("leo's photo.jpg", "wb") as out:
        downloader = MediaIoBaseDownload(out, request)
        done = False
        while not done:
            status, done = downloader.next_chunk()
            print(f"Downloaded {int(status.progress() * 100)}%")
    print("Saved", "leo's photo.jpg")


if __name__ == "__main__":
    try:
        main()
    except HttpError as error:
        print(f"The API returned HTTP {error.status_code}: {error.reason}", file=sys.stderr)
        sys.exit(1)

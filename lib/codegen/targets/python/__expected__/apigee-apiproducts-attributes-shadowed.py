# apigee.organizations.apiproducts.attributes: POST https://apigee.googleapis.com/v1/{+name}/attributes
# Updates or creates API product attributes.
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
    "https://www.googleapis.com/auth/cloud-platform",
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
    service = build("apigee", "v1", credentials=get_credentials())

    # The usual call, service.organizations().apiproducts().attributes(...), does not work:
    #   google-api-python-client replaces the method "attributes" with the nested resource
    #   of the same name (TypeError: methodResource() got an unexpected keyword argument).
    # So this sends the explorer's request itself, through the HTTP object build() created
    #   (it adds your access token and refreshes it).
    url = "https://apigee.googleapis.com/v1/organizations/my-org/apiproducts/my-product/attributes"
    headers = {
        "content-type": "application/json",
    }
    response, content = service._http.request(
        url,
        method="POST",
        body=json.dumps({
            "attribute": [
                {
                    "name": "access",
                    "value": "public",
                },
            ],
        }),
        headers=headers,
    )
    if response.status >= 300:
        raise HttpError(response, content, uri=url)
    print(json.dumps(json.loads(content) if content else {}, indent=2))


if __name__ == "__main__":
    try:
        main()
    except HttpError as error:
        print(f"The API returned HTTP {error.status_code}: {error.reason}", file=sys.stderr)
        sys.exit(1)

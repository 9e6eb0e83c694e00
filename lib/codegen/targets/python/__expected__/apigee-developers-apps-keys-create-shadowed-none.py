# apigee.organizations.developers.apps.keys.create: POST https://apigee.googleapis.com/v1/{+parent}/keys
# Creates a custom consumer key and secret for a developer app.
#
# Install: pip install "google-api-python-client>=2.201,<3"
#   (the package is imported as googleapiclient).
# No credentials: this request is sent without authorization.
# Run: python snippet.py

import json
import sys

from googleapiclient.discovery import build
from googleapiclient.errors import HttpError
from googleapiclient.http import build_http


def main():
    # http= keeps build() from looking for Application Default Credentials.
    service = build("apigee", "v1", http=build_http())

    # The usual call, service.organizations().developers().apps().keys().create(...), does not work:
    #   google-api-python-client replaces the method "create" with the nested resource
    #   of the same name (TypeError: methodResource() got an unexpected keyword argument).
    # So this sends the explorer's request itself, through the HTTP object build() created
    #   (it sends no credentials).
    url = "https://apigee.googleapis.com/v1/organizations/my-org/developers/dev@example.com/apps/my-app/keys"
    headers = {
        "content-type": "application/json",
    }
    response, content = service._http.request(
        url,
        method="POST",
        body=json.dumps({
            "consumerKey": "key-1",
            "consumerSecret": "secret-1",
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

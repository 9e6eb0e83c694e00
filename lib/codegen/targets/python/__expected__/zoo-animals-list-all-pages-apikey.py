# zoo.zoos.animals.list: GET https://zoo.googleapis.com/zoo/v1/v1/{+parent}/animals
# Lists animals.
#
# Install: pip install "google-api-python-client>=2.201,<3"
#   (the package is imported as googleapiclient).
# Set GOOGLE_API_KEY to an API key (Google Cloud console → APIs & Services → Credentials).
# This API is not packaged with google-api-python-client, so build() downloads its Discovery document
#   (static_discovery=False).
# Run: python snippet.py

import json
import os
import sys

from googleapiclient.discovery import build
from googleapiclient.errors import HttpError


def main():
    api_key = os.environ.get("GOOGLE_API_KEY")
    if not api_key:
        sys.exit("Set the GOOGLE_API_KEY environment variable to your API key.")
    service = build("zoo", "v1", developerKey=api_key, static_discovery=False)

    request = service.zoos().animals().list(
        parent="zoos/lagos",
        pageSize=100,
    )
    while request is not None:
        response = request.execute()
        print(json.dumps(response, indent=2))
        request = service.zoos().animals().list_next(request, response)


if __name__ == "__main__":
    try:
        main()
    except HttpError as error:
        print(f"The API returned HTTP {error.status_code}: {error.reason}", file=sys.stderr)
        sys.exit(1)

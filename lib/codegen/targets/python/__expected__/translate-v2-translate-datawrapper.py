# language.translations.translate: POST https://translation.googleapis.com/language/translate/v2
# Translates input text, returning translated text.
#
# Install: pip install "google-api-python-client>=2.201,<3"
#   (the package is imported as googleapiclient).
# Set GOOGLE_API_KEY to an API key (Google Cloud console → APIs & Services → Credentials).
# This API uses "dataWrapper": the library sends the body as {"data": …} and unwraps the response.
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
    service = build("translate", "v2", developerKey=api_key)

    request = service.translations().translate(
        body={
            "q": [
                "Hello, world",
                "It's \"fine\"",
            ],
            "target": "de",
            "format": "text",
        },
    )
    response = request.execute()
    print(json.dumps(response, indent=2))


if __name__ == "__main__":
    try:
        main()
    except HttpError as error:
        print(f"The API returned HTTP {error.status_code}: {error.reason}", file=sys.stderr)
        sys.exit(1)

# zoo.well-known.getOpenid-configuration: GET https://zoo.googleapis.com/zoo/v1/.well-known/openid-configuration
# Hyphenated resource and method names.
#
# Install: pip install "google-api-python-client>=2.201,<3"
#   (the package is imported as googleapiclient).
# No credentials: this request is sent without authorization.
# This API is not packaged with google-api-python-client, so build() downloads its Discovery document
#   (static_discovery=False).
# Run: python snippet.py

import json
import sys

from googleapiclient.discovery import build
from googleapiclient.errors import HttpError
from googleapiclient.http import build_http


def main():
    # http= keeps build() from looking for Application Default Credentials.
    service = build("zoo", "v1", http=build_http(), static_discovery=False)

    request = service.well_known().getOpenid_configuration()
    response = request.execute()
    print(json.dumps(response, indent=2))


if __name__ == "__main__":
    try:
        main()
    except HttpError as error:
        print(f"The API returned HTTP {error.status_code}: {error.reason}", file=sys.stderr)
        sys.exit(1)

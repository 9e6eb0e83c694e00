# pubsub.projects.topics.list: GET https://pubsub.googleapis.com/v1/{+project}/topics
# Lists matching topics.
#
# Install: pip install "google-api-python-client>=2.201,<3" "google-auth>=2.63,<3"
#   (the packages are imported as googleapiclient and google.auth).
# Credentials: a service-account key (JSON). Set GOOGLE_APPLICATION_CREDENTIALS to the key file's path
#   (Google Cloud console → IAM & Admin → Service accounts → Keys → Add key → JSON).
# Warning: a key is a long-lived secret: whoever has the file acts as the service account. Prefer
#   impersonation or Application Default Credentials (the attached service account on Google Cloud);
#   keep the key out of version control and rotate it.
# Run: python snippet.py

import json
import os
import sys

from google.oauth2 import service_account
from googleapiclient.discovery import build
from googleapiclient.errors import HttpError

SCOPES = [
    "https://www.googleapis.com/auth/pubsub",
]


def get_credentials():
    key_file = os.environ.get("GOOGLE_APPLICATION_CREDENTIALS")
    if not key_file:
        sys.exit("Set GOOGLE_APPLICATION_CREDENTIALS to the path of the service account's JSON key.")
    return service_account.Credentials.from_service_account_file(
        key_file, scopes=SCOPES
    )


def main():
    service = build("pubsub", "v1", credentials=get_credentials())

    request = service.projects().topics().list(
        project="projects/my-project",
    )
    response = request.execute()
    print(json.dumps(response, indent=2))


if __name__ == "__main__":
    try:
        main()
    except HttpError as error:
        print(f"The API returned HTTP {error.status_code}: {error.reason}", file=sys.stderr)
        sys.exit(1)

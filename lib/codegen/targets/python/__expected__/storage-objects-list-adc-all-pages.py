# storage.objects.list: GET https://storage.googleapis.com/storage/v1/b/{bucket}/o
# Retrieves a list of objects matching the criteria.
#
# Install: pip install "google-api-python-client>=2.201,<3" "google-auth>=2.63,<3"
#   (the packages are imported as googleapiclient and google.auth).
# Credentials: Application Default Credentials, found by google.auth.default():
#   - on a workstation: gcloud auth application-default login (once);
#   - on Google Cloud (Compute Engine, Cloud Run, GKE, Cloud Functions): the attached service account;
#   - elsewhere (CI, another cloud): GOOGLE_APPLICATION_CREDENTIALS=<path of a credentials file>.
#   No key or path in this code.
# With your own user credentials, set the quota project the API bills: gcloud auth application-default
#   set-quota-project PROJECT_ID, or GOOGLE_CLOUD_QUOTA_PROJECT=PROJECT_ID.
# Run: python snippet.py

import json
import sys

import google.auth
from googleapiclient.discovery import build
from googleapiclient.errors import HttpError

SCOPES = [
    "https://www.googleapis.com/auth/devstorage.read_only",
]


def get_credentials():
    """Application Default Credentials (see the header), with SCOPES."""
    credentials, _ = google.auth.default(scopes=SCOPES)
    return credentials


def main():
    service = build("storage", "v1", credentials=get_credentials())

    request = service.objects().list(
        bucket="my-bucket",
        prefix="logs/",
    )
    while request is not None:
        response = request.execute()
        print(json.dumps(response, indent=2))
        request = service.objects().list_next(request, response)


if __name__ == "__main__":
    try:
        main()
    except HttpError as error:
        print(f"The API returned HTTP {error.status_code}: {error.reason}", file=sys.stderr)
        sys.exit(1)

# directory.users.list: GET https://admin.googleapis.com/admin/directory/v1/users
# Retrieves a paginated list of either deleted users or all users in a domain.
#
# Install: pip install "google-api-python-client>=2.201,<3" "google-auth>=2.63,<3"
#   (the packages are imported as googleapiclient and google.auth).
# Credentials: a service-account key (JSON). Set GOOGLE_APPLICATION_CREDENTIALS to the key file's path
#   (Google Cloud console → IAM & Admin → Service accounts → Keys → Add key → JSON).
# Warning: a key is a long-lived secret: whoever has the file acts as the service account. Prefer
#   impersonation or Application Default Credentials (the attached service account on Google Cloud);
#   keep the key out of version control and rotate it.
# Domain-wide delegation: the code acts as SUBJECT. A Workspace super admin must allow the service
#   account's client ID for these scopes (Admin console → Security → API controls → Domain-wide
#   delegation).
# Run: python snippet.py

import json
import os
import sys

from google.oauth2 import service_account
from googleapiclient.discovery import build
from googleapiclient.errors import HttpError

SCOPES = [
    "https://www.googleapis.com/auth/admin.directory.user.readonly",
]
# Domain-wide delegation: the Workspace user the service account acts as.
SUBJECT = "admin@example.com"


def get_credentials():
    key_file = os.environ.get("GOOGLE_APPLICATION_CREDENTIALS")
    if not key_file:
        sys.exit("Set GOOGLE_APPLICATION_CREDENTIALS to the path of the service account's JSON key.")
    return service_account.Credentials.from_service_account_file(
        key_file, scopes=SCOPES, subject=SUBJECT
    )


def main():
    service = build("admin", "directory_v1", credentials=get_credentials())

    request = service.users().list(
        customer="my_customer",
        maxResults=50,
        orderBy="email",
    )
    response = request.execute()
    print(json.dumps(response, indent=2))


if __name__ == "__main__":
    try:
        main()
    except HttpError as error:
        print(f"The API returned HTTP {error.status_code}: {error.reason}", file=sys.stderr)
        sys.exit(1)

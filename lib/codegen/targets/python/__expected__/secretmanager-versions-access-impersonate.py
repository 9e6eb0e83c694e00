# secretmanager.projects.secrets.versions.access: GET https://secretmanager.googleapis.com/v1/{+name}:access
# Accesses a SecretVersion.
#
# Install: pip install "google-api-python-client>=2.201,<3" "google-auth>=2.63,<3"
#   (the packages are imported as googleapiclient and google.auth).
# Credentials: your Application Default Credentials (found by google.auth.default(): gcloud auth
#   application-default login on a workstation, the attached service account on Google Cloud), used to
#   impersonate TARGET_SERVICE_ACCOUNT through the IAM Credentials API (generateAccessToken). No key.
#   Your identity needs roles/iam.serviceAccountTokenCreator on that service account, and the IAM
#   Service Account Credentials API must be enabled in its project.
# Run: python snippet.py

import json
import sys

import google.auth
from google.auth import impersonated_credentials
from googleapiclient.discovery import build
from googleapiclient.errors import HttpError

SCOPES = [
    "https://www.googleapis.com/auth/cloud-platform",
]
# The service account whose access token the call carries.
TARGET_SERVICE_ACCOUNT = "secret-reader@my-project.iam.gserviceaccount.com"


def get_credentials():
    """Your Application Default Credentials, impersonating TARGET_SERVICE_ACCOUNT."""
    source, _ = google.auth.default(scopes=["https://www.googleapis.com/auth/cloud-platform"])
    return impersonated_credentials.Credentials(
        source_credentials=source,
        target_principal=TARGET_SERVICE_ACCOUNT,
        target_scopes=SCOPES,
        lifetime=3600,
    )


def main():
    service = build("secretmanager", "v1", credentials=get_credentials())

    request = service.projects().secrets().versions().access(
        name="projects/my-project/secrets/db-password/versions/latest",
    )
    response = request.execute()
    print(json.dumps(response, indent=2))


if __name__ == "__main__":
    try:
        main()
    except HttpError as error:
        print(f"The API returned HTTP {error.status_code}: {error.reason}", file=sys.stderr)
        sys.exit(1)

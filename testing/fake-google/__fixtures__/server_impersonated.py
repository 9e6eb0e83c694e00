# Reference snippet (hand-written, NOT generated): ADC as the source, impersonating TARGET_SERVICE_ACCOUNT through
# IAM Credentials generateAccessToken, then Cloud Storage buckets.list.
import json
import os

import google.auth
from google.auth import impersonated_credentials
from googleapiclient.discovery import build

source, _ = google.auth.default(scopes=["https://www.googleapis.com/auth/cloud-platform"])
credentials = impersonated_credentials.Credentials(
    source_credentials=source,
    target_principal=os.environ["TARGET_SERVICE_ACCOUNT"],
    target_scopes=["https://www.googleapis.com/auth/devstorage.read_only"],
    lifetime=600,
)
storage = build("storage", "v1", credentials=credentials)
response = storage.buckets().list(project="fake-project").execute()
print(json.dumps(response))

# Reference snippet (hand-written, NOT generated): a service-account key file named by
# GOOGLE_APPLICATION_CREDENTIALS, optionally with domain-wide delegation (DELEGATED_USER), then Admin SDK
# users.list. ALWAYS_USE_JWT_ACCESS=1 makes google-auth send a self-signed JWT instead of exchanging it.
import json
import os

from google.oauth2 import service_account
from googleapiclient.discovery import build

credentials = service_account.Credentials.from_service_account_file(
    os.environ["GOOGLE_APPLICATION_CREDENTIALS"],
    scopes=["https://www.googleapis.com/auth/admin.directory.user.readonly"],
    subject=os.environ.get("DELEGATED_USER") or None,
    always_use_jwt_access=os.environ.get("ALWAYS_USE_JWT_ACCESS") == "1",
)
admin = build("admin", "directory_v1", credentials=credentials)
response = admin.users().list(customer="my_customer", maxResults=2).execute()
print(json.dumps(response))

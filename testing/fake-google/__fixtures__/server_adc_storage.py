# Reference snippet (hand-written, NOT generated): Application Default Credentials, then Cloud Storage
# buckets.list. The same code runs with an authorized_user or service_account file in
# GOOGLE_APPLICATION_CREDENTIALS, or on Google Cloud (the metadata server). Used only to prove the fake Google.
import json

import google.auth
from googleapiclient.discovery import build

credentials, project = google.auth.default(scopes=["https://www.googleapis.com/auth/cloud-platform"])
storage = build("storage", "v1", credentials=credentials)
response = storage.buckets().list(project=project or "fake-project").execute()
print(json.dumps({"project": project, "response": response}))

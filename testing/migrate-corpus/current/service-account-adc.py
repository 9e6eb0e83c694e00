import google.auth
from googleapiclient.discovery import build

credentials, project = google.auth.default(scopes=["https://www.googleapis.com/auth/cloud-platform"])
service = build("compute", "v1", credentials=credentials)
print(service.instances().list(project=project, zone="europe-west1-b").execute())

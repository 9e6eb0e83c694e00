# Reference snippet (hand-written, NOT generated): loopback OAuth, then a multipart media upload with
# drive files.create (metadata + bytes in one multipart/related request), then a media download of the new file.
import json

from google_auth_oauthlib.flow import InstalledAppFlow
from googleapiclient.discovery import build
from googleapiclient.http import MediaFileUpload

SCOPES = ["https://www.googleapis.com/auth/drive.file"]

flow = InstalledAppFlow.from_client_secrets_file("credentials.json", SCOPES)
creds = flow.run_local_server(port=0)

drive = build("drive", "v3", credentials=creds)
media = MediaFileUpload("report.csv", mimetype="text/csv", resumable=False)
created = drive.files().create(
    body={"name": "report.csv", "mimeType": "text/csv"},
    media_body=media,
    fields="id,name",
).execute()
content = drive.files().get_media(fileId=created["id"]).execute()
print(json.dumps({"created": created, "downloaded": content.decode("utf-8")}, indent=2))

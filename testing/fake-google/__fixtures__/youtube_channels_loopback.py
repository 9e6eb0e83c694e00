# Reference snippet (hand-written, NOT generated): loopback OAuth with google-auth-oauthlib, then YouTube
# channels.list for the signed-in user. Used only to prove the fake-Google harness.
import json

from google_auth_oauthlib.flow import InstalledAppFlow
from googleapiclient.discovery import build

SCOPES = ["https://www.googleapis.com/auth/youtube.readonly"]

flow = InstalledAppFlow.from_client_secrets_file("credentials.json", SCOPES)
creds = flow.run_local_server(port=0)

youtube = build("youtube", "v3", credentials=creds)
response = youtube.channels().list(part="snippet,statistics", mine=True).execute()
print(json.dumps(response, indent=2))

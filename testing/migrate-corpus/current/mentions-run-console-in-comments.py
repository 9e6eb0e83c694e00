"""Migrated in 2023: flow.run_console() was removed from google-auth-oauthlib 1.0.

We no longer use redirect_uri="urn:ietf:wg:oauth:2.0:oob", nor oauth2client, nor
os.environ["OAUTHLIB_INSECURE_TRANSPORT"] = "1".
"""
from google_auth_oauthlib.flow import InstalledAppFlow
from googleapiclient.discovery import build

HELP = "If you see run_console in old code, replace it with run_local_server(port=0)."

# creds = flow.run_console()  # the old way
flow = InstalledAppFlow.from_client_secrets_file("credentials.json", ["https://www.googleapis.com/auth/youtube.readonly"])
creds = flow.run_local_server(port=0, open_browser=False)
youtube = build("youtube", "v3", credentials=creds)
print(youtube.channels().list(part="snippet", mine=True).execute())

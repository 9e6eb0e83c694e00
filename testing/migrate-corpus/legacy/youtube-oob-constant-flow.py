import sys

from google_auth_oauthlib.flow import Flow
from googleapiclient.discovery import build

CLIENT_SECRETS = "client_secret.json"
SCOPES = ["https://www.googleapis.com/auth/youtube.readonly"]
OOB = "urn:ietf:wg:oauth:2.0:oob"  # copy-paste flow, no web server needed


def get_service():
    flow = Flow.from_client_secrets_file(CLIENT_SECRETS, scopes=SCOPES, redirect_uri=OOB)
    url, state = flow.authorization_url(access_type="offline")
    print("Visit this URL and paste the code:", url)
    code = input("code> ").strip()
    flow.fetch_token(code=code)
    return build("youtube", "v3", credentials=flow.credentials)


def main(channel_id):
    youtube = get_service()
    resp = youtube.channels().list(part="snippet", id=channel_id).execute()
    for item in resp.get("items", []):
        print(item["snippet"]["title"])


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "UC_x5XG1OV2P6uZZ5FSM9Ttw")

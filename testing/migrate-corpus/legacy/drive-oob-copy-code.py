# Lists Drive files. Sign-in: open the printed URL, approve, paste the code here.
from google_auth_oauthlib.flow import InstalledAppFlow
from googleapiclient.discovery import build

SCOPES = ["https://www.googleapis.com/auth/drive.readonly"]

flow = InstalledAppFlow.from_client_secrets_file(
    "credentials.json", SCOPES, redirect_uri="urn:ietf:wg:oauth:2.0:oob"
)
auth_url, _ = flow.authorization_url(prompt="consent")
print("Please go to this URL: {}".format(auth_url))
code = input("Enter the authorization code: ")
flow.fetch_token(code=code)
creds = flow.credentials

drive = build("drive", "v3", credentials=creds)
files = drive.files().list(pageSize=5, fields="files(id, name)").execute()
for f in files.get("files", []):
    print(f["id"], f["name"])

# Current code: run_local_server with its own prompt message; googleapiclient imported by its real name.
import googleapiclient.discovery
import googleapiclient.errors
from google_auth_oauthlib.flow import InstalledAppFlow

SCOPES = ["https://www.googleapis.com/auth/youtube.readonly"]
OOB_NOTE = "we no longer use urn:ietf:wg:oauth:2.0:oob"  # mentioned, not used as a redirect

flow = InstalledAppFlow.from_client_secrets_file("client_secret.json", SCOPES)
credentials = flow.run_local_server(
    port=0, authorization_prompt_message="Sign in with the team account: {url}"
)
youtube = googleapiclient.discovery.build("youtube", "v3", credentials=credentials)
try:
    print(youtube.channels().list(part="snippet", mine=True).execute())
except googleapiclient.errors.HttpError as err:
    print(err)

# Negative control: the same loopback flow, but the browser is never opened, so nobody ever hits the
# callback and run_local_server waits forever. The harness must kill it at its timeout.
from google_auth_oauthlib.flow import InstalledAppFlow

flow = InstalledAppFlow.from_client_secrets_file(
    "credentials.json", ["https://www.googleapis.com/auth/youtube.readonly"]
)
creds = flow.run_local_server(port=0, open_browser=False)
print("unreachable", creds.token)

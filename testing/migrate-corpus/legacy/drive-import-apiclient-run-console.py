"""List Drive files (2016 script that still imports the old package name)."""
import apiclient
from google_auth_oauthlib.flow import InstalledAppFlow

SCOPES = ['https://www.googleapis.com/auth/drive.metadata.readonly']

flow = InstalledAppFlow.from_client_secrets_file('credentials.json', SCOPES)
creds = flow.run_console()
service = apiclient.discovery.build('drive', 'v3', credentials=creds)
try:
    results = service.files().list(pageSize=3, fields='files(id, name)').execute()
except apiclient.errors.HttpError as err:
    raise SystemExit('Drive said: %s' % err)
for f in results.get('files', []):
    print(f['name'])

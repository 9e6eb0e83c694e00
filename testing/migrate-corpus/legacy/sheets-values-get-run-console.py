"""Reads a range from a spreadsheet (copied from the APIs Explorer, 2021)."""
import google_auth_oauthlib.flow
from googleapiclient.discovery import build

SPREADSHEET_ID = '1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms'
RANGE_NAME = 'Class Data!A2:E'

flow = google_auth_oauthlib.flow.InstalledAppFlow.from_client_secrets_file(
    'client_secret.json', ['https://www.googleapis.com/auth/spreadsheets.readonly'])
creds = flow.run_console()

service = build('sheets', 'v4', credentials=creds)
result = service.spreadsheets().values().get(spreadsheetId=SPREADSHEET_ID,
                                             range=RANGE_NAME).execute()
print(result.get('values', []))

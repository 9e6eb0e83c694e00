import os
import webbrowser

import google_auth_oauthlib.flow
from googleapiclient.discovery import build

os.environ['OAUTHLIB_INSECURE_TRANSPORT'] = '1'

flow = google_auth_oauthlib.flow.InstalledAppFlow.from_client_secrets_file(
    'credentials.json',
    scopes=['https://www.googleapis.com/auth/calendar.readonly'])
flow.redirect_uri = 'urn:ietf:wg:oauth:2.0:oob'

authorization_url, state = flow.authorization_url(
    access_type='offline',
    include_granted_scopes='true')
webbrowser.open(authorization_url)
code = input('Paste the authorization code: ')
flow.fetch_token(code=code)

service = build('calendar', 'v3', credentials=flow.credentials)
events = service.events().list(calendarId='primary', maxResults=10).execute()
for event in events.get('items', []):
    print(event.get('summary'))

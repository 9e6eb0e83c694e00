from apiclient.discovery import build

# API key from the console (Credentials page)
service = build('translate', 'v2', developerKey='AIzaSyD-fake-key-for-the-corpus-0123456')
print(service.translations().list(source='en', target='fr', q=['flower', 'car']).execute())

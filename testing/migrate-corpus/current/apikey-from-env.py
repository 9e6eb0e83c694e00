import os

from googleapiclient.discovery import build

# The key comes from the environment, e.g. GOOGLE_API_KEY=AIza... python apikey-from-env.py
service = build("youtube", "v3", developerKey=os.environ["GOOGLE_API_KEY"])
print(service.search().list(part="snippet", q="surfing").execute())

# Reference snippet (hand-written, NOT generated): API-key access (no OAuth) to YouTube search.list.
import json
import os

from googleapiclient.discovery import build

youtube = build("youtube", "v3", developerKey=os.environ["YOUTUBE_API_KEY"])
response = youtube.search().list(part="snippet", q="fake google", maxResults=2).execute()
print(json.dumps(response, indent=2))

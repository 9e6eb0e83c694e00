# Reference snippet (hand-written, NOT generated): API-key access (no OAuth), the Discovery document fetched
# over the network (static_discovery=False), and paging through search.list with list_next.
import json
import os

from googleapiclient.discovery import build

youtube = build("youtube", "v3", developerKey=os.environ["YOUTUBE_API_KEY"], static_discovery=False)
request = youtube.search().list(part="snippet", q="fake google", maxResults=2)
ids = []
while request is not None:
    response = request.execute()
    ids.extend(item["id"] for item in response.get("items", []))
    request = youtube.search().list_next(request, response)
print(json.dumps({"count": len(ids), "ids": ids}))

# export ACCESS_TOKEN=... from the OAuth 2.0 Playground or the explorer sign-in, not gcloud: its token has Cloud scopes only
curl --request GET \
  'https://www.googleapis.com/drive/v3/files?corpora=user&pageSize=50&q=name%20contains%20'\''report'\''%20and%20trashed%20%3D%20false&fields=nextPageToken%2C%20files(id%2C%20name)' \
  --header "authorization: Bearer ${ACCESS_TOKEN}"

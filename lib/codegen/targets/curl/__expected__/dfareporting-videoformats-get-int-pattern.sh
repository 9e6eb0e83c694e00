# export ACCESS_TOKEN=... from the OAuth 2.0 Playground or the explorer sign-in, not gcloud: its token has Cloud scopes only
curl --request GET \
  'https://dfareporting.googleapis.com/dfareporting/v4/userprofiles/123/videoFormats/1' \
  --header "authorization: Bearer ${ACCESS_TOKEN}"

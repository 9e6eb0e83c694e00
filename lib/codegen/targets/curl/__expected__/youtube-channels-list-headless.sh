# export ACCESS_TOKEN=... from the OAuth 2.0 Playground or the explorer sign-in, not gcloud: its token has Cloud scopes only
curl --request GET \
  'https://youtube.googleapis.com/youtube/v3/channels?part=snippet&part=statistics&mine=true' \
  --header "authorization: Bearer ${ACCESS_TOKEN}"

# export ACCESS_TOKEN=... (e.g. gcloud auth print-access-token, or the explorer's sign-in)
curl --request GET \
  'https://youtube.googleapis.com/youtube/v3/channels?part=snippet&part=statistics&mine=true' \
  --header "authorization: Bearer ${ACCESS_TOKEN}"

# export ACCESS_TOKEN=... from gcloud auth print-access-token or the explorer sign-in
curl --request GET \
  'https://youtube.googleapis.com/youtube/v3/channels?part=snippet&part=statistics&mine=true' \
  --header "authorization: Bearer ${ACCESS_TOKEN}"

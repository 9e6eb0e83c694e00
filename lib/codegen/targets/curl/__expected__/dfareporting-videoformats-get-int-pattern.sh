# export ACCESS_TOKEN=... from gcloud auth print-access-token or the explorer sign-in
curl --request GET \
  'https://dfareporting.googleapis.com/dfareporting/v4/userprofiles/123/videoFormats/1' \
  --header "authorization: Bearer ${ACCESS_TOKEN}"

# export ACCESS_TOKEN=... (e.g. gcloud auth print-access-token, or the explorer's sign-in)
curl --request GET \
  'https://zoo.googleapis.com/zoo/v1/v1/zoos/lagos/animals/leo/photo?alt=media' \
  --header "authorization: Bearer ${ACCESS_TOKEN}"

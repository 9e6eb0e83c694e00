# export ACCESS_TOKEN=... (e.g. gcloud auth print-access-token, or the explorer's sign-in)
curl --request GET \
  'https://zoo.googleapis.com/zoo/v1/global/tickets/18446744073709551615' \
  --header "authorization: Bearer ${ACCESS_TOKEN}"

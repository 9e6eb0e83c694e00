# export ACCESS_TOKEN=... from gcloud auth print-access-token or the explorer sign-in
curl --request GET \
  'https://zoo.googleapis.com/zoo/v1/global/tickets/18446744073709551615' \
  --header "authorization: Bearer ${ACCESS_TOKEN}"

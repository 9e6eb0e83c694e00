# export ACCESS_TOKEN=... from gcloud auth print-access-token or the explorer sign-in
curl --request GET \
  'https://apigee.googleapis.com/v1/organizations/my-org/hostQueries?dataset=api&from=2026-11-01T00%3A00%3A00Z&to=2026-11-02T00%3A00%3A00Z' \
  --header "authorization: Bearer ${ACCESS_TOKEN}"

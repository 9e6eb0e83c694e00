# export ACCESS_TOKEN=... from gcloud auth print-access-token or the explorer sign-in
curl --request POST \
  'https://zoo.googleapis.com/zoo/v1/keepers:import' \
  --header 'content-type: application/json' \
  --header "authorization: Bearer ${ACCESS_TOKEN}" \
  --data-raw '{"name":"Ada"}'

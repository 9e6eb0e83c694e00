# export ACCESS_TOKEN=... from the OAuth 2.0 Playground or the explorer sign-in, not gcloud: its token has Cloud scopes only
curl --request POST \
  'https://zoo.googleapis.com/zoo/v1/keepers:import' \
  --header 'content-type: application/json' \
  --header "authorization: Bearer ${ACCESS_TOKEN}" \
  --data-raw '{"name":"Ada"}'

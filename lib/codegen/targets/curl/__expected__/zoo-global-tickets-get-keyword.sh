# export ACCESS_TOKEN=... from the OAuth 2.0 Playground or the explorer sign-in, not gcloud: its token has Cloud scopes only
curl --request GET \
  'https://zoo.googleapis.com/zoo/v1/global/tickets/18446744073709551615' \
  --header "authorization: Bearer ${ACCESS_TOKEN}"

# export ACCESS_TOKEN=... from the OAuth 2.0 Playground or the explorer sign-in, not gcloud: its token has Cloud scopes only
curl --request GET \
  'https://tagmanager.googleapis.com/tagmanager/v1/accounts/123/containers/456/versions?headers=true&includeDeleted=false' \
  --header "authorization: Bearer ${ACCESS_TOKEN}"

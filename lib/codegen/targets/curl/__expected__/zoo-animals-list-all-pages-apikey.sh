# export GOOGLE_API_KEY=... an API key from the Google Cloud console, APIs and Services, Credentials
curl --request GET \
  'https://zoo.googleapis.com/zoo/v1/v1/zoos/lagos/animals?pageSize=100' \
  --header "x-goog-api-key: ${GOOGLE_API_KEY}"

# export GOOGLE_API_KEY=... an API key from the Google Cloud console, APIs and Services, Credentials
curl --request POST \
  'https://translation.googleapis.com/language/translate/v2' \
  --header 'content-type: application/json' \
  --header "x-goog-api-key: ${GOOGLE_API_KEY}" \
  --data-raw '{"q":["Hello, world","It'\''s \"fine\""],"target":"de","format":"text"}'

# export ACCESS_TOKEN=... from the OAuth 2.0 Playground or the explorer sign-in, not gcloud: its token has Cloud scopes only
# Saves the media to the file given by --output
curl --request GET \
  'https://zoo.googleapis.com/zoo/v1/v1/zoos/lagos/animals/leo/photo?alt=media' \
  --header "authorization: Bearer ${ACCESS_TOKEN}" \
  --location \
  --output 'leo'\''s photo.jpg'

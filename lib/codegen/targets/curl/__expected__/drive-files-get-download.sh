# export ACCESS_TOKEN=... from the OAuth 2.0 Playground or the explorer sign-in, not gcloud: its token has Cloud scopes only
# Saves the media to the file given by --output
curl --request GET \
  'https://www.googleapis.com/drive/v3/files/1AbC-dEf_123?acknowledgeAbuse=false&alt=media' \
  --header "authorization: Bearer ${ACCESS_TOKEN}" \
  --location \
  --output 'report.pdf'

# export ACCESS_TOKEN=... from the OAuth 2.0 Playground or the explorer sign-in, not gcloud: its token has Cloud scopes only
# Sends the JSON metadata and the file as one multipart/related body, uploadType=multipart
{
  printf '%s\r\n' '--explorer_multipart_boundary_e8f3a1' 'content-type: application/json; charset=UTF-8' '' '{"displayName":"Leo","species":"LION"}' \
    '--explorer_multipart_boundary_e8f3a1' 'content-type: image/jpeg' ''
  cat 'leo.jpg'
  printf '\r\n%s' '--explorer_multipart_boundary_e8f3a1--'
} | curl --request POST \
  'https://zoo.googleapis.com/upload/zoo/v1/v1/zoos/lagos/animals?animalId=leo&headers=x&media=photo&uploadType=multipart' \
  --header 'content-type: multipart/related; boundary=explorer_multipart_boundary_e8f3a1' \
  --header "authorization: Bearer ${ACCESS_TOKEN}" \
  --data-binary @-

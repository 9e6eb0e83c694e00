# export ACCESS_TOKEN=... from the OAuth 2.0 Playground or the explorer sign-in, not gcloud: its token has Cloud scopes only
# Sends the JSON metadata and the file as one multipart/related body, uploadType=multipart
{
  printf '%s\r\n' '--explorer_multipart_boundary_e8f3a1' 'content-type: application/json; charset=UTF-8' '' '{"name":"Notes.txt","mimeType":"text/plain","parents":["root"]}' \
    '--explorer_multipart_boundary_e8f3a1' 'content-type: text/plain' ''
  cat 'notes.txt'
  printf '\r\n%s' '--explorer_multipart_boundary_e8f3a1--'
} | curl --request POST \
  'https://www.googleapis.com/upload/drive/v3/files?supportsAllDrives=true&fields=id%2Cname%2CmimeType&uploadType=multipart' \
  --header 'content-type: multipart/related; boundary=explorer_multipart_boundary_e8f3a1' \
  --header "authorization: Bearer ${ACCESS_TOKEN}" \
  --data-binary @-

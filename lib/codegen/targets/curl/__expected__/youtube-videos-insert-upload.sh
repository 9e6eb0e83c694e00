# export ACCESS_TOKEN=... from the OAuth 2.0 Playground or the explorer sign-in, not gcloud: its token has Cloud scopes only
# Sends the JSON metadata and the file as one multipart/related body, uploadType=multipart
{
  printf '%s\r\n' '--explorer_multipart_boundary_e8f3a1' 'content-type: application/json; charset=UTF-8' '' '{"snippet":{"title":"My \"first\" upload","description":"Uploaded with the API Explorer'\''s snippet","tags":["test","api"]},"status":{"privacyStatus":"private"}}' \
    '--explorer_multipart_boundary_e8f3a1' 'content-type: video/mp4' ''
  cat 'video.mp4'
  printf '\r\n%s' '--explorer_multipart_boundary_e8f3a1--'
} | curl --request POST \
  'https://youtube.googleapis.com/upload/youtube/v3/videos?part=snippet&part=status&notifySubscribers=false&uploadType=multipart' \
  --header 'content-type: multipart/related; boundary=explorer_multipart_boundary_e8f3a1' \
  --header "authorization: Bearer ${ACCESS_TOKEN}" \
  --data-binary @-

# export ACCESS_TOKEN=... from gcloud auth print-access-token or the explorer sign-in
curl --request GET \
  'https://gmail.googleapis.com/gmail/v1/users/me/messages?includeSpamTrash=false&labelIds=INBOX&labelIds=UNREAD&maxResults=100&q=is%3Aunread%20from%3Asomeone%40example.com' \
  --header "authorization: Bearer ${ACCESS_TOKEN}"

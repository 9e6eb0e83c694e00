# export ACCESS_TOKEN=... from the OAuth 2.0 Playground or the explorer sign-in, not gcloud: its token has Cloud scopes only
curl --request GET \
  'https://gmail.googleapis.com/gmail/v1/users/me/messages?includeSpamTrash=false&labelIds=INBOX&labelIds=UNREAD&maxResults=100&q=is%3Aunread%20from%3Asomeone%40example.com' \
  --header "authorization: Bearer ${ACCESS_TOKEN}"

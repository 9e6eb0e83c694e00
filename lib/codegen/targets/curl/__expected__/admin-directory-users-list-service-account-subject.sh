# export ACCESS_TOKEN=... a token for the delegated user, which gcloud cannot mint: the Python or
#   TypeScript snippet signs the service account's JWT with the subject and gets one
curl --request GET \
  'https://admin.googleapis.com/admin/directory/v1/users?customer=my_customer&maxResults=50&orderBy=email' \
  --header "authorization: Bearer ${ACCESS_TOKEN}"

# export ACCESS_TOKEN=... from gcloud auth print-access-token run as the service account, after
#   gcloud auth activate-service-account --key-file=KEY_FILE. A key is a risk: prefer impersonation
curl --request GET \
  'https://pubsub.googleapis.com/v1/projects/my-project/topics' \
  --header "authorization: Bearer ${ACCESS_TOKEN}"

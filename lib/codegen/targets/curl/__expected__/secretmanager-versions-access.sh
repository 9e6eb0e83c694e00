# export ACCESS_TOKEN=... (e.g. gcloud auth print-access-token, or the explorer's sign-in)
curl --request GET \
  'https://secretmanager.googleapis.com/v1/projects/my-project/secrets/db-password/versions/latest:access' \
  --header "authorization: Bearer ${ACCESS_TOKEN}"

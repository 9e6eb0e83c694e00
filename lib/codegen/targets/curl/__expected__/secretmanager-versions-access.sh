# export ACCESS_TOKEN=... from gcloud auth print-access-token or the explorer sign-in
curl --request GET \
  'https://secretmanager.googleapis.com/v1/projects/my-project/secrets/db-password/versions/latest:access' \
  --header "authorization: Bearer ${ACCESS_TOKEN}"

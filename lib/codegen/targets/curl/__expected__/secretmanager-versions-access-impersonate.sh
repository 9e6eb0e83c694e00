# export ACCESS_TOKEN=... from gcloud auth print-access-token --impersonate-service-account=secret-reader@my-project.iam.gserviceaccount.com
#   it needs roles/iam.serviceAccountTokenCreator on that service account
curl --request GET \
  'https://secretmanager.googleapis.com/v1/projects/my-project/secrets/db-password/versions/latest:access' \
  --header "authorization: Bearer ${ACCESS_TOKEN}"

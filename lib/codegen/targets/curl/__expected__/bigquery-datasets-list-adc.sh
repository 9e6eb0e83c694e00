# export ACCESS_TOKEN=... from gcloud auth application-default print-access-token
#   Application Default Credentials: gcloud auth application-default login on a workstation
curl --request GET \
  'https://bigquery.googleapis.com/bigquery/v2/projects/my-project/datasets?maxResults=10' \
  --header "authorization: Bearer ${ACCESS_TOKEN}"

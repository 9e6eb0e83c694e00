# export ACCESS_TOKEN=... from gcloud auth application-default print-access-token
#   Application Default Credentials: gcloud auth application-default login on a workstation
curl --request GET \
  'https://storage.googleapis.com/storage/v1/b/my-bucket/o?prefix=logs%2F' \
  --header "authorization: Bearer ${ACCESS_TOKEN}"

# export ACCESS_TOKEN=... from gcloud auth print-access-token or the explorer sign-in
curl --request GET \
  'https://tagmanager.googleapis.com/tagmanager/v1/accounts/123/containers/456/versions?headers=true&includeDeleted=false' \
  --header "authorization: Bearer ${ACCESS_TOKEN}"

# export ACCESS_TOKEN=... (e.g. gcloud auth print-access-token, or the explorer's sign-in)
curl --request GET \
  'https://www.googleapis.com/drive/v3/files/1AbC-dEf_123?acknowledgeAbuse=false&alt=media' \
  --header "authorization: Bearer ${ACCESS_TOKEN}"

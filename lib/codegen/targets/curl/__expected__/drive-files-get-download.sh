# export ACCESS_TOKEN=... from gcloud auth print-access-token or the explorer sign-in
# Saves the media to the file given by --output
curl --request GET \
  'https://www.googleapis.com/drive/v3/files/1AbC-dEf_123?acknowledgeAbuse=false&alt=media' \
  --header "authorization: Bearer ${ACCESS_TOKEN}" \
  --location \
  --output 'report.pdf'

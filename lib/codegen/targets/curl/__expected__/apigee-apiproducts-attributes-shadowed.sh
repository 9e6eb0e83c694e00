# export ACCESS_TOKEN=... from gcloud auth print-access-token or the explorer sign-in
curl --request POST \
  'https://apigee.googleapis.com/v1/organizations/my-org/apiproducts/my-product/attributes' \
  --header 'content-type: application/json' \
  --header "authorization: Bearer ${ACCESS_TOKEN}" \
  --data-raw '{"attribute":[{"name":"access","value":"public"}]}'

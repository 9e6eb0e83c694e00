curl --request POST \
  'https://apigee.googleapis.com/v1/organizations/my-org/developers/dev@example.com/apps/my-app/keys' \
  --header 'content-type: application/json' \
  --data-raw '{"consumerKey":"key-1","consumerSecret":"secret-1"}'

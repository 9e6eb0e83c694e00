# export ACCESS_TOKEN=... from gcloud auth print-access-token or the explorer sign-in
curl --request POST \
  'https://compute.googleapis.com/compute/v1/projects/my-project/zones/europe-west1-b/instances?requestId=6c7d5b4e-1f2a-4b3c-9d8e-7f6a5b4c3d2e' \
  --header 'content-type: application/json' \
  --header 'x-goog-api-version: 2026-09-01' \
  --header "authorization: Bearer ${ACCESS_TOKEN}" \
  --data-raw '{"name":"vm-1","machineType":"zones/europe-west1-b/machineTypes/e2-small","disks":[{"boot":true,"autoDelete":true,"initializeParams":{"sourceImage":"projects/debian-cloud/global/images/family/debian-12","diskSizeGb":"10"}}],"networkInterfaces":[{"network":"global/networks/default"}]}'

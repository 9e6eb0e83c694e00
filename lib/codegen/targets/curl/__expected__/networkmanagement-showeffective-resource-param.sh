# export ACCESS_TOKEN=... from gcloud auth print-access-token or the explorer sign-in
curl --request GET \
  'https://networkmanagement.googleapis.com/v1/projects/my-project/locations/global/vpcFlowLogsConfigs:showEffectiveFlowLogsConfigs?pageSize=10&resource=projects%2Fmy-project%2Fglobal%2Fnetworks%2Fdefault' \
  --header "authorization: Bearer ${ACCESS_TOKEN}"

curl --request GET \
  'https://zoo.googleapis.com/zoo/v1/v1/zoos/a:b%20c:getIamPolicy?options.requestedPolicyVersion=3'

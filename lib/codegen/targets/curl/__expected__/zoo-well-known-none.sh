curl --request GET \
  'https://zoo.googleapis.com/zoo/v1/.well-known/openid-configuration'

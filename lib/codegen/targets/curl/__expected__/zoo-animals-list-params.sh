# export ACCESS_TOKEN=... from the OAuth 2.0 Playground or the explorer sign-in, not gcloud: its token has Cloud scopes only
curl --request GET \
  'https://zoo.googleapis.com/zoo/v1/v1/zoos/lagos/animals?continue=yes%20please&from=2024-01-01&max-results=10&maxWeightGrams=18446744073709551615&minWeightGrams=9007199254740993&pageSize=25&showDeleted=false&species=LION&species=OKAPI&updateMask=name%2Cspecies&%24.xgafv=2&fields=animals(name%2Cspecies)%2CnextPageToken&quotaUser=a%20user%2Bname' \
  --header "authorization: Bearer ${ACCESS_TOKEN}"

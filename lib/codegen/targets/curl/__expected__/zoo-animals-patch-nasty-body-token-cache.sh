# export ACCESS_TOKEN=... from the OAuth 2.0 Playground or the explorer sign-in, not gcloud: its token has Cloud scopes only
curl --request PATCH \
  'https://zoo.googleapis.com/zoo/v1/v1/zoos/lagos/animals/o'\''neil%20%22the%22%20lion?updateMask=displayName%2Cnotes' \
  --header 'content-type: application/json' \
  --header "authorization: Bearer ${ACCESS_TOKEN}" \
  --data-raw '{"displayName":"O'\''Neil \"Leo\" \\ `${HOME}` $(rm -rf /) %s {name} é日本 🦁","notes":"line1\nline2\r\n\ttab \u0000 nul   ls ‮ bidi */ \"\"\" '\'''\'''\'' #","__proto__":"proto","tags":["a","","c"],"weightGrams":"123456789012345678","nested":{"true":true,"none":null,"n":-0.5,"big":1e+21}}'

# export ACCESS_TOKEN=... from gcloud auth print-access-token or the explorer sign-in
# Saves the media to the file given by --output
curl --request GET \
  'https://zoo.googleapis.com/zoo/v1/v1/zoos/lagos/animals/leo/photo?alt=media' \
  --header "authorization: Bearer ${ACCESS_TOKEN}" \
  --location \
  --output 'leo'\''s photo.jpg'

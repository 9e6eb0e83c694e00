# export ACCESS_TOKEN=... from the OAuth 2.0 Playground or the explorer sign-in, not gcloud: its token has Cloud scopes only
curl --request POST \
  'https://www.googleapis.com/calendar/v3/calendars/team%2Froom%40group.calendar.google.com/events/import?conferenceDataVersion=1' \
  --header 'content-type: application/json' \
  --header "authorization: Bearer ${ACCESS_TOKEN}" \
  --data-raw '{"iCalUID":"abc123@example.com","summary":"Planning","start":{"dateTime":"2026-12-01T10:00:00+01:00"},"end":{"dateTime":"2026-12-01T11:00:00+01:00"}}'

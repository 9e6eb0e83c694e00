// language.translations.translate: POST https://translation.googleapis.com/language/translate/v2
// Translates input text, returning translated text.
//
// Install: npm install googleapis@^188 && npm install --save-dev tsx
// Save as snippet.mts (or set "type": "module" in package.json), then run: npx tsx snippet.mts
// Set GOOGLE_API_KEY to an API key (Google Cloud console → APIs & Services → Credentials).
// This API uses "dataWrapper": googleapis sends requestBody as given (no {"data": …} wrapping).

import { google } from 'googleapis';

const apiKey = process.env.GOOGLE_API_KEY;
if (!apiKey) {
  console.error('Set the GOOGLE_API_KEY environment variable to your API key.');
  process.exit(1);
}
const translate = google.translate({ version: 'v2', auth: apiKey });

const res = await translate.translations.translate({
  requestBody: {
    q: [
      'Hello, world',
      'It\'s "fine"',
    ],
    target: 'de',
    format: 'text',
  },
});
console.log(JSON.stringify(res.data, null, 2));

const { google } = require('googleapis');

const youtube = google.youtube({
  version: 'v3',
  auth: 'AIzaSyD-fake-key-for-the-corpus-0123456', // TODO move to config
});

youtube.search.list({ part: ['snippet'], q: 'surfing', maxResults: 5 }).then((res) => {
  for (const item of res.data.items) console.log(item.snippet.title);
}).catch((err) => {
  console.error(err.message);
  process.exitCode = 1;
});

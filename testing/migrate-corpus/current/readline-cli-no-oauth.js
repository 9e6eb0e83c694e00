const readline = require('readline');
const { google } = require('googleapis');

const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
rl.question('Search YouTube for: ', async (q) => {
  rl.close();
  const youtube = google.youtube({ version: 'v3', auth: process.env.GOOGLE_API_KEY });
  const res = await youtube.search.list({ part: ['snippet'], q });
  console.log(res.data.items);
});

import path from 'node:path';

import { authenticate } from '@google-cloud/local-auth';
import { google } from 'googleapis';

const SCOPES = ['https://www.googleapis.com/auth/calendar.readonly'];

async function listEvents(): Promise<void> {
  const auth = await authenticate({
    scopes: SCOPES,
    keyfilePath: path.join(process.cwd(), 'credentials.json'),
  });
  google.options({ auth });
  const calendar = google.calendar('v3');
  const res = await calendar.events.list({
    calendarId: 'primary',
    maxResults: 10,
    singleEvents: true,
    orderBy: 'startTime',
  });
  for (const event of res.data.items ?? []) console.log(event.summary);
}

listEvents().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});

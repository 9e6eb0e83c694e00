// Lists Gmail labels (ES module, top-level await).
import path from 'node:path';
import process from 'node:process';
import { authenticate } from '@google-cloud/local-auth';
import { google } from 'googleapis';

const SCOPES = ['https://www.googleapis.com/auth/gmail.readonly'];
const CREDENTIALS_PATH = path.join(process.cwd(), 'credentials.json');

const auth = await authenticate({ scopes: SCOPES, keyfilePath: CREDENTIALS_PATH });
const gmail = google.gmail({ version: 'v1', auth });
const res = await gmail.users.labels.list({ userId: 'me' });
for (const label of res.data.labels ?? []) console.log(label.name);

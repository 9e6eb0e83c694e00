// Uses googleapis' own OAuth2 client. (Not @google-cloud/local-auth, and never urn:ietf:wg:oauth:2.0:oob.)
import { google } from 'googleapis';

const auth = new google.auth.GoogleAuth({ scopes: ['https://www.googleapis.com/auth/drive.readonly'] });
const drive = google.drive({ version: 'v3', auth });
const res = await drive.files.list({ pageSize: 5 });
console.log(res.data.files);

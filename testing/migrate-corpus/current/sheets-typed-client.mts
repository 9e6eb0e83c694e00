import { google, sheets_v4 } from 'googleapis';

const auth = new google.auth.GoogleAuth({ scopes: ['https://www.googleapis.com/auth/spreadsheets.readonly'] });
const sheets: sheets_v4.Sheets = google.sheets({ version: 'v4', auth });
const res = await sheets.spreadsheets.values.get({ spreadsheetId: process.env.SHEET_ID ?? '', range: 'A1:B2' });
console.log(res.data.values);

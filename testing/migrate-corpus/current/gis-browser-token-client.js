// Browser code on Google Identity Services (the replacement of gapi.auth2).
let tokenClient;

function gisLoaded() {
  tokenClient = google.accounts.oauth2.initTokenClient({
    client_id: '1234-example.apps.googleusercontent.com',
    scope: 'https://www.googleapis.com/auth/drive.metadata.readonly',
    callback: (resp) => {
      gapi.client.setToken(resp);
      listFiles();
    },
  });
}

function listFiles() {
  gapi.client.drive.files.list({ pageSize: 10 }).then((r) => console.log(r.result.files));
}

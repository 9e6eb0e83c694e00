// Browser code (2019): sign in with gapi.auth2, then list Drive files.
var CLIENT_ID = '1234-example.apps.googleusercontent.com';
var SCOPES = 'https://www.googleapis.com/auth/drive.metadata.readonly';

function handleClientLoad() {
  gapi.load('client:auth2', initClient);
}

function initClient() {
  gapi.client.init({
    clientId: CLIENT_ID,
    discoveryDocs: ['https://www.googleapis.com/discovery/v1/apis/drive/v3/rest'],
    scope: SCOPES
  }).then(function () {
    gapi.auth2.getAuthInstance().isSignedIn.listen(updateSigninStatus);
    updateSigninStatus(gapi.auth2.getAuthInstance().isSignedIn.get());
  });
}

function handleAuthClick() {
  gapi.auth2.getAuthInstance().signIn();
}

function updateSigninStatus(isSignedIn) {
  if (isSignedIn) listFiles();
}

function listFiles() {
  gapi.client.drive.files.list({ pageSize: 10 }).then(function (response) {
    console.log(response.result.files);
  });
}

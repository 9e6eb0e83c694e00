"""Runs generated Python snippets VERBATIM against the real google-api-python-client / google-auth-oauthlib,
offline, and records the HTTP requests the library builds. Used by python.test.ts (one process for all snippets).

Only the edges are replaced:
- `InstalledAppFlow.run_local_server` (and, for the headless flow, `input()` + `fetch_token`: the pasted address is
  the authorization URL's redirect_uri with a fake code and its state) returns fake user credentials (the real `from_client_secrets_file` still
  parses credentials.json, so the client file format is checked);
- the token endpoints the server auth kinds call (google-auth sends them through the same http): the OAuth token
  endpoint (refresh-token and JWT-bearer grants) answers FAKE_TOKEN, IAM Credentials `generateAccessToken` answers
  FAKE_IMPERSONATED_TOKEN; they are recorded in "tokens", apart from the API requests. Credential files the test
  gives ("files": name → JSON) are written next to the snippet, and "{dir}" in "env" values names that folder;
- `googleapiclient.discovery.build` is wrapped: it checks the snippet's arguments, then calls the REAL `build`
  (static documents are read from the installed package, no network) or, for `static_discovery=False`,
  `build_from_document` with the fixture's document; in both cases with an `http` that records requests instead of
  sending them (wrapped in google_auth_httplib2.AuthorizedHttp when credentials are given, so the real
  Authorization header is applied).

stdin: JSON list of {"name", "snippet", "doc", "allPages", "tokenCache", "env", "files"}.
stdout: JSON list of results.
"""
import builtins
import contextlib
import datetime
import io
import json
import os
import runpy
import sys
import tempfile
import traceback
import urllib.parse

import google_auth_httplib2
import googleapiclient.discovery as discovery
import httplib2
from google.oauth2.credentials import Credentials
from google_auth_oauthlib.flow import InstalledAppFlow

REAL_BUILD = discovery.build
REAL_AUTHORIZATION_URL = InstalledAppFlow.authorization_url
REAL_FETCH_TOKEN = InstalledAppFlow.fetch_token
REAL_INPUT = builtins.input
FAKE_TOKEN = "ya29.fake-token"
FAKE_IMPERSONATED_TOKEN = "ya29.fake-impersonated-token"
TOKEN_URI = "https://oauth2.googleapis.com/token"
IAM_CREDENTIALS = "https://iamcredentials.googleapis.com/"
CLIENT_FILE = {
    "installed": {
        "client_id": "test-client.apps.googleusercontent.com",
        "client_secret": "test-secret",
        "auth_uri": "https://accounts.google.com/o/oauth2/auth",
        "token_uri": "https://oauth2.googleapis.com/token",
        "redirect_uris": ["http://localhost"],
    }
}


class Recorder:
    """An httplib2.Http stand-in: records every request and answers like a permissive API."""

    def __init__(self, state):
        self.state = state
        self.timeout = None
        self.redirect_codes = set()

    def request(self, uri, method="GET", body=None, headers=None, redirections=5, connection_type=None):
        if isinstance(body, bytes):
            body = body.decode("utf-8", "replace")
        elif body is not None and not isinstance(body, str):
            body = repr(body)
        recorded = {"uri": uri, "method": method, "headers": dict(headers or {}), "body": body}
        if uri == TOKEN_URI:
            self.state["tokens"].append(recorded)
            answer = {"access_token": FAKE_TOKEN, "expires_in": 3600, "token_type": "Bearer"}
            return httplib2.Response({"status": "200", "content-type": "application/json"}), json.dumps(answer).encode()
        if uri.startswith(IAM_CREDENTIALS) and uri.endswith(":generateAccessToken"):
            self.state["tokens"].append(recorded)
            answer = {"accessToken": FAKE_IMPERSONATED_TOKEN, "expireTime": "2099-01-01T00:00:00Z"}
            return httplib2.Response({"status": "200", "content-type": "application/json"}), json.dumps(answer).encode()
        self.state["requests"].append(recorded)
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(uri).query)
        if query.get("uploadType") == ["resumable"]:
            return httplib2.Response({"status": "200", "location": "https://upload.fake/session/1"}), b""
        if uri.startswith("https://upload.fake/session/"):
            return httplib2.Response({"status": "200", "content-type": "application/json"}), b'{"id": "uploaded"}'
        if query.get("alt") == ["media"]:
            return httplib2.Response({"status": "200", "content-range": "bytes 0-4/5", "content-length": "5"}), b"hello"
        if self.state["allPages"] and self.state["pages"] == 0:
            self.state["pages"] += 1
            return httplib2.Response({"status": "200", "content-type": "application/json"}), b'{"nextPageToken": "PAGE-2"}'
        return httplib2.Response({"status": "200", "content-type": "application/json"}), b"{}"

    def close(self):
        pass


def run_one(item):
    state = {"requests": [], "build": [], "flow": [], "allPages": item.get("allPages", False), "pages": 0}
    with open(item["doc"], encoding="utf-8") as f:
        doc = json.load(f)

    def fake_build(serviceName, version, *args, **kwargs):
        assert not args, "build() takes the service name and version positionally, the rest by keyword"
        credentials = kwargs.pop("credentials", None)
        http = kwargs.pop("http", None)
        developer_key = kwargs.pop("developerKey", None)
        static_discovery = kwargs.pop("static_discovery", None)
        assert not kwargs, f"unexpected build() arguments {sorted(kwargs)}"
        state["build"].append({
            "serviceName": serviceName,
            "version": version,
            "credentials": type(credentials).__name__ if credentials is not None else None,
            "http": type(http).__name__ if http is not None else None,
            "developerKey": developer_key,
            "static_discovery": static_discovery,
        })
        if credentials is not None and http is not None:
            raise ValueError("Arguments http and credentials are mutually exclusive")
        recorder = Recorder(state)
        transport = google_auth_httplib2.AuthorizedHttp(credentials, http=recorder) if credentials is not None else recorder
        if static_discovery is False:
            return discovery.build_from_document(doc, http=transport, developerKey=developer_key)
        return REAL_BUILD(serviceName, version, http=transport, developerKey=developer_key, static_discovery=static_discovery)

    def fake_run_local_server(self, **kwargs):
        state["flow"].append({"kwargs": {k: v for k, v in kwargs.items()}, "scopes": list(self.oauth2session.scope or [])})
        return Credentials(
            token=FAKE_TOKEN,
            refresh_token="1//fake-refresh",
            token_uri=self.client_config["token_uri"],
            client_id=self.client_config["client_id"],
            client_secret=self.client_config["client_secret"],
            scopes=self.oauth2session.scope,
            # Real tokens carry an expiry; a token.json without one is treated as expired (refreshed) on load.
            expiry=datetime.datetime.utcnow() + datetime.timedelta(hours=1),
        )

    def fake_authorization_url(self, **kwargs):
        url, returned_state = REAL_AUTHORIZATION_URL(self, **kwargs)
        state["auth_urls"].append(url)
        return url, returned_state

    def fake_input(prompt=""):
        # The headless flow's user: pastes the address the consent would have ended on (no browser here).
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(state["auth_urls"][-1]).query)
        return query["redirect_uri"][0] + "?" + urllib.parse.urlencode({"code": "fake-code", "state": query["state"][0]})

    def fake_fetch_token(self, **kwargs):
        state["flow"].append({
            "kwargs": {"code": kwargs.get("code"), "code_verifier": bool(self.code_verifier),
                       "redirect_uri": self.redirect_uri, "authorization_response": kwargs.get("authorization_response")},
            "scopes": list(self.oauth2session.scope or []),
        })
        self.oauth2session.token = {"access_token": FAKE_TOKEN, "refresh_token": "1//fake-refresh",
                                    "token_type": "Bearer", "expires_at": datetime.datetime.now().timestamp() + 3600}
        return self.oauth2session.token

    result = {"name": item["name"], "runs": []}
    with tempfile.TemporaryDirectory() as tmp:
        snippet_path = os.path.join(tmp, "snippet.py")
        with open(snippet_path, "w", encoding="utf-8") as f:
            f.write(item["snippet"])
        with open(os.path.join(tmp, "credentials.json"), "w", encoding="utf-8") as f:
            json.dump(CLIENT_FILE, f)
        for name, content in (item.get("files") or {}).items():
            with open(os.path.join(tmp, name), "w", encoding="utf-8") as f:
                json.dump(content, f)
        if item.get("mediaFile"):
            with open(os.path.join(tmp, item["mediaFile"]), "wb") as f:
                f.write(b"\x00fake media bytes")
        old_cwd = os.getcwd()
        old_env = dict(os.environ)
        os.chdir(tmp)
        os.environ.update({k: v.replace("{dir}", tmp) for k, v in item.get("env", {}).items()})
        os.environ.pop("BROWSER", None)
        discovery.build = fake_build
        InstalledAppFlow.run_local_server = fake_run_local_server
        InstalledAppFlow.authorization_url = fake_authorization_url
        InstalledAppFlow.fetch_token = fake_fetch_token
        builtins.input = fake_input
        try:
            for run in range(2 if item.get("tokenCache") else 1):
                state.update({"requests": [], "tokens": [], "build": [], "flow": [], "pages": 0, "auth_urls": []})
                out, err = io.StringIO(), io.StringIO()
                exit_code = 0
                with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                    try:
                        runpy.run_path(snippet_path, run_name="__main__")
                    except SystemExit as e:
                        exit_code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
                        if not isinstance(e.code, int) and e.code is not None:
                            err.write(str(e.code))
                    except BaseException:  # noqa: BLE001 - report everything
                        exit_code = 99
                        err.write(traceback.format_exc())
                files = sorted(os.listdir(tmp))
                result["runs"].append({
                    "exit": exit_code,
                    "stdout": out.getvalue(),
                    "stderr": err.getvalue(),
                    "requests": state["requests"],
                    "build": state["build"],
                    "flow": state["flow"],
                    "tokens": state["tokens"],
                    "files": files,
                    "downloaded": open(os.path.join(tmp, item["downloadTo"]), "rb").read().decode("latin-1")
                    if item.get("downloadTo") and item["downloadTo"] in files else None,
                })
        finally:
            discovery.build = REAL_BUILD
            InstalledAppFlow.authorization_url = REAL_AUTHORIZATION_URL
            InstalledAppFlow.fetch_token = REAL_FETCH_TOKEN
            builtins.input = REAL_INPUT
            os.chdir(old_cwd)
            os.environ.clear()
            os.environ.update(old_env)
    return result


def main():
    items = json.load(sys.stdin)
    original = InstalledAppFlow.run_local_server
    try:
        results = [run_one(item) for item in items]
    finally:
        InstalledAppFlow.run_local_server = original
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()

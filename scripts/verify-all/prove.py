"""Batch runner for the sweep (scripts/verify-all): runs generated Python snippets VERBATIM against the real
google-api-python-client / google-auth-oauthlib, offline, and records the HTTP requests the library builds.

The approach is lib/codegen/targets/python/prove_snippets.py's (only the edges are replaced), tuned for ~28k
snippets in batches of a few hundred:
- `InstalledAppFlow.run_local_server` returns fake user credentials (the real `from_client_secrets_file` still
  parses credentials.json);
- `googleapiclient.discovery.build` is wrapped: it checks the snippet's arguments, then calls the REAL `build`
  with an `http` that records requests (wrapped in google_auth_httplib2.AuthorizedHttp when credentials are
  given, so the real Authorization header is applied);
- `discovery._retrieve_discovery_doc` is memoised per (name, version, static_discovery) and returns the parsed
  document (build_from_document accepts a dict): the first call per API is the library's own static lookup
  (so a missing packaged doc still fails), and `static_discovery=False` gets the snapshot file the explorer read
  (what the network would have served); `discovery.Schemas` is memoised per document likewise (see below). The library mutates method descriptions idempotently on every
  `service.resource()` call anyway, so sharing the dict between builds is what normal use does.
- Every snippet is first `ast.parse`d (stage python-parse).

argv: input.json output.json. Input: JSON list of {"name", "snippet", "doc", "noResponse"}. Output: JSON list of results.
"""
import ast
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
REAL_RETRIEVE = discovery._retrieve_discovery_doc
FAKE_TOKEN = "ya29.fake-token"
CLIENT_FILE = {
    "installed": {
        "client_id": "test-client.apps.googleusercontent.com",
        "client_secret": "test-secret",
        "auth_uri": "https://accounts.google.com/o/oauth2/auth",
        "token_uri": "https://oauth2.googleapis.com/token",
        "redirect_uris": ["http://localhost"],
    }
}
MAX_OUT = 2000

_docs = {}  # (serviceName, version, static) -> parsed doc; a few entries (batches are sorted by API)
_current = {"doc": None}


def cached_retrieve(url, http, cache_discovery, serviceName, version, cache=None, developerKey=None,
                    num_retries=1, static_discovery=True):
    key = (serviceName, version, bool(static_discovery))
    if key not in _docs:
        if len(_docs) > 4:
            _docs.clear()
        if static_discovery:
            content = REAL_RETRIEVE(url, http, cache_discovery, serviceName, version, cache, developerKey,
                                    num_retries=num_retries, static_discovery=True)
        else:
            with open(_current["doc"], encoding="utf-8") as f:
                content = f.read()
        _docs[key] = json.loads(content)
    return _docs[key]


REAL_SCHEMAS = discovery.Schemas
_schemas = {}


def cached_schemas(doc):
    """discovery.Schemas memoised per (cached) document: its pretty-print cache then survives between builds.
    createMethod pretty-prints request/response schemas into every method's docstring, which dominated the run
    time (about 1 s per snippet for aiplatform); the result is the same text."""
    hit = _schemas.get(id(doc))
    if hit is None or hit[0] is not doc:
        if len(_schemas) > 4:
            _schemas.clear()
        hit = (doc, REAL_SCHEMAS(doc))
        _schemas[id(doc)] = hit
    return hit[1]


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
        self.state["requests"].append({"uri": uri, "method": method, "headers": dict(headers or {}), "body": body})
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(uri).query)
        if query.get("uploadType") == ["resumable"]:
            return httplib2.Response({"status": "200", "location": "https://upload.fake/session/1"}), b""
        if uri.startswith("https://upload.fake/session/"):
            return httplib2.Response({"status": "200", "content-type": "application/json"}), b'{"id": "uploaded"}'
        if query.get("alt") == ["media"]:
            return httplib2.Response({"status": "200", "content-range": "bytes 0-4/5", "content-length": "5"}), b"hello"
        if self.state["noResponse"]:
            # No response schema: Google answers such methods (deletes, rate, …) with 204 No Content.
            return httplib2.Response({"status": "204"}), b""
        return httplib2.Response({"status": "200", "content-type": "application/json"}), b"{}"

    def close(self):
        pass


def run_one(item, tmp):
    state = {"requests": [], "build": [], "flow": [], "noResponse": bool(item.get("noResponse"))}
    result = {"name": item["name"], "parse": None, "exit": None, "stdout": "", "stderr": "",
              "requests": state["requests"], "build": state["build"], "flow": state["flow"]}
    try:
        ast.parse(item["snippet"], filename="snippet.py")
        result["parse"] = "ok"
    except SyntaxError as e:
        result["parse"] = f"SyntaxError: {e.msg} (line {e.lineno})"
        return result
    _current["doc"] = item["doc"]

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
        return REAL_BUILD(serviceName, version, http=transport, developerKey=developer_key,
                          static_discovery=static_discovery)

    def fake_run_local_server(self, **kwargs):
        state["flow"].append({"kwargs": {k: v for k, v in kwargs.items()}, "scopes": list(self.oauth2session.scope or [])})
        return Credentials(
            token=FAKE_TOKEN,
            refresh_token="1//fake-refresh",
            token_uri=self.client_config["token_uri"],
            client_id=self.client_config["client_id"],
            client_secret=self.client_config["client_secret"],
            scopes=self.oauth2session.scope,
            expiry=datetime.datetime.utcnow() + datetime.timedelta(hours=1),
        )

    snippet_path = os.path.join(tmp, "snippet.py")
    with open(snippet_path, "w", encoding="utf-8") as f:
        f.write(item["snippet"])
    discovery.build = fake_build
    InstalledAppFlow.run_local_server = fake_run_local_server
    out, err = io.StringIO(), io.StringIO()
    exit_code = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                runpy.run_path(snippet_path, run_name="__main__")
            except SystemExit as e:
                exit_code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
                if not isinstance(e.code, int) and e.code is not None:
                    err.write(str(e.code))
            except BaseException:  # noqa: BLE001 - report everything
                exit_code = 99
                err.write(traceback.format_exc(limit=-4))
    finally:
        discovery.build = REAL_BUILD
    result["exit"] = exit_code
    result["stdout"] = out.getvalue()[:MAX_OUT]
    result["stderr"] = err.getvalue()[-MAX_OUT:]
    return result


def main():
    src, dst = sys.argv[1], sys.argv[2]
    with open(src, encoding="utf-8") as f:
        items = json.load(f)
    original = InstalledAppFlow.run_local_server
    discovery._retrieve_discovery_doc = cached_retrieve
    discovery.Schemas = cached_schemas
    old_cwd = os.getcwd()
    os.environ.pop("BROWSER", None)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "credentials.json"), "w", encoding="utf-8") as f:
            json.dump(CLIENT_FILE, f)
        os.chdir(tmp)
        try:
            for item in items:
                try:
                    results.append(run_one(item, tmp))
                except BaseException:  # noqa: BLE001 - the harness itself failed for this item
                    results.append({"name": item["name"], "parse": "ok", "exit": 98, "stdout": "",
                                    "stderr": traceback.format_exc(limit=-4), "requests": [], "build": [], "flow": []})
        finally:
            os.chdir(old_cwd)
            InstalledAppFlow.run_local_server = original
            discovery._retrieve_discovery_doc = REAL_RETRIEVE
            discovery.Schemas = REAL_SCHEMAS
    tmp_out = dst + ".tmp"
    with open(tmp_out, "w", encoding="utf-8") as f:
        json.dump(results, f)
    os.replace(tmp_out, dst)


if __name__ == "__main__":
    main()

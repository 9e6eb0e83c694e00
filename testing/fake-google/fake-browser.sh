#!/bin/sh
# The "$BROWSER" for snippet runs (see README.md). Called as: fake-browser.sh <consent-url>
#
# It must return at once: Python's webbrowser (GenericBrowser) waits for the browser process to exit and only then
# lets run_local_server() serve the callback, so doing the work in the foreground would deadlock. The real work is
# detached into fake-browser.mjs (own session, stdin closed), which logs JSON lines to $FAKE_BROWSER_LOG.
here=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
node_bin=${FAKE_BROWSER_NODE:-node}
if [ -n "${FAKE_BROWSER_LOG:-}" ]; then errlog="$FAKE_BROWSER_LOG.stderr"; else errlog=/dev/null; fi
if command -v setsid >/dev/null 2>&1; then
  nohup setsid "$node_bin" "$here/fake-browser.mjs" "$@" </dev/null >>"$errlog" 2>&1 &
else
  nohup "$node_bin" "$here/fake-browser.mjs" "$@" </dev/null >>"$errlog" 2>&1 &
fi
exit 0

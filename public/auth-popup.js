// The sign-in window's only script (served from our origin; the callback page has no inline script).
// It tells the explorer tab that started the sign-in that it can collect the token (the token itself never
// passes through here: the tab fetches it from /api/auth/session), then closes this window.
(function () {
  "use strict";
  var body = document.body;
  var message = {
    type: "explorer-auth-done",
    flow: body.getAttribute("data-flow") || "",
    ok: body.getAttribute("data-ok") === "true",
    message: (document.getElementById("message") || {}).textContent || "",
  };
  // BroadcastChannel reaches the opener even when Google's pages cut the window.opener link (COOP).
  try {
    var channel = new BroadcastChannel("explorer-auth");
    channel.postMessage(message);
    channel.close();
  } catch {
    /* older browsers: the opener fallback below */
  }
  try {
    if (window.opener) window.opener.postMessage(message, window.location.origin);
  } catch {
    /* opener gone */
  }
  if (message.ok)
    setTimeout(function () {
      window.close();
    }, 300);
})();

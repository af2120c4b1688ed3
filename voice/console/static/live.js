// Live updates by server-sent events: the server sends the live sections again whenever they change.
// Without JavaScript the page reloads itself (a <noscript> refresh), so this file only makes it smoother.
(function () {
  "use strict";
  var live = document.getElementById("live");
  if (!live || !window.EventSource) { return; }
  var note = document.querySelector(".js-only");
  if (note) { note.hidden = false; }
  var source = new EventSource(live.getAttribute("data-events"));
  source.addEventListener("live", function (event) {
    live.innerHTML = event.data;
    live.setAttribute("data-updates", String(Number(live.getAttribute("data-updates") || "0") + 1));
  });
  source.addEventListener("error", function () {
    // Refused (the session went idle): reload, and the server shows the sign-in page and why.
    if (source.readyState === EventSource.CLOSED) { window.location.reload(); }
  });
}());

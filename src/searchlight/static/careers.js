// First-party careers-site measurement: no cookies, no storage, no third party. Sends only an
// event name, the vacancy key and a fixed detail (a form field name or a bucket).
(function () {
  "use strict";
  var meta = document.getElementById("careers-meta");
  if (!meta) { return; }
  var role = meta.getAttribute("data-role") || "";
  var csrf = meta.getAttribute("data-csrf") || "";
  function send(event, detail) {
    var body = JSON.stringify({ event: event, role: role, detail: detail || "" });
    var headers = { "Content-Type": "application/json" };
    if (csrf) { headers["X-CSRF-Token"] = csrf; }
    try {
      fetch("/careers/events", { method: "POST", headers: headers, body: body,
                                 credentials: "same-origin", keepalive: true });
    } catch (e) { /* measurement never breaks the page */ }
  }
  var page = meta.getAttribute("data-event");
  var fromElsewhere = !document.referrer || document.referrer.indexOf(location.origin) !== 0;
  if (fromElsewhere && page) { send("landing_view"); }
  if (page) { send(page); }
  document.addEventListener("click", function (e) {
    var link = e.target.closest && e.target.closest("[data-careers-contact]");
    if (link) { send("recruiter_contact"); }
    var story = e.target.closest && e.target.closest("[data-careers-story]");
    if (story) { send("story_read", story.getAttribute("data-careers-story")); }
  });
  if (page === "vacancy_view") {
    var seenDepth = {};
    window.addEventListener("scroll", function () {
      var doc = document.documentElement;
      var depth = (window.scrollY + window.innerHeight) / Math.max(doc.scrollHeight, 1) * 100;
      [25, 50, 75, 100].forEach(function (mark) {
        if (depth >= mark - 1 && !seenDepth[mark]) { seenDepth[mark] = true; send("scroll_depth", String(mark)); }
      });
    }, { passive: true });
    [10, 30, 60, 180].forEach(function (seconds) {
      setTimeout(function () { if (!document.hidden) { send("engaged_time", seconds + "s"); } }, seconds * 1000);
    });
    var form = document.getElementById("apply-form");
    if (form) {
      var lastField = "", submitted = false;
      form.addEventListener("focusin", function (e) { if (e.target.name) { lastField = e.target.name; } });
      form.addEventListener("submit", function () { submitted = true; });
      window.addEventListener("pagehide", function () {
        if (lastField && !submitted) { send("form_abandoned", lastField); }
      });
    }
  }
})();

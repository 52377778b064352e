// The assignment page's timer: shows the minutes left and tells screen readers at 10, 5 and 1
// minute(s) (from 5 minutes on with the warning that the answers are then handed in
// automatically). When the time is up it hands the form in itself, with what is typed (an
// answer left empty is taken from the autosaved draft on the server). The server decides
// whether the hand-in is late. Answers are autosaved by HTMX (hx-post on the form).
(function () {
  "use strict";
  var timer = document.getElementById("timer");
  if (!timer) { return; }
  var alertBox = document.getElementById("timer-alert");
  var form = document.getElementById("take-form");
  var deadline = Date.parse(timer.getAttribute("data-deadline"));
  var leftMessage = timer.getAttribute("data-msg-left");
  var warnMessage = timer.getAttribute("data-msg-warn");
  var upMessage = timer.getAttribute("data-msg-up");
  var announced = {};
  var handedIn = false;
  if (form) {
    form.addEventListener("submit", function () { handedIn = true; });
    // An autosave after the time limit (plus the grace) is refused with 409; its message goes
    // into the status line (a polite live region) instead of leaving an old "Draft saved".
    form.addEventListener("htmx:beforeSwap", function (event) {
      if (event.detail.xhr.status === 409) {
        event.detail.shouldSwap = true;
        event.detail.isError = false;
      }
    });
  }
  function handIn() {
    if (handedIn || !form) { return; }
    handedIn = true;
    var auto = form.querySelector("input[name=auto]");
    if (auto) { auto.value = "yes"; }
    var button = document.getElementById("hand-in");
    if (button) { button.disabled = true; }
    HTMLFormElement.prototype.submit.call(form);  // no submit event: HTMX autosave stays out
  }
  function tick() {
    var minutes = Math.ceil((deadline - Date.now()) / 60000);
    if (minutes <= 0) {
      timer.textContent = upMessage;
      timer.classList.add("timer-up");
      if (!announced.up) { announced.up = true; alertBox.textContent = upMessage; }
      window.setTimeout(handIn, 1500);  // time for the announcement to be read
      return;
    }
    var text = leftMessage.replace("{minutes}", String(minutes));
    timer.textContent = text;
    if ((minutes === 10 || minutes === 5 || minutes === 1) && !announced[minutes]) {
      announced[minutes] = true;
      alertBox.textContent = minutes <= 5 ? warnMessage.replace("{minutes}", String(minutes)) : text;
    }
    var untilNextMinute = (deadline - Date.now()) % 60000;
    window.setTimeout(tick, Math.max(250, Math.min(5000, untilNextMinute + 50)));
  }
  tick();
})();

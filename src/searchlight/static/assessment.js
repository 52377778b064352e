// The assignment page's timer: shows the minutes left, tells screen readers at 10, 5 and 1
// minute(s) and when the time is up. Answers are autosaved by HTMX (hx-post on the form).
(function () {
  "use strict";
  var timer = document.getElementById("timer");
  if (!timer) { return; }
  var alertBox = document.getElementById("timer-alert");
  var deadline = Date.parse(timer.getAttribute("data-deadline"));
  var leftMessage = timer.getAttribute("data-msg-left");
  var upMessage = timer.getAttribute("data-msg-up");
  var announced = {};
  function tick() {
    var minutes = Math.ceil((deadline - Date.now()) / 60000);
    if (minutes <= 0) {
      timer.textContent = upMessage;
      timer.classList.add("timer-up");
      if (!announced.up) { announced.up = true; alertBox.textContent = upMessage; }
      return;
    }
    var text = leftMessage.replace("{minutes}", String(minutes));
    timer.textContent = text;
    if ((minutes === 10 || minutes === 5 || minutes === 1) && !announced[minutes]) {
      announced[minutes] = true;
      alertBox.textContent = text;
    }
    window.setTimeout(tick, 5000);
  }
  tick();
})();

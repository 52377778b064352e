// Copy buttons: <button data-copy="ID" data-status="ID" data-msg-copied data-msg-fallback hidden>
// copies the text of element ID to the clipboard and says so in the status element (a polite
// live region). Where the clipboard cannot be used (an insecure page, a refused permission),
// the text is selected and the message says how to copy it by hand. Without script the button
// stays hidden and the text is there to select.
(function () {
  "use strict";
  var buttons = document.querySelectorAll("button[data-copy]");
  Array.prototype.forEach.call(buttons, function (button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    var status = document.getElementById(button.getAttribute("data-status"));
    if (!source || !status) { return; }
    button.hidden = false;
    function say(message) {
      status.textContent = "";
      window.setTimeout(function () { status.textContent = message; }, 50);
    }
    function selectText() {
      var range = document.createRange();
      range.selectNodeContents(source);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    }
    function fallback() {
      selectText();
      say(button.getAttribute("data-msg-fallback"));
    }
    button.addEventListener("click", function () {
      var text = source.textContent.trim();
      if (!navigator.clipboard || !window.isSecureContext) { fallback(); return; }
      navigator.clipboard.writeText(text).then(function () {
        say(button.getAttribute("data-msg-copied"));
      }, fallback);
    });
  });
})();

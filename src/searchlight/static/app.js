// Small progressive enhancements; every page works without this file.
document.addEventListener("change", (event) => {
  const target = event.target;
  if (target instanceof HTMLSelectElement && target.hasAttribute("data-autosubmit")) {
    target.form.submit();
  }
});

// Announce HTMX swaps to screen readers when the server sends a message.
document.addEventListener("htmx:afterSwap", (event) => {
  const message = event.detail.elt.querySelector("[data-announce]");
  const region = document.getElementById("live-region");
  if (message && region) region.textContent = message.getAttribute("data-announce");
});

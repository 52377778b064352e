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

// Narrow screens show table rows stacked; each cell gets its column heading as a label.
function stackTables(root) {
  for (const table of root.querySelectorAll("main table:not([data-no-stack])")) {
    const heads = [...table.querySelectorAll("thead th")].map((th) => th.textContent.trim());
    if (!heads.length) continue;
    table.classList.add("stacked");
    for (const row of table.querySelectorAll("tbody tr")) {
      let column = 0;
      for (const cell of row.children) {
        if (!cell.hasAttribute("data-label") && heads[column]) {
          cell.setAttribute("data-label", heads[column]);
        }
        column += cell.colSpan || 1;
      }
    }
  }
}
stackTables(document);
document.addEventListener("htmx:afterSwap", () => stackTables(document));

// Forms marked data-swap-errors show a refusal (413/422) in place, next to the field, instead
// of leaving the page; the address stays the page the user was on.
document.addEventListener("htmx:beforeSwap", (event) => {
  const source = event.detail.requestConfig && event.detail.requestConfig.elt;
  if (source && source.closest("[data-swap-errors]") && [413, 422].includes(event.detail.xhr.status)) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});

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

// The main menu on a phone: a disclosure under a "Menu" button holding the menu, the language
// and log-out (Escape closes it and returns focus to the button). CSS shows the button only on
// narrow screens; without this script the menu is a wrapped list of links.
function setUpMenu() {
  const toggle = document.querySelector(".site-header .menu-toggle");
  const header = toggle && toggle.closest(".site-header");
  if (!toggle || !header) return;
  toggle.hidden = false;
  header.classList.add("has-menu-toggle");
  const isOpen = () => toggle.getAttribute("aria-expanded") === "true";
  const setOpen = (open) => {
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    header.classList.toggle("menu-open", open);
  };
  toggle.addEventListener("click", () => setOpen(!isOpen()));
  header.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && isOpen()) {
      setOpen(false);
      toggle.focus();
    }
  });
  document.addEventListener("click", (event) => {
    if (isOpen() && !header.contains(event.target)) setOpen(false);
  });
}
setUpMenu();

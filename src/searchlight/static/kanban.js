// Drag and drop on the pipeline board. Every card also has a plain form (stage select, reason,
// button) that works with the keyboard and without JavaScript; dropping a card just fills in
// that form and submits it, so both ways share one server route, one rule and one audit entry.
(function () {
  "use strict";

  const board = document.getElementById("board");
  if (!board) return;

  let dragged = null;

  function announce(text) {
    const region = document.getElementById("live-region");
    if (region && text) region.textContent = text;
  }

  board.addEventListener("dragstart", (event) => {
    const card = event.target.closest && event.target.closest(".kanban-card");
    if (!card) return;
    dragged = card;
    card.setAttribute("aria-grabbed", "true");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", card.dataset.application);
  });

  board.addEventListener("dragend", () => {
    if (dragged) dragged.removeAttribute("aria-grabbed");
    dragged = null;
    board.querySelectorAll(".drag-over").forEach((el) => el.classList.remove("drag-over"));
  });

  board.addEventListener("dragover", (event) => {
    const column = event.target.closest && event.target.closest(".kanban-column");
    if (!column || !dragged) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    board.querySelectorAll(".drag-over").forEach((el) => {
      if (el !== column) el.classList.remove("drag-over");
    });
    column.classList.add("drag-over");
  });

  board.addEventListener("drop", (event) => {
    const column = event.target.closest && event.target.closest(".kanban-column");
    if (!column || !dragged) return;
    event.preventDefault();
    column.classList.remove("drag-over");
    const form = dragged.querySelector("form.move-form");
    const select = form && form.querySelector("select[name=stage]");
    if (!select || select.value === column.dataset.stage) return;
    const reasonInput = form.querySelector("input[name=reason]");
    select.value = column.dataset.stage;
    if (column.dataset.stageKind === "rejected" && !reasonInput.value.trim()) {
      // A rejection is a human decision with a reason: the card stays put until one is written
      // in its reason field and the move is confirmed (Enter or the Move button).
      reasonInput.required = true;
      reasonInput.focus();
      announce(column.dataset.reasonPrompt || reasonInput.placeholder);
      return;
    }
    form.requestSubmit();
  });

  // The server answers a refused move (e.g. a rejection without reason) with 422 and the board
  // showing the error: swap it in like a success so the message is seen and announced.
  document.body.addEventListener("htmx:beforeSwap", (event) => {
    if (event.detail.target === board && event.detail.xhr.status === 422) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // Keep keyboard users where they were: focus the moved card, and say what happened.
  document.body.addEventListener("htmx:afterSwap", (event) => {
    if (event.detail.target !== board) return;
    const message = board.querySelector("[data-announce]");
    if (message) announce(message.getAttribute("data-announce"));
    const focus = board.querySelector("[data-focus]");
    if (focus) focus.focus();
  });
})();

// cardscan review: outlines on the card, rows added and removed, keys, questions before deleting.
// The page works without it (plain forms); this only makes it quicker to use.
(function () {
  "use strict";

  const overlay = document.querySelector(".outlines");

  function outline(input) {
    if (!overlay) return;
    overlay.replaceChildren();
    let boxes = [];
    try {
      boxes = JSON.parse(input.dataset.outline || "[]");
    } catch (e) {
      boxes = [];
    }
    for (const [left, top, width, height] of boxes) {
      const box = document.createElement("div");
      box.className = "box";
      box.style.left = left * 100 + "%";
      box.style.top = top * 100 + "%";
      box.style.width = width * 100 + "%";
      box.style.height = height * 100 + "%";
      overlay.appendChild(box);
    }
  }

  document.addEventListener("focusin", function (event) {
    const target = event.target;
    if (target instanceof HTMLInputElement && target.closest("#fields")) outline(target);
  });

  // A list field (emails, phones, websites): add an empty row, or remove one.
  document.addEventListener("click", function (event) {
    const button = event.target.closest("button");
    if (!button) return;
    const group = button.closest(".group");
    if (button.classList.contains("add") && group) {
      const rows = group.querySelector(".rows");
      const last = rows.querySelector(".row:last-child");
      const row = last.cloneNode(true);
      const input = row.querySelector("input");
      input.value = "";
      input.removeAttribute("aria-invalid");
      input.removeAttribute("autofocus");
      input.dataset.outline = "[]";
      input.id = group.dataset.field + "-added-" + rows.children.length;
      row.querySelectorAll(".error").forEach((e) => e.remove());
      rows.appendChild(row);
      input.focus();
    } else if (button.classList.contains("remove")) {
      const row = button.closest(".row");
      const rows = row.parentElement;
      if (rows.children.length > 1) {
        row.remove();
        const next = rows.querySelector("input");
        if (next) next.focus();
      } else {
        row.querySelector("input").value = "";
      }
      if (overlay) overlay.replaceChildren();
    }
  });

  // Deleting and merging ask first.
  document.addEventListener("submit", function (event) {
    const question = event.target.dataset.confirm;
    if (question && !window.confirm(question)) event.preventDefault();
  });

  // Left and right arrows, outside a field, open the previous and the next card.
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.target.closest && event.target.closest("input, select, textarea")) {
      if (event.key === "Escape") event.target.blur();
      return;
    }
    const rel = { ArrowLeft: "prev", ArrowRight: "next" }[event.key];
    const link = rel && document.querySelector('a[rel="' + rel + '"]');
    if (link) {
      event.preventDefault();
      link.click();
    }
  });

  const first = document.querySelector("[autofocus]");
  if (first) outline(first);
})();

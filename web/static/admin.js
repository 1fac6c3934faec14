// The console's only script (no build step, no dependency): the editor's live preview and inline
// errors, asked of the server as the editor types. Without it the page works the same by submitting.
"use strict";
(function () {
  const form = document.getElementById("editor");
  if (!form || !form.dataset.preview) return;
  const csrf = form.querySelector("input[name=csrf]").value;
  const preview = document.getElementById("preview");
  let timer = null;
  let seq = 0;

  function showErrors(errors) {
    form.querySelectorAll(".field-errors").forEach((list) => {
      const path = list.dataset.for;
      const exact = list.dataset.exact === "1";
      const messages = [];
      Object.keys(errors).forEach((key) => {
        if (key === path || (!exact && key.startsWith(path + "."))) messages.push(...errors[key]);
      });
      list.replaceChildren(...messages.map((m) => { const li = document.createElement("li"); li.textContent = m; return li; }));
      const group = list.closest("fieldset");
      if (group && !group.classList.contains("items")) group.classList.toggle("invalid", messages.length > 0);
    });
  }

  function showPreviews(previews) {
    preview.querySelectorAll(".preview[data-lang]").forEach((section) => {
      const html = previews[section.dataset.lang];
      if (html === undefined) return;
      // The server escapes every text before it writes the few tags of a card.
      const body = section.querySelector(".preview-body");
      const doc = new DOMParser().parseFromString(html, "text/html");
      body.replaceChildren(...doc.body.childNodes);
    });
  }

  async function refresh() {
    const mine = ++seq;
    const data = new URLSearchParams(new FormData(form));
    try {
      const response = await fetch(form.dataset.preview, {
        method: "POST", body: data, credentials: "same-origin", headers: { "X-CSRF-Token": csrf },
      });
      if (!response.ok || mine !== seq) return;
      const result = await response.json();
      showErrors(result.errors);
      showPreviews(result.previews);
      const summary = document.getElementById("problems");
      summary.classList.toggle("error", Object.keys(result.errors).length > 0);
      summary.classList.toggle("ok", Object.keys(result.errors).length === 0);
    } catch (e) {
      // The server is unreachable: the next save shows the same checks.
    }
  }

  form.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(refresh, 500); });
  form.addEventListener("change", () => { clearTimeout(timer); timer = setTimeout(refresh, 200); });
})();

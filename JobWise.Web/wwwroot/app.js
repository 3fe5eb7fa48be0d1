// JobWise: small progressive enhancements over server-rendered pages (everything works without them).
(() => {
  "use strict";

  // A visible, announced busy state while a form posts or a page loads.
  const setBusy = (busy) => {
    document.documentElement.toggleAttribute("data-busy", busy);
    const status = document.getElementById("busy-status");
    if (status) status.textContent = busy ? "Working…" : "";
  };
  document.addEventListener("submit", () => setBusy(true));
  window.addEventListener("pageshow", () => setBusy(false));

  // After an edit command (move a bullet up, add an entry) the page names the control to keep working with; the
  // focus goes there instead of to the top of the page. Deferred so it comes after Blazor's own focus on the heading.
  const restoreFocus = () => {
    const marker = document.querySelector("[data-focus-target]");
    const target = marker && document.getElementById(marker.getAttribute("data-focus-target"));
    if (target) setTimeout(() => target.focus(), 0);
  };
  document.addEventListener("DOMContentLoaded", () => {
    restoreFocus();
    if (window.Blazor && window.Blazor.addEventListener) {
      window.Blazor.addEventListener("enhancedload", () => { setBusy(false); restoreFocus(); });
    }
  });

  // The export page's preview of page 1 follows the options as they change.
  const previewUrl = (form) => {
    const data = new FormData(form);
    const query = new URLSearchParams();
    query.set("generation", form.dataset.generation);
    const names = {
      "Input.Template": "template", "Input.Options.FontFamily": "font", "Input.Options.AccentColor": "accent",
      "Input.Options.FontSize": "size", "Input.Options.LineSpacing": "spacing", "Input.Options.Margins": "margins",
      "Input.Options.PageSize": "page", "Input.Options.DateFormat": "dates",
    };
    for (const [field, name] of Object.entries(names)) {
      const value = data.get(field);
      if (value) query.set(name, value);
    }
    return "/files/preview?" + query.toString();
  };

  let pending = 0;
  const refreshPreview = (form) => {
    const image = document.getElementById("resume-preview");
    const status = document.getElementById("preview-status");
    if (!image) return;
    const url = previewUrl(form);
    const ticket = ++pending;
    image.setAttribute("aria-busy", "true");
    if (status) status.textContent = "Updating the preview…";
    fetch(url, { credentials: "same-origin" })
      .then(async (response) => {
        if (ticket !== pending) return;
        if (!response.ok) {
          const retry = response.headers.get("Retry-After");
          let title = "The preview could not be made.";
          try { title = (await response.json()).title || title; } catch { /* not JSON */ }
          if (status) status.textContent = retry && !/Try again/.test(title) ? `${title} Try again in ${retry} seconds.` : title;
          return;
        }
        const blob = await response.blob();
        const old = image.dataset.objectUrl;
        image.dataset.objectUrl = URL.createObjectURL(blob);
        image.src = image.dataset.objectUrl;
        if (old) URL.revokeObjectURL(old);
        image.dataset.previewUrl = url;
        if (status) status.textContent = "Preview of page 1 (updated)";
      })
      .catch(() => { if (status && ticket === pending) status.textContent = "The preview could not be loaded; check your connection."; })
      .finally(() => { if (ticket === pending) image.removeAttribute("aria-busy"); });
  };

  let timer;
  const onOptionChange = (event) => {
    const form = event.target.closest && event.target.closest("form[data-preview-form]");
    if (!form) return;
    clearTimeout(timer);
    timer = setTimeout(() => refreshPreview(form), 250);
  };
  document.addEventListener("change", onOptionChange);
  document.addEventListener("input", onOptionChange);
})();

// The paste box: send the pasted text to POST /extract and show the article view.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  NE.setTwin("/openapi.json");
  const form = document.getElementById("paste");
  const status = document.getElementById("status");
  const result = document.getElementById("result");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = form.elements.body.value;
    const payload = form.elements.is_html.checked ? { html: body } : { text: body };
    if (form.elements.published.value) payload.published = form.elements.published.value;
    if (form.elements.title.value.trim()) payload.title = form.elements.title.value.trim();
    const button = form.querySelector("[type=submit]");
    button.disabled = true;
    status.textContent = "Extracting…";
    NE.clear(result);
    try {
      let data = null;
      // While the server loads its language model it answers 503 model_loading: wait.
      for (let attempt = 0; ; attempt++) {
        try {
          data = await NE.postJSON("/extract", payload);
          break;
        } catch (err) {
          if (err.code !== "model_loading" || attempt >= 90) throw err;
          status.textContent = "Loading the language model on the server…";
          await new Promise((resolve) => setTimeout(resolve, 2000));
        }
      }
      NE.clear(status);
      ArticleView.render(result, data);
      document.body.setAttribute("data-loaded", "extracted");
    } catch (err) {
      NE.showError(status, `Could not extract: ${err.message}`);
      document.body.setAttribute("data-loaded", "error");
    } finally {
      button.disabled = false;
    }
  });
});

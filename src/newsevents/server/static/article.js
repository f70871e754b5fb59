// A stored article: fetch its JSON twin and render the article view.
"use strict";

document.addEventListener("DOMContentLoaded", async () => {
  const prefix = "/ui/articles/";
  const id = decodeURIComponent(window.location.pathname.slice(prefix.length));
  const twin = `/articles/${encodeURIComponent(id)}`;
  NE.setTwin(twin);
  const status = document.getElementById("status");
  try {
    const result = await NE.getJSON(twin);
    document.title = `${(result.article && result.article.title) || id} · newsevents`;
    ArticleView.render(document.getElementById("result"), result);
    document.body.setAttribute("data-loaded", "article");
  } catch (err) {
    NE.showError(status, `Could not load article: ${err.message}`);
    document.body.setAttribute("data-loaded", "error");
  }
});

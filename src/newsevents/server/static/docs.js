// An offline API reference rendered from /openapi.json (no external Swagger assets).
"use strict";

(() => {
  const { el, clear, getJSON, showError, setTwin } = NE;
  const METHODS = ["get", "post", "put", "patch", "delete"];

  function schemaText(schema) {
    if (!schema) return "";
    if (schema.$ref) return schema.$ref.split("/").pop();
    if (schema.anyOf) return schema.anyOf.map(schemaText).filter((s) => s !== "null").join(" | ");
    if (schema.type === "array") return `${schemaText(schema.items)}[]`;
    let text = schema.type || "";
    if (schema.pattern) text += ` /${schema.pattern}/`;
    if (schema.minimum !== undefined || schema.maximum !== undefined) {
      text += ` [${schema.minimum ?? ""}..${schema.maximum ?? ""}]`;
    }
    if (schema.default !== undefined && schema.default !== null) text += ` = ${JSON.stringify(schema.default)}`;
    return text;
  }

  function endpoint(path, method, op) {
    const params = op.parameters || [];
    const body = op.requestBody && op.requestBody.content && op.requestBody.content["application/json"];
    return el("section", { class: "endpoint", id: `${method}-${path}` },
      el("h2", null, el("span", { class: `method ${method}` }, method.toUpperCase()), " ", el("code", null, path)),
      el("p", null, op.summary || ""),
      op.description ? el("p", { class: "hint" }, op.description) : null,
      params.length
        ? NE.table([
          { label: "Parameter", value: (p) => el("code", null, p.name) },
          { label: "In", value: (p) => p.in },
          { label: "Required", value: (p) => (p.required ? "yes" : "no") },
          { label: "Type", value: (p) => schemaText(p.schema) },
          { label: "Description", value: (p) => p.description || (p.schema && p.schema.description) || "" },
        ], params)
        : null,
      body ? el("p", null, "JSON body: ", el("code", null, schemaText(body.schema))) : null);
  }

  function schemas(components) {
    const out = [];
    for (const [name, schema] of Object.entries((components && components.schemas) || {})) {
      if (!schema.properties) continue;
      out.push(el("section", { class: "endpoint" }, el("h3", null, name),
        NE.table([
          { label: "Field", value: (r) => el("code", null, r[0]) },
          { label: "Type", value: (r) => schemaText(r[1]) },
          { label: "Description", value: (r) => r[1].description || "" },
        ], Object.entries(schema.properties))));
    }
    return out;
  }

  document.addEventListener("DOMContentLoaded", async () => {
    setTwin("/openapi.json");
    try {
      const spec = await getJSON("/openapi.json");
      const list = clear(document.getElementById("endpoints"));
      for (const [path, item] of Object.entries(spec.paths)) {
        for (const method of METHODS) if (item[method]) list.append(endpoint(path, method, item[method]));
      }
      list.append(el("h2", null, "Schemas"), ...schemas(spec.components));
      document.body.setAttribute("data-loaded", "docs");
    } catch (err) {
      showError(document.getElementById("status"), `Could not load the API description: ${err.message}`);
    }
  });
})();

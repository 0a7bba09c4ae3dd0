// The API documentation page: drawn from the server's own OpenAPI schema (/api/openapi.json).
// Written for this project; no library. Every string is set with textContent.
"use strict";

window.footprintDocs = function (box) {
  function add(parent, tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    parent.appendChild(node);
    return node;
  }

  function typeOf(schema) {
    if (!schema) return "";
    if (schema.$ref) return schema.$ref.split("/").pop();
    if (schema.anyOf) return schema.anyOf.map(typeOf).filter((t) => t !== "null").join(" | ");
    if (schema.type === "array") return typeOf(schema.items) + "[]";
    return schema.type || "";
  }

  fetch(box.dataset.schema, { headers: { Accept: "application/json" } })
    .then((response) => response.json())
    .then((schema) => {
      box.textContent = "";
      add(box, "p", schema.info.description || "");
      for (const [path, methods] of Object.entries(schema.paths)) {
        for (const [method, op] of Object.entries(methods)) {
          const section = add(box, "section", null, "endpoint");
          const head = add(section, "h2");
          add(head, "span", method.toUpperCase(), "method " + method);
          add(head, "code", " " + path);
          add(section, "p", op.summary || "");
          if (op.description) add(section, "p", op.description, "muted");
          const params = op.parameters || [];
          if (params.length) {
            const table = add(section, "table");
            const row = add(add(table, "thead"), "tr");
            for (const h of ["parameter", "in", "type", "required", "about"]) add(row, "th", h);
            const body = add(table, "tbody");
            for (const p of params) {
              const tr = add(body, "tr");
              add(tr, "td", p.name);
              add(tr, "td", p.in);
              add(tr, "td", typeOf(p.schema));
              add(tr, "td", p.required ? "yes" : "no");
              add(tr, "td", p.description || (p.schema && p.schema.description) || "");
            }
          }
          const content = op.requestBody && op.requestBody.content;
          if (content) {
            for (const [media, body] of Object.entries(content)) {
              add(section, "p", "Body (" + media + "): " + typeOf(body.schema));
            }
          }
          add(section, "p", "Answers: " + Object.keys(op.responses || {}).join(", "), "muted");
        }
      }
      box.dataset.ready = "true";
    })
    .catch((error) => {
      box.textContent = "The schema could not be read: " + error.message;
    });
};

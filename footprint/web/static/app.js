// footprint's pages: the actor network you can click, pivot and expand.
// Written for this project; no library. Strings from the store are set with textContent and
// never parsed as markup; links are built from ids with encodeURIComponent, or taken from the
// server's own evidence hrefs (which always start with "/").
"use strict";

(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const WIDTH = 860;
  const HEIGHT = 520;

  function svgEl(name, attrs, parent) {
    const node = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
    if (parent) parent.appendChild(node);
    return node;
  }

  function localHref(href) {
    return typeof href === "string" && href.startsWith("/") && !href.startsWith("//") ? href : null;
  }

  function edgeKey(a, b) {
    return a < b ? a + "\u0000" + b : b + "\u0000" + a;
  }

  function NetworkView(box) {
    this.box = box;
    this.focus = box.dataset.focus;
    const src = new URL(box.dataset.src, window.location.origin);
    this.filters = new URLSearchParams();
    for (const key of ["since", "until", "country", "type", "role"]) {
      for (const value of src.searchParams.getAll(key)) this.filters.append(key, value);
    }
    this.src = src.pathname + src.search;
    this.nodes = new Map();
    this.edges = new Map();
    this.expanded = new Set();
    this.selected = null;
    this.panel = document.getElementById("network-panel");
    const expand = document.getElementById("panel-expand");
    if (expand) expand.addEventListener("click", () => { if (this.selected) this.expand(this.selected); });
  }

  NetworkView.prototype.load = function (url) {
    return fetch(url, { headers: { Accept: "application/json" } }).then((response) =>
      response.json().then((body) => {
        if (!response.ok) throw new Error(body.error || "HTTP " + response.status);
        return body;
      })
    );
  };

  NetworkView.prototype.merge = function (data, near) {
    const origin = near && this.nodes.get(near);
    let i = 0;
    for (const actor of data.actors) {
      const known = this.nodes.get(actor.id);
      if (known) continue;
      const angle = (2 * Math.PI * i) / Math.max(data.actors.length, 1);
      i += 1;
      const cx = origin ? origin.x : WIDTH / 2;
      const cy = origin ? origin.y : HEIGHT / 2;
      const r = origin ? 60 : 180;
      this.nodes.set(actor.id, {
        id: actor.id, name: actor.name, type: actor.type, designated: actor.designated,
        marks: actor.marks || [], x: cx + r * Math.cos(angle), y: cy + r * Math.sin(angle),
      });
    }
    for (const edge of data.edges) this.edges.set(edgeKey(edge.a, edge.b), edge);
  };

  NetworkView.prototype.layout = function (rounds) {
    // A plain force layout: nodes push apart, ties pull together, a weak pull to the middle.
    const nodes = Array.from(this.nodes.values());
    const index = new Map(nodes.map((n, k) => [n.id, k]));
    const ties = Array.from(this.edges.values())
      .filter((e) => index.has(e.a) && index.has(e.b))
      .map((e) => [index.get(e.a), index.get(e.b)]);
    const ideal = Math.max(50, Math.min(140, 600 / Math.sqrt(nodes.length + 1)));
    for (let round = 0; round < rounds; round += 1) {
      const step = 8 * (1 - round / rounds) + 0.5;
      const move = nodes.map(() => [0, 0]);
      for (let a = 0; a < nodes.length; a += 1) {
        for (let b = a + 1; b < nodes.length; b += 1) {
          let dx = nodes[a].x - nodes[b].x;
          let dy = nodes[a].y - nodes[b].y;
          let d2 = dx * dx + dy * dy;
          if (d2 < 0.01) { dx = 0.1 * (a - b); dy = 0.1; d2 = dx * dx + dy * dy; }
          const push = (ideal * ideal) / d2;
          move[a][0] += dx * push; move[a][1] += dy * push;
          move[b][0] -= dx * push; move[b][1] -= dy * push;
        }
      }
      for (const [a, b] of ties) {
        const dx = nodes[a].x - nodes[b].x;
        const dy = nodes[a].y - nodes[b].y;
        const d = Math.sqrt(dx * dx + dy * dy) || 0.1;
        const pull = d / ideal;
        move[a][0] -= dx * pull; move[a][1] -= dy * pull;
        move[b][0] += dx * pull; move[b][1] += dy * pull;
      }
      nodes.forEach((n, k) => {
        move[k][0] += (WIDTH / 2 - n.x) * 0.02;
        move[k][1] += (HEIGHT / 2 - n.y) * 0.02;
        const len = Math.sqrt(move[k][0] ** 2 + move[k][1] ** 2) || 1;
        n.x += (move[k][0] / len) * Math.min(step, len);
        n.y += (move[k][1] / len) * Math.min(step, len);
        n.x = Math.max(20, Math.min(WIDTH - 20, n.x));
        n.y = Math.max(20, Math.min(HEIGHT - 20, n.y));
      });
    }
  };

  NetworkView.prototype.colour = function (node) {
    if (node.id === this.focus) return "focus";
    if (node.designated) return "designated";
    if (node.marks.length) return "marked";
    return "plain";
  };

  NetworkView.prototype.draw = function () {
    this.box.textContent = "";
    if (!this.nodes.size) {
      const none = document.createElement("p");
      none.className = "muted";
      none.textContent = "No ties between actors under these filters.";
      this.box.appendChild(none);
      return;
    }
    const svg = svgEl("svg", {
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: "network-svg", role: "img",
      "aria-label": "Network of actors",
    }, this.box);
    for (const edge of this.edges.values()) {
      const a = this.nodes.get(edge.a);
      const b = this.nodes.get(edge.b);
      if (!a || !b) continue;
      const kinds = edge.kinds || [];
      svgEl("line", {
        x1: a.x.toFixed(1), y1: a.y.toFixed(1), x2: b.x.toFixed(1), y2: b.y.toFixed(1),
        class: "edge " + (kinds.includes("coappearance") ? "coappearance" : "affiliation"),
      }, svg);
    }
    for (const node of this.nodes.values()) {
      const g = svgEl("g", { class: "node " + this.colour(node), tabindex: 0, role: "button" }, svg);
      g.dataset.id = node.id;
      if (node.id === this.selected) g.classList.add("selected");
      if (node.type === "organization") {
        svgEl("rect", { x: (node.x - 8).toFixed(1), y: (node.y - 8).toFixed(1), width: 16, height: 16 }, g);
      } else {
        svgEl("circle", { cx: node.x.toFixed(1), cy: node.y.toFixed(1), r: 8 }, g);
      }
      const label = svgEl("text", { x: (node.x + 11).toFixed(1), y: (node.y + 4).toFixed(1) }, g);
      label.textContent = node.name.length > 32 ? node.name.slice(0, 31) + "…" : node.name;
      const title = svgEl("title", {}, g);
      title.textContent = node.name + (node.marks.length ? " (" + node.marks.join(", ") + ")" : "");
      g.addEventListener("click", () => this.select(node.id));
      g.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); this.select(node.id); }
      });
    }
  };

  NetworkView.prototype.select = function (id) {
    const node = this.nodes.get(id);
    if (!node || !this.panel) return;
    this.selected = id;
    this.panel.hidden = false;
    document.getElementById("panel-name").textContent = node.name;
    const marks = node.marks.length ? " · " + node.marks.join(", ").replace(/_/g, " ") : "";
    document.getElementById("panel-meta").textContent = node.type + marks;
    const open = document.getElementById("panel-open");
    open.href = "/actors/" + encodeURIComponent(id);
    const button = document.getElementById("panel-expand");
    button.disabled = this.expanded.has(id);
    const list = document.getElementById("panel-evidence");
    list.textContent = "";
    for (const edge of this.edges.values()) {
      if (edge.a !== id && edge.b !== id) continue;
      const other = this.nodes.get(edge.a === id ? edge.b : edge.a);
      if (!other) continue;
      const item = document.createElement("div");
      item.className = "tie";
      const head = document.createElement("strong");
      const bits = [];
      if (edge.coappearance) bits.push(edge.coappearance.count + " shared occasion(s)");
      for (const link of edge.affiliation || []) bits.push(link.what);
      head.textContent = other.name + ": " + bits.join("; ");
      item.appendChild(head);
      const evidence = (edge.coappearance && edge.coappearance.evidence[0]) ||
        (edge.affiliation && edge.affiliation[0] && edge.affiliation[0].evidence[0]);
      if (evidence) {
        const quote = document.createElement("blockquote");
        quote.className = "evidence";
        quote.textContent = "“" + evidence.sentence + "” ";
        const href = localHref(evidence.href);
        if (href) {
          const a = document.createElement("a");
          a.href = href;
          a.className = "source";
          a.textContent = evidence.document;
          quote.appendChild(a);
        }
        item.appendChild(quote);
      }
      list.appendChild(item);
    }
    this.draw();
  };

  NetworkView.prototype.expand = function (id) {
    const query = new URLSearchParams(this.filters);
    query.set("around", id);
    query.set("depth", "1");
    query.set("top", "40");
    return this.load("/api/network?" + query.toString())
      .then((data) => {
        this.expanded.add(id);
        this.merge(data, id);
        this.layout(120);
        this.select(id);
        this.box.dataset.expanded = String(this.expanded.size);
      })
      .catch((error) => this.say("Could not expand: " + error.message));
  };

  NetworkView.prototype.say = function (text) {
    const note = document.createElement("p");
    note.className = "muted";
    note.textContent = text;
    this.box.appendChild(note);
  };

  NetworkView.prototype.start = function () {
    return this.load(this.src)
      .then((data) => {
        this.merge(data, null);
        if (this.focus) this.expanded.add(this.focus);
        this.layout(250);
        this.draw();
        this.box.dataset.ready = "true";
      })
      .catch((error) => {
        this.box.textContent = "";
        this.say("The network could not be read: " + error.message);
        this.box.dataset.ready = "error";
      });
  };

  document.addEventListener("DOMContentLoaded", () => {
    const box = document.getElementById("network");
    if (box) new NetworkView(box).start();
    const docs = document.getElementById("api-docs");
    if (docs && window.footprintDocs) window.footprintDocs(docs);
  });
})();

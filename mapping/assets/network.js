/* Collective Impact Atlas: the network graph (Cytoscape.js, served by the app).
 *
 * AtlasNetwork.draw(container, data) draws the organisations of a view and the
 * links among them at the fixed positions the server computed
 * (mapping/layout.py), so a rerun and a shared link look the same. Names are
 * drawn on the canvas or put on the page with textContent (details.js): never
 * parsed as HTML. Keyboard and screen-reader users reach every organisation
 * through the search box and the list, which open the same details panel as a
 * click; choosing an organisation names it in the page URL (?org=).
 *
 * The first view reads without zooming: the hubs (every named network's organisation
 * and the most linked, data.hubs) are named in full at a constant size on the screen,
 * each network's members sit around it (the server's layout), and the organisations
 * linked to none in the view (data.unlinked, no position) are listed beside the graph,
 * not drawn. A network's details say how complete it is (data.coverage).
 */
(function () {
  "use strict";

  var el = window.AtlasDetails.el;
  // One shape per primary role, so a role is never told by colour alone.
  var SHAPES = ["diamond", "ellipse", "triangle", "round-rectangle"];
  var DASHES = { solid: "solid", dashed: "dashed", dotted: "dotted" };

  function reducedMotion() {
    return window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  }

  // Labels are cut here, with the ellipsis on the side where the name's own direction ends.
  var LABEL_CHARACTERS = 30;
  var RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
  var LTR_LETTER = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/;

  /* A name as a graph label: at most ``limit`` characters, and when cut, "…" at its end in
   * its own reading direction (an English name in a Hebrew graph ends "…" on the right, a
   * Hebrew one on the left): a mark of the name's direction after the ellipsis keeps the
   * ellipsis with the name instead of with the page's direction. */
  function label(name, limit) {
    var text = String(name).trim();
    if (text.length <= limit) { return text; }
    var first = text.match(/[^\s\d\p{P}]/u);
    var rtl = first ? RTL_LETTER.test(first[0]) && !LTR_LETTER.test(first[0]) : false;
    return text.slice(0, limit - 1).trim() + "…" + (rtl ? "\u200F" : "\u200E");
  }

  /* A name in full, on lines of about ``width`` characters (broken at spaces), each line
   * between marks of the name's own direction: the canvas draws every line in the page's
   * direction, and an English name's closing "." or ")" must stay at its end on a Hebrew
   * page too. */
  function fullLabel(name, width) {
    var words = String(name).trim().split(/\s+/), lines = [], line = "";
    words.forEach(function (word) {
      if (line && line.length + 1 + word.length > width) { lines.push(line); line = word; } else { line = line ? line + " " + word : word; }
    });
    if (line) { lines.push(line); }
    var first = String(name).match(/[^\s\d\p{P}]/u);
    var mark = first && RTL_LETTER.test(first[0]) && !LTR_LETTER.test(first[0]) ? "\u200F" : "\u200E";
    return lines.map(function (text) { return mark + text + mark; }).join("\n");
  }

  function presenter() {
    try {
      return window.parent !== window && window.parent.AtlasPresenter ? window.parent.AtlasPresenter : null;
    } catch (error) {
      return null;
    }
  }

  function urlKeeper() {
    try {
      return window.parent !== window && window.parent.AtlasUrl ? window.parent.AtlasUrl : null;
    } catch (error) {
      return null;
    }
  }

  function elements(data, large) {
    var org = data.org, nodes = [], edges = [];
    var hubs = {}, runners = {};
    (data.coverage ? data.coverage.index : []).forEach(function (i) { runners[i] = true; });
    // A hall reads the few most linked names; a screen, the 25 most linked.
    data.hubs.slice(0, large ? PRESENTER_LABELS : data.hubs.length).forEach(function (i) { hubs[i] = true; });
    for (var i = 0; i < org.name.length; i++) {
      if (data.x[i] === null) { continue; }  // linked to none: listed, not drawn
      var classes = [];
      if (hubs[i] || i === data.anchor) { classes.push("hub"); }
      if (i === data.anchor) { classes.push("anchor"); }
      if (runners[i] && hubs[i]) { classes.push("runner"); }
      nodes.push({
        group: "nodes",
        data: {
          id: "n" + i, index: i, org: org.ids ? org.ids[i] : "",
          // A hub is named in full (wrapped onto lines); the others, cut, appear on zoom.
          label: hubs[i] || i === data.anchor
            ? fullLabel(org.name[i], large ? PRESENTER_LINE : HUB_LINE) : label(org.name[i], LABEL_CHARACTERS),
          name: org.name[i], role: org.role[i], size: data.size[i] * (large ? 2 : 1)
        },
        position: { x: data.x[i] * 60, y: data.y[i] * 60 },
        classes: classes.join(" ")
      });
    }
    var links = org.links || { source: [], target: [], relation: [] };
    for (var k = 0; k < links.source.length; k++) {
      edges.push({
        group: "edges",
        data: {
          id: "e" + k, source: "n" + links.source[k], target: "n" + links.target[k],
          relation: links.relation[k]
        }
      });
    }
    return nodes.concat(edges);
  }

  function style(data) {
    var org = data.org;
    var many = org.links && org.links.source.length > 3000;
    var rules = [
      { selector: "node", style: {
        "width": "data(size)", "height": "data(size)", "border-width": 1.5, "border-color": "#ffffff",
        "label": "data(label)", "font-size": 10, "min-zoomed-font-size": 9, "text-valign": "bottom",
        "text-margin-y": 3, "color": "#1b1b1b", "text-outline-color": "#ffffff", "text-outline-width": 2,
        "text-wrap": "none"
      } },
      { selector: "node.hub", style: {
        "font-size": 13, "font-weight": "bold", "min-zoomed-font-size": 0, "text-wrap": "wrap",
        "text-max-width": HUB_WIDTH, "text-background-color": "#ffffff", "text-background-opacity": 0.8,
        "text-background-shape": "round-rectangle", "text-background-padding": 1, "z-index": 5
      } },
      // Haystack edges draw fastest but carry no arrows: used only for very many links.
      { selector: "edge", style: { "width": 1.6, "curve-style": many ? "haystack" : "bezier", "opacity": 0.75, "arrow-scale": 0.8 } }
    ];
    org.colours.forEach(function (colour, role) {
      rules.push({ selector: "node[role = " + role + "]", style: {
        "background-color": colour, "shape": SHAPES[role % SHAPES.length]
      } });
    });
    data.relations.styles.forEach(function (pair, relation) {
      rules.push({ selector: "edge[relation = " + relation + "]", style: {
        "line-color": pair[0], "target-arrow-color": pair[0], "line-style": DASHES[pair[1]],
        "target-arrow-shape": data.relations.directed[relation] ? "triangle" : "none"
      } });
    });
    return rules.concat([
      // The organisation a "linked to" view is linked to: always named, ringed in black.
      { selector: "node.anchor", style: { "border-width": 4, "border-color": "#1b1b1b", "min-zoomed-font-size": 0 } },
      { selector: "node.match", style: { "border-width": 4, "border-color": "#1b1b1b" } },
      // A network's name sits on its hub, in the middle of its members' disc, clear of the
      // names between the discs.
      { selector: "node.runner", style: { "text-valign": "center" } },
      { selector: "node.hub.crowded", style: { "text-opacity": 0, "text-background-opacity": 0 } },
      { selector: "node.near", style: { "min-zoomed-font-size": 0 } },
      { selector: ".faded", style: { "opacity": 0.12, "text-opacity": 0 } },
      { selector: "node:selected", style: {
        "border-width": 5, "border-color": "#000000", "min-zoomed-font-size": 0, "z-index": 10
      } }
    ]);
  }

  function legend(data) {
    var box = el("div", "atlas-network-legend");
    var roles = el("div", "atlas-network-legend-group");
    roles.appendChild(el("div", "atlas-network-legend-title", data.text.legend_roles));
    data.org.roleLabels.forEach(function (label, role) {
      var row = el("div", "atlas-network-legend-row");
      var swatch = el("span", "atlas-network-swatch atlas-network-shape-" + SHAPES[role % SHAPES.length]);
      swatch.style.backgroundColor = data.org.colours[role];
      swatch.setAttribute("aria-hidden", "true");
      row.appendChild(swatch);
      row.appendChild(el("span", null, label));
      roles.appendChild(row);
    });
    box.appendChild(roles);
    var relations = el("div", "atlas-network-legend-group");
    relations.appendChild(el("div", "atlas-network-legend-title", data.text.legend_links));
    data.relations.labels.forEach(function (label, relation) {
      var row = el("div", "atlas-network-legend-row");
      var line = el("span", "atlas-network-line");
      line.style.borderTopColor = data.relations.styles[relation][0];
      line.style.borderTopStyle = data.relations.styles[relation][1];
      line.setAttribute("aria-hidden", "true");
      row.appendChild(line);
      row.appendChild(el("span", null, label + (data.relations.directed[relation] ? " →" : "")));
      relations.appendChild(row);
    });
    box.appendChild(relations);
    box.appendChild(el("div", "atlas-network-legend-note", data.text.legend_size));
    return box;
  }

  // Names a presenter's graph shows: the most linked, each at least 24 px on the screen, in
  // full on at most two lines of this width.
  var PRESENTER_LABELS = 9;
  var PRESENTER_FONT = 26;
  var PRESENTER_WIDTH = 480;
  var PRESENTER_LINE = 26;
  // A hub's name on the page: 12 px, on lines of about this many characters (the width
  // in screen pixels is a bound the lines stay within).
  var HUB_FONT = 12;
  var HUB_WIDTH = 220;
  var HUB_LINE = 22;

  /* The graph for a hall (the Present page): the graph and its legend, large, nothing else;
   * the presenter's keys pass through it (presenter.js). */
  function drawForHall(container, data) {
    container.classList.add("atlas-network-presenter");
    var body = el("div", "atlas-network-body");
    var canvas = el("div", "atlas-network-graph");
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", data.text.graph_label);
    body.appendChild(canvas);
    container.appendChild(body);
    container.appendChild(legend(data));
    var cy = window.cytoscape({
      container: canvas,
      elements: elements(data, true),
      style: style(data),
      layout: { name: "preset", fit: true, padding: 60 },
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
      autoungrabify: true,
      userZoomingEnabled: false,
      userPanningEnabled: false
    });
    container.atlasGraph = cy;
    // A hall's screen is wide: spread the layout to its shape, so the names have room.
    var box = cy.elements().boundingBox(), wide = canvas.clientWidth / Math.max(canvas.clientHeight, 1);
    var stretch = Math.min(2.5, Math.max(1, wide / Math.max(box.w / Math.max(box.h, 1), 0.1)));
    if (stretch > 1.05) {
      cy.nodes().positions(function (node) { return { x: node.position("x") * stretch, y: node.position("y") }; });
      cy.fit(undefined, 60);
    }
    // The graph does not zoom here: sizes in the graph's units that are 26 px on the screen.
    var zoom = cy.zoom();
    cy.style()
      .selector("node").style({
        "label": "", "font-size": PRESENTER_FONT / zoom, "text-outline-width": 4 / zoom,
        "text-margin-y": 4 / zoom, "min-zoomed-font-size": 0
      })
      .selector("node.hub").style({
        "label": "data(label)", "font-weight": "bold", "text-max-width": PRESENTER_WIDTH / zoom,
        "text-background-padding": 2 / zoom
      })
      .update();
    var present = presenter();
    if (present) { present.attach(window); }
    return cy;
  }

  function draw(container, data) {
    var org = data.org;
    var tools = el("div", "atlas-network-tools");
    var searchLabel = el("label", "atlas-network-search");
    searchLabel.appendChild(el("span", "atlas-visually-hidden", data.text.search_label));
    var search = el("input");
    search.type = "search";
    search.placeholder = data.text.search_placeholder;
    search.setAttribute("dir", "auto");
    searchLabel.appendChild(search);
    tools.appendChild(searchLabel);
    var status = el("span", "atlas-network-status");
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    tools.appendChild(status);
    var listLabel = el("label", "atlas-network-list");
    listLabel.appendChild(el("span", "atlas-visually-hidden", data.text.list_label));
    var list = el("select");
    list.appendChild(el("option", null, data.text.list_prompt));
    list.options[0].value = "";
    var order = org.name.map(function (name, i) { return i; });
    order.sort(function (a, b) { return org.name[a].localeCompare(org.name[b]); });
    order.forEach(function (i) {
      var option = el("option", null, org.name[i]);
      option.value = String(i);
      list.appendChild(option);
    });
    listLabel.appendChild(list);
    tools.appendChild(listLabel);
    var fit = el("button", "atlas-network-fit", data.text.fit);
    fit.type = "button";
    tools.appendChild(fit);
    container.appendChild(tools);

    var body = el("div", "atlas-network-body");
    var canvas = el("div", "atlas-network-graph");
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", data.text.graph_label);
    body.appendChild(canvas);
    var side = el("div", "atlas-network-side");
    var panel = el("aside", "atlas-network-panel");
    panel.setAttribute("aria-live", "polite");
    panel.appendChild(el("p", "atlas-network-prompt", data.text.details_prompt));
    side.appendChild(panel);
    var unlinked = unlinkedList(data, function (i) { choose(i, true); });
    if (unlinked) { side.appendChild(unlinked); }
    body.appendChild(side);
    container.appendChild(body);
    container.appendChild(legend(data));

    var cy = window.cytoscape({
      container: canvas,
      elements: elements(data),
      style: style(data),
      layout: { name: "preset", fit: true, padding: 16 },
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
      autoungrabify: true
    });
    container.atlasGraph = cy;

    // The hubs' names are the same size on the screen at every zoom: their text grows as
    // the graph shrinks (and stops growing once the graph is drawn larger than life).
    function readableHubs() {
      var scale = 1 / Math.min(cy.zoom(), 1.5);
      cy.style().selector("node.hub").style({
        "font-size": HUB_FONT * scale, "text-outline-width": 0,
        "text-max-width": HUB_WIDTH * scale, "text-background-padding": 1.5 * scale,
        "text-margin-y": 3 * scale
      }).selector("node.runner").style({ "text-margin-y": 0 }).update();
    }
    // Where two hubs' names would overlap, the less linked one waits for a closer zoom.
    var hubOrder = data.hubs.map(function (i) { return cy.$id("n" + i); })
      .filter(function (node) { return node.nonempty(); });
    function declutter() {
      var kept = [];
      hubOrder.forEach(function (node) {
        var box = node.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
        var crowded = !node.selected() && kept.some(function (other) {
          return box.x1 < other.x2 && other.x1 < box.x2 && box.y1 < other.y2 && other.y1 < box.y2;
        });
        node.toggleClass("crowded", crowded);
        if (!crowded) { kept.push(box); }
      });
    }
    cy.on("zoom", function () { readableHubs(); declutter(); });
    readableHubs();
    declutter();
    // The layout framed the discs with the names still small: frame the graph again with the
    // hubs' names at their size on the screen, so none is cut at an edge (a few passes, as
    // each new zoom resizes the names). A narrow margin: the graph shrinks no more than the
    // names need (names close together would otherwise overlap, and wait for a zoom).
    function frameWhole() {
      for (var pass = 0; pass < 3; pass++) { cy.fit(undefined, 6); readableHubs(); }
      declutter();
    }
    frameWhole();

    function move(node) {
      var options = { center: { eles: node }, zoom: Math.max(cy.zoom(), 1.1) };
      if (reducedMotion()) { cy.center(node); cy.zoom(options.zoom); } else { cy.animate(options, { duration: 350 }); }
    }

    function choose(index, centre) {
      cy.elements().removeClass("faded near");
      cy.$(":selected").unselect();
      panel.textContent = "";
      var keeper = urlKeeper();
      if (index < 0) {
        panel.appendChild(el("p", "atlas-network-prompt", data.text.details_prompt));
        if (keeper && org.ids) { keeper.report({ org: "" }); }
        return;
      }
      var node = cy.$id("n" + index);
      if (node.nonempty()) {
        node.select();
        var around = node.closedNeighborhood();
        cy.elements().not(around).addClass("faded");
        around.nodes().addClass("near");
      }
      var details = window.AtlasDetails.popupContent(org, index, function (other) { choose(other, true); });
      var covered = coverageSection(data, index);
      if (covered) { details.insertBefore(covered, details.children[1] || null); }
      panel.appendChild(details);
      list.value = String(index);
      if (keeper && org.ids) { keeper.report({ org: org.ids[index] }); }
      if (centre && node.nonempty()) { move(node); }
    }

    cy.on("tap", "node", function (event) { choose(event.target.data("index"), false); });
    cy.on("tap", function (event) { if (event.target === cy) { choose(-1, false); } });
    list.addEventListener("change", function () {
      choose(list.value === "" ? -1 : Number(list.value), true);
    });
    fit.addEventListener("click", frameWhole);

    function matching(text) {
      var needle = text.trim().toLocaleLowerCase();
      var found = [];
      if (!needle) { return found; }
      for (var i = 0; i < org.name.length; i++) {
        if (org.name[i].toLocaleLowerCase().indexOf(needle) >= 0) { found.push(i); }
      }
      return found;
    }
    search.addEventListener("input", function () {
      var found = matching(search.value);
      cy.nodes().removeClass("match");
      found.forEach(function (i) { cy.$id("n" + i).addClass("match"); });
      status.textContent = !search.value.trim() ? ""
        : found.length ? data.text.matches.replace("{n}", found.length) : data.text.no_match;
    });
    search.addEventListener("keydown", function (event) {
      if (event.key !== "Enter") { return; }
      event.preventDefault();
      var found = matching(search.value);
      if (found.length) { choose(found[0], true); }
    });

    if (data.selected >= 0) { choose(data.selected, true); }
    return cy;
  }

  /* How complete the networks ``index`` runs are: one sentence each, and its roster's page. */
  function coverageSection(data, index) {
    var cover = data.coverage || { index: [] }, section = null;
    for (var k = 0; k < cover.index.length; k++) {
      if (cover.index[k] !== index) { continue; }
      if (!section) {
        section = el("section", "atlas-network-coverage");
        section.appendChild(el("div", "atlas-network-coverage-title", data.text.coverage_title));
      }
      // The page's direction; the network's name is isolated in the sentence (server side).
      var line = el("p", null, cover.text[k]);
      var href = window.AtlasDetails.safeHref(cover.source[k]);
      if (href) {
        line.appendChild(document.createTextNode(" "));
        var link = el("a", null, data.text.roster_link);
        link.href = href;
        link.target = "_blank";
        link.rel = "noopener noreferrer";
        line.appendChild(link);
      }
      section.appendChild(line);
    }
    return section;
  }

  /* The organisations linked to none in the view: a count that opens to their names, each
   * a button opening its details (they have no place in the graph). */
  function unlinkedList(data, onPick) {
    if (!data.unlinked || !data.unlinked.length) { return null; }
    var box = el("details", "atlas-network-unlinked");
    box.appendChild(el("summary", null, data.text.unlinked));
    var list = el("ul");
    data.unlinked.forEach(function (i) {
      var item = el("li");
      // The list reads in the page's direction; each name keeps its own (an isolate).
      var button = el("button", "atlas-network-unlinked-name");
      button.appendChild(el("bdi", null, data.org.name[i]));
      button.type = "button";
      button.addEventListener("click", function () { onPick(i); });
      item.appendChild(button);
      list.appendChild(item);
    });
    box.appendChild(list);
    return box;
  }

  /* The Streamlit component protocol (what streamlit-component-lib does, without React):
   * say we are ready, draw what each render message carries, keep the frame's height. */
  function send(type, fields) {
    window.parent.postMessage(Object.assign({ isStreamlitMessage: true, type: type }, fields), "*");
  }

  function connect(container) {
    var drawn = null;
    window.addEventListener("message", function (event) {
      var message = event.data;
      if (!message || message.type !== "streamlit:render") { return; }
      var args = message.args;
      if (args.view === drawn) { return; }
      drawn = args.view;
      document.documentElement.lang = args.lang;
      document.documentElement.dir = args.dir;
      document.title = args.data.text.graph_label;
      try {
        if (window.frameElement) { window.frameElement.title = args.data.text.graph_label; }
      } catch (error) { /* another origin: the title stays Streamlit's */ }
      container.textContent = "";
      container.style.height = args.height + "px";
      var heading = el("h1", "atlas-visually-hidden", args.data.text.graph_label);
      container.appendChild(heading);
      if (args.presenter) { drawForHall(container, args.data); } else { draw(container, args.data); }
      send("streamlit:setFrameHeight", { height: Math.ceil(document.documentElement.scrollHeight) });
    });
    send("streamlit:componentReady", { apiVersion: 1 });
  }

  window.AtlasNetwork = { draw: draw, connect: connect, label: label };
})();

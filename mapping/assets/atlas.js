/* Collective Impact Atlas: the organisations layer, legend and fullscreen control.
 *
 * Data arrives as compact parallel arrays (see mapping/maps.py). Every text from
 * the data is put on the page with textContent, never as HTML, and links are
 * only followed when they are http(s): hostile data stays inert. An
 * organisation's details (details.js, shared with the network graph) list the
 * organisations it is linked to; while they are open the map draws a line to
 * each, styled by relation.
 */
(function () {
  "use strict";

  var el = window.AtlasDetails.el;

  function inflateJson(base64) {
    var binary = atob(base64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) { bytes[i] = binary.charCodeAt(i); }
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
    return new Response(stream).text().then(JSON.parse);
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"'`$\\]/g, function (ch) { return "&#" + ch.charCodeAt(0) + ";"; });
  }

  // Web Mercator in [0, 1]: multiply by 256 * 2^zoom to get Leaflet's pixel coordinates.
  function mercatorX(lon) { return (lon + 180) / 360; }
  function mercatorY(lat) {
    var sin = Math.sin(Math.max(Math.min(lat, 85.05), -85.05) * Math.PI / 180);
    return 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
  }

  function listPopupContent(data, indices, onPick) {
    var box = el("div", "atlas-popup");
    box.setAttribute("dir", data.dir || "auto");
    box.appendChild(el("div", "atlas-popup-title", data.listTitle.replace("{n}", indices.length)));
    var list = el("ul", "atlas-popup-names");
    var shown = Math.min(indices.length, 100);
    for (var k = 0; k < shown; k++) {
      var item = el("li");
      var link = el("a", null, data.name[indices[k]]);
      link.href = "#";
      link.setAttribute("data-index", String(indices[k]));
      L.DomEvent.on(link, "click", function (event) {
        // Stop it here: the list is replaced by the details, and a click from a
        // node no longer in the popup would reach the map and close the popup.
        L.DomEvent.stop(event);
        onPick(Number(this.getAttribute("data-index")));
      });
      item.appendChild(link);
      list.appendChild(item);
    }
    box.appendChild(list);
    if (indices.length > shown) {
      box.appendChild(el("div", "atlas-popup-row", data.moreText.replace("{n}", indices.length - shown)));
    }
    return box;
  }

  // The app page's URL keeper (mapping/assets/url.js), when the map is in the app
  // and the page is reachable (a standalone file has none).
  function urlKeeper() {
    try {
      return window.parent !== window && window.parent.AtlasUrl ? window.parent.AtlasUrl : null;
    } catch (error) {
      return null;
    }
  }

  // The Present page's key and idle-mouse handler (presenter.js), when the map is on it.
  function presenter() {
    try {
      return window.parent !== window && window.parent.AtlasPresenter ? window.parent.AtlasPresenter : null;
    } catch (error) {
      return null;
    }
  }

  /* Tell the app something that changes the view (it re-runs with it): the component's value,
   * sent through streamlit-folium's own Streamlit object. False where there is no app. */
  var told = 0;
  function tellApp(fields) {
    var streamlit = window.Streamlit, global = window.__GLOBAL_DATA__;
    if (!streamlit || typeof streamlit.setComponentValue !== "function") { return false; }
    told += 1;
    var value = Object.assign({}, (global && global.previous_data) || {});
    value.atlas = Object.assign({ seq: told }, fields);
    streamlit.setComponentValue(value);
    return true;
  }

  // A map narrower than this is a phone's: details take the map, its controls step aside.
  var NARROW = 520;

  /* Details sized to the map (a phone's is 320-400 px wide), so they, their close button
   * and their scrolling stay inside it. ``extra`` adds options (autoPan: false for a link's). */
  function popupOptions(map, extra) {
    var size = map.getSize(), container = map.getContainer();
    var narrow = size.x < NARROW, large = container.classList.contains("atlas-presenter");
    // Leaflet adds 46 px of margins and border around the content, and a 20 px tip below.
    var width = Math.max(140, Math.min(large ? 620 : 340, size.x - 74));
    // Panned clear of the map's buttons and legend (on a phone they step aside instead).
    var clear = narrow ? { left: 0, right: 0, bottom: 0 } : controlsMargin(map);
    return L.extend({
      maxWidth: width,
      minWidth: Math.min(large ? 360 : 220, width),
      maxHeight: Math.max(120, Math.min(large ? 560 : narrow ? 420 : 260, size.y - (narrow ? 90 : 140))),
      autoPanPaddingTopLeft: L.point(clear.left + 8, 12),
      autoPanPaddingBottomRight: L.point(clear.right + 8, clear.bottom + 8)
    }, extra || {});
  }

  /* Details that measure the map's controls when they pan into view, not when they were
   * made: a marker's popup is bound before the page's direction has moved the buttons to
   * their side (in Hebrew, to the right), and the legend and year control grow later. */
  var AtlasPopup = L.Popup.extend({
    _adjustPan: function () {
      if (this._map && this.options.autoPan) {
        var fresh = popupOptions(this._map);
        this.options.autoPanPaddingTopLeft = fresh.autoPanPaddingTopLeft;
        this.options.autoPanPaddingBottomRight = fresh.autoPanPaddingBottomRight;
      }
      return L.Popup.prototype._adjustPan.call(this);
    }
  });

  function atlasPopup(map, extra) {
    return new AtlasPopup(popupOptions(map, extra));
  }

  /* An open popup made for another map size (the frame was resized since): size it again. */
  function fitPopup(map, popup) {
    var wanted = popupOptions(map);
    map.getContainer().classList.toggle("atlas-narrow", map.getSize().x < NARROW);
    if (popup.options.maxWidth === wanted.maxWidth && popup.options.maxHeight === wanted.maxHeight) { return false; }
    L.extend(popup.options, { maxWidth: wanted.maxWidth, minWidth: wanted.minWidth, maxHeight: wanted.maxHeight });
    return true;
  }

  /* How far the map's controls reach in from its sides: the column of buttons on each side
   * and the legend and year control at its foot, so framed results are not under them. */
  function controlsMargin(map) {
    var container = map.getContainer(), box = container.getBoundingClientRect();
    var margin = { left: 0, right: 0, bottom: 0 };
    var controls = container.querySelectorAll(".leaflet-control-container .leaflet-control");
    for (var i = 0; i < controls.length; i++) {
      var rect = controls[i].getBoundingClientRect();
      if (!rect.width || controls[i].classList.contains("leaflet-control-attribution")) { continue; }
      if (rect.top - box.top > box.height / 2) {
        margin.bottom = Math.max(margin.bottom, box.bottom - rect.top);
      } else if (rect.left - box.left < box.width / 2) {
        margin.left = Math.max(margin.left, rect.right - box.left);
      } else {
        margin.right = Math.max(margin.right, box.right - rect.left);
      }
    }
    // Never so much that nothing is left to show the results in.
    margin.bottom = Math.min(margin.bottom, box.height / 2);
    margin.left = Math.min(margin.left, box.width / 4);
    margin.right = Math.min(margin.right, box.width / 4);
    return margin;
  }

  /* On a phone the year control spans the map's foot: the legend's corner stands on it
   * instead of behind it (atlas.css reads the offset). */
  function stackCorners(map) {
    var container = map.getContainer();
    var narrow = map.getSize().x < NARROW;
    container.classList.toggle("atlas-narrow", narrow);
    var years = container.querySelector(".atlas-timeline");
    var offset = narrow && years ? years.offsetHeight + 10 : 0;
    container.style.setProperty("--atlas-foot", offset + "px");
  }

  // Call fn once Leaflet's and the atlas's stylesheets apply to the map: a popup or a fit
  // measured before them (stylesheets load after the map script in the app) is askew.
  function whenStyled(map, fn, tries) {
    var styled = window.getComputedStyle(map.getPane("popupPane")).position === "absolute" &&
      window.getComputedStyle(map.getContainer()).getPropertyValue("--atlas-styled").trim() === "1";
    if (styled || (tries || 0) > 200) { fn(); return; }
    setTimeout(function () { whenStyled(map, fn, (tries || 0) + 1); }, 25);
  }

  function reducedMotion() {
    return Boolean(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);
  }

  /* Keyboard access to what a mouse clicks: the element gets a tab stop, a role and a
   * name; Enter or Space does what a click does; the popup it opens takes the focus,
   * and Escape (or closing it) brings the focus back here. */
  function keyboardTarget(element, name, activate) {
    if (!element) { return; }
    element.setAttribute("tabindex", "0");
    element.setAttribute("role", "button");
    element.setAttribute("aria-label", name);
    element.setAttribute("aria-haspopup", "dialog");
    element.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        event.stopPropagation();
        activate(element);
      }
    });
  }

  /* Move the focus into an open popup (its title), and back to ``opener`` when it closes. */
  function focusPopup(map, popup, opener) {
    var box = popup.getElement();
    if (!box) { return; }
    box.setAttribute("role", "dialog");
    var title = box.querySelector(".atlas-popup-title");
    if (title) {
      box.setAttribute("aria-label", title.textContent);
      title.setAttribute("tabindex", "-1");
      title.focus();
    }
    popup.once("remove", function () {
      if (opener && opener.isConnected) { opener.focus(); } else { map.getContainer().focus(); }
    });
  }

  function shortNumber(value, decimals) {
    return String(Number(value.toFixed(decimals)));
  }

  /* Grid clustering computed for the visible area at each zoom: O(n) per view
   * change over typed arrays, and at most one marker per 60-px cell drawn, so
   * 100,000 organisations cost little more than 1,000 in the browser. */
  var OrganisationsLayer = L.Layer.extend({
    options: {
      cellSize: 60, markerRadius: 8, maxClusterZoom: 16, syncUrl: false, selected: -1,
      fit: "none", fitMaxZoom: 7
    },

    initialize: function (data, options) {
      L.setOptions(this, options);
      this._group = L.featureGroup();
      this._shown = new Map();
      if (data.deflate !== undefined) {
        // Large payloads arrive deflated: draw as soon as they are inflated.
        this.atlasCount = 0;
        this._setData({ lat: [], lon: [], name: [], role: [], colours: [], roleLabels: [] });
        var self = this;
        this.ready = inflateJson(data.deflate).then(function (full) {
          self._setData(full);
          self._startTimeline();
          self._redraw();
        });
      } else {
        this._setData(data);
        this.ready = Promise.resolve();
      }
    },

    _setData: function (data) {
      this._data = data;
      var count = data.lat.length;
      this._x = new Float64Array(count);
      this._y = new Float64Array(count);
      for (var i = 0; i < count; i++) {
        this._x[i] = mercatorX(data.lon[i]);
        this._y[i] = mercatorY(data.lat[i]);
      }
      this.atlasCount = count;
      this._active = null;       // null: every organisation; else 1 where active in the year
      this._generation = 0;      // changes with the year, so clusters are rebuilt
    },

    /* Show the organisations active in timeline.years[index] (-1: all), without the server. */
    setYear: function (index) {
      var timeline = this._data.timeline;
      if (!timeline) { return; }
      this.yearIndex = index;
      var count = this._data.lat.length;
      if (index < 0) {
        this._active = null;
        this.atlasCount = count;
      } else {
        var year = timeline.years[index], active = new Uint8Array(count), shown = 0;
        for (var i = 0; i < count; i++) {
          var start = timeline.start[i], end = timeline.end[i];
          if (start !== null && start <= year && (end === null || end >= year)) { active[i] = 1; shown++; }
        }
        this._active = active;
        this.atlasCount = shown;
      }
      this._generation++;
      this._redraw();
      if (this._timelineControl) { this._timelineControl.show(index); }
    },

    /* Add the year control, once the data (with its timeline) is here. */
    _startTimeline: function () {
      var timeline = this._data.timeline;
      if (!this._map || this._timelineControl || !timeline || !timeline.years.length) { return; }
      this._timelineControl = new TimelineControl(this).addTo(this._map);
      this.setYear(timeline.initial);
      stackCorners(this._map);
      this._reportedYear = timeline.initial >= 0 ? timeline.years[timeline.initial] : null;
      if (timeline.presenter) {
        // Reached by going back, a timeline scene shows its last year (its story told).
        var present = presenter();
        if (present && present.arrivedBackward()) { this._timelineControl.finish(); } else { this._timelineControl.play(); }
      }
    },

    /* The year where the visitor left the timeline becomes the view's "active in" year: the
     * app re-runs with it, so the sentence, the sidebar, the other pages, the downloads and the
     * URL (asof) all say that year. Playing itself never re-runs the app. */
    _reportYear: function () {
      var timeline = this._data.timeline;
      if (!this.options.syncUrl || !timeline) { return; }
      var year = this.yearIndex >= 0 ? timeline.years[this.yearIndex] : null;
      var self = this;
      // Arrowing along the slider reports each year: the app re-runs once it rests.
      clearTimeout(this._reportTimer);
      this._reportTimer = setTimeout(function () {
        if (year === self._reportedYear || !self._map) { return; }
        self._reportedYear = year;
        tellApp({ asof: year });
      }, 350);
    },

    onAdd: function (map) {
      var layer = this;
      if (map.getContainer().classList.contains("atlas-presenter")) {
        // Read from the back of a hall: larger markers, clusters and cells.
        this.options.cellSize = 100;
        this.options.markerRadius = 13;
      }
      if (reducedMotion()) {
        // Presenter scene changes and cluster zooms jump instead of flying.
        map._zoomAnimated = false;
        map.options.fadeAnimation = false;
        map.options.markerZoomAnimation = false;
        map.options.inertia = false;
      }
      if (!map._atlasEscape) {
        map._atlasEscape = true;
        // The map's frame is a document of its own: name it, and make the map its main part.
        var container = map.getContainer(), doc = container.ownerDocument;
        if (this._data.mapLabel) {
          container.setAttribute("role", "main");
          container.setAttribute("aria-label", this._data.mapLabel);
          if (!doc.querySelector("h1")) {
            var heading = doc.createElement("h1");
            heading.textContent = this._data.mapLabel;
            heading.style.cssText = "position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;margin:0;";
            container.insertBefore(heading, container.firstChild);
          }
        }
        // Details fit the map (a phone's too) and their close button is named in the
        // page's language; on a phone the map's controls step aside while they are open.
        map.on("popupopen", function (event) {
          if (fitPopup(map, event.popup)) { event.popup.update(); }
          container.classList.add("atlas-details-open");
          var close = event.popup.getElement() && event.popup.getElement().querySelector(".leaflet-popup-close-button");
          var text = (map._atlasOrganisations || layer)._data.closeText;
          if (close && text) { close.setAttribute("aria-label", text); close.title = text; }
        });
        map.on("popupclose", function () { container.classList.remove("atlas-details-open"); });
        // Whether the visitor moved the map since it last framed the results: a move the
        // app makes (a fit, a view streamlit-folium sets) happens while _atlasQuiet > 0.
        map._atlasQuiet = 0;
        map._atlasUserMoved = false;
        map.on("movestart zoomstart", function () { if (!map._atlasQuiet) { map._atlasUserMoved = true; } });
        // The frame's height follows the screen (atlas.css): Leaflet learns its new size
        // here, and a map still framing its results frames them again.
        if (window.ResizeObserver) {
          var measured = "";
          new ResizeObserver(function () {
            var size = container.clientWidth + "x" + container.clientHeight;
            if (size === measured) { return; }
            measured = size;
            map.invalidateSize();
            stackCorners(map);
            var current = map._atlasOrganisations;
            if (current && map._atlasFitted && !map._atlasUserMoved) { current.fitResults(); }
          }).observe(container);
        }
        // The wheel scrolls the page past the map until the map is clicked or focused;
        // then it zooms, until the pointer leaves the map.
        map.scrollWheelZoom.disable();
        container.addEventListener("focus", function () { map.scrollWheelZoom.enable(); });
        container.addEventListener("mousedown", function () { map.scrollWheelZoom.enable(); });
        container.addEventListener("mouseleave", function () { map.scrollWheelZoom.disable(); });
        // On the frame's document: the focus may sit on its body once a popup's content changes.
        doc.addEventListener("keydown", function (event) {
          if (event.key === "Escape" && map._popup && map.hasLayer(map._popup)) {
            event.preventDefault();
            map.closePopup();
          }
        });
      }
      this._group.addTo(map);
      map._atlasOrganisations = this;
      map.on("zoomend moveend", this._redraw, this);
      this._startTimeline();
      this._redraw();
      this._frame(map);
      if (this.options.syncUrl) {
        map.on("moveend", this._reportView, this);
        this._reportView();
      }
      var self = this;
      this.ready.then(function () {
        var index = self.options.selected;
        if (self._map && index >= 0 && index < self.atlasCount) {
          // The app may swap this layer for another before the styles apply.
          whenStyled(map, function () { if (self._map) { self._openDetails(index); } });
        }
      });
    },

    /* Frame the layer as the app asks (options.fit), once streamlit-folium has set the view
     * it sets with a new layer (in the same task): "results" unless the visitor has moved
     * the map since, "world" whatever they did. */
    _frame: function (map) {
      var self = this, mode = this.options.fit;
      map._atlasQuiet += 1;
      setTimeout(function () {
        map._atlasQuiet -= 1;
        if (mode === "none") { self.framed = true; return; }
        // Framed where the controls are drawn: once the stylesheets have placed them.
        self.ready.then(function () {
          whenStyled(map, function () {
            if (self._map && (mode === "world" || !map._atlasUserMoved)) { self.fitResults(); }
            self.framed = true;  // what a test waits for before it measures the view
          });
        });
      }, 0);
    },

    /* Show every organisation of the layer (the whole world when there is none). */
    fitResults: function () {
      var map = this._map;
      if (!map) { return; }
      var bounds = this.getBounds();
      map._atlasQuiet += 1;
      if (bounds.isValid()) {
        var clear = controlsMargin(map);
        map.fitBounds(bounds, {
          paddingTopLeft: [clear.left + 16, 24], paddingBottomRight: [clear.right + 16, clear.bottom + 16],
          maxZoom: this.options.fitMaxZoom, animate: false
        });
      } else {
        map.setView([25, 10], 2, { animate: false });
      }
      map._atlasQuiet -= 1;
      map._atlasUserMoved = false;
      map._atlasFitted = true;
    },

    onRemove: function (map) {
      if (map._atlasOrganisations === this) { map._atlasOrganisations = null; }
      // As a marker's own popup closes with its marker, so do details this layer opened.
      if (this._detailsPopup && map.hasLayer(this._detailsPopup)) { map.closePopup(this._detailsPopup); }
      this._hideLinks();
      if (this._timelineControl) { this._timelineControl.stop(); map.removeControl(this._timelineControl); }
      this._timelineControl = null;
      map.off("zoomend moveend", this._redraw, this);
      map.off("moveend", this._reportView, this);
      map.removeLayer(this._group);
      this._group.clearLayers();
      this._shown.clear();
    },

    getBounds: function () {
      var data = this._data, bounds = L.latLngBounds([]);
      for (var i = 0; i < data.lat.length; i++) { bounds.extend([data.lat[i], data.lon[i]]); }
      return bounds;
    },

    /* Put the map's centre and zoom into the page URL (no rerun of the app). */
    _reportView: function () {
      var keeper = urlKeeper();
      if (!keeper || !this._map) { return; }
      var centre = this._map.getCenter().wrap();
      keeper.report({
        lat: shortNumber(centre.lat, 4),
        lon: shortNumber(centre.lng, 4),
        zoom: shortNumber(this._map.getZoom(), 2)
      });
    },

    /* Name the open organisation in the URL ("" when none), if this layer knows ids. */
    _reportOrg: function (index) {
      var keeper = urlKeeper();
      var ids = this._data.ids;
      if (!keeper || !this.options.syncUrl || !ids) { return; }
      keeper.report({ org: index >= 0 ? ids[index] : "" });
    },

    /* The details of one organisation; its linked organisations open their own details. */
    _content: function (index) {
      var self = this;
      return window.AtlasDetails.popupContent(this._data, index, function (other) {
        self._map.panTo([self._data.lat[other], self._data.lon[other]]);
        self._openDetails(other);
      });
    },

    /* An organisation's details opened: name it in the URL, draw its links. */
    _opened: function (index) {
      this._reportOrg(index);
      this._showLinks(index);
    },

    _closed: function () {
      this._reportOrg(-1);
      this._hideLinks();
    },

    /* A line from the organisation to each one it is linked to, with the relation as tooltip. */
    _showLinks: function (index) {
      this._hideLinks();
      var data = this._data, map = this._map;
      if (!map || !data.links) { return; }
      var lines = L.layerGroup();
      var count = data.lat.length, outside = data.links.outside || { lat: [], lon: [] };
      window.AtlasDetails.linkedTo(data, index).forEach(function (item) {
        var style = data.links.styles[item.relation];
        var other = item.other < count ? [data.lat[item.other], data.lon[item.other]]
          : [outside.lat[item.other - count], outside.lon[item.other - count]];
        var line = L.polyline(
          [[data.lat[index], data.lon[index]], other],
          { color: style.colour, weight: 2.5, opacity: 0.9, dashArray: style.dash, className: "atlas-link-line" }
        );
        line.bindTooltip(escapeHtml(item.label + ": " + window.AtlasDetails.nameOf(data, item.other)), { sticky: true, className: "atlas-tooltip" });
        lines.addLayer(line);
      });
      lines.addTo(map);
      this._linkLines = lines;
    },

    _hideLinks: function () {
      if (this._linkLines && this._map) { this._map.removeLayer(this._linkLines); }
      this._linkLines = null;
    },

    /* Open an organisation's details where it is, whether its marker is shown or clustered. */
    _openDetails: function (index) {
      var data = this._data, self = this;
      // No autoPan: a link that names an organisation must open at the view it names.
      var popup = atlasPopup(this._map, { autoPan: false })
        .setLatLng([data.lat[index], data.lon[index]])
        .setContent(this._content(index));
      popup.on("remove", function () { if (self._detailsPopup === popup) { self._closed(); } });
      var focused = this._map.getContainer().ownerDocument.activeElement;
      var fromPopup = focused && focused.closest && focused.closest(".leaflet-popup");
      popup.openOn(this._map);
      this._detailsPopup = popup;
      this._opened(index);
      if (fromPopup) { focusPopup(this._map, popup, null); }
    },

    _redraw: function () {
      var map = this._map;
      if (!map) { return; }
      var zoom = map.getZoom();
      var scale = 256 * Math.pow(2, zoom);
      var cell = this.options.cellSize;
      var bounds = map.getPixelBounds();
      var minX = bounds.min.x - cell, maxX = bounds.max.x + cell;
      var minY = bounds.min.y - cell, maxY = bounds.max.y + cell;
      var cells = new Map();
      var xs = this._x, ys = this._y, active = this._active;
      for (var i = 0; i < xs.length; i++) {
        if (active && !active[i]) { continue; }
        var px = xs[i] * scale, py = ys[i] * scale;
        if (px < minX || px > maxX || py < minY || py > maxY) { continue; }
        var key = Math.floor(px / cell) * 4194304 + Math.floor(py / cell);
        var bucket = cells.get(key);
        if (bucket === undefined) {
          cells.set(key, { members: [i], sx: px, sy: py, x0: px, x1: px, y0: py, y1: py,
            cellX: Math.floor(px / cell) * cell, cellY: Math.floor(py / cell) * cell });
        } else {
          bucket.members.push(i);
          bucket.sx += px; bucket.sy += py;
          if (px < bucket.x0) { bucket.x0 = px; } else if (px > bucket.x1) { bucket.x1 = px; }
          if (py < bucket.y0) { bucket.y0 = py; } else if (py > bucket.y1) { bucket.y1 = py; }
        }
      }
      // Keep markers that are still wanted (an open popup stays open through a pan).
      var wanted = new Map();
      var self = this;
      cells.forEach(function (bucket, key) {
        var id = bucket.members.length === 1 ? "s" + bucket.members[0]
          : "c" + self._generation + ":" + zoom + ":" + key + ":" + bucket.members.length;
        wanted.set(id, bucket);
      });
      this._shown.forEach(function (layer, id) {
        if (!wanted.has(id)) { self._group.removeLayer(layer); self._shown.delete(id); }
      });
      wanted.forEach(function (bucket, id) {
        if (self._shown.has(id)) { return; }
        var layer = bucket.members.length === 1 ? self._single(bucket.members[0])
          : self._cluster(bucket, zoom, scale);
        self._shown.set(id, layer);
        self._group.addLayer(layer);
      });
    },

    _single: function (index) {
      var data = this._data;
      var radius = this.options.markerRadius;
      var marker = L.circleMarker([data.lat[index], data.lon[index]], {
        radius: radius,
        color: "#ffffff",
        weight: 1.5,
        fillColor: data.colours[data.role[index]],
        fillOpacity: 0.95
      });
      marker.atlasIndex = index;
      // A string tooltip (escaped) lets st_folium report which marker was clicked.
      marker.bindTooltip(escapeHtml(data.name[index]), { direction: "top", offset: [0, -radius], className: "atlas-tooltip" });
      var self = this;
      marker.bindPopup(atlasPopup(this._map).setContent(function (layer) { return self._content(layer.atlasIndex); }));
      marker.on("popupopen", function (event) {
        self._opened(index);
        if (self._keyboardOpener) { focusPopup(self._map, event.popup, self._keyboardOpener); }
        self._keyboardOpener = null;
      });
      marker.on("popupclose", function () { self._closed(); });
      marker.on("add", function () {
        var label = data.name[index] + (data.roleLabels ? ", " + data.roleLabels[data.role[index]] : "");
        keyboardTarget(marker.getElement(), label, function (element) {
          self._keyboardOpener = element;
          marker.openPopup();
        });
        var path = marker.getElement();
        if (path) { path.classList.add("atlas-marker"); }
      });
      return marker;
    },

    _cluster: function (bucket, zoom, scale) {
      var map = this._map, data = this._data, self = this;
      var count = bucket.members.length;
      var large = map.getContainer().classList.contains("atlas-presenter");
      var size = large ? (count < 10 ? 60 : count < 100 ? 68 : count < 1000 ? 78 : 88)
        : (count < 10 ? 32 : count < 100 ? 38 : count < 1000 ? 44 : 52);
      // At its members' centre, but inside its own grid cell: clusters never cover each
      // other, so each stays a whole target for a finger or a pointer (WCAG 2.5.8).
      var half = size / 2 + 2, cell = this.options.cellSize;
      var x = Math.min(Math.max(bucket.sx / count, bucket.cellX + half), bucket.cellX + cell - half);
      var y = Math.min(Math.max(bucket.sy / count, bucket.cellY + half), bucket.cellY + cell - half);
      var centre = map.unproject(L.point(x, y), zoom);
      var mix = roleMix(data, bucket.members);
      var marker = L.marker(centre, {
        icon: L.divIcon({ html: clusterIcon(data, count, mix), className: "atlas-cluster", iconSize: L.point(size, size) }),
        keyboard: false  // keyboardTarget gives it the tab stop, name and keys
      });
      var spread = Math.max(bucket.x1 - bucket.x0, bucket.y1 - bucket.y0);
      var title = data.clusterTitle.replace("{n}", count) + " (" + mix.filter(function (part) { return part.n; })
        .map(function (part) { return data.roleLabels[part.role] + " " + part.n; }).join(data.listSeparator || ", ") + ")";
      var byKeyboard = false;
      marker.on("add", function () {
        keyboardTarget(marker.getElement(), title, function () { byKeyboard = true; marker.fire("click"); });
      });
      marker.on("click", function () {
        var keyboard = byKeyboard;
        byKeyboard = false;
        if (spread > 2 && zoom < self.options.maxClusterZoom) {
          var southWest = map.unproject(L.point(bucket.x0, bucket.y1), zoom);
          var northEast = map.unproject(L.point(bucket.x1, bucket.y0), zoom);
          map.fitBounds(L.latLngBounds(southWest, northEast), { padding: [40, 40], maxZoom: zoom + 4, animate: !reducedMotion() });
          // The cluster is gone once zoomed: the map keeps the focus, Tab reaches what it held.
          if (keyboard) { map.getContainer().focus(); }
        } else {
          // Organisations at one address: list them, each opening its details.
          var popup = atlasPopup(map).setLatLng(centre);
          popup.setContent(listPopupContent(data, bucket.members, function (index) {
            popup.setContent(self._content(index));
            self._opened(index);
            // The chosen name's link is gone with the list: the details' title takes the focus.
            var title = popup.getElement() && popup.getElement().querySelector(".atlas-popup-title");
            if (title) { title.setAttribute("tabindex", "-1"); title.focus(); popup.getElement().setAttribute("aria-label", title.textContent); }
          }));
          popup.on("remove", function () { self._closed(); });
          popup.openOn(map);
          if (keyboard) { focusPopup(map, popup, marker.getElement()); }
        }
      });
      return marker;
    }
  });

  /* How many of a cluster's organisations hold each primary role: [{role, n}] in legend order. */
  function roleMix(data, members) {
    var counts = data.colours.map(function () { return 0; });
    for (var i = 0; i < members.length; i++) { counts[data.role[members[i]]] += 1; }
    return counts.map(function (n, role) { return { role: role, n: n }; });
  }

  /* A cluster: its count on a white disc inside a ring of its roles' colours, each arc as
   * long as its share, so the world view still shows who does what. */
  function clusterIcon(data, count, mix) {
    var ring = el("span", "atlas-cluster-ring");
    var stops = [], start = 0;
    mix.forEach(function (part) {
      if (!part.n) { return; }
      var end = start + 100 * part.n / count;
      stops.push(data.colours[part.role] + " " + start.toFixed(2) + "% " + end.toFixed(2) + "%");
      start = end;
    });
    ring.style.background = "conic-gradient(" + stops.join(", ") + ")";
    var number = el("span", "atlas-cluster-count", String(count));
    number.setAttribute("aria-hidden", "true");
    ring.appendChild(number);
    return ring;
  }

  /* The year control: play / pause, a slider over the years, "all years", and the year's caption.
   * Playing steps through the years in the browser; where the user stops is written to the URL. */
  var TimelineControl = L.Control.extend({
    options: { position: "bottomleft" },

    initialize: function (layer) {
      this._layer = layer;
      this._timeline = layer._data.timeline;
      this._timer = null;
    },

    onAdd: function (map) {
      var timeline = this._timeline, text = timeline.text, self = this;
      var box = el("div", "atlas-timeline leaflet-control" + (timeline.presenter ? " atlas-timeline-presenter" : ""));
      box.setAttribute("role", "group");
      box.setAttribute("aria-label", text.label);
      box.setAttribute("dir", this._layer._data.dir || "auto");
      var row = el("div", "atlas-timeline-row");
      this._button = el("button", "atlas-timeline-play", "▶");
      this._button.type = "button";
      this._button.setAttribute("aria-label", text.play);
      this._button.title = text.play;
      row.appendChild(this._button);
      this._slider = el("input", "atlas-timeline-slider");
      this._slider.type = "range";
      this._slider.min = "0";
      this._slider.max = String(timeline.years.length - 1);
      this._slider.step = "1";
      this._slider.setAttribute("aria-label", text.year);
      row.appendChild(this._slider);
      this._year = el("output", "atlas-timeline-year");
      row.appendChild(this._year);
      this._all = el("button", "atlas-timeline-all", text.all_years);
      this._all.type = "button";
      row.appendChild(this._all);
      box.appendChild(row);
      this._caption = el("div", "atlas-timeline-caption");
      this._caption.setAttribute("aria-live", "polite");
      box.appendChild(this._caption);
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      L.DomEvent.on(this._button, "click", function () { self.toggle(); });
      L.DomEvent.on(this._all, "click", function () { self.stop(); self._layer.setYear(-1); self._layer._reportYear(); });
      L.DomEvent.on(this._slider, "input", function () { self.stop(); self._layer.setYear(Number(self._slider.value)); });
      L.DomEvent.on(this._slider, "change", function () { self._layer._reportYear(); });
      if (timeline.presenter) {
        // The Present page's keys (presenter.js) step and finish the years through this.
        window.atlasPresenterTimeline = {
          atEnd: function () { return self._layer.yearIndex >= timeline.years.length - 1; },
          finish: function () { self.finish(); },
          step: function (delta) { self.stop(); self.step(delta); }
        };
      }
      return box;
    },

    onRemove: function () {
      this.stop();
      if (this._timeline.presenter) { window.atlasPresenterTimeline = null; }
    },

    /* Stop and show the last year. */
    finish: function () { this.stop(); this._layer.setYear(this._timeline.years.length - 1); },

    /* Show where the timeline is: the slider, the year and its caption (or "all years"). */
    show: function (index) {
      var timeline = this._timeline;
      this._slider.value = String(Math.max(index, 0));
      this._slider.setAttribute("aria-valuetext", index >= 0 ? String(timeline.years[index]) : timeline.text.all_years);
      this._year.textContent = index >= 0 ? String(timeline.years[index]) : "";
      this._caption.textContent = index >= 0 ? timeline.captions[index] : timeline.text.all_caption;
      this._all.disabled = index < 0;
    },

    step: function (delta) {
      var last = this._timeline.years.length - 1;
      var index = this._layer.yearIndex < 0 ? (delta > 0 ? 0 : last) : this._layer.yearIndex + delta;
      this._layer.setYear(Math.max(0, Math.min(last, index)));
    },

    play: function () {
      var self = this, timeline = this._timeline;
      if (this._timer) { return; }
      if (this._layer.yearIndex < 0 || this._layer.yearIndex >= timeline.years.length - 1) { this._layer.setYear(0); }
      this._button.textContent = "⏸";
      this._button.setAttribute("aria-label", timeline.text.pause);
      this._button.title = timeline.text.pause;
      this._timer = setInterval(function () {
        if (self._layer.yearIndex >= timeline.years.length - 1) { self.pause(); return; }
        self.step(1);
      }, timeline.seconds * 1000);
    },

    stop: function () {
      if (!this._timer) { return; }
      clearInterval(this._timer);
      this._timer = null;
      this._button.textContent = "▶";
      this._button.setAttribute("aria-label", this._timeline.text.play);
      this._button.title = this._timeline.text.play;
    },

    /* Stop playing and keep the year in the URL. */
    pause: function () { this.stop(); this._layer._reportYear(); },

    toggle: function () { if (this._timer) { this.pause(); } else { this.play(); } }
  });

  function organisationsLayer(data, options) {
    return new OrganisationsLayer(data, options);
  }

  function basemap(source, style, pane) {
    var layer = L.geoJSON(null, { style: function () { return style; }, pane: pane, interactive: false });
    if (typeof source === "string") {
      fetch(source).then(function (response) { return response.json(); })
        .then(function (data) { layer.addData(data); });
    } else {
      layer.addData(source);
    }
    return layer;
  }

  function countsLayer(data) {
    var group = L.featureGroup();
    var largest = Math.max.apply(null, data.count.concat([1]));
    for (var i = 0; i < data.count.length; i++) {
      var radius = 6 + 30 * Math.sqrt(data.count[i] / largest);
      var circle = L.circleMarker([data.lat[i], data.lon[i]], {
        radius: radius, color: "#ffffff", weight: 1, fillColor: "#263248", fillOpacity: 0.75
      });
      circle.bindTooltip(escapeHtml(data.label[i]), { direction: "top" });
      group.addLayer(circle);
    }
    return group;
  }

  function legendControl(legend, position) {
    var control = L.control({ position: position || "bottomright" });
    control.onAdd = function (map) {
      var box = el("div", "atlas-legend leaflet-control");
      box.setAttribute("dir", legend.dir || "auto");
      // Right to left, the map's controls swap sides (atlas.css), keeping their reading order.
      map.getContainer().classList.toggle("atlas-rtl", legend.dir === "rtl");
      box.appendChild(el("div", "atlas-legend-title", legend.title));
      for (var i = 0; i < legend.items.length; i++) {
        var row = el("div", "atlas-legend-row");
        var swatch = el("span", "atlas-legend-swatch");
        swatch.style.backgroundColor = legend.items[i].colour;
        row.appendChild(swatch);
        row.appendChild(el("span", null, legend.items[i].label));
        box.appendChild(row);
      }
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    return control;
  }

  function fullscreenControl(titles) {
    var control = L.control({ position: "topleft" });
    control.onAdd = function (map) {
      var bar = el("div", "leaflet-bar leaflet-control atlas-fullscreen");
      var button = el("a", null, "⛶");
      button.href = "#";
      button.setAttribute("role", "button");
      button.title = titles.enter;
      button.setAttribute("aria-label", titles.enter);
      L.DomEvent.on(button, "click", function (event) {
        L.DomEvent.preventDefault(event);
        var container = map.getContainer();
        var doc = container.ownerDocument;
        if (doc.fullscreenElement) {
          doc.exitFullscreen();
        } else if (container.requestFullscreen) {
          container.requestFullscreen().catch(function () {
            container.classList.toggle("atlas-pseudo-fullscreen");
            map.invalidateSize();
          });
        } else {
          container.classList.toggle("atlas-pseudo-fullscreen");
          map.invalidateSize();
        }
      });
      container_listener(map, button, titles);
      L.DomEvent.disableClickPropagation(bar);
      bar.appendChild(button);
      return bar;
    };
    return control;
  }

  /* A button that shows every organisation of the view again (after the visitor moved away). */
  function fitControl(titles) {
    var control = L.control({ position: "topleft" });
    control.onAdd = function (map) {
      var bar = el("div", "leaflet-bar leaflet-control atlas-fit");
      var button = el("a");
      button.href = "#";
      button.setAttribute("role", "button");
      button.title = titles.fit;
      button.setAttribute("aria-label", titles.fit);
      // Four corners closing in on the results (drawn: no font has to hold the glyph).
      var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
      svg.setAttribute("viewBox", "0 0 20 20");
      svg.setAttribute("width", "18");
      svg.setAttribute("height", "18");
      svg.setAttribute("aria-hidden", "true");
      var path = document.createElementNS("http://www.w3.org/2000/svg", "path");
      path.setAttribute("d", "M2 7V2h5M13 2h5v5M18 13v5h-5M7 18H2v-5M7 10h6M10 7v6");
      path.setAttribute("fill", "none");
      path.setAttribute("stroke", "currentColor");
      path.setAttribute("stroke-width", "2");
      svg.appendChild(path);
      button.appendChild(svg);
      L.DomEvent.on(button, "click", function (event) {
        L.DomEvent.preventDefault(event);
        if (map._atlasOrganisations) { map._atlasOrganisations.fitResults(); }
      });
      L.DomEvent.disableClickPropagation(bar);
      bar.appendChild(button);
      return bar;
    };
    return control;
  }

  /* A map shown to a hall (the Present page): large type and marks (atlas.css), and the
   * presenter's keys (presenter.js) instead of the map's own: arrows never pan it. */
  function presenterMode(map) {
    map.getContainer().classList.add("atlas-presenter");
    map.keyboard.disable();
    var present = presenter();
    if (present) { present.attach(window); }
  }

  function container_listener(map, button, titles) {
    var doc = map.getContainer().ownerDocument;
    doc.addEventListener("fullscreenchange", function () {
      var on = doc.fullscreenElement === map.getContainer();
      button.title = on ? titles.exit : titles.enter;
      button.setAttribute("aria-label", button.title);
      map.invalidateSize();
    });
  }

  window.Atlas = {
    organisationsLayer: organisationsLayer,
    countsLayer: countsLayer,
    basemap: basemap,
    escapeHtml: escapeHtml,
    legendControl: legendControl,
    fullscreenControl: fullscreenControl,
    fitControl: fitControl,
    presenterMode: presenterMode,
    popupContent: window.AtlasDetails.popupContent
  };
})();

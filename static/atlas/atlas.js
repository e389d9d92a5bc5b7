/* Collective Impact Atlas: the organisations layer, legend and fullscreen control.
 *
 * Data arrives as compact parallel arrays (see mapping/maps.py). Every text from
 * the data is put on the page with textContent, never as HTML, and links are
 * only followed when they are http(s): hostile data stays inert.
 */
(function () {
  "use strict";

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function safeHref(url) {
    try {
      var parsed = new URL(String(url));
      return (parsed.protocol === "http:" || parsed.protocol === "https:") ? parsed.href : null;
    } catch (error) {
      return null;
    }
  }

  function popupContent(data, index) {
    var box = el("div", "atlas-popup");
    box.setAttribute("dir", "auto");
    box.appendChild(el("div", "atlas-popup-title", data.name[index]));
    var details = data.details;
    if (!details) {
      box.appendChild(el("div", "atlas-popup-row", data.roleLabels[data.role[index]]));
      return box;
    }
    var list = el("dl", "atlas-popup-list");
    for (var f = 0; f < details.fields.length; f++) {
      var value = details.values[f][index];
      if (value === "" || value === null || value === undefined) { continue; }
      var key = details.fields[f];
      if (key === "website") {
        var href = safeHref(value);
        if (!href) { continue; }
        list.appendChild(el("dt", null, details.labels[f]));
        var dd = el("dd");
        var link = el("a", null, value);
        link.href = href;
        link.target = "_blank";
        link.rel = "noopener noreferrer";
        dd.appendChild(link);
        list.appendChild(dd);
      } else {
        list.appendChild(el("dt", null, details.labels[f]));
        list.appendChild(el("dd", key === "description" ? "atlas-popup-description" : null, value));
      }
    }
    box.appendChild(list);
    return box;
  }

  function tooltipContent(data, index) {
    var span = el("span", "atlas-tooltip", data.name[index]);
    span.setAttribute("dir", "auto");
    return span;
  }

  // Neutral cluster bubbles, so cluster colours never read as role colours.
  function clusterIcon(cluster) {
    var count = cluster.getChildCount();
    var size = count < 10 ? 30 : count < 100 ? 36 : count < 1000 ? 42 : 50;
    return L.divIcon({
      html: "<span>" + count + "</span>",
      className: "atlas-cluster",
      iconSize: L.point(size, size)
    });
  }

  function organisationsLayer(data, options) {
    options = options || {};
    var cluster = L.markerClusterGroup({
      chunkedLoading: true,
      showCoverageOnHover: false,
      maxClusterRadius: options.clusterRadius || 45,
      spiderfyOnMaxZoom: true,
      iconCreateFunction: clusterIcon
    });
    var count = data.lat.length;
    var markers = new Array(count);
    var radius = options.markerRadius || 8;
    for (var i = 0; i < count; i++) {
      var marker = L.circleMarker([data.lat[i], data.lon[i]], {
        radius: radius,
        color: "#ffffff",
        weight: 1.5,
        fillColor: data.colours[data.role[i]],
        fillOpacity: 0.95
      });
      marker.atlasIndex = i;
      marker.bindTooltip(function (layer) { return tooltipContent(data, layer.atlasIndex); },
        { direction: "top", offset: [0, -radius] });
      marker.bindPopup(function (layer) { return popupContent(data, layer.atlasIndex); },
        { maxWidth: 340, minWidth: 220 });
      markers[i] = marker;
    }
    cluster.addLayers(markers);
    return cluster;
  }

  function legendControl(legend, position) {
    var control = L.control({ position: position || "bottomright" });
    control.onAdd = function () {
      var box = el("div", "atlas-legend leaflet-control");
      box.setAttribute("dir", "auto");
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
    legendControl: legendControl,
    fullscreenControl: fullscreenControl,
    popupContent: popupContent
  };
})();

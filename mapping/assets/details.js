/* Collective Impact Atlas: an organisation's details, shared by the map and the network graph.
 *
 * Data arrives as compact parallel arrays (mapping/maps.py organisations_payload).
 * Every text from the data is put on the page with textContent, never as HTML,
 * and links are only followed when they are http(s): hostile data stays inert.
 *
 * data.suggest (optional, with data.ids) adds a "Suggest a correction" link to the
 * Contribute page: { label, href ("{id}" stands for the id), base ("" = the app's page) }.
 *
 * data.links (optional) holds the links among the organisations shown:
 *   { source: [i], target: [j], relation: [r], keys: [...], labels: [...], inverse: [...] }
 * read "source relation target"; the details of i list "labels[r]: name of j",
 * and of j "inverse[r]: name of i".
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

  /* The organisations linked to ``index``: [{other, label, relation}], by relation then name. */
  function linkedTo(data, index) {
    var links = data.links, found = [];
    if (!links) { return found; }
    for (var k = 0; k < links.source.length; k++) {
      var relation = links.relation[k];
      if (links.source[k] === index) {
        found.push({ other: links.target[k], label: links.labels[relation], relation: relation });
      } else if (links.target[k] === index) {
        found.push({ other: links.source[k], label: links.inverse[relation], relation: relation });
      }
    }
    return found.sort(function (a, b) {
      return a.label.localeCompare(b.label) || data.name[a.other].localeCompare(data.name[b.other]);
    });
  }

  /* The "Linked organisations" list: each entry a button that calls onPick(other). */
  function linksSection(data, index, onPick) {
    var linked = linkedTo(data, index);
    var hidden = data.links && data.links.hidden ? data.links.hidden[index] || 0 : 0;
    if (!linked.length && !hidden) { return null; }
    var section = el("div", "atlas-links");
    section.appendChild(el("div", "atlas-links-title", data.links.heading));
    var list = el("ul", "atlas-links-list");
    linked.forEach(function (item) {
      var entry = el("li");
      entry.appendChild(el("span", "atlas-links-relation", item.label + ": "));
      var button = el("button", "atlas-links-name", data.name[item.other]);
      button.type = "button";
      button.setAttribute("data-index", String(item.other));
      button.addEventListener("click", function (event) {
        event.preventDefault();
        event.stopPropagation();
        onPick(item.other);
      });
      entry.appendChild(button);
      list.appendChild(entry);
    });
    section.appendChild(list);
    if (hidden) {
      section.appendChild(el("div", "atlas-links-hidden", data.links.hiddenText.replace("{n}", hidden)));
    }
    return section;
  }

  /* The address the app's page has (this script may run in its map's or graph's frame). */
  function pageAddress() {
    try {
      if (window.parent !== window && window.parent.location.href) { return window.parent.location.href; }
    } catch (error) { /* a parent of another origin: this frame's own address */ }
    return window.location.href;
  }

  /* "Suggest a correction": the Contribute page with this organisation chosen. */
  function suggestLink(data, index) {
    var action = data.suggest, ids = data.ids;
    if (!action || !ids || ids[index] === undefined) { return null; }
    var href = null;
    try {
      href = safeHref(new URL(action.href.replace("{id}", encodeURIComponent(ids[index])),
                              action.base || pageAddress()).href);
    } catch (error) {
      return null;
    }
    if (!href) { return null; }
    var link = el("a", "atlas-popup-suggest", action.label);
    link.href = href;
    // A new tab, as the website link: Streamlit's component frames are sandboxed without
    // top navigation, and the map or graph stays where the visitor left it.
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    return link;
  }

  /* The details box of one organisation (name, then every non-empty field). */
  function popupContent(data, index, onPick) {
    var box = el("div", "atlas-popup");
    box.setAttribute("dir", data.dir || "auto");
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
    if (onPick) {
      var section = linksSection(data, index, onPick);
      if (section) { box.appendChild(section); }
    }
    var suggest = suggestLink(data, index);
    if (suggest) { box.appendChild(suggest); }
    return box;
  }

  window.AtlasDetails = {
    el: el, safeHref: safeHref, popupContent: popupContent, linkedTo: linkedTo, suggestLink: suggestLink
  };
})();

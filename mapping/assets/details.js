/* Collective Impact Atlas: an organisation's details, shared by the map and the network graph.
 *
 * Data arrives as compact parallel arrays (mapping/maps.py organisations_payload).
 * Every text from the data is put on the page with textContent, never as HTML,
 * and links are only followed when they are http(s): hostile data stays inert.
 *
 * data.links (optional) holds the links of the organisations shown:
 *   { source: [i], target: [j], relation: [r], since: [y], until: [y], cite: [c],
 *     citations: [url], keys: [...], labels: [...], inverse: [...], anchor: a, outside: {...} }
 * read "source relation target"; the details of i list "labels[r]: name of j",
 * and of j "inverse[r]: name of i", each with its years and source. In a
 * "linked to" view, ``anchor`` is the organisation it is linked to (numbered
 * after the view's rows when the filters leave it out: ``outside`` names it).
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

  /* The name of organisation ``other``: one of the view's, or (numbered after them) the
   * organisation a "linked to" view is linked to, when the filters leave it out. */
  function nameOf(data, other) {
    var count = data.name.length;
    return other < count ? data.name[other] : data.links.outside.name[other - count];
  }

  /* The organisations linked to ``index``: [{other, label, relation, link}], the view's
   * "linked to" organisation first, then by relation and name. */
  function linkedTo(data, index) {
    var links = data.links, found = [];
    if (!links) { return found; }
    for (var k = 0; k < links.source.length; k++) {
      var relation = links.relation[k];
      if (links.source[k] === index) {
        found.push({ other: links.target[k], label: links.labels[relation], relation: relation, link: k });
      } else if (links.target[k] === index) {
        found.push({ other: links.source[k], label: links.inverse[relation], relation: relation, link: k });
      }
    }
    var anchor = links.anchor === undefined ? -1 : links.anchor;
    return found.sort(function (a, b) {
      return ((b.other === anchor) - (a.other === anchor)) || a.label.localeCompare(b.label) ||
        nameOf(data, a.other).localeCompare(nameOf(data, b.other));
    });
  }

  /* "since 2013", "2010–2015", "until 2015" or "years not recorded" for link ``k``. */
  function yearsText(links, k) {
    var text = links.text || {}, since = links.since ? links.since[k] : null;
    var until = links.until ? links.until[k] : null;
    if (since !== null && since !== undefined && until !== null && until !== undefined) {
      return text.between.replace("{since}", since).replace("{until}", until);
    }
    if (since !== null && since !== undefined) { return text.since.replace("{year}", since); }
    if (until !== null && until !== undefined) { return text.until.replace("{year}", until); }
    return text.unknown || "";
  }

  /* Under a linked organisation: the link's years and its source (a link when http(s)).
   * A reason link says its years even when none are recorded; another only when known. */
  function linkMeta(links, k, reason) {
    if (!links.text) { return null; }
    var known = (links.since && links.since[k] !== null) || (links.until && links.until[k] !== null);
    var at = links.cite ? links.cite[k] : -1;
    if (!reason && !known && at < 0) { return null; }
    var meta = el("div", "atlas-links-meta");
    meta.appendChild(el("span", null, yearsText(links, k)));
    var href = at >= 0 ? safeHref(links.citations[at]) : null;
    if (href) {
      meta.appendChild(document.createTextNode(" · "));
      var anchor = el("a", "atlas-links-source", links.text.cite);
      anchor.href = href;
      anchor.target = "_blank";
      anchor.rel = "noopener noreferrer";
      anchor.title = href;
      meta.appendChild(anchor);
    }
    return meta;
  }

  function linkItem(data, item, onPick, reason) {
    var entry = el("li");
    entry.appendChild(el("span", "atlas-links-relation", item.label + ": "));
    if (item.other < data.name.length) {
      var button = el("button", "atlas-links-name", data.name[item.other]);
      button.type = "button";
      button.setAttribute("data-index", String(item.other));
      button.addEventListener("click", function (event) {
        event.preventDefault();
        event.stopPropagation();
        onPick(item.other);
      });
      entry.appendChild(button);
    } else {
      // Outside the view: named, not a way into details the page does not have.
      entry.appendChild(el("span", "atlas-links-outside", nameOf(data, item.other)));
      entry.appendChild(document.createTextNode(" " + data.links.text.outside));
    }
    var meta = linkMeta(data.links, item.link, reason);
    if (meta) { entry.appendChild(meta); }
    return entry;
  }

  /* The links section: first why the organisation is in a "linked to" view (its links to
   * that organisation), then every other link; each name a button calling onPick(other). */
  function linksSection(data, index, onPick) {
    var linked = linkedTo(data, index);
    var links = data.links;
    var hidden = links && links.hidden ? links.hidden[index] || 0 : 0;
    if (!linked.length && !hidden) { return null; }
    var anchor = links.anchor === undefined ? -1 : links.anchor;
    var section = el("div", "atlas-links");
    var why = linked.filter(function (item) { return item.other === anchor && index !== anchor; });
    var rest = linked.filter(function (item) { return why.indexOf(item) < 0; });
    if (why.length) {
      section.appendChild(el("div", "atlas-links-why", links.text.why.replace("{name}", nameOf(data, anchor))));
      var reasons = el("ul", "atlas-links-list atlas-links-reasons");
      why.forEach(function (item) { reasons.appendChild(linkItem(data, item, onPick, true)); });
      section.appendChild(reasons);
    }
    if (rest.length || hidden) {
      section.appendChild(el("div", "atlas-links-title", links.heading));
      var list = el("ul", "atlas-links-list");
      rest.forEach(function (item) { list.appendChild(linkItem(data, item, onPick, false)); });
      section.appendChild(list);
    }
    if (hidden) {
      section.appendChild(el("div", "atlas-links-hidden", links.hiddenText.replace("{n}", hidden)));
    }
    return section;
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
    return box;
  }

  window.AtlasDetails = {
    el: el, safeHref: safeHref, popupContent: popupContent, linkedTo: linkedTo, nameOf: nameOf
  };
})();

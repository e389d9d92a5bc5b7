/* Collective Impact Atlas: keeps the map's view in the page URL, and the copy-link box live.
 *
 * Runs in the app's page (not in the map's frame). The map reports its centre,
 * zoom and open organisation through AtlasUrl.report(); they are written into
 * the address with history.replaceState, so panning never re-runs the app.
 * Streamlit rewrites the address itself whenever the app changes a query
 * parameter (a filter, the language); it does not know the map's parameters,
 * so every address it writes for the map's page gets them merged back in.
 * The copy-link box and the Share button always give the address as it is now, and
 * the share box's QR codes are redrawn for it (GET /qr.svg, mapping/qr.py) when it
 * is no longer the view they were drawn for.
 */
(function () {
  "use strict";
  if (window.AtlasUrl) { window.AtlasUrl.refresh(); return; }

  var owned = {};        // parameter -> value the map owns ("" = absent)
  var mapPath = null;    // the path of the page the map is on
  var pushState = history.pushState, replaceState = history.replaceState;

  function withParams(url) {
    var target = new URL(url, window.location.href);
    if (mapPath === null || target.pathname !== mapPath) { return target.href; }
    var keys = Object.keys(owned);
    // Edit the query as text: Streamlit's own parameters keep their exact spelling.
    var parts = target.search.replace(/^\?/, "").split("&").filter(function (part) {
      return part && keys.indexOf(decodeURIComponent(part.split("=")[0])) < 0;
    });
    keys.forEach(function (key) {
      if (owned[key] !== "") { parts.push(key + "=" + encodeURIComponent(owned[key])); }
    });
    target.search = parts.length ? "?" + parts.join("&") : "";
    return target.href;
  }

  /* A link as a comparable text: the same parameters in any order and spelling are equal. */
  function comparable(link) {
    var url = new URL(link, window.location.href);
    var params = new URLSearchParams(url.search);
    params.sort();
    return url.origin + url.pathname + "?" + params.toString();
  }

  /* Codes that follow the address (mapping/ui/share.py, data-follows): "page" is the
   * address itself, "audience" its audience link. Each is redrawn only when its link
   * changes; the image loads when it is shown (a closed expander asks for nothing). */
  function followCodes() {
    var here = new URL(window.location.href);
    here.hash = "";
    var figures = document.querySelectorAll(".atlas-qr-figure[data-follows]");
    for (var i = 0; i < figures.length; i++) {
      var figure = figures[i], box = figure.closest(".atlas-qr");
      var link = figure.getAttribute("data-follows") === "audience"
        ? here.origin + box.getAttribute("data-audience") + here.search
        : here.href;
      if (comparable(link) === comparable(figure.getAttribute("data-link") || "/")) { continue; }
      figure.setAttribute("data-link", link);
      var image = figure.querySelector("img");
      image.loading = "lazy";
      image.src = box.getAttribute("data-qr") + "?link=" + encodeURIComponent(link);
      image.alt = (figure.getAttribute("data-alt") || "").split("{link}").join(link);
      figure.querySelector(".atlas-qr-link").textContent = link;
    }
  }

  function refresh() {
    var boxes = document.querySelectorAll(".atlas-share input");
    for (var i = 0; i < boxes.length; i++) { boxes[i].value = window.location.href; }
    followCodes();
  }

  history.pushState = function (data, title, url) {
    var result = pushState.call(history, data, title, url == null ? url : withParams(url));
    refresh();
    return result;
  };
  history.replaceState = function (data, title, url) {
    var result = replaceState.call(history, data, title, url == null ? url : withParams(url));
    refresh();
    return result;
  };

  function report(params) {
    mapPath = window.location.pathname;
    Object.keys(params).forEach(function (key) {
      owned[key] = params[key] === null || params[key] === undefined ? "" : String(params[key]);
    });
    var next = withParams(window.location.href);
    if (next !== window.location.href) { replaceState.call(history, history.state, "", next); }
    refresh();
  }

  function copy(button) {
    var box = button.closest(".atlas-share");
    var input = box.querySelector("input");
    var status = box.querySelector("[role=status]");
    var link = window.location.href;
    input.value = link;
    function done() {
      status.textContent = button.getAttribute("data-copied");
      setTimeout(function () { status.textContent = ""; }, 2500);
    }
    function fallback() {
      input.focus();
      input.select();
      try { if (document.execCommand("copy")) { done(); } } catch (error) { /* selected: the user can copy */ }
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(link).then(done, fallback);
    } else {
      fallback();
    }
  }

  /* The Share button: the phone's share sheet where the browser has one, else copy the link. */
  function share(button) {
    var status = button.parentNode.querySelector("[role=status]");
    var link = window.location.href;
    var data = { title: button.getAttribute("data-title") || document.title, url: link };
    function copied() {
      status.textContent = button.getAttribute("data-copied");
      setTimeout(function () { status.textContent = ""; }, 2500);
    }
    // Without the clipboard API (a plain-http address in a hall): the old copy command.
    function copyOld() {
      var area = document.createElement("textarea");
      area.value = link;
      area.setAttribute("readonly", "");
      area.style.cssText = "position:fixed;top:0;left:0;opacity:0;";
      document.body.appendChild(area);
      area.select();
      var done = false;
      try { done = document.execCommand("copy"); } catch (error) { done = false; }
      area.remove();
      if (done) { copied(); } else { window.prompt("", link); }
    }
    if (navigator.share && (!navigator.canShare || navigator.canShare(data))) {
      // Closing the share sheet without sharing rejects: nothing to say then.
      navigator.share(data).catch(function () {});
    } else if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(link).then(copied, copyOld);
    } else {
      copyOld();
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".atlas-share button");
    if (button) { copy(button); }
    var action = event.target.closest && event.target.closest(".atlas-share-action button");
    if (action) { share(action); }
  });

  window.AtlasUrl = { report: report, refresh: refresh };
  refresh();
})();

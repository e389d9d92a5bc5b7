/* Collective Impact Atlas: the "Embed" action's snippet, written from the address as it is now.
 *
 * Runs in the app's page. The map keeps its centre, zoom and open organisation in the
 * address without re-running the app (url.js), so the snippet is filled in here, from
 * window.location, whenever it is shown, focused, resized or copied. Its template comes
 * from the server (AtlasEmbed.use; mapping/embed.py iframe_html, the one way a snippet is
 * written) with {src}, {width} and {height} to fill, each escaped for an attribute here. The
 * attributes come before the title in the template, so replacing the first occurrence
 * of each placeholder never touches a title that happens to contain one.
 */
// Streamlit's sanitiser drops a script whose text has "<" before a letter or "/": none here.
(function () {
  "use strict";
  if (window.AtlasEmbed) { return; }
  var template = "";

  function attribute(text) {
    return String(text).replace(/&/g, "&amp;").replace(/"/g, "&quot;")
      .replace(/'/g, "&#x27;").replace(/\x3c/g, "&lt;").replace(/>/g, "&gt;");
  }

  function embedAddress() {
    var href = window.location.href.split("#")[0];
    var at = href.indexOf("?");
    var base = at < 0 ? href : href.slice(0, at);
    var query = at < 0 ? "" : href.slice(at + 1);
    // Edit the query as text: the app's parameters keep their exact spelling (commas).
    var kept = query.split("&").filter(function (part) {
      var key = decodeURIComponent(part.split("=")[0]).toLowerCase();
      return part && key !== "embed" && key !== "embed_options";
    });
    kept.push("embed=true");
    return base + "?" + kept.join("&");
  }

  function size(box, name) {
    var input = box.querySelector("input[name=" + name + "]");
    var low = Number(box.getAttribute("data-min")), high = Number(box.getAttribute("data-max"));
    var value = input ? parseInt(input.value, 10) : NaN;
    if (!(value >= low && value <= high)) { value = Number(box.getAttribute("data-" + name)); }
    return value;
  }

  function render(box) {
    var code = template
      .replace("{src}", attribute(embedAddress()))
      .replace("{width}", String(size(box, "width")))
      .replace("{height}", String(size(box, "height")));
    box.querySelector("textarea").value = code;
    return code;
  }

  function refresh() {
    var boxes = document.querySelectorAll(".atlas-embed");
    for (var i = 0; i < boxes.length; i++) { render(boxes[i]); }
  }

  function copy(button) {
    var box = button.closest(".atlas-embed");
    var area = box.querySelector("textarea");
    var status = box.querySelector("[role=status]");
    var code = render(box);
    function done() {
      status.textContent = button.getAttribute("data-copied");
      setTimeout(function () { status.textContent = ""; }, 2500);
    }
    function fallback() {
      area.focus();
      area.select();
      try { if (document.execCommand("copy")) { done(); } } catch (error) { /* selected */ }
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(code).then(done, fallback);
    } else {
      fallback();
    }
  }

  document.addEventListener("input", function (event) {
    var box = event.target.closest && event.target.closest(".atlas-embed");
    if (box) { render(box); }
  });
  document.addEventListener("focusin", function (event) {
    var box = event.target.closest && event.target.closest(".atlas-embed");
    if (box) { render(box); }
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".atlas-embed button");
    if (button) { copy(button); }
  });
  window.addEventListener("popstate", refresh);

  function use(text) {
    template = text;
    refresh();
  }

  window.AtlasEmbed = { use: use, refresh: refresh };
})();

/* Collective Impact Atlas: tells screen readers what a filter change did.
 *
 * Runs in the app's page. One polite live region lives in the page for good
 * (Streamlit replaces its own elements on every run, and a live region that is
 * new when its text arrives is often not read); each run hands it the view's
 * sentence ("349 of 633 organisations: active in 2015."), which is read once
 * the user pauses. The text is set with textContent: data stays text.
 */
(function () {
  "use strict";
  if (window.AtlasAnnounce) { return; }
  var timer = null;
  window.AtlasAnnounce = function (text) {
    var region = document.getElementById("atlas-live");
    if (!region) {
      region = document.createElement("div");
      region.id = "atlas-live";
      region.setAttribute("role", "status");
      region.setAttribute("aria-live", "polite");
      region.setAttribute("aria-atomic", "true");
      region.style.cssText = "position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;";
      document.body.appendChild(region);
    }
    if (timer) { clearTimeout(timer); }
    // The first sentence of a page is its caption, read with the page: announce changes only.
    if (region.getAttribute("data-page") !== window.location.pathname) {
      region.setAttribute("data-page", window.location.pathname);
      region.setAttribute("data-text", text);
      return;
    }
    if (region.getAttribute("data-text") === text) { return; }
    region.setAttribute("data-text", text);
    timer = setTimeout(function () { region.textContent = text; }, 300);
  };
})();

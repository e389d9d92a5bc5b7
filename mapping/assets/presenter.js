/* Collective Impact Atlas: the presenter's keys, the hidden controls and the blank screen.
 *
 * Runs in a Streamlit component frame of its own on the Present page
 * (mapping/ui/present.py); it works on the app's page around it (same origin).
 *
 * Keys, wherever the focus is (the page, the map's frame, the graph's frame):
 *   Page Down, →, Space   next scene; on a timeline scene first every year, then the next scene
 *   Page Up, ←            previous scene (a timeline scene is reached at its last year)
 *   ↑ / ↓                 a year back / on, on a timeline scene
 *   Home / End            first / last scene
 *   B or .                blank the screen (black); B, ., Escape or a click brings it back
 * A move is sent to the app as this component's value, {scene, seq, token}: the
 * scene to show, not a step, so presses that arrive while the app is still
 * drawing the last one add up instead of being merged into one.
 *
 * The audience sees the scene only: the presenter's controls (and Streamlit's
 * header) show while the mouse moves and hide IDLE_MS after it stops; a
 * keyboard user tabbing into them sees them too (atlas CSS in present.py).
 */
(function () {
  "use strict";

  var IDLE_MS = 3000;
  var NAV = { PageDown: 1, ArrowRight: 1, " ": 1, Spacebar: 1, PageUp: -1, ArrowLeft: -1 };
  var host = window.parent;
  var page = host.document;
  var token = Math.random().toString(36).slice(2);
  var state = { ids: [], kinds: [], index: 0, handled: null, text: {} };
  var sent = 0;
  var pending = null;        // the scene asked for and not drawn yet (index)
  var backward = false;      // the last move went back: a timeline opens at its last year
  var idleTimer = null;
  var frames = [];           // windows whose keys and mouse this script listens to
  var blank = null;

  function send(type, fields) {
    window.parent.postMessage(Object.assign({ isStreamlitMessage: true, type: type }, fields), "*");
  }

  function current() { return pending !== null ? pending : state.index; }

  /* Ask the app for scene ``target`` (clamped: the ends stop, as presentation software does). */
  function go(target) {
    var last = state.ids.length - 1;
    target = Math.max(0, Math.min(last, target));
    if (target === current()) { return; }
    backward = target < current();
    pending = target;
    sent += 1;
    send("streamlit:setComponentValue", {
      value: { scene: state.ids[target], seq: sent, token: token },
      dataType: "json"
    });
  }

  /* The year control of the scene on screen, if it is a timeline (atlas.js sets it). */
  function timeline() {
    if (pending !== null) { return null; }  // the scene on screen is about to change
    for (var i = 0; i < frames.length; i++) {
      try {
        var handle = frames[i].atlasPresenterTimeline;
        if (handle && frames[i].frameElement && frames[i].frameElement.isConnected) { return handle; }
      } catch (error) { /* a frame that is gone */ }
    }
    return null;
  }

  function forward() {
    var years = timeline();
    if (years && !years.atEnd()) { years.finish(); return; }
    go(current() + 1);
  }

  function editable(target) {
    if (!target || !target.tagName) { return false; }
    var tag = target.tagName.toLowerCase();
    return tag === "input" || tag === "textarea" || tag === "select" || target.isContentEditable;
  }

  function setBlank(on) {
    if (on && !blank) {
      blank = page.createElement("div");
      blank.className = "atlas-blank";
      blank.setAttribute("role", "status");
      blank.style.cssText = "position:fixed;inset:0;background:#000;z-index:2147483647;cursor:none;";
      var words = page.createElement("span");
      words.textContent = state.text.blank || "";
      words.style.cssText = "position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;";
      blank.appendChild(words);
      blank.addEventListener("click", function () { setBlank(false); });
      page.body.appendChild(blank);
    } else if (!on && blank) {
      blank.remove();
      blank = null;
    }
  }

  /* One key press, from the page or any frame on it; true when it was the presenter's. */
  function onKey(event) {
    if (!active() || event.ctrlKey || event.metaKey || event.altKey) { return false; }
    var key = event.key;
    var inField = editable(event.target);
    // In a text field only Page Up / Page Down (a remote) move; every other key types.
    if (inField && key !== "PageDown" && key !== "PageUp") { return false; }
    var handled = true;
    if (blank) {
      if (key in NAV || key === "b" || key === "B" || key === "." || key === "Escape") { setBlank(false); } else { handled = false; }
    } else if (key === "b" || key === "B" || key === ".") {
      if (!event.repeat) { setBlank(true); }
    } else if (key in NAV) {
      // A held key would race through the scenes: one move per press.
      if (!event.repeat) { if (NAV[key] > 0) { forward(); } else { go(current() - 1); } }
    } else if (key === "Home" || key === "End") {
      go(key === "Home" ? 0 : state.ids.length - 1);
    } else if (key === "ArrowUp" || key === "ArrowDown") {
      var years = timeline();
      if (years) { years.step(key === "ArrowDown" ? 1 : -1); } else { handled = false; }
    } else {
      handled = false;
    }
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
    return handled;
  }

  /* The presenter's controls show while the mouse moves, and hide when it rests. */
  function setIdle(idle) {
    page.documentElement.classList.toggle("atlas-presenter-idle", idle);
    frames.forEach(function (win) {
      try { win.document.documentElement.classList.toggle("atlas-presenter-idle", idle); } catch (error) { /* gone */ }
    });
  }

  function wake() {
    if (!active()) { return; }
    setIdle(false);
    if (idleTimer) { clearTimeout(idleTimer); }
    idleTimer = setTimeout(function () { idleTimer = null; setIdle(true); }, IDLE_MS);
  }

  /* Listen to a window's keys and mouse (the page's, or a map's or graph's frame). A frame's
   * window stays the same object when its first, blank document is replaced by the real
   * one: what is listened to is each document. */
  var listening = new WeakSet();
  function attach(win) {
    var doc;
    try { doc = win && win.document; } catch (error) { return; }  // another origin
    if (!doc || listening.has(doc)) { return; }
    listening.add(doc);
    frames = frames.filter(function (other) {
      try { return other === host || (other.frameElement && other.frameElement.isConnected); } catch (error) { return false; }
    });
    if (frames.indexOf(win) < 0) { frames.push(win); }
    try {
      win.document.addEventListener("keydown", onKey, true);
      ["mousemove", "pointerdown", "wheel", "touchstart"].forEach(function (name) {
        win.document.addEventListener(name, wake, { capture: true, passive: true });
      });
      win.document.documentElement.classList.toggle("atlas-presenter-idle", page.documentElement.classList.contains("atlas-presenter-idle"));
    } catch (error) { /* another origin */ }
  }

  function detach(win) {
    try {
      listening.delete(win.document);
      win.document.removeEventListener("keydown", onKey, true);
      ["mousemove", "pointerdown", "wheel", "touchstart"].forEach(function (name) {
        win.document.removeEventListener(name, wake, { capture: true });
      });
    } catch (error) { /* gone */ }
  }

  /* The frames already on the page (a map drawn before this script ran). */
  function attachFrames() {
    var found = page.querySelectorAll("iframe");
    for (var i = 0; i < found.length; i++) {
      try {
        var win = found[i].contentWindow;
        if (win && win !== window && win.document) { attach(win); }
      } catch (error) { /* another origin */ }
    }
  }

  /* The Present page is showing (its controls are on the page). */
  function active() {
    return Boolean(page.querySelector(".st-key-atlas_present_controls"));
  }

  host.AtlasPresenter = {
    attach: attach,
    wake: wake,
    // A timeline scene reached by going back opens at its last year (its story told).
    arrivedBackward: function () { return backward; }
  };
  attach(host);

  window.addEventListener("message", function (event) {
    var message = event.data;
    if (!message || message.type !== "streamlit:render") { return; }
    var args = message.args;
    var first = state.ids.length === 0;
    state = args;
    var answered = args.handled && args.handled.token === token && args.handled.seq === sent;
    if (answered || sent === 0) { pending = null; }
    attachFrames();
    if (first) { wake(); }  // the presenter sees the controls once, then they hide
    send("streamlit:setFrameHeight", { height: 0 });
  });

  // Leaving the Present page removes this frame: stop listening, give the screen back.
  window.addEventListener("pagehide", function () {
    frames.forEach(detach);
    frames = [];
    setBlank(false);
    if (idleTimer) { clearTimeout(idleTimer); }
    page.documentElement.classList.remove("atlas-presenter-idle");
    if (host.AtlasPresenter && host.AtlasPresenter.attach === attach) { delete host.AtlasPresenter; }
  });

  send("streamlit:componentReady", { apiVersion: 1 });
})();

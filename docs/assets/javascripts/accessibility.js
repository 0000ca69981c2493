/* Reading aids: the 关爱版 switch, and accessible names that mkdocs-material's
   templates leave out.

   关爱版 (larger text, higher contrast, wider spacing; docs/assets/
   stylesheets/reading.css) is what older readers of government sites look for.
   The choice is kept in the browser (localStorage, one key per site: the
   folder the site is served from) and needs nothing from the network.  This
   file is loaded in <head> without defer or async (overrides/main.html), so
   the choice is on <html> before the body is drawn: a page opened in 关爱版
   never flashes the standard layout first.  An inline script would do the
   same, but the Content-Security-Policy runs only the theme's own inline
   scripts.  Print styles do not look at the choice: paper is the same either
   way.

   The search panel is role="dialog" without a name, so a screen reader
   announces only "dialog" when it opens (axe: aria-dialog-name).  Named here
   rather than by overriding material's partials/search.html, which would
   have to be copied whole and kept in step with every material release. */
(function () {
  var html = document.documentElement;
  var script = document.currentScript;
  // This file is <site>/assets/javascripts/accessibility.js.
  var site = script ? new URL("../../", script.src).pathname : "/";
  var KEY = site + ":reading";
  var CARE = "care";

  function stored() {
    try {
      return window.localStorage.getItem(KEY) === CARE;
    } catch (e) { // storage switched off: the standard version, every page
      return false;
    }
  }

  function store(on) {
    try {
      if (on) window.localStorage.setItem(KEY, CARE);
      else window.localStorage.removeItem(KEY);
    } catch (e) {}
  }

  function isOn() {
    return html.getAttribute("data-reading") === CARE;
  }

  var button = null;

  function apply(on) {
    if (on) html.setAttribute("data-reading", CARE);
    else html.removeAttribute("data-reading");
    if (button) {
      // The words say what a press does; older readers look for 退出关爱版
      // to leave it, as on other government sites.
      button.textContent = on ? "退出关爱版" : "关爱版";
      button.title = on ? "恢复标准字号和颜色" : "大字号、高对比度、宽行距";
    }
  }

  apply(stored());

  function addSwitch() {
    var header = document.querySelector(".md-header__inner");
    if (!header || header.querySelector(".care-toggle")) return;
    button = document.createElement("button");
    button.type = "button";
    button.className = "care-toggle";
    button.addEventListener("click", function () {
      var on = !isOn();
      apply(on);
      store(on);
    });
    apply(isOn());
    var search = header.querySelector('label[for="__search"]');
    header.insertBefore(button, search || null);
  }

  function nameSearch() {
    var search = document.querySelector('.md-search[role="dialog"]');
    if (search && !search.hasAttribute("aria-label") && !search.hasAttribute("aria-labelledby")) {
      search.setAttribute("aria-label", "站内搜索");
    }
  }

  function ready() {
    addSwitch();
    nameSearch();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();

  // Switched in another tab of the same site: follow it here too.
  window.addEventListener("storage", function (event) {
    if (event.key === KEY) apply(stored());
  });
})();

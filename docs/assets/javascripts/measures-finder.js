/* Measures finder (措施检索): filters the list of measures on the page by
   year, part, document, campaign and keywords, all at once.  Everything
   happens in the page -- no requests -- so it works offline and from any
   static web server.  The filters are kept in the address (?year=2023&doc=…)
   so that a filtered view can be bookmarked or sent to a colleague.
   Without JavaScript the form stays hidden and the whole list is shown.
   Runs only on pages that contain the finder form. */
(function () {
  "use strict";

  var form = document.querySelector("form[data-finder-form]");
  if (!form) return;
  var root = form.closest("[data-finder]") || document;
  var list = root.querySelector("ol.finder-list");
  var count = root.querySelector("[data-finder-count]");
  var empty = root.querySelector("[data-finder-empty]");
  if (!list) return;

  // Names of the form fields, which are also the keys in the address.  The
  // keywords are "kw", not "q": mkdocs-material opens its own search dialog
  // for any page whose address has ?q=.
  var FIELDS = ["year", "part", "doc", "campaign", "kw"];

  // Letters are compared without any whitespace and in lower case, so
  // "led屏" finds "LED屏" and a line break in the source does not matter.
  function squeeze(text) {
    return text.replace(/\s+/g, "").toLowerCase();
  }

  function words(value) {
    return (value || "").split(/\s+/).map(squeeze).filter(Boolean);
  }

  var items = Array.prototype.map.call(list.children, function (li) {
    var text = li.querySelector("[data-finder-text]");
    return {
      li: li,
      year: li.getAttribute("data-year") || "",
      part: li.getAttribute("data-part") || "",
      documents: words(li.getAttribute("data-documents")),
      campaigns: words(li.getAttribute("data-campaigns")),
      text: squeeze((text || li).textContent)
    };
  });

  function field(name) {
    return form.elements.namedItem(name);
  }

  function state() {
    var out = {};
    FIELDS.forEach(function (name) {
      var control = field(name);
      out[name] = control ? control.value.trim() : "";
    });
    return out;
  }

  function matches(item, filter, keywords) {
    if (filter.year && item.year !== filter.year) return false;
    if (filter.part && item.part !== filter.part) return false;
    if (filter.doc && item.documents.indexOf(filter.doc) < 0) return false;
    if (filter.campaign && item.campaigns.indexOf(filter.campaign) < 0) return false;
    for (var i = 0; i < keywords.length; i++) {
      if (item.text.indexOf(keywords[i]) < 0) return false;
    }
    return true;
  }

  function apply() {
    var filter = state();
    var keywords = words(filter.kw);
    var shown = 0;
    items.forEach(function (item) {
      var show = matches(item, filter, keywords);
      item.li.hidden = !show;
      if (show) shown++;
    });
    if (count) count.textContent = "共 " + items.length + " 条措施，显示 " + shown + " 条";
    if (empty) empty.hidden = shown > 0;
    return filter;
  }

  function remember(filter) {
    var params = new URLSearchParams(window.location.search);
    FIELDS.forEach(function (name) {
      if (filter[name]) params.set(name, filter[name]);
      else params.delete(name);
    });
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    if (url !== window.location.pathname + window.location.search + window.location.hash) {
      window.history.replaceState(window.history.state, "", url);
    }
  }

  // A value from the address is used only if the form offers it, so an old
  // or mistyped link cannot select a filter the reader cannot see.
  function restore() {
    var params = new URLSearchParams(window.location.search);
    FIELDS.forEach(function (name) {
      var control = field(name);
      var value = params.get(name);
      if (!control || value === null) return;
      if (control.tagName === "SELECT") {
        var offered = Array.prototype.some.call(control.options, function (option) {
          return option.value === value;
        });
        if (offered) control.value = value;
      } else {
        control.value = value;
      }
    });
  }

  function update() {
    remember(apply());
  }

  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    update();
  });
  // "reset" fires before the fields are cleared.
  form.addEventListener("reset", function () {
    window.setTimeout(update, 0);
  });

  restore();
  form.hidden = false;
  update();
})();

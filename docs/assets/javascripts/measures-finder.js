/* Measures finder (措施检索): filters every year's measures by year, part,
   document, campaign and keywords, all at once.

   The page holds the form and the newest year's measures only; each year's
   measures are a data file of the site (data-finder-data, one a year), which
   this script fetches from the site itself, newest year first, once the page
   has opened.  Results are shown as soon as the first file is in, and a page
   of them at a time (data-finder-per-page, then "显示更多"), so neither the
   page nor a keystroke grows heavier with every year of the archive.  The
   filters are kept in the address (?year=2023&doc=…) so that a filtered view
   can be bookmarked or sent to a colleague.  Without JavaScript the form
   stays hidden and the page is the newest year's list.  Every text is put in
   with textContent: nothing from the data is read as HTML. */
(function () {
  "use strict";

  var form = document.querySelector("form[data-finder-form]");
  if (!form) return;
  var root = form.closest("[data-finder]");
  if (!root) return;
  var list = root.querySelector("[data-finder-list]");
  var count = root.querySelector("[data-finder-count]");
  var empty = root.querySelector("[data-finder-empty]");
  var more = root.querySelector("[data-finder-more]");
  var note = root.querySelector("[data-finder-static]");
  if (!list) return;

  var source = root.getAttribute("data-finder-data") || "";
  var years = (root.getAttribute("data-finder-years") || "").split(/\s+/).filter(Boolean);
  var perPage = parseInt(root.getAttribute("data-finder-per-page"), 10) || 50;
  var paragraphLabel = root.getAttribute("data-paragraph-label") || "";
  var draftLabel = root.getAttribute("data-draft-label") || "";

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

  function field(name) {
    return form.elements.namedItem(name);
  }

  // The form's options name the documents and campaigns: id -> label.
  function labels(name) {
    var out = {};
    var control = field(name);
    if (!control) return out;
    Array.prototype.forEach.call(control.options, function (option) {
      if (option.value) out[option.value] = option.textContent;
    });
    return out;
  }
  var documentLabels = labels("doc");
  var campaignLabels = labels("campaign");

  // year -> its measures, as they arrive.
  var loaded = {};
  var failed = [];
  var limit = perPage;
  var drawn = null;  // the state the list was last drawn for

  function record(year, draft, item) {
    return {
      year: String(year), draft: draft, item: item,
      part: item.part, documents: item.documents, campaigns: item.campaigns,
      text: squeeze(item.paragraphs.join(""))
    };
  }

  function state() {
    var out = {};
    FIELDS.forEach(function (name) {
      var control = field(name);
      out[name] = control ? control.value.trim() : "";
    });
    return out;
  }

  function matches(entry, filter, keywords) {
    if (filter.year && entry.year !== filter.year) return false;
    if (filter.part && entry.part !== filter.part) return false;
    if (filter.doc && entry.documents.indexOf(filter.doc) < 0) return false;
    if (filter.campaign && entry.campaigns.indexOf(filter.campaign) < 0) return false;
    for (var i = 0; i < keywords.length; i++) {
      if (entry.text.indexOf(keywords[i]) < 0) return false;
    }
    return true;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  // The markup of finder.html's finder_item, which the page's own list uses.
  function render(entry) {
    var item = entry.item;
    var li = element("li", "finder-item finder-item--" + item.kind);
    li.setAttribute("data-year", entry.year);
    li.setAttribute("data-part", item.part);
    li.setAttribute("data-documents", item.documents.join(" "));
    li.setAttribute("data-campaigns", item.campaigns.join(" "));
    li.setAttribute("data-kind", item.kind);
    li.setAttribute("data-anchor", item.anchor);
    var meta = element("p", "finder-meta");
    meta.appendChild(element("span", "finder-year", entry.year + "年度"));
    if (entry.draft) {
      meta.appendChild(document.createTextNode(" "));
      meta.appendChild(element("span", "report-status report-status--draft", draftLabel));
    }
    meta.appendChild(document.createTextNode(" "));
    var part = element("span", "finder-part", item.part_label);
    part.title = item.headings.length ? item.headings[0] : item.part_label;
    meta.appendChild(part);
    item.headings.slice(1).forEach(function (heading) {
      meta.appendChild(document.createTextNode(" "));
      meta.appendChild(element("span", "finder-heading", heading));
    });
    meta.appendChild(document.createTextNode(" "));
    meta.appendChild(element("span", "finder-place",
      item.place + (item.kind === "paragraph" ? "（" + paragraphLabel + "）" : "")));
    li.appendChild(meta);
    var text = element("div", "finder-text");
    text.setAttribute("data-finder-text", "");
    item.paragraphs.forEach(function (paragraph) {
      text.appendChild(element("p", "", paragraph));
    });
    li.appendChild(text);
    var documents = item.documents.map(function (id) { return documentLabels[id] || id; });
    var campaigns = item.campaigns.map(function (id) { return campaignLabels[id] || id; });
    if (documents.length || campaigns.length) {
      var tags = element("p", "finder-tags");
      if (documents.length) tags.appendChild(element("span", "finder-tags__group", "学习文件：" + documents.join("、")));
      if (campaigns.length) tags.appendChild(element("span", "finder-tags__group", "宣传节点：" + campaigns.join("、")));
      li.appendChild(tags);
    }
    var sourceLine = element("p", "finder-source");
    var link = element("a", "", "查看原文");
    link.href = item.href;
    link.appendChild(element("span", "finder-sr", "：" + entry.year + "年度 " + item.place));
    sourceLine.appendChild(link);
    li.appendChild(sourceLine);
    return li;
  }

  function apply() {
    var filter = state();
    if (!Object.keys(loaded).length && failed.length < years.length) {
      // Nothing in yet: the page's own list (the newest year) stays until the first file is.
      if (count) count.textContent = "正在载入各年度的措施……";
      return filter;
    }
    // The same filters over the same files: nothing to redraw.  (A text
    // field's "change" fires when it loses focus -- to the link being
    // clicked, which a redraw would take away under the pointer.)
    var key = JSON.stringify([filter.year, filter.part, filter.doc, filter.campaign, words(filter.kw),
                              limit, Object.keys(loaded).length, failed.length]);
    if (key === drawn) return filter;
    drawn = key;
    var keywords = words(filter.kw);
    var found = [];
    var total = 0;
    var pending = 0;
    years.forEach(function (year) {
      var entries = loaded[year];
      if (!entries) {
        if (failed.indexOf(year) < 0) pending++;
        return;
      }
      total += entries.length;
      if (filter.year && filter.year !== year) return;
      for (var i = 0; i < entries.length; i++) {
        if (matches(entries[i], filter, keywords)) found.push(entries[i]);
      }
    });
    var fragment = document.createDocumentFragment();
    found.slice(0, limit).forEach(function (entry) {
      fragment.appendChild(render(entry));
    });
    list.textContent = "";
    list.appendChild(fragment);
    var shown = Math.min(found.length, limit);
    var text = "共 " + total + " 条措施，找到 " + found.length + " 条";
    if (shown < found.length) text += "，显示前 " + shown + " 条";
    if (pending) text += "（正在载入其余 " + pending + " 个年度……）";
    if (failed.length) text += "（" + failed.join("、") + " 年度的措施未能载入，请刷新页面重试）";
    if (count) count.textContent = text;
    if (empty) empty.hidden = found.length > 0 || pending > 0;
    if (more) more.hidden = shown >= found.length;
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
    limit = perPage;
    remember(apply());
  }

  // Files arrive in any order; the list is redrawn once per frame at most.
  var scheduled = false;
  function refresh() {
    if (scheduled) return;
    scheduled = true;
    window.requestAnimationFrame(function () {
      scheduled = false;
      apply();
    });
  }

  // The chosen year first, then newest first; a few requests at a time, so
  // the first results do not wait behind two hundred files.
  function load() {
    var chosen = state().year;
    var queue = years.slice();
    if (chosen && queue.indexOf(chosen) > 0) {
      queue.splice(queue.indexOf(chosen), 1);
      queue.unshift(chosen);
    }
    function next() {
      var year = queue.shift();
      if (year === undefined) return;
      window.fetch(source.replace("{year}", year), { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        })
        .then(function (data) {
          loaded[year] = data.items.map(function (item) { return record(data.year, data.draft, item); });
        })
        .catch(function () {
          failed.push(year);
        })
        .then(function () {
          refresh();
          next();
        });
    }
    for (var i = 0; i < 4; i++) next();
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
  if (more) {
    more.querySelector("button").addEventListener("click", function () {
      limit += perPage;
      apply();
    });
  }

  restore();
  form.hidden = false;
  if (note) note.hidden = true;
  load();
  update();
})();

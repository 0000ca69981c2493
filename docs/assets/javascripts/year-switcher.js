/* Year switcher: choosing a year in the list opens the same part of that
   year's report.  Without JavaScript, the previous/next links and the
   "全部年度" page do the same job.

   A choice made in the open list (mouse, or Alt+↓ then Enter) opens the
   year at once.  On a closed list Chromium changes the value at every arrow
   key, so opening the page there would leave a keyboard user no way past the
   next year (WCAG 3.2.2, On Input): arrows only choose, and Enter opens the
   chosen year, as the select's title tells. */
(function () {
  function bind(select) {
    var arrowing = false;
    function current() {
      for (var i = 0; i < select.options.length; i++) {
        if (select.options[i].defaultSelected) return select.options[i].value;
      }
      return "";
    }
    function go() {
      if (select.value && select.value !== current()) window.location.href = select.value;
    }
    select.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        if (select.value !== current()) {
          event.preventDefault();
          go();
        }
      } else if (!event.altKey) {
        /* The change an arrow (Home, End, a letter) makes on the closed list
           is dispatched while this key is handled; one later is the user's. */
        arrowing = true;
        setTimeout(function () { arrowing = false; }, 0);
      }
    });
    select.addEventListener("change", function () {
      if (!arrowing) go();
    });
    /* Back from the other year (page cache): show this page's year again. */
    window.addEventListener("pageshow", function () { select.value = current(); });
  }
  document.querySelectorAll("select[data-year-switcher]").forEach(bind);
})();

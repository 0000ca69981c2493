/* Year switcher: choosing a year in the list opens the same part of that
   year's report.  Without JavaScript, the previous/next links and the
   "全部年度" page do the same job. */
(function () {
  function bind(select) {
    select.addEventListener("change", function () {
      if (select.value) window.location.href = select.value;
    });
  }
  document.querySelectorAll("select[data-year-switcher]").forEach(bind);
})();

/* Accessible names that mkdocs-material's templates leave out.

   The search panel is role="dialog" without a name, so a screen reader
   announces only "dialog" when it opens (axe: aria-dialog-name).  Named here
   rather than by overriding material's partials/search.html, which would
   have to be copied whole and kept in step with every material release. */
(function () {
  var search = document.querySelector('.md-search[role="dialog"]');
  if (search && !search.hasAttribute("aria-label") && !search.hasAttribute("aria-labelledby")) {
    search.setAttribute("aria-label", "站内搜索");
  }
})();

/*
 * Search costs nothing until a reader turns to it.
 *
 * mkdocs-material starts its search worker on every page load and hands it
 * the index (its SETUP message) straight away.  This site's index is cut
 * into shards that the worker fetches itself (search-worker.js), so the
 * page fetches only the small manifest; the worker would still fetch the
 * first shards on every page load.  This script, loaded just before
 * the theme's bundle, holds the SETUP message sent to the site's worker
 * until the reader turns to search: the search box gets focus (a click, a
 * tap on the magnifier, or the theme's keys "/", "s" and "f", which focus
 * it), or the search overlay is opened.  Other workers and other messages
 * pass untouched, and without this script search works as before, only
 * eagerly.
 */
(() => {
  "use strict"

  const Native = window.Worker
  if (typeof Native !== "function")
    return
  const SETUP = 0
  const held = []
  let open = false

  const ours = url => {
    try {
      return new URL(String(url), document.baseURI).pathname.endsWith("/search-worker.js")
    } catch (error) {
      return false
    }
  }

  const release = () => {
    if (open)
      return
    open = true
    for (const [worker, message, transfer] of held.splice(0))
      Native.prototype.postMessage.call(worker, message, transfer)
  }

  class GatedWorker extends Native {
    constructor(url, options) {
      super(url, options)
      if (!ours(url))
        return
      this.postMessage = (message, transfer) => {
        if (!open && message && message.type === SETUP)
          held.push([this, message, transfer])
        else
          Native.prototype.postMessage.call(this, message, transfer)
      }
    }
  }
  window.Worker = GatedWorker

  const searching = target =>
    target instanceof Element &&
    (target.matches("[data-md-component=search-query]") ||
     (target.matches("[data-md-toggle=search]") && target.checked))
  document.addEventListener("focusin", event => { if (searching(event.target)) release() }, true)
  document.addEventListener("change", event => { if (searching(event.target)) release() }, true)
})()

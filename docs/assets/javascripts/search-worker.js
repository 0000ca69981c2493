/*
 * Search worker for the report archive.
 *
 * mkdocs-material runs its search in a web worker and lets a site supply its
 * own worker in place of the built-in one, as long as it speaks the same four
 * messages (SETUP -> READY, QUERY -> RESULT); the theme's search box, result
 * list and highlighting stay as they are.  hooks/search_worker.py points the
 * theme at this file.
 *
 * Why not the theme's worker: it builds a lunr index in the reader's browser
 * on every full page load, and lunr's builder costs ~4 microseconds a word:
 * with fifty years of reports that is 0.4 s before the first result, on every
 * page a reader opens.  It also matches a query word only at the start of an
 * indexed word (复议 did not find 行政复议法) and cut Chinese queries badly
 * (行政复议法 was searched as 行政*, LED屏 and 14人参加 found nothing).
 *
 * Why not match the indexed words either: the build cuts the text into words
 * with jieba, which cuts the same word differently in different sentences
 * (机构改革 is 机构|改革 in one, inside 深化党和国家机构改革方案 in another),
 * so a search for words misses sections that plainly contain the query.
 *
 * What this worker does instead:
 *  - Indexing is copying: each field of the entries becomes one lower-case
 *    string, tags turned into line breaks, in two forms: "joined", with the
 *    word breaks the build put between jieba's words (U+200B) taken out, and
 *    "words", with them kept.  A query word is looked for in the joined text,
 *    so it is found however jieba cut it, the way a reader's Ctrl+F finds it;
 *    the words text only tells how well it fits.  No positions or word lists
 *    are made, so indexing costs little more than reading the index.
 *  - A query is split at spaces and punctuation, and each piece is looked for
 *    whole; as no piece holds a space, a punctuation mark or a line break,
 *    nothing is found across them.  A piece that no text contains is cut into
 *    the longest pieces that some text contains (防灾减灾日宣传 -> 防灾减灾日
 *    + 宣传).
 *  - A unit matches the entries that contain it: an occurrence that is a
 *    whole word counts most, then one that starts a word, then one inside a
 *    word or across words (法治 in 依法|治理 counts least).
 *  - All units must match (an AND search, what readers of a report expect).
 *    If no entry has them all, the entries with the most are shown and the
 *    theme lists the missing words under each result.  "-词" excludes entries.
 *  - A year (2023, 2023年, 2023年度) keeps to that year's report: it matches
 *    the entries under 2023/ as well as the text that names it.
 *  - Scores are BM25 per field, weighted by the field boosts of the index
 *    (title over text), then grouped by page as the theme expects.  Of
 *    entries with equal scores, the newer year's come first.
 *  - Nothing shown keeps the word breaks: titles, teasers, highlights and
 *    tags are given back without U+200B and the other invisible characters,
 *    so that text copied from a result is the text of the report.
 */
"use strict"

const SETUP = 0
const READY = 1
const QUERY = 2
const RESULT = 3

/* BM25 parameters: lunr's defaults for saturation, and a mild length norm. */
const K1 = 1.2
const B = 0.3

/* How much an occurrence counts when it is a word, starts one, or is inside
   or across words. */
const EXACT = 1
const PREFIX = 0.8
const INFIX = 0.6

const MAX_QUERY = 200
const YEAR = /^(19|20|21)\d\d$/
const TAG = /<[^>]*>/g
/* The characters that are never seen: the build's word break and its kin.
   They are taken out of the text searched, the query and everything shown. */
const INVISIBLES = "\u200b\u200c\u200d\u2060\ufeff"
const INVISIBLE = new RegExp(`[${INVISIBLES}]`, "g")
/* The entities of the index's HTML (the search plugin escapes the text it
   keeps) and numeric ones; any other "&…;" is text. */
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-f]{1,6});/gi
const NAMED = {amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'"}
/* How the characters the index escapes may be written in its HTML. */
const ESCAPED = {
  "&": "&amp;|&#0*38;|&#x0*26;|&(?![#\\w]+;)",
  "<": "&lt;|&#0*60;|&#x0*3c;",
  ">": "&gt;|&#0*62;|&#x0*3e;",
  "\"": "&quot;|&#0*34;|&#x0*22;|\"",
  "'": "&apos;|&#0*39;|&#x0*27;|'"
}
/* What stands between entries and where tags were: no query unit has it. */
const BREAK = "\n"

/* The index over the entries in so far; with a sharded index (the build's,
   see below) it is made again as shards arrive. */
let index = null
let shards = null

addEventListener("message", event => {
  const reply = handle(event.data)
  if (reply)
    postMessage(reply)
})

function handle(message) {
  switch (message.type) {
    case SETUP:
      if (message.data.config && message.data.config.shards) {
        shards = shards || new Shards(message.data)
        return null
      }
      index = new Index(message.data)
      return {type: READY}
    case QUERY:
      if (shards)
        return shards.query(String(message.data || ""))
      return answer(String(message.data || ""))
    default:
      throw new TypeError("Invalid message type")
  }
}

function answer(query, partial) {
  try {
    const data = index.search(query)
    if (partial)
      data.partial = true
    return {type: RESULT, data}
  } catch (error) {
    console.warn("search failed:", error)
    return {type: RESULT, data: {items: []}}
  }
}

/*
 * A sharded index (hooks/reports/search/shards.py): the SETUP the theme sends
 * has the index's config with a list of shard files and no entries.  The
 * theme sends it as soon as the reader turns to the search box (the page's
 * search-gate.js holds it until then), so nothing is fetched for readers who
 * never search.
 *
 * The first shards (the pages of no year and the newest years) are fetched
 * before READY.  The older years follow once the first answer is out (or
 * when the reader has typed nothing for a second), a few files at a time,
 * so that they never compete with the first answer.  Each answer before the
 * last shard is in says so ("partial": the theme ignores the key), and the
 * latest query is answered again as more arrive.  Once all are in, every
 * entry stands where it stood in the whole index (a shard lists its
 * positions, "at"), so the answers are those of the whole index, entry for
 * entry.
 */
const PARALLEL = 3
const REANSWER_MS = 400
/* After the first answer, or this long after READY without a query. */
const REST_AFTER_ANSWER_MS = 100
const REST_IDLE_MS = 1000

class Shards {

  constructor({config}) {
    const spec = config.shards
    this.config = Object.assign({}, config)
    delete this.config.shards
    this.files = spec.files
    this.first = spec.first
    this.root = new URL(spec.root, self.location.href)
    this.docs = new Array(spec.count)
    this.fresh = false
    this.ready = false
    this.complete = false
    this.latest = null
    /* When the older shards are to be fetched, and the timer of the next
       answer to the latest query while they arrive. */
    this.rest = {timer: null, at: Infinity, started: false}
    this.reanswer = null
    this.load()
  }

  async load() {
    await Promise.all(this.files.slice(0, this.first).map(file => this.fetch(file)))
    this.ready = true
    this.complete = this.first >= this.files.length
    postMessage({type: READY})
    if (this.latest !== null)
      postMessage(this.query(this.latest))
    if (!this.complete)
      this.later(REST_IDLE_MS)
  }

  /* Fetch the other shards in ``ms`` (or sooner, if asked sooner). */
  later(ms) {
    const rest = this.rest
    if (rest.started || performance.now() + ms >= rest.at)
      return
    clearTimeout(rest.timer)
    rest.at = performance.now() + ms
    rest.timer = setTimeout(() => this.loadRest(), ms)
  }

  async loadRest() {
    this.rest.started = true
    const files = this.files
    let next = this.first
    const fetcher = async () => {
      while (next < files.length) {
        await this.fetch(files[next++])
        this.arrived()
      }
    }
    await Promise.all(Array.from({length: PARALLEL}, fetcher))
    clearTimeout(this.reanswer)
    this.complete = true
    this.fresh = true
    if (this.latest)
      postMessage(this.query(this.latest))
  }

  /* One shard's entries put where they stood in the whole index.  A shard
     that cannot be fetched is left out (and said so in the console): the
     reader still gets the answers of the others. */
  async fetch(file) {
    try {
      const url = new URL(file.url, this.root)
      if (url.origin !== self.location.origin)
        throw new Error("not this site")
      const response = await fetch(url)
      if (!response.ok)
        throw new Error(`HTTP ${response.status}`)
      const {at, docs} = await response.json()
      let i = 0
      for (const [start, length] of at)
        for (let p = start; p < start + length; p++)
          this.docs[p] = docs[i++]
      this.fresh = true
    } catch (error) {
      console.warn("search shard not loaded:", file.url, error)
    }
  }

  /* More entries are in: the latest query is answered again, at most every
     REANSWER_MS, so the result list grows without flickering on every file. */
  arrived() {
    if (!this.latest || this.reanswer !== null)
      return
    this.reanswer = setTimeout(() => {
      this.reanswer = null
      if (!this.complete && this.latest)
        postMessage(this.query(this.latest))
    }, REANSWER_MS)
  }

  query(text) {
    this.latest = text
    if (!this.ready)
      return null
    if (this.fresh) {
      index = new Index({config: this.config, docs: this.docs.filter(Boolean)})
      this.fresh = false
    }
    const reply = answer(text, !this.complete)
    if (text && !this.complete)
      this.later(REST_AFTER_ANSWER_MS)
    return reply
  }
}

function decode(entity) {
  const name = entity.slice(1, -1).toLowerCase()
  if (name[0] !== "#")
    return NAMED[name]
  const code = name[1] === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
  return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
    ? String.fromCodePoint(code) : "\ufffd"
}

/* A field's value as the reader reads it: markup out, entities decoded, lower case. */
function plain(value) {
  const text = Array.isArray(value) ? value.join(BREAK) : String(value)
  return text.replace(TAG, BREAK).replace(ENTITY, decode).toLowerCase()
}

/* Text given back to the page, which must not carry invisible characters. */
function visible(text) {
  return String(text).replace(INVISIBLE, "")
}

/* The texts of one field of every entry, as one string (the entries joined
   by BREAK) and where each entry starts in it: one indexOf over the string
   finds a unit in all entries. */
class Texts {

  constructor(texts) {
    this.string = texts.join(BREAK)
    this.starts = new Int32Array(texts.length + 1)
    let at = 0
    texts.forEach((text, d) => {
      this.starts[d] = at
      at += text.length + BREAK.length
    })
    this.starts[texts.length] = at
  }

  /* Calls back with the entry and the place of each occurrence of ``unit``. */
  find(unit, found) {
    const {string, starts} = this
    let d = 0
    for (let at = string.indexOf(unit); at >= 0; at = string.indexOf(unit, at + unit.length)) {
      while (starts[d + 1] <= at)
        d++
      found(d, at)
    }
  }
}

class Index {

  constructor({config, docs}) {
    this.docs = docs
    const separator = config.separator || "[\\s\\-]+"
    this.separator = new RegExp(separator)
    /* Whether a character stands between words: a break of the build, a
       tag, or a separator of the index (asked per occurrence, so remembered). */
    const between = new RegExp(`^(?:[${INVISIBLES}${BREAK}]|${separator})$`)
    const known = new Map()
    this.between = character => {
      let is = known.get(character)
      if (is === undefined)
        known.set(character, is = between.test(character))
      return is
    }
    this.parents = parents(docs)
    /* The year of each entry's report, 0 for the pages of no year. */
    this.years = Int16Array.from(docs, doc => {
      const year = /^(\d{4})\//.exec(doc.location)
      return year ? +year[1] : 0
    })
    const fields = config.fields || {title: {boost: 1000}, text: {}}
    this.fields = Object.keys(fields).map(name => {
      const joined = []
      const words = []
      for (const doc of docs) {
        const value = doc[name]
        const text = value === undefined || value === null ? "" : plain(value)
        joined.push(text.replace(INVISIBLE, ""))
        words.push(text)
      }
      /* Lengths in words, as BM25 wants them: the word breaks taken out,
         plus one. */
      const lengths = Float64Array.from(joined, (text, d) => words[d].length - text.length + 1)
      const total = lengths.reduce((sum, length) => sum + length, 0)
      return {
        name,
        boost: (fields[name] || {}).boost || 1,
        joined: new Texts(joined),
        words: new Texts(words),
        lengths,
        average: total / Math.max(1, docs.length) || 1
      }
    })
    /* All the text, for "does any entry have this" while cutting a query. */
    this.all = this.fields.map(field => field.joined.string).join(BREAK)
    /* An entry's text without invisible characters, made when first shown. */
    this.shown = new Array(docs.length)
  }

  /* Cut a piece of the query into units that some text contains, longest
     first; a piece found whole stays whole.  Single characters in a row stay
     together (火星, not 火 + 星): a word of the query that no text has would
     otherwise match any entry with those characters anywhere, and the reader
     would not be told that the word was not found. */
  units(piece) {
    const chars = [...piece]
    const units = []
    let run = ""
    for (let start = 0; start < chars.length;) {
      /* Grow the slice while the text has it.  The first occurrence of a
         longer slice is never before that of its beginning, so each search
         starts where the last one found it. */
      let end = start + 1
      for (let from = 0; end < chars.length; end++) {
        const at = this.all.indexOf(chars.slice(start, end + 1).join(""), from)
        if (at < 0)
          break
        from = at
      }
      if (end === start + 1) {
        run += chars[start]
      } else {
        if (run)
          units.push(run)
        run = ""
        units.push(chars.slice(start, end).join(""))
      }
      start = end
    }
    if (run)
      units.push(run)
    return units
  }

  /* Per entry, the BM25 score of one unit (0 where it does not occur). */
  score(unit) {
    const scores = new Float64Array(this.docs.length)
    const tf = new Float64Array(this.docs.length)
    const hit = new Uint8Array(this.docs.length)
    for (const field of this.fields) {
      tf.fill(0)
      field.joined.find(unit, d => { tf[d] += INFIX })
      /* The occurrences inside one word, found in the text with the word
         breaks (a unit has none): more for one that starts a word, more
         again for a whole word. */
      const {string} = field.words
      field.words.find(unit, (d, at) => {
        if (at > 0 && !this.between(string[at - 1]))
          return
        const end = at + unit.length
        tf[d] += end === string.length || this.between(string[end]) ? EXACT - INFIX : PREFIX - INFIX
      })
      for (let d = 0; d < tf.length; d++)
        if (tf[d] > 0) {
          hit[d] = 1
          const norm = K1 * (1 - B + B * field.lengths[d] / field.average)
          scores[d] += field.boost * tf[d] * (K1 + 1) / (tf[d] + norm)
        }
    }
    /* A year (2023, from 2023 / 2023年 / 2023年度 in the query) also matches
       every entry of that year's report, whose pages live under 2023/. */
    if (YEAR.test(unit))
      this.docs.forEach((doc, d) => {
        if (doc.location.startsWith(unit + "/")) {
          hit[d] = 1
          scores[d] += 1
        }
      })
    let count = 0
    for (let d = 0; d < hit.length; d++)
      count += hit[d]
    const idf = Math.log(1 + (this.docs.length - count + 0.5) / (count + 0.5))
    for (let d = 0; d < scores.length; d++)
      scores[d] *= idf
    return scores
  }

  search(query) {
    const {wanted, unwanted} = parse(query.slice(0, MAX_QUERY), this)
    if (!wanted.length)
      return {items: []}

    const n = this.docs.length
    const total = new Float64Array(n)
    const found = wanted.map(unit => {
      const scores = this.score(unit)
      for (let d = 0; d < n; d++)
        total[d] += scores[d]
      return scores
    })
    const excluded = new Uint8Array(n)
    for (const unit of unwanted) {
      const scores = this.score(unit)
      for (let d = 0; d < n; d++)
        if (scores[d] > 0)
          excluded[d] = 1
    }

    /* Entries with all units; failing that, those with the most. */
    const matched = new Uint16Array(n)
    let best = 0
    for (let d = 0; d < n; d++) {
      if (excluded[d])
        continue
      for (const scores of found)
        if (scores[d] > 0)
          matched[d]++
      best = Math.max(best, matched[d])
    }
    if (best === 0)
      return {items: []}

    const items = []
    for (let d = 0; d < n; d++) {
      if (excluded[d] || matched[d] !== best)
        continue
      const doc = this.docs[d]
      const terms = {}
      wanted.forEach((unit, u) => { terms[unit] = found[u][d] > 0 })
      /* The theme's own boost: pages over sections, all words over some;
         and a page's own (front matter search.boost). */
      const boost = +!this.parents.has(d) + best / wanted.length
      items.push({d, score: total[d] * (1 + boost * boost) * (doc.boost || 1), terms})
    }
    /* Equal scores (the same sentence in several years' reports): the newer
       year first, as a reader of the archive looks for the latest; then the
       theme's order. */
    items.sort((a, b) => b.score - a.score || this.years[b.d] - this.years[a.d] || a.d - b.d)

    const pattern = highlighter(wanted.filter(unit => items.some(item => item.terms[unit])))
    const groups = new Map()
    for (const {d, score, terms} of items) {
      const article = this.parents.has(d) ? this.parents.get(d) : d
      if (!groups.has(article))
        groups.set(article, [])
      groups.get(article).push(this.item(d, score, terms, pattern))
    }
    for (const [article, group] of groups)
      if (!group.some(item => item.location === this.docs[article].location))
        group.push(this.item(article, 0, {}, null))
    return {items: [...groups.values()]}
  }

  item(d, score, terms, pattern) {
    const doc = this.docs[d]
    if (this.shown[d] === undefined)
      this.shown[d] = {title: visible(doc.title || ""), text: visible(doc.text || "")}
    const {title, text} = this.shown[d]
    const item = {location: doc.location, title: mark(title, pattern, true),
                  text: mark(text, pattern, false), score, terms}
    if (doc.tags)
      item.tags = doc.tags.map(visible)
    return item
  }
}

/* Wrap the units in <mark> in an entry's HTML (its invisible characters
   already out), never inside a tag or an entity.  For the text, only the
   first two runs of text that contain a match are kept, as the theme does:
   the result list shows where the words are, not the whole section. */
function mark(html, pattern, full) {
  if (!pattern)
    return html
  const runs = html.split(/(<[^>]*>)/)
  const out = []
  let hidden = 0
  for (let i = 0; i < runs.length && (full || out.length < 2); i++) {
    const run = runs[i]
    if (i % 2) {
      if (/^<[^/>]*\shidden[\s>]/.test(run))
        hidden++
      else if (hidden && /^<\//.test(run))
        hidden--
      if (full)
        out.push(run)
      continue
    }
    const marked = hidden ? run : markText(run, pattern)
    if (full)
      out.push(marked)
    else if (marked !== run)
      out.push(marked.trim())
  }
  if (full)
    return out.join("")
  return out.length ? out.join(" … ") : html
}

/* Entry number -> entry number of its page, for entries that are sections.
   Relies on the theme's order: a page comes before its sections. */
function parents(docs) {
  const pages = new Map()
  const parent = new Map()
  docs.forEach((doc, d) => {
    const path = doc.location.split("#")[0]
    if (pages.has(path))
      parent.set(d, pages.get(path))
    else
      pages.set(path, d)
  })
  return parent
}

/* The units a query asks for and those it excludes ("-词"). The theme's
   syntax (+word, word*, word~1, "phrase") is accepted and read as words.
   Invisible characters pasted with the query are taken out, as in the text. */
function parse(query, index) {
  const wanted = []
  const unwanted = []
  const words = query.replace(INVISIBLE, "").replace(/[~^]\d*/g, " ").replace(/["*]/g, " ")
    .trim().split(/\s+/)
  for (const token of words) {
    const exclude = token.startsWith("-") && token.length > 1
    const text = token.replace(/^[+-]+/, "").replace(/^(title|text|tags):/, "").toLowerCase()
    for (const piece of text.split(index.separator).filter(Boolean))
      for (const unit of yearFirst(piece, index)) {
        const list = exclude ? unwanted : wanted
        if (!list.includes(unit))
          list.push(unit)
      }
  }
  return {wanted, unwanted}
}

/* "2023年度执法" -> 2023, then the units of 执法: the year is one unit, not
   2023 + 年 (年 is in half the entries). */
function yearFirst(piece, index) {
  const year = /^(\d{4})(?!\d)(?:年度|年)?/.exec(piece)
  if (!year || !YEAR.test(year[1]))
    return index.units(piece)
  const rest = piece.slice(year[0].length)
  return [year[1], ...(rest ? index.units(rest) : [])]
}

function escapeRegExp(value) {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
}

/* One pattern for all matched units, longest first, or null when none.  A
   unit is matched in the shown HTML as it was found in the text: in any
   case, and with & < > " ' as the entities the HTML has.  Its other
   alternative steps over a whole entity, so that no mark starts inside one. */
function highlighter(units) {
  if (!units.length)
    return null
  const character = c => ESCAPED[c] ? `(?:${ESCAPED[c]})` : escapeRegExp(c)
  const sorted = [...units].sort((a, b) => b.length - a.length)
  return new RegExp(`(${sorted.map(unit => [...unit].map(character).join("")).join("|")})|&[#\\w]+;`,
                    "gi")
}

function markText(text, pattern) {
  return text.replace(pattern, (match, unit) => unit === undefined ? match : `<mark>${match}</mark>`)
}

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
 * What this worker does instead:
 *  - Indexing is counting: each entry's words (the build segmented them with
 *    jieba, so words are separated by the index's separator) go into one Map
 *    per field.  No positions are kept; highlighting is done afterwards on the
 *    few entries shown.
 *  - A query is split at spaces and punctuation, and each piece is cut into
 *    units by longest match against the words of the index, so 行政复议法
 *    stays whole and 防灾减灾日宣传 becomes 防灾减灾日 + 宣传.  A unit matches
 *    every indexed word that contains it (复议 finds 行政复议法), an exact
 *    word counting most, then a word that starts with it.
 *  - All units must match (an AND search, what readers of a report expect).
 *    If no entry has them all, the entries with the most are shown and the
 *    theme lists the missing words under each result.  "-词" excludes entries.
 *  - A year (2023, 2023年, 2023年度) keeps to that year's report: it matches
 *    the entries under 2023/ as well as the text that names it.
 *  - Scores are BM25 per field, weighted by the field boosts of the index
 *    (title over text), then grouped by page as the theme expects.
 */
"use strict"

const SETUP = 0
const READY = 1
const QUERY = 2
const RESULT = 3

/* BM25 parameters: lunr's defaults for saturation, and a mild length norm. */
const K1 = 1.2
const B = 0.3

/* How much an indexed word counts when it equals, starts with or contains a unit. */
const EXACT = 1
const PREFIX = 0.8
const INFIX = 0.6

const MAX_QUERY = 200
const YEAR = /^(19|20|21)\d\d$/
const TAG = /<[^>]*>/g
const ENTITY = /&(?:amp|lt|gt|quot|#39|#x27);/g
const ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'", "&#x27;": "'"}

let index = null

addEventListener("message", event => {
  postMessage(handle(event.data))
})

function handle(message) {
  switch (message.type) {
    case SETUP:
      index = new Index(message.data)
      return {type: READY}
    case QUERY:
      try {
        return {type: RESULT, data: index.search(String(message.data || ""))}
      } catch (error) {
        console.warn("search failed:", error)
        return {type: RESULT, data: {items: []}}
      }
    default:
      throw new TypeError("Invalid message type")
  }
}

/* Words of an entry's field: markup removed, entities decoded, lower case. */
function words(value, separator) {
  const text = Array.isArray(value) ? value.join(" ") : String(value)
  return text.replace(TAG, " ")
    .replace(ENTITY, entity => ENTITIES[entity])
    .toLowerCase()
    .split(separator)
    .filter(Boolean)
}

class Index {

  constructor({config, docs}) {
    this.docs = docs
    this.separator = new RegExp(config.separator || "[\\s\\-]+")
    this.parents = parents(docs)
    const fields = config.fields || {title: {boost: 1000}, text: {}}
    this.fields = Object.keys(fields).map(name => ({
      name,
      boost: (fields[name] || {}).boost || 1,
      postings: new Map(),            /* word -> [doc, count, doc, count, ...] */
      lengths: new Float64Array(docs.length),
      average: 1
    }))
    const counts = new Map()
    for (let d = 0; d < docs.length; d++)
      for (const field of this.fields) {
        const value = docs[d][field.name]
        if (value === undefined || value === null)
          continue
        const list = words(value, this.separator)
        field.lengths[d] = list.length
        counts.clear()
        for (const word of list)
          counts.set(word, (counts.get(word) || 0) + 1)
        for (const [word, count] of counts) {
          let posting = field.postings.get(word)
          if (posting === undefined)
            field.postings.set(word, posting = [])
          posting.push(d, count)
        }
      }
    const vocabulary = new Set()
    for (const field of this.fields) {
      let total = 0
      for (let d = 0; d < docs.length; d++)
        total += field.lengths[d]
      field.average = total / Math.max(1, docs.length) || 1
      for (const word of field.postings.keys())
        vocabulary.add(word)
    }
    this.vocabulary = [...vocabulary].sort()
    this.longest = this.vocabulary.reduce((max, word) => Math.max(max, word.length), 1)
    /* Every word between separators, so that "is it part of a word" is one
       substring search instead of a loop over the vocabulary. */
    this.joined = "\n" + this.vocabulary.join("\n") + "\n"
    this.cache = new Map()
  }

  /* Cut a piece of the query into units found in the index, longest first.
     Single characters in a row stay together (火星, not 火 + 星): a word of
     the query that is in no indexed word would otherwise match any entry
     with those characters anywhere, and the reader would not be told that
     the word was not found. */
  units(piece) {
    const units = []
    let run = ""
    for (let start = 0; start < piece.length;) {
      let end = Math.min(piece.length, start + this.longest)
      while (end > start + 1 && !this.joined.includes(piece.slice(start, end)))
        end--
      if (end === start + 1) {
        run += piece[start]
      } else {
        if (run)
          units.push(run)
        run = ""
        units.push(piece.slice(start, end))
      }
      start = end
    }
    if (run)
      units.push(run)
    return units
  }

  /* The indexed words containing ``unit``, with how much each counts. */
  matches(unit) {
    let found = this.cache.get(unit)
    if (found === undefined) {
      found = []
      if (this.joined.includes(unit))
        for (const word of this.vocabulary) {
          const at = word.indexOf(unit)
          if (at >= 0)
            found.push([word, word.length === unit.length ? EXACT : at === 0 ? PREFIX : INFIX])
        }
      this.cache.set(unit, found)
    }
    return found
  }

  /* Occurrences of a unit that is inside no indexed word, such as 7人 or
     的的 (indexed as 7 + 人, 的 + 的): found in the text with the word
     breaks taken out, the way a reader's Ctrl+F would find it. */
  phrase(unit, field, tf) {
    if (!field.squashed)
      field.squashed = this.docs.map(doc => {
        const value = doc[field.name]
        return value === undefined || value === null ? "" : words(value, this.separator).join("")
      })
    field.squashed.forEach((text, d) => {
      for (let at = text.indexOf(unit); at >= 0; at = text.indexOf(unit, at + unit.length))
        tf[d] += EXACT
    })
  }

  /* Per entry, the BM25 score of one unit (0 where it does not occur). */
  score(unit) {
    const scores = new Float64Array(this.docs.length)
    const tf = new Float64Array(this.docs.length)
    const hit = new Uint8Array(this.docs.length)
    const matches = this.matches(unit)
    for (const field of this.fields) {
      tf.fill(0)
      for (const [word, weight] of matches) {
        const posting = field.postings.get(word)
        if (posting !== undefined)
          for (let i = 0; i < posting.length; i += 2)
            tf[posting[i]] += weight * posting[i + 1]
      }
      if (!matches.length)
        this.phrase(unit, field, tf)
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
    items.sort((a, b) => b.score - a.score || a.d - b.d)

    const pattern = highlighter(wanted.filter((unit, u) => items.some(item => item.terms[unit])))
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
    const item = {location: doc.location, title: doc.title, text: doc.text, score, terms}
    if (doc.tags)
      item.tags = [...doc.tags]
    if (pattern) {
      item.title = mark(doc.title, pattern, true)
      item.text = mark(doc.text, pattern, false)
    }
    return item
  }
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
   syntax (+word, word*, word~1, "phrase") is accepted and read as words. */
function parse(query, index) {
  const wanted = []
  const unwanted = []
  const words = query.replace(/[~^]\d*/g, " ").replace(/["*]/g, " ").trim().split(/\s+/)
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

/* One pattern for all matched units, longest first; null when none. */
function highlighter(units) {
  if (!units.length)
    return null
  const sorted = [...units].sort((a, b) => b.length - a.length)
  /* A word break (U+200B, written by the build between jieba's words) may
     fall inside a unit found by phrase: 7人 is marked in "7\u200b人". */
  const across = unit => [...unit].map(escapeRegExp).join("\u200b?")
  return new RegExp(sorted.map(across).join("|"), "gi")
}

/* Wrap the units in <mark> in an entry's HTML, never inside a tag or an
   entity.  For the text, only the first two runs of text that contain a
   match are kept, as the theme does: the result list shows where the words
   are, not the whole section. */
function mark(html, pattern, full) {
  const runs = html.split(/(<[^>]*>)/)
  const out = []
  let hidden = 0
  let shown = 0
  for (let i = 0; i < runs.length; i++) {
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
    else if (marked !== run && shown < 2) {
      out.push(marked.trim())
      shown++
    }
  }
  if (full)
    return out.join("")
  return shown ? out.join(" … ") : html
}

function markText(text, pattern) {
  return text.split(/(&[#\w]+;)/).map((part, i) => i % 2
    ? part
    : part.replace(pattern, match => `<mark>${match}</mark>`)
  ).join("")
}

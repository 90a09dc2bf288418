// Papan's search box for the home page (docs/search.md). Written for Papan; no library.
// Without this script the box stays hidden and the home page lists every service.
(function () {
  "use strict";
  var box = document.getElementById("cari");
  if (!box || !window.fetch || !"".normalize) return;
  var input = document.getElementById("cari-q");
  var status = document.getElementById("cari-status");
  var list = document.getElementById("cari-hasil");
  var MAX = 20; // results shown; the status still gives the full count
  var idx = null, loading = null, timer = 0;

  // norm lower-cases, strips diacritics and turns every run of punctuation into a space.
  function norm(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, " ").trim();
  }
  function tokens(s) { var n = norm(s); return n ? n.split(" ") : []; }

  // Where a query word is found says how well a service answers it: in its name (3), its
  // keywords (2.5), its OPD or category (1.5), or its requirements (1). A word found
  // through its stem (periksa in pemeriksaan) counts 0.9 of that, through a one-letter typo
  // 0.6; a stop word (bikin, syarat, …) that is found counts 0.2 of it and is never required.
  var W_NAME = 3, W_KW = 2.5, W_OPD = 1.5, W_REQ = 1, STEM = 0.9, TYPO = 0.6, STOP = 0.2;
  // Bonuses: the query is the service's name or a keyword; it starts a word of one; one
  // synonym or word of it is a keyword ("ktp" in "syarat ktp pertama kali").
  var EQUAL = 10, PHRASE = 2, UNIT = 2;

  // load fetches the index once and prepares it: per service its normalised name and
  // keywords, and over all services a sorted vocabulary with each word's services.
  function load() {
    if (!loading) loading = fetch(box.getAttribute("data-index")).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    }).then(prepare).catch(function (e) { loading = null; throw e; }); // try again on the next key
    return loading;
  }
  function prepare(d) {
    if (d.v !== 1) throw new Error("index version " + d.v);
    var post = new Map(), svc = [], stemmed = new Map(), equal = new Map();
    var reqTok = d.r.map(tokens), opdTok = d.o.map(function (o) { return tokens(o[0] + " " + o[1]); });
    var catTok = d.c.map(tokens);
    function same(text, id) { var e = equal.get(text); if (!e) equal.set(text, [id]); else if (e[e.length - 1] !== id) e.push(id); }
    d.s.forEach(function (s, id) {
      var name = norm(s[0]), kw = s[4].map(norm), words = new Map();
      function add(ts, w) { for (var i = 0; i < ts.length; i++) if (!(words.get(ts[i]) >= w)) words.set(ts[i], w); }
      add(name.split(" "), W_NAME); add(opdTok[s[1]], W_OPD); add(catTok[s[2]], W_OPD);
      kw.forEach(function (k) { add(k.split(" "), W_KW); });
      s[5].forEach(function (r) { add(reqTok[r], W_REQ); });
      Array.from(words).forEach(function (e) { // the words themselves, not their stems' stems
        var st = stemmed.get(e[0]);
        if (!st) stemmed.set(e[0], st = stems(e[0]));
        for (var i = 0; i < st.length; i++) if (!(words.get(st[i]) >= e[1] * STEM)) words.set(st[i], e[1] * STEM);
      });
      words.forEach(function (w, t) {
        var p = post.get(t);
        if (!p) post.set(t, p = {ids: [], ws: []});
        p.ids.push(id); p.ws.push(w);
      });
      same(name, id); kw.forEach(function (k) { same(k, id); });
      svc.push({name: s[0], nname: " " + name, kw: kw.map(function (k) { return " " + k; }), opd: d.o[s[1]], cat: d.c[s[2]], url: s[3]});
    });
    var vocab = Array.from(post.keys()).sort(), syn = d.syn.map(function (g) { return g.map(norm); }), synWords = new Set();
    syn.forEach(function (g) { g.forEach(function (m) { m.split(" ").forEach(function (w) { synWords.add(w); }); }); });
    idx = {svc: svc, vocab: vocab, post: vocab.map(function (w) { return post.get(w); }), equal: equal,
      syn: syn, synWords: Array.from(synWords), stop: new Set((d.stop || []).map(norm)),
      // per-service arrays for search, kept between queries and cleared after each
      score: new Float32Array(svc.length), have: new Uint16Array(svc.length), best: new Float32Array(svc.length),
      extra: new Float32Array(svc.length), pool: []};
  }

  // stems returns what a word may be made from, for a query of the base word to find it:
  // kelahiran → lahiran, pemeriksaan → periksaan, pendaftaran → daftaran, perizinan →
  // izinan. A query word matches the start of a word, so the suffix may stay. Wrong guesses
  // (penduduk → duduk) only add a word nobody searches for.
  function stems(w) {
    var out = [], m;
    if (w.length < 6) return out;
    if (/^ke.{4,}an$/.test(w)) out.push(w.slice(2));
    if ((m = /^(?:pe|me)ng([aiueo].*)$/.exec(w))) out.push(m[1], "k" + m[1]);
    else if ((m = /^(?:pe|me)ng(.*)$/.exec(w))) out.push(m[1]);
    else if ((m = /^(?:pe|me)ny([aiueo].*)$/.exec(w))) out.push("s" + m[1]);
    else if ((m = /^(?:pe|me)m([aiueo].*)$/.exec(w))) out.push("p" + m[1], "m" + m[1]);
    else if ((m = /^(?:pe|me)m([bfpv].*)$/.exec(w))) out.push(m[1]);
    else if ((m = /^(?:pe|me)n([aiueo].*)$/.exec(w))) out.push("t" + m[1], "n" + m[1]);
    else if ((m = /^(?:pe|me)n([cdjstz].*)$/.exec(w))) out.push(m[1]);
    else if ((m = /^(?:pe|be|te)r([aiueo].*)$/.exec(w))) out.push(m[1], "r" + m[1]);
    else if ((m = /^(?:pe|be|te)r(.*)$/.exec(w))) out.push(m[1]);
    else if ((m = /^(?:pe|me)([lrwy].*)$/.exec(w))) out.push(m[1]);
    return out.filter(function (s) { return s.length >= 4; });
  }

  // within1 reports whether t is one edit (a letter changed, added or dropped, or two
  // neighbours swapped) or less from v, or with prefix from the start of v.
  function within1(t, v, prefix) {
    var i = 0, n = t.length, m = v.length;
    while (i < n && i < m && t.charCodeAt(i) === v.charCodeAt(i)) i++;
    if (i === n) return prefix || m - n <= 1;
    if (i === m) return n - m === 1;
    return rest(t, v, i + 1, i + 1, prefix) || rest(t, v, i + 1, i, prefix) || rest(t, v, i, i + 1, prefix) ||
      (t.charCodeAt(i) === v.charCodeAt(i + 1) && t.charCodeAt(i + 1) === v.charCodeAt(i) && rest(t, v, i + 2, i + 2, prefix));
  }
  // rest reports whether t from a is v from b, or with prefix the start of it.
  function rest(t, v, a, b, prefix) {
    if (prefix ? v.length - b < t.length - a : v.length - b !== t.length - a) return false;
    for (; a < t.length; a++, b++) if (t.charCodeAt(a) !== v.charCodeAt(b)) return false;
    return true;
  }

  // lower returns the first position in the sorted vocabulary not before t.
  function lower(t) {
    var a = idx.vocab, lo = 0, hi = a.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (a[mid] < t) lo = mid + 1; else hi = mid; }
    return lo;
  }
  function known(t) { var j = lower(t); return j < idx.vocab.length && idx.vocab[j].lastIndexOf(t, 0) === 0; }

  // units splits a normalised query into units of meaning: a synonym found in it as whole
  // words is one unit whose alternatives are its group's members; any other word is a
  // unit of its own, marked stop when it is a stop word. A word of five letters or more
  // that starts no word of the index and is one letter from a synonym's word becomes that
  // word first ("perkawnan" → "perkawinan").
  function units(q) {
    var ts = q.split(" ");
    ts = ts.map(function (t) {
      if (t.length < 5 || idx.stop.has(t) || known(t)) return t;
      for (var i = 0; i < idx.synWords.length; i++) if (within1(t, idx.synWords[i], false)) return idx.synWords[i];
      return t;
    });
    var spans = [];
    idx.syn.forEach(function (g) {
      g.forEach(function (m) {
        var mt = m.split(" ");
        for (var i = 0; i + mt.length <= ts.length; i++) {
          if (ts.slice(i, i + mt.length).join(" ") !== m) continue;
          var s = spans.find(function (x) { return x.at === i && x.len === mt.length; });
          if (!s) spans.push(s = {at: i, len: mt.length, alts: [m]});
          g.forEach(function (o) {
            // "ktp" → "ktp el" finds nothing that "ktp" does not: skip it, it only costs time
            if (s.alts.indexOf(o) < 0 && (" " + o + " ").indexOf(" " + m + " ") < 0) s.alts.push(o);
          });
        }
      });
    });
    spans.sort(function (a, b) { return b.len - a.len || a.at - b.at; });
    var taken = [], out = [];
    spans.forEach(function (s) {
      for (var i = s.at; i < s.at + s.len; i++) if (taken[i]) return;
      for (i = s.at; i < s.at + s.len; i++) taken[i] = s;
    });
    for (var i = 0; i < ts.length; i++) {
      var s = taken[i];
      if (s) { out.push({alts: s.alts.map(function (a) { return a.split(" "); }), len: s.len}); i += s.len - 1; }
      else out.push({alts: [[ts[i]]], len: 1, stop: idx.stop.has(ts[i])});
    }
    if (out.every(function (u) { return u.stop; })) out.forEach(function (u) { u.stop = false; });
    return out;
  }

  // hits returns, for one query word, each service's best weight for it: the words of the
  // index it starts, or when it starts none and has five letters or more, the words it is
  // one letter away from the start of.
  function hits(t, cache, stop) {
    if (cache.has(t)) return cache.get(t);
    var w = idx.pool.pop() || new Float32Array(idx.svc.length), ids = [], j, a = idx.vocab;
    function take(j, f) {
      var p = idx.post[j];
      for (var k = 0; k < p.ids.length; k++) {
        var id = p.ids[k], x = p.ws[k] * f;
        if (w[id] === 0) ids.push(id);
        if (x > w[id]) w[id] = x;
      }
    }
    for (j = lower(t); j < a.length && a[j].lastIndexOf(t, 0) === 0; j++) take(j, 1);
    if (!ids.length && t.length >= 5 && !stop) for (j = 0; j < a.length; j++) if (a[j].length >= t.length - 1 && within1(t, a[j], true)) take(j, TYPO);
    var h = {w: w, ids: ids};
    cache.set(t, h);
    return h;
  }

  // search returns the matching services, best first. A service's score adds, for each
  // unit of the query, the best weight of its best alternative found whole in it, times the
  // number of words typed for the unit ("akte lahir" counts as two words). Services
  // that have every unit but stop words are shown; so are those that miss some but score
  // at least half the best of them, or when none has every unit, half the best score.
  // Ties: those with every unit first, then the home page's order.
  function search(query) {
    var q = norm(query);
    if (!q) return null;
    var us = units(q), cache = new Map();
    var score = idx.score, have = idx.have, best = idx.best, extra = idx.extra, cands = [], need = 0;
    us.forEach(function (u) {
      if (!u.stop) need++;
      var touched = [], same = new Set();
      u.alts.forEach(function (alt) {
        // the services of the word found in fewest are the only ones that can have all
        var hs = alt.map(function (t) { return hits(t, cache, u.stop); }).sort(function (a, b) { return a.ids.length - b.ids.length; });
        var h = hs[0], ids = h.ids;
        for (var i = 0; i < ids.length; i++) {
          var id = ids[i], sum = h.w[id];
          for (var k = 1; k < hs.length && sum > 0; k++) sum = hs[k].w[id] === 0 ? 0 : sum + hs[k].w[id];
          if (sum === 0) continue;
          sum = sum / hs.length * u.len;
          if (best[id] === 0) touched.push(id);
          if (sum > best[id]) best[id] = sum;
        }
        if (!u.stop) (idx.equal.get(alt.join(" ")) || []).forEach(function (id) { same.add(id); });
      });
      for (var i = 0; i < touched.length; i++) {
        var id = touched[i], x = best[id] + (same.has(id) ? UNIT : 0);
        best[id] = 0;
        if (score[id] === 0 && have[id] === 0) cands.push(id);
        score[id] += u.stop ? STOP * x : x;
        if (!u.stop) have[id]++;
      }
    });
    // A bonus when the query, with one alternative per unit and without its stop words,
    // is a service's name or keyword, or starts a word of one (at most 16 such phrases).
    var phrases = [""];
    us.forEach(function (u) {
      if (u.stop) return;
      var next = [];
      phrases.forEach(function (p) { u.alts.forEach(function (a) { if (next.length < 16) next.push((p + " " + a.join(" ")).trim()); }); });
      phrases = next;
    });
    phrases.forEach(function (p) {
      (idx.equal.get(p) || []).forEach(function (id) { if (have[id] === need) extra[id] = EQUAL; });
    });
    // With one unit, its weight already says whether it starts a word of the name.
    var starts = need < 2 ? [] : phrases.map(function (p) { return " " + p; });
    var full = 0, top = 0, out = [];
    cands.forEach(function (id) {
      if (have[id] === 0) return;
      if (have[id] === need) {
        var s = idx.svc[id];
        for (var i = 0; i < starts.length && extra[id] === 0; i++) {
          if (s.nname.indexOf(starts[i]) >= 0) extra[id] = PHRASE;
          for (var k = 0; k < s.kw.length && extra[id] === 0; k++) if (s.kw[k].indexOf(starts[i]) >= 0) extra[id] = PHRASE;
        }
        score[id] += extra[id];
        full++;
        if (score[id] > top) top = score[id];
      }
      out.push(id);
    });
    if (!full) out.forEach(function (id) { if (score[id] > top) top = score[id]; });
    out = out.filter(function (id) { return have[id] === need || score[id] >= top / 2; });
    out.sort(function (a, b) { return score[b] - score[a] || (have[b] === need) - (have[a] === need) || a - b; });
    // clear for the next query
    cands.forEach(function (id) { score[id] = 0; have[id] = 0; extra[id] = 0; });
    cache.forEach(function (h) { for (var i = 0; i < h.ids.length; i++) h.w[h.ids[i]] = 0; idx.pool.push(h.w); });
    out.full = full;
    return out;
  }

  function show() {
    var res = search(input.value);
    list.textContent = "";
    if (res === null) { status.textContent = ""; return; }
    res.slice(0, MAX).forEach(function (id) {
      var s = idx.svc[id], li = document.createElement("li"), a = document.createElement("a");
      a.href = s.url; a.textContent = s.name;
      var m = document.createElement("span");
      m.className = "muted";
      m.textContent = [s.opd[0] || s.opd[1], s.cat].filter(Boolean).join(" · ");
      li.appendChild(a); li.appendChild(document.createElement("br")); li.appendChild(m);
      list.appendChild(li);
    });
    var msg = !res.length ? box.getAttribute("data-none") :
      box.getAttribute(res.full ? "data-found" : "data-partial").replace("%d", res.length);
    if (res.length > MAX) msg += " " + box.getAttribute("data-shown").replace("%d", MAX);
    status.textContent = msg;
    box.setAttribute("data-query", input.value); // the query the results are for
  }

  function update() {
    clearTimeout(timer);
    timer = setTimeout(function () {
      load().then(show, function () { status.textContent = box.getAttribute("data-error"); });
    }, 80);
  }

  input.addEventListener("input", update);
  input.addEventListener("focus", function () { load().catch(function () {}); });
  box.hidden = false;
  if (input.value) update();

  // For tests and measurements: window.papanCari("ktp") resolves to the result URLs.
  window.papanCari = function (q) {
    return load().then(function () { return (search(q) || []).map(function (id) { return idx.svc[id].url; }); });
  };
})();

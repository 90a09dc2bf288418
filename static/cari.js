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
    var post = new Map(), svc = [];
    var reqTok = d.r.map(tokens), opdTok = d.o.map(function (o) { return tokens(o[0] + " " + o[1]); });
    var catTok = d.c.map(tokens);
    d.s.forEach(function (s, id) {
      var name = norm(s[0]), kw = s[4].map(norm), words = {};
      function add(ts) { for (var i = 0; i < ts.length; i++) words[ts[i]] = 1; }
      add(name.split(" ")); add(opdTok[s[1]]); add(catTok[s[2]]);
      kw.forEach(function (k) { add(k.split(" ")); });
      s[5].forEach(function (r) { add(reqTok[r]); });
      for (var w in words) { var p = post.get(w); if (p) p.push(id); else post.set(w, [id]); }
      svc.push({name: s[0], nname: name, ntok: name.split(" "), kw: kw, opd: d.o[s[1]], cat: d.c[s[2]], url: s[3]});
    });
    var vocab = Array.from(post.keys()).sort();
    idx = {svc: svc, vocab: vocab, post: vocab.map(function (w) { return post.get(w); }),
      syn: d.syn.map(function (g) { return g.map(norm); }),
      count: new Int32Array(svc.length)};
  }

  // variants returns the query and, for every synonym found in it as whole words, the
  // query with that phrase replaced by each other member of its group.
  function variants(q) {
    var out = [q], pad = " " + q + " ";
    idx.syn.forEach(function (g) {
      g.forEach(function (m) {
        if (!m || pad.indexOf(" " + m + " ") < 0) return;
        g.forEach(function (o) {
          // "ktp" → "ktp el" finds nothing that "ktp" does not: skip it, it only costs time
          if (o === m || (" " + o + " ").indexOf(" " + m + " ") >= 0) return;
          var v = pad.replace(" " + m + " ", " " + o + " ").trim();
          if (out.indexOf(v) < 0) out.push(v);
        });
      });
    });
    return out;
  }

  // lower returns the first position in the sorted vocabulary not before t.
  function lower(t) {
    var a = idx.vocab, lo = 0, hi = a.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (a[mid] < t) lo = mid + 1; else hi = mid; }
    return lo;
  }

  // matchAll returns the services where every word of q is the start of a word.
  function matchAll(q) {
    var ts = q.split(" "), count = idx.count, touched = [];
    for (var i = 0; i < ts.length; i++) {
      var t = ts[i];
      for (var j = lower(t); j < idx.vocab.length && idx.vocab[j].lastIndexOf(t, 0) === 0; j++) {
        var p = idx.post[j];
        for (var k = 0; k < p.length; k++) {
          var id = p[k];
          if (count[id] === i) { count[id] = i + 1; if (i === 0) touched.push(id); }
        }
      }
    }
    var out = [];
    for (i = 0; i < touched.length; i++) {
      if (count[touched[i]] === ts.length) out.push(touched[i]);
      count[touched[i]] = 0;
    }
    return out;
  }

  // rank: 0 the name or a keyword is the query, 1 the name has the query at a word
  // start, 2 every query word starts a word of the name, 3 found in other fields.
  function rank(s, q) {
    if (s.nname === q || s.kw.indexOf(q) >= 0) return 0;
    if ((" " + s.nname).indexOf(" " + q) >= 0) return 1;
    var ts = q.split(" ");
    for (var i = 0; i < ts.length; i++) {
      var hit = false;
      for (var j = 0; j < s.ntok.length; j++) if (s.ntok[j].lastIndexOf(ts[i], 0) === 0) { hit = true; break; }
      if (!hit) return 3;
    }
    return 2;
  }

  // search returns the matching services, best first; ties keep the home page's order.
  function search(query) {
    var q = norm(query);
    if (!q) return null;
    var best = new Map();
    variants(q).forEach(function (v) {
      matchAll(v).forEach(function (id) {
        var r = rank(idx.svc[id], v);
        if (!best.has(id) || r < best.get(id)) best.set(id, r);
      });
    });
    return Array.from(best.keys()).sort(function (a, b) { return best.get(a) - best.get(b) || a - b; });
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
    var msg = res.length ? box.getAttribute("data-found").replace("%d", res.length) : box.getAttribute("data-none");
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

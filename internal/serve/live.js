// Papan live reload, injected by papan serve only. It follows the server's build state:
// another version of the site means reload (keeping the scroll position), a new
// stylesheet alone means swap it, and problems mean show them in an overlay.
(function () {
  var me = document.currentScript, version = me.dataset.version;
  var key = "papan-scroll:" + location.pathname;
  var y = sessionStorage.getItem(key);
  if (y !== null) {
    sessionStorage.removeItem(key);
    addEventListener("load", function () { scrollTo(0, +y); });
  }
  function overlay(errors) {
    var old = document.getElementById("papan-overlay");
    if (old) old.remove();
    if (!errors || !errors.length) return;
    var box = document.createElement("div"), title = document.createElement("p"),
      intro = document.createElement("p"), list = document.createElement("pre");
    box.id = "papan-overlay";
    box.setAttribute("role", "alert");
    title.className = "papan-title";
    title.textContent = me.dataset.title;
    intro.textContent = me.dataset.intro;
    list.textContent = errors.join("\n");
    box.append(title, intro, list);
    document.body.append(box);
  }
  function swapStyles(css) {
    document.querySelectorAll('link[rel="stylesheet"]').forEach(function (l) {
      var u = new URL(l.href);
      if (/\/assets\/papan\.[0-9a-f]+\.css$/.test(u.pathname)) u.pathname = css;
      else u.searchParams.set("v", version);
      // The page's integrity digest is the old stylesheet's; the preview server's
      // own new one would be refused with it.
      l.removeAttribute("integrity");
      l.href = u.href;
    });
  }
  var events = new EventSource("/__papan/events");
  events.addEventListener("state", function (e) {
    var s = JSON.parse(e.data);
    if (s.version !== version && !(s.css && s.prev === version)) {
      events.close();
      sessionStorage.setItem(key, String(scrollY));
      location.reload();
      return;
    }
    overlay(s.errors);
    if (s.version !== version) {
      version = s.version;
      swapStyles(s.css);
    }
  });
})();

// Live findings: while the editor types, the form is checked on the server (papan
// check on the unsaved text) and each message appears under its field. Without this
// script the "Periksa" and "Simpan" buttons do the same.
(function () {
  // A link of an error summary moves the focus to its field, or to the first control of
  // the fieldset it names (a fieldset takes no focus itself), and shows its label.
  document.addEventListener('click', function (e) {
    var a = e.target.closest ? e.target.closest('.galat-ringkas a[href^="#"], .saran-ringkas a[href^="#"]') : null;
    var el = a && document.getElementById(a.getAttribute('href').slice(1));
    if (!el) return;
    var control = el.matches('input, select, textarea') ? el :
      el.querySelector('input:not([type=hidden]), select, textarea, button');
    if (!control) return;
    e.preventDefault();
    control.focus({preventScroll: true});
    var label = el.tagName === 'FIELDSET' ? el : document.querySelector('label[for="' + control.id + '"]');
    (label || control).scrollIntoView();
  });
  var form = document.getElementById('formulir');
  var status = document.getElementById('temuan-langsung');
  if (!form || !status || !window.fetch || !window.URLSearchParams) return;
  var timer = null, seq = 0;
  function check() {
    var my = ++seq;
    var body = new URLSearchParams(new FormData(form));
    fetch(form.getAttribute('data-periksa'), {method: 'POST', body: body, credentials: 'same-origin'})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (res) {
        if (!res || my !== seq) return;
        var old = form.querySelectorAll('.pesan-langsung');
        for (var i = 0; i < old.length; i++) old[i].parentNode.removeChild(old[i]);
        var warn = 0;
        res.notes.forEach(function (n) {
          var el = document.getElementById(n.ID);
          if (!el) return;
          if (n.Severity !== 'galat') warn++;
          var p = document.createElement('p');
          p.className = 'pesan pesan-langsung';
          var s = document.createElement('span');
          s.className = n.Severity;
          s.textContent = (n.Severity === 'galat' ? 'Galat' : 'Peringatan') + ': ';
          p.appendChild(s);
          p.appendChild(document.createTextNode(n.Text));
          if (el.tagName === 'FIELDSET') el.insertBefore(p, el.children[1] || null);
          else el.parentNode.insertBefore(p, el);
        });
        status.textContent = res.errors ? res.errors + ' galat, ' + warn + ' peringatan' + (res.refused ? ': belum dapat disimpan' : '') :
          (warn ? warn + ' peringatan' : 'Tidak ada masalah');
      })
      .catch(function () {});
  }
  form.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(check, 700);
  });
})();

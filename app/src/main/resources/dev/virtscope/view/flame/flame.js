// VirtScope flame graph interaction: hover shows a frame's details, click zooms into it,
// "Reset Zoom" goes back, "Search" highlights frames matching a regular expression and shows
// the share of samples under them. Frame geometry comes from data-* attributes written by SvgPainter.
(function () {
  var svg = document.documentElement;
  var inner = +svg.getAttribute('data-inner'), xpad = +svg.getAttribute('data-xpad'), fs = +svg.getAttribute('data-fs');
  var frames = Array.prototype.slice.call(document.querySelectorAll('g.f'));
  var byNode = {};
  frames.forEach(function (g) { byNode[g.getAttribute('data-n')] = g; });
  var details = document.getElementById('details'), matchedText = document.getElementById('matched');
  var unzoom = document.getElementById('unzoom'), searchBtn = document.getElementById('search');
  function num(g, k) { return +g.getAttribute('data-' + k); }
  function label(g, widthPx) {
    var t = g.querySelector('text'), name = g.getAttribute('data-name'), cw = fs * 0.59, room = widthPx - 6;
    if (room < 3 * cw) { t.textContent = ''; return; }
    if (name.length * cw <= room) { t.textContent = name; return; }
    var n = Math.floor(room / cw) - 2;
    t.textContent = n < 2 ? '' : name.substring(0, n) + '..';
  }
  function place(g, x, w) {
    var r = g.querySelector('rect'), t = g.querySelector('text'), px = xpad + x * inner, pw = w * inner;
    r.setAttribute('x', px.toFixed(2)); r.setAttribute('width', Math.max(0, pw).toFixed(2));
    t.setAttribute('x', (px + 3).toFixed(2)); label(g, pw);
  }
  function zoom(g) {
    var x0 = num(g, 'x'), w0 = num(g, 'w'), l0 = num(g, 'l'), eps = 1e-9;
    frames.forEach(function (f) {
      var x = num(f, 'x'), w = num(f, 'w'), l = num(f, 'l');
      if (l < l0 && x <= x0 + eps && x + w >= x0 + w0 - eps) { f.style.display = ''; f.style.opacity = '0.5'; place(f, 0, 1); }
      else if (l >= l0 && x >= x0 - eps && x + w <= x0 + w0 + eps) { f.style.display = ''; f.style.opacity = ''; place(f, (x - x0) / w0, w / w0); }
      else { f.style.display = 'none'; }
    });
    unzoom.style.opacity = '1';
  }
  function reset() {
    frames.forEach(function (f) { f.style.display = ''; f.style.opacity = ''; place(f, num(f, 'x'), num(f, 'w')); });
    unzoom.style.opacity = '0';
  }
  function search() {
    var text = window.prompt('Search frames (regular expression), empty to clear', '');
    frames.forEach(function (f) { var r = f.querySelector('rect'); r.setAttribute('fill', r.getAttribute('data-c')); });
    if (!text) { matchedText.textContent = ''; return; }
    var re;
    try { re = new RegExp(text); } catch (e) { matchedText.textContent = 'bad regex'; return; }
    var hit = {}, sum = 0, root = byNode['0'], total = root ? num(root, 'v') : 0;
    frames.forEach(function (f) { if (f.getAttribute('data-n') !== '0' && re.test(f.getAttribute('data-name'))) hit[f.getAttribute('data-n')] = true; });
    frames.forEach(function (f) {
      var n = f.getAttribute('data-n');
      if (!hit[n]) return;
      f.querySelector('rect').setAttribute('fill', 'rgb(230,0,230)');
      for (var p = f.getAttribute('data-p'); p && p !== '-1'; p = byNode[p] ? byNode[p].getAttribute('data-p') : null) { if (hit[p]) return; }
      sum += num(f, 'v');
    });
    matchedText.textContent = 'Matched: ' + (total ? (100 * sum / total).toFixed(1) : '0.0') + '%';
  }
  frames.forEach(function (g) {
    g.addEventListener('mouseover', function () { details.textContent = g.querySelector('title').textContent; });
    g.addEventListener('mouseout', function () { details.textContent = ' '; });
    g.addEventListener('click', function () { zoom(g); });
  });
  unzoom.addEventListener('click', reset);
  searchBtn.addEventListener('click', search);
})();

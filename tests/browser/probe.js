/* probe.js — evaluated by the browser tests in the loaded report (over the
 * DevTools protocol): measures what a reader sees (which outlet columns of
 * the fact matrix are in view, whether the page scrolls sideways, the
 * contrast of every piece of text, headings, table headers, chart titles)
 * and returns the figures. It only reads the page. */
(function () {
  function rgba(s) {
    var m = s.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    var p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number);
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
  }
  function lum(c) {
    var f = function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  }
  function over(top, below) { /* top composited on an opaque colour */
    var a = top.a;
    return {r: top.r * a + below.r * (1 - a), g: top.g * a + below.g * (1 - a),
            b: top.b * a + below.b * (1 - a), a: 1};
  }
  function background(el) {
    var stack = [];
    for (var e = el; e && e.nodeType === 1; e = e.parentElement) {
      var c = rgba(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) stack.push(c);
      if (c && c.a >= 1) break;
    }
    var base = {r: 255, g: 255, b: 255, a: 1};
    var root = rgba(getComputedStyle(document.documentElement).backgroundColor);
    if (root && root.a >= 1 && (!stack.length || stack[stack.length - 1].a < 1)) base = root;
    for (var i = stack.length - 1; i >= 0; i--) base = over(stack[i], base);
    return base;
  }
  function visible(el) {
    var r = el.getBoundingClientRect();
    var cs = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.display !== 'none';
  }
  function ownText(el) {
    var t = '';
    for (var n = el.firstChild; n; n = n.nextSibling)
      if (n.nodeType === 3) t += n.nodeValue;
    return t.trim();
  }
  var out = {width: window.innerWidth, scrollWidth: document.documentElement.scrollWidth};
  var m = document.querySelector('table.matrix');
  out.matrix = !!m;
  out.columns = [];
  if (m) {
    var heads = m.querySelectorAll('thead th');
    for (var i = 1; i < heads.length; i++) {
      var r = heads[i].getBoundingClientRect();
      out.columns.push({name: heads[i].textContent.trim(), left: r.left, right: r.right,
                        width: r.width, height: r.height, visible: visible(heads[i])});
    }
    out.rows = m.querySelectorAll('tbody tr[id^="r"]').length;
    var cell = m.querySelector('tbody tr[id^="r"] td');
    out.firstCell = cell ? cell.getBoundingClientRect().right <= window.innerWidth : false;
  }
  out.lowContrast = [];
  var all = document.querySelectorAll('body *');
  for (var k = 0; k < all.length; k++) {
    var el = all[k];
    if (el.closest('script,style,.vh') || !ownText(el) || !visible(el))
      continue;
    var cs = getComputedStyle(el);
    var fg = rgba(el instanceof SVGElement ? cs.fill : cs.color);
    if (!fg) continue;
    var bg = background(el instanceof SVGElement ? el.closest('figure') || el : el);
    fg = over(fg, bg);
    var a = lum(fg), b = lum(bg);
    var ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5)
      out.lowContrast.push({tag: el.tagName, cls: el.getAttribute('class'), text: ownText(el).slice(0, 40),
                            ratio: Math.round(ratio * 100) / 100, fg: cs.color, bg: [bg.r, bg.g, bg.b]});
  }
  out.h1 = document.querySelectorAll('h1').length;
  var levels = [].map.call(document.querySelectorAll('h1,h2,h3,h4,h5,h6'), function (h) { return +h.tagName[1]; });
  out.headingJumps = 0;
  for (var j = 1; j < levels.length; j++) if (levels[j] > levels[j - 1] + 1) out.headingJumps++;
  out.headersWithoutScope = [].filter.call(document.querySelectorAll('th'), function (th) {
    return !th.getAttribute('scope');
  }).length;
  var charts = document.querySelectorAll('svg[role="img"]');
  out.charts = charts.length;
  out.chartsWithoutTitle = [].filter.call(charts, function (s) {
    return !s.querySelector('title') || !s.querySelector('desc') || !s.getAttribute('aria-labelledby');
  }).length;
  out.barLinks = document.querySelectorAll('svg a[href^="#ev-"]').length;
  out.brokenAnchors = [].filter.call(document.querySelectorAll('a[href^="#"]'), function (a) {
    return !document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1)));
  }).map(function (a) { return a.getAttribute('href'); }).slice(0, 10);
  out.clickableNotFocusable = document.querySelectorAll('[onclick],[tabindex^="-"]').length;
  out.scripts = document.querySelectorAll('script').length;
  return out;
})();

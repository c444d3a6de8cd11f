/* The review editor of the HTML report (comparable mode): the translator
 * finishes the alignment in the page. Embedded in every report by
 * sverka-write-html.c (align/html/embed.py); no server, nothing loaded.
 *
 * The model: for each report sentence, sverka's links (read from the rows)
 * and, once the translator touches it, their decision: the source sentences
 * that support it, none meaning "no support". Decisions are kept in the
 * browser's local storage under the two texts' SHA-256, so that reopening
 * the file (or a report of the same texts) finds them, and exported as a
 * review file (JSON Lines) for `sverka align L1 L2 --review FILE`, its
 * keys in the pair's codes (data-langs, "ru en" when not given).
 *
 * Actions, by mouse: click a row to make it the current one (any click in a
 * row does); click a candidate to link or unlink it; click a source
 * sentence in the right pane to link or unlink it with the current row; x on
 * a quote removes that link; "confirm" keeps sverka's links as the
 * decision; "no support" removes them all. By keyboard: j / k next and
 * previous row, 1-3 the candidates, c confirm, n no support, g a source
 * sentence by number, u (or Ctrl+Z) undo, e export. */
(function () {
  'use strict';
  var sec = document.querySelector('#rows.report-view');
  if (!sec || !sec.getAttribute('data-report')) return;
  var rep = sec.getAttribute('data-report'), src = rep === 'ru' ? 'en' : 'ru';
  /* The page names the sides "ru" and "en" (the pair's first and second
   * language); the review file names them by the pair's codes. */
  var langs = (sec.getAttribute('data-langs') || 'ru en').split(' ');
  var code = { ru: langs[0], en: langs[1] };
  var shas = { ru: sec.getAttribute('data-ru-sha256'), en: sec.getAttribute('data-en-sha256') };
  var counts = { ru: +sec.getAttribute('data-n-ru'), en: +sec.getAttribute('data-n-en') };
  var key = 'sverka-review:' + shas.ru + ':' + shas.en;
  var pane = sec.querySelector('.rep-pane');
  var srcPane = document.getElementById('source');
  var rows = [], byId = {}, orig = {}, saved = {};
  var dec = {}, hist = [], cur = null, nActions = 0;

  function idsOf(s) {
    return s ? s.split(',').map(Number) : [];
  }

  var usable = true;
  [].forEach.call(pane.querySelectorAll('.row[id^="row-"]'), function (row) {
    var r = idsOf(row.getAttribute('data-' + rep));
    if (r.length !== 1 || byId[r[0]]) {
      usable = false;
      return;
    }
    var rid = r[0];
    rows.push(row);
    byId[rid] = row;
    row.setAttribute('data-rid', rid);
    orig[rid] = idsOf(row.getAttribute('data-' + src));
    var band = row.querySelector('.band');
    var sup = row.querySelector('.support');
    var quotes = {};
    [].forEach.call(sup.querySelectorAll('blockquote.q'), function (q) {
      var at = q.querySelector('.at');
      quotes[+at.textContent] = q.outerHTML;
    });
    saved[rid] = {
      band: band.outerHTML,
      support: sup.innerHTML,
      quotes: quotes,
      cls: row.className
    };
  });

  var bar = document.createElement('div');
  bar.id = 'review';
  if (!usable) {
    bar.innerHTML = '<p class="rv-help">The review editor needs one row per report sentence; ' +
      'this report has a sentence in several rows.</p>';
    pane.insertBefore(bar, pane.querySelector('.row'));
    return;
  }
  bar.innerHTML =
    '<div class="rv-tools"><strong>Review</strong> <span id="rv-status"></span> ' +
    '<button type="button" id="rv-undo" title="undo the last change (u, Ctrl+Z)">undo</button> ' +
    '<button type="button" id="rv-all" title="keep sverka\u2019s links for every row not yet ' +
    'decided">confirm the rest</button> ' +
    '<button type="button" id="rv-export" title="save the decisions as a review file (e)">' +
    'export review</button></div>' +
    '<p class="rv-help">Click a row, then the source sentences on the right to link or unlink ' +
    'them; a candidate to link it; \u00d7 to remove a link. Keys: j/k row, 1\u20133 candidate, ' +
    'c confirm, n no support, g link a sentence by number, u undo, e export. Then: ' +
    '<code>sverka align RU EN --review FILE</code> rebuilds every output.</p>' +
    '<textarea id="review-out" readonly hidden rows="4"></textarea>';
  pane.insertBefore(bar, pane.querySelector('.row'));

  function links(rid) {
    return dec[rid] !== undefined ? dec[rid] : orig[rid];
  }

  function sourceText(s) {
    var el = document.getElementById(src + '-' + s);
    if (!el) return '';
    var c = el.cloneNode(true), sup = c.querySelector('sup');
    if (sup) sup.remove();
    return c.textContent;
  }

  function esc(t) {
    return t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }

  function addRemoveButtons(row) {
    [].forEach.call(row.querySelectorAll('.support blockquote.q'), function (q) {
      if (q.querySelector('.rm')) return;
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'rm';
      b.title = 'remove this link';
      b.textContent = '\u00d7';
      q.insertBefore(b, q.firstChild);
    });
  }

  function addRowTools(row) {
    var cell = row.querySelector('.' + rep);
    var t = document.createElement('div');
    t.className = 'rv-row';
    t.innerHTML = '<button type="button" class="rv-ok" title="keep these links (c)">' +
      '\u2713 confirm</button> <button type="button" class="rv-none" title="the source ' +
      'does not support this sentence (n)">no support</button>';
    cell.appendChild(t);
  }

  function render(rid) {
    var row = byId[rid], s = saved[rid], d = dec[rid];
    var band = row.querySelector('.band'), sup = row.querySelector('.support');
    var l = links(rid), tmp = document.createElement('div');
    if (d === undefined) {
      tmp.innerHTML = s.band;
      sup.innerHTML = s.support;
      row.className = s.cls;
    } else {
      tmp.innerHTML = '<span class="band b4 rv" title="your decision">\u2713</span>';
      sup.innerHTML = d.length === 0
        ? '<span class="gap">no support: your decision</span>'
        : d.map(function (x) {
          return s.quotes[x] || '<blockquote class="q"><a class="at" href="#' + src + '-' + x +
            '" title="show it in the source">' + x + '</a>' + esc(sourceText(x)) +
            '</blockquote>';
        }).join('');
      row.className = s.cls.replace(/ plain\b/, '').replace(/ alone\b/, '') +
        (d.length === 0 ? ' alone' : '') + ' reviewed';
    }
    band.parentNode.replaceChild(tmp.firstChild, band);
    if (row === cur) row.classList.add('cur');
    [].forEach.call(row.querySelectorAll('.cands a'), function (a) {
      var x = +a.getAttribute('href').replace(/^#[a-z]+-/, '');
      var on = l.indexOf(x) >= 0;
      a.classList.toggle('linked', on);
      a.textContent = a.textContent.replace(/\u00a0\u2713$/, '') + (on ? '\u00a0\u2713' : '');
    });
    addRemoveButtons(row);
  }

  function renderCited() {
    var cited = {};
    rows.forEach(function (row) {
      var rid = +row.getAttribute('data-rid');
      links(rid).forEach(function (x) {
        (cited[x] = cited[x] || []).push(row.id.replace('row-', ''));
      });
    });
    [].forEach.call(srcPane.querySelectorAll('.src'), function (el) {
      var x = +el.id.replace(/^[a-z]+-/, ''), c = cited[x];
      el.classList.toggle('cited', !!c);
      if (c) {
        el.setAttribute('data-rows', c.join(' '));
        el.title = 'cited by row ' + c.join(' ');
      } else {
        el.removeAttribute('data-rows');
        el.removeAttribute('title');
      }
    });
  }

  function status() {
    var n = Object.keys(dec).length;
    document.getElementById('rv-status').textContent = n + ' of ' + rows.length +
      ' report sentences decided; ' + nActions + ' change' + (nActions === 1 ? '' : 's') +
      ' this session';
  }

  function store() {
    try {
      localStorage.setItem(key, JSON.stringify(dec));
    } catch (e) { /* private mode or file:// without storage: the page still works */ }
  }

  function change(fn) {
    hist.push(JSON.stringify(dec));
    var touched = fn();
    nActions++;
    store();
    touched.forEach(render);
    renderCited();
    status();
  }

  function select(row) {
    if (cur) cur.classList.remove('cur');
    cur = row;
    if (row) row.classList.add('cur');
  }

  function toggle(rid, x) {
    change(function () {
      var l = links(rid).slice(), i = l.indexOf(x);
      if (i >= 0) l.splice(i, 1);
      else l.push(x);
      dec[rid] = l.sort(function (a, b) { return a - b; });
      return [rid];
    });
  }

  function decide(rid, l) {
    change(function () {
      dec[rid] = l.slice();
      return [rid];
    });
  }

  function undo() {
    if (!hist.length) return;
    var before = dec;
    dec = JSON.parse(hist.pop());
    nActions++;
    store();
    rows.forEach(function (row) {
      var rid = +row.getAttribute('data-rid');
      if (JSON.stringify(before[rid]) !== JSON.stringify(dec[rid])) render(rid);
    });
    renderCited();
    status();
  }

  function exportText() {
    var head = { sverka_review: 1, report: code[rep] };
    head[code.ru + '_sentences'] = counts.ru;
    head[code.en + '_sentences'] = counts.en;
    head[code.ru + '_sha256'] = shas.ru;
    head[code.en + '_sha256'] = shas.en;
    var out = [JSON.stringify(head)];
    Object.keys(dec).map(Number).sort(function (a, b) { return a - b; }).forEach(function (rid) {
      out.push(JSON.stringify({ report_id: rid, links: dec[rid] }));
    });
    return out.join('\n') + '\n';
  }

  function doExport() {
    var text = exportText(), ta = document.getElementById('review-out');
    ta.value = text;
    ta.hidden = false;
    try {
      var a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([text], { type: 'application/x-ndjson' }));
      a.download = 'review.jsonl';
      document.body.appendChild(a);
      a.click();
      a.remove();
    } catch (e) { /* the text stays in the box to copy */ }
  }

  function rowOf(el) {
    var row = el.closest ? el.closest('.row[data-rid]') : null;
    return row && pane.contains(row) ? row : null;
  }

  pane.addEventListener('click', function (ev) {
    var row = rowOf(ev.target);
    if (!row) return;
    var rid = +row.getAttribute('data-rid');
    select(row);
    var t = ev.target;
    if (t.closest('.rm')) {
      var at = t.closest('blockquote').querySelector('.at');
      toggle(rid, +at.textContent);
    } else if (t.closest('.rv-ok')) {
      decide(rid, links(rid));
    } else if (t.closest('.rv-none')) {
      decide(rid, []);
    } else if (t.closest('.cands a')) {
      ev.preventDefault();
      var a = t.closest('.cands a');
      toggle(rid, +a.getAttribute('href').replace(/^#[a-z]+-/, ''));
    }
  });

  srcPane.addEventListener('click', function (ev) {
    var el = ev.target.closest('.src');
    if (!el || !cur) return;
    toggle(+cur.getAttribute('data-rid'), +el.id.replace(/^[a-z]+-/, ''));
  });

  document.getElementById('rv-undo').addEventListener('click', undo);
  document.getElementById('rv-export').addEventListener('click', doExport);
  document.getElementById('rv-all').addEventListener('click', function () {
    change(function () {
      var touched = [];
      rows.forEach(function (row) {
        var rid = +row.getAttribute('data-rid');
        if (dec[rid] === undefined) {
          dec[rid] = orig[rid].slice();
          touched.push(rid);
        }
      });
      return touched;
    });
  });

  document.addEventListener('keydown', function (ev) {
    var t = ev.target;
    if (t && (t.tagName === 'TEXTAREA' || t.tagName === 'INPUT')) return;
    if ((ev.ctrlKey || ev.metaKey) && ev.key === 'z') {
      ev.preventDefault();
      undo();
      return;
    }
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var i = cur ? rows.indexOf(cur) : -1, rid = cur ? +cur.getAttribute('data-rid') : 0;
    switch (ev.key) {
      case 'j':
      case 'k':
        i = ev.key === 'j' ? Math.min(rows.length - 1, i + 1) : Math.max(0, i - 1);
        select(rows[i]);
        rows[i].scrollIntoView({ block: 'nearest' });
        break;
      case '1': case '2': case '3':
        if (!cur) return;
        var a = cur.querySelectorAll('.cands a')[+ev.key - 1];
        if (a) toggle(rid, +a.getAttribute('href').replace(/^#[a-z]+-/, ''));
        break;
      case 'c':
        if (cur) decide(rid, links(rid));
        break;
      case 'n':
        if (cur) decide(rid, []);
        break;
      case 'g':
        if (!cur) return;
        var x = parseInt(window.prompt('Link or unlink source sentence number:') || '', 10);
        if (x >= 1 && x <= counts[src]) toggle(rid, x);
        break;
      case 'u':
        undo();
        break;
      case 'e':
        doExport();
        break;
      default:
        return;
    }
    ev.preventDefault();
  });

  rows.forEach(addRowTools);
  try {
    var kept = JSON.parse(localStorage.getItem(key) || '{}');
    Object.keys(kept).forEach(function (k) {
      var rid = +k, l = kept[k];
      if (byId[rid] && Array.isArray(l) && l.every(function (x) {
        return x >= 1 && x <= counts[src];
      })) dec[rid] = l;
    });
  } catch (e) { /* nothing kept */ }
  rows.forEach(function (row) { render(+row.getAttribute('data-rid')); });
  renderCited();
  status();
  window.sverkaReview = { exportText: exportText, decisions: function () { return dec; } };
})();

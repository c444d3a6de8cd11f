#!/usr/bin/python3
"""The HTML report in a real browser (TAP).

Usage: html-report.py SVERKA SOURCE_ROOT OUT_DIR [NEWSTEST_DIR]

Runs `sverka align --html` on the bundled pair, opens the page in headless
Chromium (Debian's chromium and chromium-driver, driven by Debian's
python3-selenium) and checks what a translator would look for:
- one row per line of the parallel TSV, with the same sentence ids;
- one item per line of the notes TSV, linked to existing rows that hold the
  note's sentences; the words of spelling notes highlighted in place and
  linked back to their note; the row badges linked to notes of that row;
- the alignment map: an SVG whose paths hold as many points as they say,
  with one link mark per link of the TSV (merged per pixel), and clicking
  it goes to the row of the Russian sentence under the pointer;
- nothing loaded from outside, and text with markup in it shown as text.
It saves screenshots in OUT_DIR (html-report-*.png).

With NEWSTEST_DIR, it also builds a pair of 10,000 lines a side from the
WMT newstest files (every 50th Russian line left out, so that there are
rows with one side empty), and prints how long the browser takes to load
its report: a figure, not an assertion (the machine is shared).

Skips (TAP "1..0 # SKIP") only when chromium, chromedriver or selenium are
not installed; scripts/install-deps.sh installs them.
"""
import csv
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

n_test = 0
n_failed = 0


def ok(cond, what, detail=""):
    global n_test, n_failed
    n_test += 1
    if cond:
        print(f"ok {n_test} - {what}", flush=True)
    else:
        n_failed += 1
        print(f"not ok {n_test} - {what}", flush=True)
        for line in str(detail).splitlines()[:20]:
            print(f"#   {line}", flush=True)


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return rows[0], rows[1:]


def ids(cell):
    return [int(x) for x in cell.split(",")] if cell else []


def run_sverka(sverka, args):
    r = subprocess.run([sverka, "align", "-q"] + args, capture_output=True, text=True,
                       timeout=600)
    return r.returncode, r.stderr


def start_browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="sverka-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-extensions", "--no-first-run", "--window-size=1400,1000",
                "--user-data-dir=" + profile):
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    driver.set_page_load_timeout(180)
    driver.set_script_timeout(60)
    return driver, profile


ROWS_JS = """
return Array.from(document.querySelectorAll('#rows .row[id^="row-"]'),
                  r => [r.id, r.dataset.ru, r.dataset.en]);
"""

NOTES_JS = """
return Array.from(document.querySelectorAll('#notes li[id^="note-"]'), li => [
  li.id,
  li.querySelector('.kind').textContent,
  li.querySelector('.sev').textContent,
  Array.from(li.querySelectorAll('a.to'), a => a.getAttribute('href'))]);
"""

MARKS_JS = """
return Array.from(document.querySelectorAll('#rows mark'), m => [
  m.querySelector('a').getAttribute('href'), m.textContent,
  (m.closest('.row') || m.closest('#source')).id, m.closest('[lang]').lang, m.title]);
"""

# The report view (comparable mode): the source pane's sentences.
SOURCE_JS = """
const pane = document.getElementById('source');
if (!pane) return null;
return {lang: pane.lang, sents: Array.from(pane.querySelectorAll('.src'), s => [
  s.id, s.classList.contains('cited'), s.dataset.rows || ''])};
"""

BADGES_JS = """
return Array.from(document.querySelectorAll('#rows .tags a'), a => [
  a.closest('.row').id, a.getAttribute('href'), a.textContent]);
"""

MAP_JS = """
const svg = document.getElementById('map-svg');
if (!svg) return null;
return {
  nRu: +svg.dataset.nRu, nEn: +svg.dataset.nEn,
  links: +svg.querySelector('[data-links]').dataset.links,
  paths: Array.from(svg.querySelectorAll('path'), p => [
    p.getAttribute('class'), +p.dataset.n, (p.getAttribute('d').match(/M/g) || []).length]),
  elements: svg.querySelectorAll('*').length,
};
"""


def check_page(driver, path, tsv_rows, notes, label):
    """The DOM checks shared by both pairs."""
    rows = driver.execute_script(ROWS_JS)
    source = driver.execute_script(SOURCE_JS)
    if source is None:
        # One row per bead.
        want = [(f"row-{i + 1}", t) for i, t in enumerate(tsv_rows)]
        what = "one row per bead"
    else:
        # The report view: one row per bead with a report sentence; the
        # source's sentences in their pane.
        rep = 3 if source["lang"] == "en" else 4
        want = [(f"row-{i + 1}", t) for i, t in enumerate(tsv_rows) if t[rep]]
        what = "one row per report sentence's bead"
    ok(len(rows) == len(want), f"{label}: {what} ({len(rows)} rows, {len(want)} in the TSV)")
    bad = [(r, t) for r, (rid, t) in zip(rows, want) if r[0] != rid or r[1] != t[3] or r[2] != t[4]]
    ok(not bad, f"{label}: rows carry the TSV's sentence ids, in order", bad[:5])
    row_ids = {r[0]: (ids(r[1]), ids(r[2])) for r in rows}
    if source is not None:
        side = 1 if source["lang"] == "en" else 0
        n_src = len({i for t in tsv_rows for i in ids(t[3 + side])})
        sents = source["sents"]
        ok([x[0] for x in sents] == [f"{source['lang']}-{k + 1}" for k in range(n_src)],
           f"{label}: the source pane holds its {n_src} sentences once each, in order",
           [x[0] for x in sents][:5])
        cited_by = {}
        for rid, (ru, en) in row_ids.items():
            for k in (en if side == 1 else ru):
                cited_by.setdefault(f"{source['lang']}-{k}", []).append(rid)
        bad = [x for x in sents if x[1] != (x[0] in cited_by)
               or (x[1] and [f"row-{r}" for r in x[2].split()] != cited_by[x[0]])]
        ok(not bad, f"{label}: the source pane highlights the {len(cited_by)} cited sentences "
           "and names the rows citing each", bad[:5])
        for x in sents:
            k = int(x[0].split("-")[1])
            row_ids[x[0]] = ([], [k]) if side == 1 else ([k], [])

    items = driver.execute_script(NOTES_JS)
    ok(len(items) == len(notes), f"{label}: one list item per note ({len(items)}, "
       f"{len(notes)} in the notes TSV)")
    items.sort(key=lambda it: int(it[0].split("-")[1]))
    problems = []
    for k, (item, note) in enumerate(zip(items, notes)):
        nid, kind, sev, hrefs = item
        if nid != f"note-{k + 1}" or kind != note[0] or sev != note[1]:
            problems.append(f"{nid}: {kind}/{sev} against {note[0]}/{note[1]}")
            continue
        targets = [h[1:] for h in hrefs]
        if not targets or any(t not in row_ids for t in targets):
            problems.append(f"{nid}: links {hrefs} to no row")
            continue
        ru, en = set(ids(note[2])), set(ids(note[3]))
        held_ru = set().union(*(row_ids[t][0] for t in targets))
        held_en = set().union(*(row_ids[t][1] for t in targets))
        if not (ru <= held_ru and en <= held_en) or any(
                not (ru & set(row_ids[t][0]) or en & set(row_ids[t][1])) for t in targets):
            problems.append(f"{nid}: rows {targets} against ru {sorted(ru)} / en {sorted(en)}")
    ok(not problems, f"{label}: every note links to the rows holding its sentences", problems)

    marks = driver.execute_script(MARKS_JS)
    note_ids = {it[0] for it in items}
    ok(all(m[0][1:] in note_ids for m in marks),
       f"{label}: every highlight links to a note ({len(marks)} highlights)")
    missing = []
    for k, note in enumerate(notes):
        if note[0] != "spelling":
            continue
        word = re.search(r'"([^"]+)"', note[6]).group(1)
        side = note[6][:2]
        # The mark of a word two notes are about (a name that is also a typo)
        # links to the first and names both.
        if not any(m[1] == word and m[3] == side and note[6] in m[4] for m in marks):
            missing.append(f"note-{k + 1}: {side} {word!r}")
    ok(not missing, f"{label}: each misspelled word is highlighted in place", missing)

    badges = driver.execute_script(BADGES_JS)
    note_rows = {it[0]: {h[1:] for h in it[3]} for it in items}
    bad = [b for b in badges if b[1][1:] not in note_rows or b[0] not in note_rows[b[1][1:]]]
    ok(badges and not bad, f"{label}: row badges link to notes of their row "
       f"({len(badges)} badges)", bad[:5])

    m = driver.execute_script(MAP_JS)
    ok(m is not None, f"{label}: the page has the alignment map")
    if m is None:
        return row_ids
    n_links = sum(len(ids(t[3])) * len(ids(t[4])) for t in tsv_rows)
    paths = {p[0]: p for p in m["paths"]}
    ok(all(p[1] == p[2] for p in m["paths"]),
       f"{label}: every map path holds the points it announces", m["paths"])
    sim_points = sum(p[1] for p in m["paths"] if p[0].startswith("sim"))
    ok(sim_points > 0, f"{label}: the map has similarity dots ({sim_points})")
    ok(m["links"] == n_links and 0 < paths["links"][1] <= n_links,
       f"{label}: the map draws the {n_links} links of the TSV "
       f"({paths['links'][1]} marks after merging per pixel)", m)
    alone_ru = sum(len(ids(t[3])) for t in tsv_rows if not t[4])
    alone_en = sum(len(ids(t[4])) for t in tsv_rows if not t[3])
    ok(paths["alone-ru"][1] == alone_ru and paths["alone-en"][1] == alone_en,
       f"{label}: the map marks the {alone_ru} Russian and {alone_en} English sentences "
       "with no counterpart", m["paths"])
    ok(m["elements"] < 40, f"{label}: the map is light: {m['elements']} SVG elements")
    return row_ids


def row_in_view(driver, row_id):
    return driver.execute_script(
        "const r = document.getElementById(arguments[0]).getBoundingClientRect();"
        "return r.top >= 0 && r.top < window.innerHeight;", row_id)


def check_brussels(driver, sverka, src, out):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    pair = os.path.join(src, "corpus", "2021-12-14-brussels")
    html = os.path.join(out, "html-report-brussels.html")
    tsv = os.path.join(out, "html-report-brussels.tsv")
    notes_tsv = os.path.join(out, "html-report-brussels-notes.tsv")
    rc, err = run_sverka(sverka, [os.path.join(pair, "ru.txt"), os.path.join(pair, "en.txt"),
                                  "-o", tsv, "--notes", notes_tsv, "--html", html])
    ok(rc == 0 and os.path.getsize(html) > 0, "bundled pair: sverka align --html", err)
    if rc != 0:
        return
    _, tsv_rows = read_tsv(tsv)
    _, notes = read_tsv(notes_tsv)
    with open(html, encoding="utf-8") as f:
        source = f.read()
    outside = [u for u in re.findall(r'(?:src|href)\s*=\s*"([^"#][^"]*)"', source)]
    outside += [u for u in re.findall(r"https?://[^\s\"')]+", source)
                if u != "http://www.w3.org/2000/svg"]
    ok(not outside, "bundled pair: the page refers to nothing outside itself", outside[:5])

    driver.get("file://" + html)
    check_page(driver, html, tsv_rows, notes, "bundled pair")
    # The transcript's turns are marked: the moderator's as a host's.
    speakers = driver.execute_script(
        "return Array.from(document.querySelectorAll('#rows .spk'))"
        ".filter(e => e.offsetParent !== null).map(e => [e.textContent, e.classList.contains('host')])")
    named = {name: host for name, host in speakers}
    ok(named.get("Moderator") is True and named.get("President Ilham Aliyev") is False
       and named.get("Secretary General Jens Stoltenberg") is False,
       "bundled pair: the transcript's speakers are shown, the moderator's turn as a host's",
       sorted(named.items()))
    # Each report sentence shows its candidates, each a link to a source
    # sentence of the page.
    cands = driver.execute_script(
        "return Array.from(document.querySelectorAll('#rows .ru .cands')).map(d =>"
        " Array.from(d.querySelectorAll('a')).map(a => [a.getAttribute('href'),"
        " !!document.getElementById(a.getAttribute('href').slice(1))]))")
    ok(len(cands) >= 15 and all(1 <= len(c) <= 3 and all(found for _, found in c) for c in cands),
       f"bundled pair: {len(cands)} report sentences show 1-3 candidates that lead to their sentences",
       cands[:3])
    # Each quoted support says why it matches: word pairs with their reason.
    why = driver.execute_script(
        "return Array.from(document.querySelectorAll('#rows blockquote.q')).map(q =>"
        " Array.from(q.querySelectorAll('.why .m')).map(m => m.title))")
    reasons = {r for w in why for r in w}
    ok(why and all(w for w in why) and reasons <= {"lexicon", "name", "number", "same word"}
       and {"lexicon", "name"} <= reasons,
       f"bundled pair: each of the {len(why)} quoted supports shows the words that match and why",
       sorted(reasons))
    resources = driver.execute_script("return performance.getEntriesByType('resource').length")
    ok(resources == 0, f"bundled pair: the browser loaded {resources} other resources")
    driver.save_screenshot(os.path.join(out, "html-report-brussels.png"))

    # A note's row link scrolls to its row.
    link = driver.find_element(By.CSS_SELECTOR, "#notes ol.warning a.to")
    target = link.get_attribute("href").split("#")[1]
    # In the middle of the window: at its top, the sticky column heads
    # would take the click.
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    link.click()
    time.sleep(0.2)
    ok(driver.execute_script("return location.hash") == "#" + target
       and row_in_view(driver, target), f"bundled pair: a note's link shows {target}")
    driver.save_screenshot(os.path.join(out, "html-report-brussels-row.png"))

    # A highlight goes back to its note.
    mark = driver.find_element(By.CSS_SELECTOR, "#rows mark a")
    note = mark.get_attribute("href").split("#")[1]
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
    mark.click()
    time.sleep(0.2)
    ok(driver.execute_script("return location.hash") == "#" + note,
       f"bundled pair: a highlight leads to {note}")

    # Clicking the map on Russian sentence k goes to the row showing it.
    driver.execute_script("window.scrollTo(0, 0)")
    plot = driver.find_element(By.CSS_SELECTOR, "#map-svg .plot")
    n_ru = int(driver.find_element(By.ID, "map-svg").get_attribute("data-n-ru"))
    k = max(1, n_ru * 2 // 3)
    height = plot.rect["height"]
    ActionChains(driver).move_to_element_with_offset(
        plot, 0, int((k - 0.5) / n_ru * height - height / 2)).click().perform()
    time.sleep(0.2)
    expected = driver.execute_script(
        f"return document.getElementById('ru-{k}').closest('.row').id")
    ok(driver.execute_script("return location.hash") == "#" + expected,
       f"bundled pair: clicking the map at Russian sentence {k} goes to {expected}",
       driver.execute_script("return location.hash"))

    # The switch hides the rows without notes.
    driver.find_element(By.ID, "only-notes").click()
    shown = driver.execute_script(
        "return Array.from(document.querySelectorAll('#rows .row[id]'))"
        ".filter(r => r.offsetParent !== null).length")
    with_notes = driver.execute_script(
        "return document.querySelectorAll('#rows .row[id]:not(.plain)').length")
    ok(shown == with_notes and 0 < shown < len(tsv_rows),
       f"bundled pair: 'only the rows with notes' shows {shown} of {len(tsv_rows)} rows")
    driver.find_element(By.ID, "only-notes").click()


def check_escaping(driver, sverka, out):
    """Markup in the input is text on the page."""
    ru = os.path.join(out, "html-report-markup.ru.txt")
    en = os.path.join(out, "html-report-markup.en.txt")
    html = os.path.join(out, "html-report-markup.html")
    with open(ru, "w", encoding="utf-8") as f:
        f.write("Он написал: <b>да</b> & \"нет\" <script>alert(1)</script>.\n"
                "Во второй строке 5 < 7.\n")
    with open(en, "w", encoding="utf-8") as f:
        f.write("He wrote: <b>yes</b> & 'no' <script>alert(1)</script>.\n"
                "The second line has 5 < 7.\n")
    rc, err = run_sverka(sverka, [ru, en, "-o", "/dev/null", "--html", html])
    ok(rc == 0, "markup pair: sverka align --html", err)
    if rc != 0:
        return
    driver.get("file://" + html)
    got = driver.execute_script(
        "return [document.querySelectorAll('#rows b, #rows script').length,"
        " document.getElementById('rows').textContent]")
    ok(got[0] == 0 and "<b>yes</b> & 'no' <script>alert(1)</script>" in got[1]
       and "<b>да</b> & \"нет\"" in got[1] and "5 < 7" in got[1],
       "markup pair: tags, ampersands and quotes of the input are shown as text", got)


def check_cli(sverka, src, out):
    pair = os.path.join(src, "corpus", "2021-12-14-brussels")
    bad = os.path.join(out, "no-such-dir", "report.html")
    rc, err = run_sverka(sverka, [os.path.join(pair, "ru.txt"), os.path.join(pair, "en.txt"),
                                  "-o", "/dev/null", "--html", bad])
    ok(rc == 5 and bad in err and not os.path.exists(bad),
       "--html to a folder that does not exist: exit 5, message names the file", (rc, err))


def check_deterministic(sverka, src, out):
    pair = os.path.join(src, "corpus", "2021-12-14-brussels")
    pages = []
    for env in ({"LC_ALL": "C"}, {"LC_ALL": "C.UTF-8"}, {"LC_ALL": "", "LANG": ""}):
        html = os.path.join(out, "html-report-locale.html")
        r = subprocess.run([sverka, "align", "-q", os.path.join(pair, "ru.txt"),
                            os.path.join(pair, "en.txt"), "-o", "/dev/null", "--html", html],
                           env=dict(os.environ, **env), capture_output=True, timeout=600)
        with open(html, "rb") as f:
            pages.append((r.returncode, f.read()))
    ok(all(p == pages[0] for p in pages) and pages[0][0] == 0,
       "the page is byte-identical under LC_ALL=C, C.UTF-8 and none")


def newstest_pair(data, out, size=10000):
    files = ["newstest2012", "newstest2013", "newstest2014", "newstest2015"]
    sides = {}
    for lang in ("ru", "en"):
        lines = []
        for name in files:
            with open(os.path.join(data, f"{name}.{lang}"), encoding="utf-8") as f:
                lines.extend(line.rstrip("\n") for line in f)
        sides[lang] = lines[:size]
    paths = {}
    for lang, lines in sides.items():
        paths[lang] = os.path.join(out, f"html-report-10k.{lang}.txt")
        with open(paths[lang], "w", encoding="utf-8") as f:
            for i, line in enumerate(lines):
                if lang == "ru" and i % 50 == 7:
                    continue
                f.write(line + "\n")
    return paths["ru"], paths["en"]


def check_large(driver, sverka, out, data):
    ru, en = newstest_pair(data, out)
    html = os.path.join(out, "html-report-10k.html")
    tsv = os.path.join(out, "html-report-10k.tsv")
    notes_tsv = os.path.join(out, "html-report-10k-notes.tsv")
    start = time.monotonic()
    rc, err = run_sverka(sverka, [ru, en, "-o", tsv, "--notes", notes_tsv, "--html", html])
    took = time.monotonic() - start
    ok(rc == 0, "10,000 lines: sverka align --html", err)
    if rc != 0:
        return
    _, tsv_rows = read_tsv(tsv)
    _, notes = read_tsv(notes_tsv)
    size = os.path.getsize(html)
    print(f"# 10,000 lines: {len(tsv_rows)} rows, {len(notes)} notes; sverka align with notes "
          f"and HTML {took:.1f} s; HTML {size / 1e6:.1f} MB", flush=True)

    start = time.monotonic()
    driver.get("file://" + html)
    loaded = time.monotonic() - start
    t = driver.execute_script("""
      const n = performance.getEntriesByType('navigation')[0];
      const p = performance.getEntriesByName('first-contentful-paint')[0];
      return [n.domContentLoadedEventEnd, n.loadEventEnd, p ? p.startTime : -1];""")
    print(f"# 10,000 lines in the browser: DOM ready {t[0]:.0f} ms, load event {t[1]:.0f} ms, "
          f"first paint {t[2]:.0f} ms; driver.get returned after {loaded:.2f} s", flush=True)
    check_page(driver, html, tsv_rows, notes, "10,000 lines")
    # Going to the last row: the browser lays out what it skipped.
    last = f"row-{len(tsv_rows)}"
    start = time.monotonic()
    driver.execute_script("location.hash = arguments[0]", last)
    in_view = row_in_view(driver, last)
    jump = time.monotonic() - start
    ok(in_view, f"10,000 lines: going to {last} shows it")
    print(f"# 10,000 lines: going to the last row took {jump * 1000:.0f} ms", flush=True)
    # The switch restyles every row; the time until the layout is done.
    toggle = driver.execute_script("""
      const box = document.getElementById('only-notes');
      const t = performance.now();
      box.click();
      document.body.offsetHeight;
      const on = performance.now() - t;
      const shown = Array.from(document.querySelectorAll('#rows .row[id]'))
                         .filter(r => r.offsetParent !== null).length;
      box.click();
      document.body.offsetHeight;
      return [on, shown];""")
    with_notes = driver.execute_script(
        "return document.querySelectorAll('#rows .row[id]:not(.plain)').length")
    ok(toggle[1] == with_notes, f"10,000 lines: 'only the rows with notes' shows {toggle[1]} rows")
    print(f"# 10,000 lines: 'only the rows with notes' took {toggle[0]:.0f} ms", flush=True)
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(os.path.join(out, "html-report-10k.png"))


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    sverka, src, out = sys.argv[1:4]
    data = sys.argv[4] if len(sys.argv) > 4 else ""
    try:
        import selenium  # noqa: F401
    except ImportError:
        print("1..0 # SKIP python3-selenium is not installed (scripts/install-deps.sh)")
        return 0
    for prog in (CHROMIUM, CHROMEDRIVER):
        if not shutil.which(prog):
            print(f"1..0 # SKIP {prog} is not installed (scripts/install-deps.sh)")
            return 0
    os.makedirs(out, exist_ok=True)
    check_cli(sverka, src, out)
    check_deterministic(sverka, src, out)
    driver, profile = start_browser()
    try:
        check_brussels(driver, sverka, src, out)
        check_escaping(driver, sverka, out)
        if data and os.path.isfile(os.path.join(data, "newstest2012.ru")):
            check_large(driver, sverka, out, data)
        else:
            print("# no newstest data: the 10,000-line page was not tried", flush=True)
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
    print(f"1..{n_test}")
    print(f"# screenshots: {out}/html-report-*.png")
    return 1 if n_failed else 0


if __name__ == "__main__":
    sys.exit(main())

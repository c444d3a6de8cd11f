#!/usr/bin/python3
"""The review editor of the HTML report, in a real browser (TAP).

Usage: review-editor.py SVERKA SOURCE_ROOT OUT_DIR

On the bundled pair (corpus/2021-12-14-brussels: the Russian report against
the English transcript), as a translator would:
1. runs `sverka align --html` and opens the page in headless Chromium;
2. turns sverka's links into the gold (gold-alignment.tsv) with the
   editor's own controls, by real clicks: x on a link outside the gold (sure
   and possible links), a candidate or a source sentence for a sure link
   missing, "no support" where the gold has no sure link and sverka has
   wrong ones. Every click is one action; their number is the review cost,
   printed, and held to the issue's floor (at most 25);
3. checks the keys on the way (j/k, 1-3, n, u and Ctrl+Z undo) and that a
   reload finds the decisions kept (local storage);
4. exports the review file, runs `sverka align RU EN --review FILE
   --out-dir DIR` and checks that every output follows: the TSV links equal
   the decisions (so S/P link F1 against the gold is 1.0), decided rows
   score 1 and are "reviewed" in the JSON Lines, the notes and the TMX are
   written, and the rebuilt HTML shows the decisions;
5. a review file refused, with the file and line named, for another text;
6. German and French (tests/langs): the editor on a comparable page of
   another pair, its export in the pair's codes, applied with --langs.

Skips (TAP "1..0 # SKIP") only when chromium, chromedriver or selenium are
not installed; scripts/install-deps.sh installs them.
"""
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
MAX_ACTIONS = 25

n_test = 0
n_failed = 0


def ok(cond, what, detail=""):
    global n_test, n_failed
    n_test += 1
    print(f"{'ok' if cond else 'not ok'} {n_test} - {what}", flush=True)
    if not cond:
        n_failed += 1
        for line in str(detail).splitlines()[:20]:
            print(f"#   {line}", flush=True)


def read_gold(path):
    gold = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("ru_id"):
                continue
            f_ = line.rstrip("\n").split("\t")
            sure = {int(x) for x in f_[1].split(",") if x}
            possible = {int(x) for x in f_[2].split(",") if x}
            gold[int(f_[0])] = (sure, possible)
    return gold


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
    opts.add_experimental_option("prefs", {"download.default_directory": profile,
                                           "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    driver.set_page_load_timeout(180)
    return driver, profile


STATE_JS = """
return Array.from(document.querySelectorAll('#rows .row[data-rid]'), r => ({
  rid: +r.dataset.rid,
  links: Array.from(r.querySelectorAll('.support blockquote.q .at'), a => +a.textContent),
  cands: Array.from(r.querySelectorAll('.cands a'),
                    a => +a.getAttribute('href').replace(/^#[a-z]+-/, '')),
  reviewed: r.classList.contains('reviewed')}));
"""


def state(driver):
    return {s["rid"]: s for s in driver.execute_script(STATE_JS)}


def row_el(driver, rid):
    return driver.find_element("css selector", f'#rows .row[data-rid="{rid}"]')


def click(driver, el):
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", el)
    el.click()


def correct(driver, gold):
    """Turns the page's links into the gold by clicks; returns the number of
    clicks and the links wanted per report sentence."""
    actions = 0
    want = {}
    for rid, s in sorted(state(driver).items()):
        sure, possible = gold.get(rid, (set(), set()))
        have = set(s["links"])
        wrong = have - sure - possible
        missing = sure - have
        row = row_el(driver, rid)
        if not sure and wrong:
            click(driver, row.find_element("css selector", ".rv-none"))
            actions += 1
            want[rid] = set()
            continue
        current = False
        for x in sorted(wrong):
            q = [b for b in row.find_elements("css selector", ".support blockquote.q")
                 if b.find_element("css selector", ".at").text == str(x)][0]
            click(driver, q.find_element("css selector", ".rm"))
            actions += 1
            current = True
            row = row_el(driver, rid)
        for x in sorted(missing):
            if x in s["cands"]:
                chip = row.find_element("css selector", f'.cands a[href$="-{x}"]')
                click(driver, chip)
                current = True
            else:
                if not current:
                    click(driver, row.find_element("css selector", ".s"))
                    actions += 1
                    current = True
                src = driver.find_element("css selector", f"#source .src[id$='-{x}']")
                click(driver, src)
            actions += 1
            row = row_el(driver, rid)
        want[rid] = (have - wrong) | missing
    return actions, want


def check_keys(driver):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    body = driver.find_element("css selector", "body")
    before = state(driver)
    body.send_keys("j")
    cur = driver.execute_script("return +document.querySelector('.row.cur').dataset.rid")
    ok(cur == min(before), "j selects the first row", cur)
    body.send_keys("j")
    body.send_keys("k")
    cur = driver.execute_script("return +document.querySelector('.row.cur').dataset.rid")
    ok(cur == min(before), "j then k comes back to it", cur)
    first = before[cur]
    body.send_keys("1")
    after = state(driver)[cur]
    toggled = first["cands"][0] if first["cands"] else None
    ok(toggled is not None and (toggled in after["links"]) != (toggled in first["links"])
       and after["reviewed"], "1 toggles the first candidate and makes the row decided",
       (first, after))
    body.send_keys("u")
    ok(state(driver)[cur] == first, "u undoes it", (first, state(driver)[cur]))
    body.send_keys("n")
    ok(state(driver)[cur]["links"] == [] and state(driver)[cur]["reviewed"],
       "n marks the row as having no support", state(driver)[cur])
    ActionChains(driver).key_down(Keys.CONTROL).send_keys("z").key_up(Keys.CONTROL).perform()
    ok(state(driver)[cur] == first, "Ctrl+Z undoes it", (first, state(driver)[cur]))
    n = driver.execute_script("return Object.keys(window.sverkaReview.decisions()).length")
    ok(n == 0, "no decision left after undoing every change", n)


def run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=600)


def check_other_pair(driver, sverka, root, tmp):
    """German and French (tests/langs): the editor is on the comparable
    page, its export names the pair's codes, and --langs de,fr applies it."""
    de = os.path.join(root, "tests", "langs", "de.txt")
    fr = os.path.join(root, "tests", "langs", "fr.txt")
    args = ["--langs", "de,fr", "--split", "none", de, fr]
    page = os.path.join(tmp, "de-fr.html")
    r = run([sverka, "align", "-q", "--mode", "comparable", *args, "--html", page,
             "-o", os.devnull])
    ok(r.returncode == 0, "de,fr: sverka align --mode comparable --html", r.stderr)
    driver.get("file://" + page)
    ok(driver.execute_script("return !!window.sverkaReview"), "de,fr: the editor is on the page")
    errors = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
    ok(not errors, "de,fr: no script errors", errors)
    click(driver, row_el(driver, 4).find_element("css selector", ".rv-none"))
    click(driver, driver.find_element("id", "rv-export"))
    text = driver.find_element("id", "review-out").get_attribute("value")
    lines = [json.loads(x) for x in text.splitlines() if x.strip()]
    ok(lines and list(lines[0]) == ["sverka_review", "report", "de_sentences", "fr_sentences",
                                    "de_sha256", "fr_sha256"]
       and lines[0]["report"] == "de" and lines[1:] == [{"report_id": 4, "links": []}],
       "de,fr: the export's header is in the pair's codes, the decision after it", text[:400])
    review = os.path.join(tmp, "de-fr.jsonl")
    with open(review, "w", encoding="utf-8") as f:
        f.write(text)
    r = run([sverka, "align", "-q", *args, "--review", review, "-o", "-"])
    rows = [x.split("\t") for x in r.stdout.splitlines()[1:]]
    ok(r.returncode == 0 and ["", "1.000"] in [[x[4], x[2]] for x in rows if x[3] == "4"],
       "de,fr: sverka align --langs de,fr --review applies the export", (r.returncode, r.stderr,
                                                                       r.stdout))


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    sverka, root, out_dir = sys.argv[1:]
    try:
        import selenium  # noqa: F401
    except ImportError:
        print("1..0 # SKIP python3-selenium is not installed")
        return 0
    if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
        print("1..0 # SKIP chromium or chromium-driver is not installed")
        return 0
    pair = os.path.join(root, "corpus", "2021-12-14-brussels")
    ru, en = os.path.join(pair, "ru.txt"), os.path.join(pair, "en.txt")
    gold = read_gold(os.path.join(pair, "gold-alignment.tsv"))
    tmp = tempfile.mkdtemp(prefix="sverka-review-")
    driver = profile = None
    try:
        page = os.path.join(tmp, "report.html")
        r = run([sverka, "align", "-q", ru, en, "--html", page, "-o", os.devnull])
        ok(r.returncode == 0, "sverka align --html on the bundled pair", r.stderr)
        driver, profile = start_browser()
        driver.get("file://" + page)
        ok(driver.execute_script("return !!window.sverkaReview"), "the editor is on the page")
        errors = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
        ok(not errors, "no script errors", errors)
        check_keys(driver)

        actions, want = correct(driver, gold)
        print(f"# review cost on the bundled pair: {actions} actions "
              f"(clicks) to turn sverka's links into the gold", flush=True)
        ok(actions <= MAX_ACTIONS, f"review cost at most {MAX_ACTIONS} actions", actions)
        got = {rid: set(s["links"]) for rid, s in state(driver).items()}
        ok(all(got[r] == want[r] for r in want), "the page shows the corrected links",
           {r: (sorted(got[r]), sorted(want[r])) for r in want if got[r] != want[r]})
        screenshot = os.path.join(out_dir, "review-editor.png")
        driver.save_screenshot(screenshot)

        driver.refresh()
        kept = {rid: set(s["links"]) for rid, s in state(driver).items()}
        ok(kept == got, "a reload finds the decisions kept (local storage)",
           {r: (sorted(kept[r]), sorted(got[r])) for r in got if kept.get(r) != got[r]})

        click(driver, driver.find_element("id", "rv-export"))
        text = driver.find_element("id", "review-out").get_attribute("value")
        lines = [json.loads(x) for x in text.splitlines() if x.strip()]
        ok(lines and lines[0].get("sverka_review") == 1 and lines[0].get("report") == "ru",
           "the export starts with the review header", text[:300])
        ok(lines and list(lines[0]) == ["sverka_review", "report", "ru_sentences",
                                        "en_sentences", "ru_sha256", "en_sha256"],
           "its keys are ru-en's, in their order", text[:300])
        review = os.path.join(tmp, "review.jsonl")
        with open(review, "w", encoding="utf-8") as f:
            f.write(text)

        out = os.path.join(tmp, "out")
        r = run([sverka, "align", "-q", ru, en, "--review", review, "--out-dir", out])
        ok(r.returncode == 0, "sverka align --review --out-dir", r.stderr)
        with open(os.path.join(out, "alignment.tsv"), encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
        links = {}
        scores = {}
        for row in rows:
            if row[3]:
                rid = int(row[3])
                links[rid] = {int(x) for x in row[4].split(",") if x}
                scores[rid] = row[2]
        decided = {d["report_id"] for d in lines[1:]}
        ok(all(links[r] == want[r] for r in want), "the TSV links are the decisions",
           {r: (sorted(links[r]), sorted(want[r])) for r in want if links[r] != want[r]})
        ok(all(scores[r] == "1.000" for r in decided), "decided rows score 1 in the TSV",
           {r: scores[r] for r in decided})
        tp = sum(len(links[r] & gold[r][0]) for r in links)
        sure = sum(len(s) for s, _ in gold.values())
        good = sum(len(links[r] & (gold[r][0] | gold[r][1])) for r in links)
        n_links = sum(len(v) for v in links.values())
        p = good / n_links if n_links else 0.0
        rec = tp / sure if sure else 0.0
        f1 = 2 * p * rec / (p + rec) if p + rec else 0.0
        print(f"# after the review: S/P precision {p:.3f}, recall {rec:.3f}, F1 {f1:.3f}")
        ok(f1 == 1.0, "S/P link F1 against the gold is 1.0 after the review", f1)
        with open(os.path.join(out, "alignment.jsonl"), encoding="utf-8") as f:
            recs = [json.loads(x) for x in f]
        flagged = {rec_["ru_ids"][0] for rec_ in recs if rec_.get("reviewed") and rec_["ru_ids"]}
        ok(flagged == decided, "JSON Lines marks the decided rows \"reviewed\"",
           (sorted(flagged), sorted(decided)))
        for name in ("notes.tsv", "alignment.tmx", "report.html"):
            ok(os.path.getsize(os.path.join(out, name)) > 0, f"{name} written")
        driver.get("file://" + os.path.join(out, "report.html"))
        rebuilt = {rid: set(s["links"]) for rid, s in state(driver).items()}
        ok(all(rebuilt[r] == want[r] for r in want), "the rebuilt report shows the decisions")

        other = os.path.join(tmp, "ru-other.txt")
        with open(ru, encoding="utf-8") as f:
            text_ru = f.read()
        with open(other, "w", encoding="utf-8") as f:
            f.write(text_ru.replace("Брюссел", "Брюсел", 1))
        r = run([sverka, "align", "-q", other, en, "--review", review, "-o", os.devnull])
        ok(r.returncode == 3 and review in r.stderr and "line 1" in r.stderr
           and "SHA-256" in r.stderr, "a review of another text is refused, naming the file "
           "and line", (r.returncode, r.stderr))

        check_other_pair(driver, sverka, root, tmp)
    finally:
        if driver is not None:
            driver.quit()
        if profile:
            shutil.rmtree(profile, ignore_errors=True)
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"1..{n_test}")
    return 1 if n_failed else 0


if __name__ == "__main__":
    sys.exit(main())

"""The built book in a real browser: headless Chromium (Debian's `chromium`) driven by Playwright.

The site is served on 127.0.0.1. Every page in the table of contents must load with no JavaScript error
and no failed request, show its figures (loaded, with alt text) and pass axe-core with no serious or
critical violation. Search must find the course's key terms, solution dropdowns must open, and notebook
pages must offer Binder and Colab. Screenshots for people to look at go to _build/screenshots/.

Without Chromium these tests skip and say so (`.ci/run` installs it in CI); without axe-core (npm) only
the accessibility test skips.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from book_build import wait_for_browser_walk
from browser_walk import AXE, CHROMIUM_ARGS, chromium, record_problems, serve, toc_pages
from browser_walk import walk as walk_site
from course_paths import ROOT

CHROMIUM = chromium()
SCREENSHOTS = ROOT / "_build" / "screenshots"

pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium not found: install Debian's 'chromium' package (.ci/run does) to run browser tests",
)


@pytest.fixture(scope="module")
def site(built_book: Path) -> Iterator[str]:
    """The built HTML served on a free loopback port; yields its base URL and shuts the server down."""
    with serve(built_book / "_build" / "html") as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def recording_tab(browser):  # type: ignore[no-untyped-def]
    """A page in a browser context of its own that records JavaScript errors, console errors and failed
    requests in ``tab.problems``. Close its context when done."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.problems = []
    record_problems(tab, tab.problems)
    return tab


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    """A fresh recording page (see recording_tab)."""
    tab = recording_tab(browser)
    yield tab
    tab.context.close()


def visit(page, url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")


@pytest.fixture(scope="module")
def walk(request: pytest.FixtureRequest, built_book: Path) -> dict[str, dict]:
    """Every page of the book, visited once by tests/browser_walk.py (see its docstring for what it records
    per page). The walk runs in the background from the end of the HTML build; four tests read it."""
    return wait_for_browser_walk(request.config, built_book)


# Each planted page holds one kind of fault the walk must report; "clean.html" holds none, and its code
# block's unreadable colours are not reported, because on pages other than CODE_CHECK_PAGE code is dropped.
PLANTED_PAGES = {
    "clean.html": '<main><h1>Clean</h1><p>Readable text.</p>'
                  '<div class="highlight"><pre><span style="color:#f4f4f4">faint code</span></pre></div></main>',
    "script-error.html": "<main><h1>Script</h1><script>throw new Error('planted failure')</script></main>",
    "missing-image.html": '<main><h1>Figure</h1><img src="nowhere.png" alt="a figure that is not there"></main>',
    "stuck-solution.html": '<main><h1>Stuck</h1><details class="solution"><summary>Solution</summary>'
                           '<p style="display:none">never shown</p></details></main>',
    "faint-text.html": '<main><h1>Faint</h1><p style="color:#f4f4f4; background:#ffffff">hard to read</p></main>',
}


@pytest.mark.slow
def test_the_walk_reports_each_planted_fault_and_nothing_on_a_clean_page(tmp_path: Path) -> None:
    head = '<meta charset="utf-8"><link rel="icon" href="data:,">'  # no favicon request to fail
    for name, body in PLANTED_PAGES.items():
        (tmp_path / name).write_text(f'<!DOCTYPE html><html lang="en"><head>{head}<title>{name}</title></head>'
                                     f"<body>{body}</body></html>", encoding="utf-8")
    found = walk_site(tmp_path, list(PLANTED_PAGES), CHROMIUM)
    assert list(found) == list(PLANTED_PAGES)
    assert found["clean.html"]["problems"] == [] and found["clean.html"]["images"] == []
    assert found["clean.html"]["solution_opens"] is None and found["stuck-solution.html"]["solution_opens"] is False
    assert any("planted failure" in p for p in found["script-error.html"]["problems"])
    assert any("HTTP 404" in p and "nowhere.png" in p for p in found["missing-image.html"]["problems"])
    assert found["missing-image.html"]["images"] == [["nowhere.png", False, "a figure that is not there"]]
    if AXE.exists():
        assert found["clean.html"]["axe"] == []
        assert any(v.startswith("color-contrast (serious)") for v in found["faint-text.html"]["axe"])


def test_every_toc_page_loads_cleanly_and_shows_its_figures(walk: dict[str, dict]) -> None:
    problems = []
    for path, found in walk.items():
        problems += [f"{path}: {p}" for p in found["problems"]]
        for src, loaded, alt in found["images"]:
            if not loaded:
                problems.append(f"{path}: image {src} did not load")
            if len(alt.strip()) < 5:
                problems.append(f"{path}: image {src} has no alt text")
    assert not problems, "\n".join(problems)


@pytest.mark.skipif(not AXE.exists(), reason="axe-core not installed: run `npm install` (make does it when npm exists)")
def test_no_serious_or_critical_accessibility_violations(walk: dict[str, dict]) -> None:
    found = [f"{path}: {v}" for path, page_found in walk.items() for v in page_found["axe"]]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("term", ["LoRA", "salary"])
def test_search_finds_key_terms(site: str, page, term: str) -> None:  # type: ignore[no-untyped-def]
    visit(page, f"{site}/search.html?q={term}")
    page.wait_for_selector("#search-results li", timeout=20000)
    results = page.locator("#search-results li")
    assert results.count() > 0, f"search for {term!r} found nothing"


def test_solution_dropdowns_open(walk: dict[str, dict]) -> None:
    exercise_pages = {path: found for path, found in walk.items() if path.startswith("book/exercises/")}
    with_toggle = {path: found["solution_opens"] for path, found in exercise_pages.items()
                   if found["solution_opens"] is not None}
    assert with_toggle, "no exercise page has a solution dropdown to open"
    stuck = [path for path, opened in with_toggle.items() if not opened]
    assert not stuck, f"clicking the solution toggle did not show the solution on: {stuck}"


def test_notebook_pages_offer_binder_and_colab_for_their_own_notebook(walk: dict[str, dict]) -> None:
    repo = yaml.safe_load((ROOT / "_config.yml").read_text())["repository"]["url"].removeprefix("https://github.com/")
    for notebook in sorted((ROOT / "notebooks").glob("*.ipynb")):
        links = walk[f"notebooks/{notebook.stem}.html"]["offsite_links"]
        binder = f"https://mybinder.org/v2/gh/{repo}/main?urlpath=lab/tree/notebooks/{notebook.name}"
        colab = f"https://colab.research.google.com/github/{repo}/blob/main/notebooks/{notebook.name}"
        assert binder in links, f"{notebook.name}: no Binder button to {binder}"
        assert colab in links, f"{notebook.name}: no Colab button to {colab}"


@pytest.mark.parametrize(("width", "height", "label"), [(1280, 900, "desktop"), (390, 844, "phone")])
def test_screenshots_for_review(browser, site: str, width: int, height: int, label: str) -> None:  # type: ignore[no-untyped-def]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    exercise_pages = [p for p in toc_pages() if p.startswith("book/exercises/") and not p.endswith("index.html")]
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    targets = {"home": "book/index.html", "notebook": f"notebooks/{notebooks[0].stem}.html",
               "roadmap": "book/roadmap.html", "planner": "book/planner.html"}
    if exercise_pages:
        targets["exercise"] = exercise_pages[-1]
    context = browser.new_context(viewport={"width": width, "height": height})
    tab = context.new_page()
    for name, path in targets.items():
        visit(tab, f"{site}/{path}")
        out = SCREENSHOTS / f"{name}-{label}.png"
        tab.screenshot(path=str(out), full_page=False)
        assert out.stat().st_size > 10_000, f"{out} looks empty"
    context.close()


# --- The clickable roadmap and the learning planner (issue 17) ----------------------------------------


def test_roadmap_diagram_links_every_topic_and_a_click_opens_the_notebook(site: str, page) -> None:  # type: ignore[no-untyped-def]
    import careerdata

    topics = careerdata.roadmap()
    built = {t for t, nb in topics["notebook"].items() if (ROOT / nb).exists()}
    visit(page, f"{site}/book/roadmap.html")
    hrefs = page.eval_on_selector_all(".course-roadmap svg a", "as => as.map(a => a.getAttribute('href')"
                                      " || a.getAttribute('xlink:href'))")
    nodes = page.eval_on_selector_all(".course-roadmap svg g.node", "gs => gs.map(g => g.id)")
    assert len(nodes) == len(topics), f"the diagram shows {len(nodes)} of {len(topics)} topics"
    expected = {f"../{topics.at[t, 'notebook'].removesuffix('.ipynb')}.html" for t in built}
    assert set(hrefs) == expected
    first = topics.iloc[0]
    page.locator(f"#roadmap-{first['topic_id']} a").click()
    page.wait_for_load_state("load")
    assert page.url.endswith(first["notebook"].removesuffix(".ipynb") + ".html"), page.url
    assert first["title"] in page.locator("h1").first.inner_text()


def test_roadmap_diagram_scrolls_at_phone_width_and_keeps_its_text_size(browser, site: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    visit(tab, f"{site}/book/roadmap.html")
    box = tab.evaluate("""() => { const s = document.querySelector('.course-roadmap-scroll');
        const svg = s.querySelector('svg'); const t = svg.querySelector('g.node text');
        return {client: s.clientWidth, scroll: s.scrollWidth, font: t.getBoundingClientRect().height,
                focusable: s.tabIndex === 0}; }""")
    assert box["scroll"] > box["client"], "at phone width the diagram should scroll sideways, not shrink"
    assert box["font"] >= 9, f"node text renders {box['font']:.1f} px tall at phone width"
    assert box["focusable"], "the scrolling region must be reachable with the keyboard"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / "roadmap-phone.png"))
    context.close()


def _planner_inputs(page) -> list[str]:  # type: ignore[no-untyped-def]
    return page.eval_on_selector_all(".course-planner input[id^='planner-skill-']", "es => es.map(e => e.name)")


def _run_planner(page, ratings: dict[str, object], hours: object) -> dict:  # type: ignore[no-untyped-def]
    """Fill the form (all fields at once), press the button, read the plan or the message."""
    return page.evaluate(
        """([ratings, hours]) => {
             for (const [skill, value] of Object.entries(ratings))
               document.getElementById('planner-skill-' + skill).value = String(value);
             document.getElementById('planner-hours').value = String(hours);
             document.querySelector('.planner-submit').click();
             const rows = [...document.querySelectorAll('.planner-table tbody tr')].map(tr =>
               [tr.dataset.topic, Number(tr.dataset.hours), Number(tr.dataset.startWeek), Number(tr.dataset.endWeek)]);
             const message = document.querySelector('.planner-message');
             return {rows, message: message.textContent, error: message.classList.contains('planner-error')};
           }""",
        [ratings, hours],
    )


def test_planner_page_matches_careerdata_plan_on_random_self_assessments(site: str, page) -> None:  # type: ignore[no-untyped-def]
    import random

    import careerdata

    visit(page, f"{site}/book/planner.html")
    page.wait_for_selector(".course-planner.planner-ready")
    skills = list(careerdata.load_skill_areas()["skill_id"])
    assert sorted(_planner_inputs(page)) == sorted(skills)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(f"{request.method} {request.url}"))
    rng = random.Random(20261206)
    checked = 0
    for case in range(240):
        ratings = {s: rng.choice([0, 1, 2, 3, 4, 5, 0.5, 2.5, 2.9, 3.0, 4.75]) for s in skills}
        if case % 7 == 0:  # some readers who know everything, or nothing
            ratings = dict.fromkeys(skills, rng.choice([0, 5]))
        hours = rng.choice([1, 2, 3, 5, 6, 7.5, 8, 10, 12, 0.1, 0.3, 2.7, 37.5, round(rng.uniform(0.5, 40), 1)])
        expected = careerdata.plan(ratings, hours)
        got = _run_planner(page, ratings, hours)
        assert not got["error"], f"case {case}: the page refused valid input: {got['message']}"
        want = [[r.topic_id, float(r.hours), int(r.start_week), int(r.end_week)] for r in expected.itertuples()]
        assert got["rows"] == want, (
            f"case {case}: ratings={ratings} hours={hours}\npage:   {got['rows']}\npython: {want}")
        checked += 1
    assert checked >= 200
    assert not requests, f"planning made network requests (nothing may leave the browser): {requests[:5]}"
    assert not page.problems, page.problems


@pytest.mark.parametrize(("field", "value", "expected"), [
    ("python", "", "empty"),
    ("python", "7", "out of range"),
    ("cpp", "-1", "out of range"),
    ("hours", "", "empty"),
    ("hours", "0", "not a positive number"),
    ("hours", "-3", "not a positive number"),
])
def test_planner_page_explains_invalid_input(site: str, page, field: str, value: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    import careerdata

    visit(page, f"{site}/book/planner.html")
    page.wait_for_selector(".course-planner.planner-ready")
    skills = list(careerdata.load_skill_areas()["skill_id"])
    ratings: dict[str, object] = dict.fromkeys(skills, 2)
    hours: object = 6
    if field == "hours":
        hours = value
    else:
        ratings[field] = value
    got = _run_planner(page, ratings, hours)
    assert got["error"] and expected in got["message"], got["message"]
    assert got["rows"] == []
    target = "planner-hours" if field == "hours" else f"planner-skill-{field}"
    assert page.get_attribute(f"#{target}", "aria-invalid") == "true"
    assert page.evaluate("document.activeElement.id") == target, "focus should move to the field to fix"


def test_planner_page_works_with_the_keyboard_and_remembers_only_when_asked(site: str, page) -> None:  # type: ignore[no-untyped-def]
    visit(page, f"{site}/book/planner.html")
    page.wait_for_selector(".course-planner.planner-ready")
    page.focus("#planner-skill-python")
    page.keyboard.press("Control+A")
    page.keyboard.type("5")
    page.focus("#planner-hours")
    page.keyboard.press("Control+A")
    page.keyboard.type("4")
    page.keyboard.press("Enter")  # submits the form
    page.wait_for_selector(".planner-table tbody tr")
    topics = page.eval_on_selector_all(".planner-table tbody tr", "rs => rs.map(r => r.dataset.topic)")
    assert "python-for-ai" not in topics
    assert page.evaluate("localStorage.getItem('course-planner-v1')") is None, "saved without being asked"
    page.check("#planner-remember")
    page.click(".planner-submit")
    saved = page.evaluate("JSON.parse(localStorage.getItem('course-planner-v1'))")
    assert saved["ratings"]["python"] == "5" and saved["hours"] == "4"
    page.reload(wait_until="load")
    page.wait_for_selector(".course-planner.planner-ready")
    assert page.input_value("#planner-skill-python") == "5"
    page.uncheck("#planner-remember")
    assert page.evaluate("localStorage.getItem('course-planner-v1')") is None
    assert not page.problems, page.problems

"""One walk over every page of the built book in headless Chromium, run as a subprocess of its own.

The walk is the browser suite's heaviest part (about 60 pages, each loaded, waited on until the network is
idle, and checked with axe-core). It needs nothing but the built HTML, so `tests/book_build.py` starts it
in the background as soon as the HTML build ends, on the core the build just freed, while the pytest
process goes on with other tests. The ``walk`` fixture (tests/test_browser.py) waits for its JSON and two
tests read it: the clean-load test and the accessibility test.

Run by hand: ``python tests/browser_walk.py _build/html walk.json``. The site is served on 127.0.0.1 only,
and the server and browser are stopped before the script ends.

For each page it records what went wrong while the page loaded (JavaScript errors, console errors,
failed or HTTP-error requests to the local site), its images (source, loaded, alt text), its links that
leave the site (Binder, Colab, sources), whether its first solution dropdown opens when clicked (``None``
without one) and axe-core's serious or critical violations (``None`` without axe-core). Two tabs walk the
pages at once, so one tab's wait for network quiet overlaps the other's work.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
import http.server
import json
import shutil
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from course_paths import ROOT
from site_checks import toc_files

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
                 "--disable-background-networking", "--disable-component-update"]
TABS = 2

# axe-core, keeping the serious and critical violations. On every page but CODE_CHECK_PAGE the
# syntax-highlighted code blocks are removed from the page first (after the load and image checks): each
# token is an element (13,000 of the 15,000 on the longest notebook page), which made axe's colour-contrast
# rule 6x slower there, and the blocks carry no page-specific accessibility, because one stylesheet colours
# them on every page. Removing them (rather than passing axe an exclude list) also spares axe building its
# tree of them. CODE_CHECK_PAGE keeps its code blocks, so the code colours are still checked.
CODE_CHECK_PAGE = "notebooks/18-career-data.html"
AXE_SERIOUS = """async (dropCode) => {
  if (dropCode) document.querySelectorAll('div.highlight').forEach(block => block.remove());
  return (await axe.run(document, {resultTypes: ['violations']})).violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `${v.id} (${v.impact}): ${v.nodes.length} element(s), e.g. ${v.nodes[0].html.slice(0, 160)}`);
}"""
# A solution dropdown's toggle, and the body it should reveal (sphinx-exercise / sphinx-togglebutton markup).
SOLUTION_TOGGLE = "details.solution > summary, .solution .toggle-button, button.toggle-button"
SOLUTION_BODY = (".solution .toggle-details__container, details.solution[open] > :not(summary), "
                 ".solution .admonition-title ~ *")
OFFSITE_LINKS = "(as, site) => as.map(a => a.href).filter(h => !h.startsWith(site))"
IMAGES = ("imgs => imgs.map(i => [i.getAttribute('src'), i.complete && i.naturalWidth > 0,"
          " i.getAttribute('alt') || ''])")


def chromium() -> str | None:
    """Debian's chromium, else the build `playwright install chromium` downloaded (GitHub's Ubuntu runners)."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            bundled = playwright.chromium.executable_path
    except Exception:  # no playwright driver: report "not found"
        return None
    return bundled if bundled and Path(bundled).exists() else None


def toc_pages() -> list[str]:
    """Every page in the table of contents, as a path relative to the site's root."""
    return [f"{entry}.html" for entry in toc_files(ROOT)]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(html: Path) -> Iterator[str]:
    """Serve ``html`` on a free loopback port; yield its base URL, then shut the server down."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(html)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def record_problems(tab, problems: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Append to ``problems`` every JavaScript error, console error and failed local request of ``tab``.

    Works for a sync or an async Playwright page: the handlers only append.
    """
    tab.on("pageerror", lambda error: problems.append(f"JavaScript error: {error}"))
    tab.on("console", lambda msg: problems.append(f"console error: {msg.text}") if msg.type == "error" else None)
    tab.on("requestfailed", lambda req: problems.append(f"request failed: {req.url}")
           if req.url.startswith("http://127.0.0.1") else None)
    tab.on("response", lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)


async def _first_solution_opens(tab) -> bool | None:  # type: ignore[no-untyped-def]
    """Click the page's first solution toggle: None without one, else whether its body became visible.

    Done after axe, which would otherwise catch the solution mid-way through its fade-in and report the
    half-transparent text as low contrast."""
    from playwright.async_api import TimeoutError as StayedHidden

    toggles = tab.locator(SOLUTION_TOGGLE)
    if not await toggles.count():
        return None
    await toggles.first.click()
    try:
        await tab.locator(SOLUTION_BODY).first.wait_for(state="visible", timeout=5000)
    except StayedHidden:
        return False
    return True


async def _walk(site: str, pages: list[str], executable: str) -> dict[str, dict]:
    from playwright.async_api import async_playwright

    queue: asyncio.Queue[str] = asyncio.Queue()
    for path in pages:
        queue.put_nowait(path)
    seen: dict[str, dict] = {}

    async def worker(browser) -> None:  # type: ignore[no-untyped-def]
        context = await browser.new_context(viewport={"width": 1280, "height": 900})
        tab = await context.new_page()
        problems: list[str] = []
        record_problems(tab, problems)
        try:
            while not queue.empty():
                path = queue.get_nowait()
                problems.clear()
                await tab.goto(f"{site}/{path}", wait_until="load")
                await tab.wait_for_load_state("networkidle")
                found = {"problems": list(problems), "axe": None,
                         "images": await tab.eval_on_selector_all("main img, article img", IMAGES),
                         "offsite_links": await tab.eval_on_selector_all("a[href]", OFFSITE_LINKS, site)}
                if AXE.exists():
                    await tab.add_script_tag(path=str(AXE))
                    if path == CODE_CHECK_PAGE and not await tab.locator("div.highlight").count():
                        raise AssertionError(f"{path} shows no code: pick another CODE_CHECK_PAGE")
                    found["axe"] = await tab.evaluate(AXE_SERIOUS, path != CODE_CHECK_PAGE)
                found["solution_opens"] = await _first_solution_opens(tab)
                seen[path] = found
        finally:
            await context.close()

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            await asyncio.gather(*(worker(browser) for _ in range(TABS)))
        finally:
            await browser.close()
    return {path: seen[path] for path in pages}  # in table-of-contents order


def walk(html: Path, pages: list[str] | None = None, executable: str | None = None) -> dict[str, dict]:
    """Visit ``pages`` (by default every table-of-contents page) of the site in ``html``; return what each
    page showed, in the order given."""
    executable = executable or chromium()
    if executable is None:
        raise RuntimeError("Chromium not found: install Debian's 'chromium' package (make system-deps)")
    if pages is None:
        pages = toc_pages()
        if CODE_CHECK_PAGE not in pages:
            raise RuntimeError(f"{CODE_CHECK_PAGE} is not in the table of contents: pick another CODE_CHECK_PAGE")
    with serve(html) as site:
        return asyncio.run(_walk(site, pages, executable))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("html", type=Path, help="the built site (a _build/html folder)")
    parser.add_argument("out", type=Path, help="where to write the walk as JSON")
    args = parser.parse_args(argv)
    if not (args.html / "index.html").exists():
        parser.error(f"{args.html} holds no index.html: give the _build/html folder of a built book")
    result = walk(args.html)
    partial = args.out.with_name(args.out.name + ".partial")
    partial.write_text(json.dumps(result, indent=1), encoding="utf-8")
    partial.replace(args.out)  # whole or absent: a reader never sees half a walk
    return 0


if __name__ == "__main__":
    sys.exit(main())

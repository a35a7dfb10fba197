"""The web UI in a real browser: Debian's chromium driven by Playwright, against
`quotegraph serve`'s app on a local port, over the demo corpus plus the founding example.

Skipped, with the reason, where chromium or the playwright package is absent (CI installs
both: `apt-get install -y chromium` in .ci/run, playwright with the dev extra)."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from quotegraph.cli import commands as cli
from quotegraph.web import create_app

SHARED = Path(__file__).resolve().parents[2] / "shared"
FOUNDING = SHARED / "examples" / "baldwin-red-carpet.txt"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

if os.environ.get("QUOTEGRAPH_REQUIRE_BROWSER") == "1" and CHROMIUM is None:
    pytest.fail("QUOTEGRAPH_REQUIRE_BROWSER=1 but no chromium on PATH", pytrace=False)

playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="the playwright package is not installed (pip install -e "
                                  "'.[dev]')")
pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="no chromium on PATH (Debian: apt-get install "
                                                "-y chromium); browser tests skipped"),
    pytest.mark.skipif(not FOUNDING.exists(), reason="../shared/examples is not beside the "
                                                     "checkout"),
]

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    db = tmp_path_factory.mktemp("browser") / "demo.db"
    result = CliRunner().invoke(cli.main, ["demo", "--no-serve", "--db", str(db),
                                           str(FOUNDING)])
    assert result.exit_code == 0, result.stderr
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    yield pg
    context.close()


def founding_article(page: Any, server: str) -> None:
    page.goto(f"{server}/articles")
    page.get_by_role("link", name="baldwin-red-carpet.txt").click()
    page.wait_for_selector("svg.talk")


def test_founding_article_highlights_and_conversation(page: Any, server: str,
                                                      tmp_path: Path) -> None:
    founding_article(page, server)
    assert page.locator("h1").inner_text() == "baldwin-red-carpet.txt"
    # every one of the 12 quotations is highlighted; each has its anchor once
    assert page.locator("mark.quotation[id^=quote-]").count() == 12
    speakers = page.locator("mark.quotation[id^=quote-]").evaluate_all(
        "els => els.map(e => e.dataset.speaker)")
    assert speakers.count("Hilaria Baldwin") == 6
    assert speakers.count("Alec Baldwin") == 3
    # the colours follow the speaker
    fills = page.locator("mark.quotation[data-speaker='Hilaria Baldwin']").evaluate_all(
        "els => [...new Set(els.map(e => getComputedStyle(e).backgroundColor))]")
    assert len(fills) == 1
    alec = page.locator("mark.quotation[data-speaker='Alec Baldwin']").first.evaluate(
        "e => getComputedStyle(e).backgroundColor")
    assert alec != fills[0]
    # the spat, as arrows: Hilaria -> Alec four times, Alec -> Hilaria twice
    h_to_a = page.locator("svg.talk g.turn[data-from='Hilaria Baldwin'][data-to='Alec Baldwin']")
    a_to_h = page.locator("svg.talk g.turn[data-from='Alec Baldwin'][data-to='Hilaria Baldwin']")
    assert h_to_a.count() == 4
    assert a_to_h.count() == 2
    assert h_to_a.first.locator("line").get_attribute("marker-end") is not None
    assert "fired back" in (page.locator("svg.talk").text_content() or "")
    # focus shows the tooltip: speaker, addressee, cue and manner
    snapped = page.locator("mark.quotation", has_text="you’re distracting me right now").first
    tip = snapped.locator(".tip")
    assert not tip.is_visible()
    snapped.focus()
    assert tip.is_visible()
    assert tip.inner_text().replace("\n", " ") == (
        "Hilaria Baldwin → Alec Baldwin snapped · hostile · direct")
    page.screenshot(path=str(tmp_path / "founding-article.png"), full_page=True)
    assert (tmp_path / "founding-article.png").stat().st_size > 10_000


def test_click_through_to_a_speaker_page(page: Any, server: str, tmp_path: Path) -> None:
    founding_article(page, server)
    page.locator("svg.talk g.party[data-name='Hilaria Baldwin'] a").click()
    page.wait_for_selector("h1.speaker-name")
    assert page.locator("h1.speaker-name").inner_text() == "Hilaria Baldwin"
    assert page.locator("svg.timeline circle.dot").count() == 1
    assert page.locator("ul.addresses a.who").all_inner_texts() == ["Alec Baldwin"]
    assert page.locator("ul.addressed-by a.who").all_inner_texts() == ["Alec Baldwin"]
    assert page.locator("article.quote").count() == 6
    page.screenshot(path=str(tmp_path / "speaker.png"), full_page=True)


def test_search_with_htmx_filters(page: Any, server: str, tmp_path: Path) -> None:
    page.goto(server)
    page.get_by_role("searchbox", name="Search quotations").first.fill("ferry")
    page.keyboard.press("Enter")
    page.wait_for_selector("article.quote")
    assert page.locator("article.quote").count() > 5
    marks = page.locator("article.quote blockquote mark").all_inner_texts()
    assert marks and {m.lower() for m in marks} == {"ferry"}
    # narrowing by speaker swaps the results in place (htmx) and keeps the URL shareable
    page.locator("#filters input[name=speaker]").fill("Raman")
    with page.expect_response(lambda r: "/search?" in r.url and "speaker=Raman" in r.url):
        page.locator("#filters button[type=submit]").click()
    page.wait_for_function("[...document.querySelectorAll('article.quote')].every("
                           "q => q.querySelector('.said .who').textContent === 'Priya Raman')"
                           " && document.querySelectorAll('article.quote').length > 0")
    assert "speaker=Raman" in page.url
    assert page.locator("header.top").count() == 1  # the partial did not nest a whole page
    page.screenshot(path=str(tmp_path / "search.png"), full_page=True)

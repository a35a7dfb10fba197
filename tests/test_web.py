"""The JSON API and the HTML pages, through the in-process client, over a store of
invented articles (tests/web_corpus.py): literal JSON, the error envelope, escaping, bound
parameters, htmx partials, and a store -> API round trip."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotegraph.errors import StoreError
from quotegraph.store import Store, browse, prepare
from quotegraph.web import create_app
from web_corpus import CORPUS, PIER, Line, article, build

OKAFOR_Q1 = {
    "id": "q1", "kind": "direct", "text": PIER, "spans": [[20, 78]],
    "speaker": {"entity": "e1", "name": "Linda Okafor", "mention": "Linda Okafor",
                "span": [0, 12], "type": "person"},
    "addressee": None,
    "cue": {"text": "said", "lemma": "said", "span": [13, 17], "manner": "neutral"},
    "parent": None, "confidence": 0.9, "speaker_id": 1, "addressee_id": None, "cluster": 1,
    "cluster_articles": 3,
}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("web") / "corpus.db")


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db))


def get(client: TestClient, url: str, status: int = 200) -> Any:
    response = client.get(url)
    assert response.status_code == status, response.text
    return response.json()


# -- the API, literally ------------------------------------------------------------------

def test_stats(client: TestClient) -> None:
    assert get(client, "/api/stats") == {"ok": True, "data": {
        "articles": 4, "quotations": 8, "speakers": 4, "clusters": 1,
        "first_date": "2026-05-01", "last_date": "2026-06-10"}}


def test_speakers_most_quoted_first_with_pages(client: TestClient) -> None:
    assert get(client, "/api/speakers?limit=2") == {"ok": True, "data": [
        {"id": 1, "name": "Linda Okafor", "type": "person", "gender": "unknown", "quotes": 4,
         "articles": 3, "first_date": "2026-05-01", "last_date": "2026-05-03"},
        {"id": 2, "name": "Priya Raman", "type": "person", "gender": "unknown", "quotes": 2,
         "articles": 2, "first_date": "2026-05-01", "last_date": "2026-06-10"},
    ], "page": {"limit": 2, "offset": 0, "next_offset": 2}}
    last = get(client, "/api/speakers?limit=2&offset=2")
    assert [s["name"] for s in last["data"]] == ["Ray Delgado", "a spokesperson"]
    assert last["page"] == {"limit": 2, "offset": 2, "next_offset": None}
    assert [s["name"] for s in get(client, "/api/speakers?type=anonymous")["data"]] == [
        "a spokesperson"]


def test_speaker_profile(client: TestClient) -> None:
    assert get(client, "/api/speakers/1") == {"ok": True, "data": {
        "id": 1, "name": "Linda Okafor", "type": "person", "gender": "unknown", "quotes": 4,
        "articles": 3, "first_date": "2026-05-01", "last_date": "2026-05-03",
        "aliases": ["linda okafor"],
        "timeline": [{"date": "2026-05-01", "quotations": 2},
                     {"date": "2026-05-03", "quotations": 1}],
        "addresses": [{"id": 2, "name": "Priya Raman", "type": "person", "quotations": 1}],
        "addressed_by": [{"id": 2, "name": "Priya Raman", "type": "person", "quotations": 1}],
        "manners": [{"manner": "neutral", "quotations": 3},
                    {"manner": "hostile", "quotations": 1}],
        "appearances": [
            {"id": "a1", "source": "https://news.example/a1", "date": "2026-05-01",
             "title": "Council fights over the pier", "quotations": 2},
            {"id": "a2", "source": "https://news.example/a2", "date": "2026-05-03",
             "title": "Ferry crews back the mayor", "quotations": 1},
            {"id": "a3", "source": "https://news.example/a3", "date": None, "title": None,
             "quotations": 1},
        ]}}


def test_cluster_earliest_first_undated_last(client: TestClient) -> None:
    body = get(client, "/api/clusters/1?limit=2")
    occurrences = body["data"].pop("occurrences")
    assert body == {"ok": True, "data": {
        "id": 1, "text": PIER, "size": 3, "articles": 3, "first_date": "2026-05-01",
        "first_article": "a1"}, "page": {"limit": 2, "offset": 0, "next_offset": 2}}
    assert occurrences[0] == {**OKAFOR_Q1, "article": {
        "id": "a1", "source": "https://news.example/a1", "date": "2026-05-01",
        "title": "Council fights over the pier"}}
    assert [o["article"]["id"] for o in occurrences] == ["a1", "a2"]
    rest = get(client, "/api/clusters/1?limit=2&offset=2")
    assert [o["article"]["id"] for o in rest["data"]["occurrences"]] == ["a3"]
    assert get(client, "/api/clusters")["data"] == [
        {"id": 1, "text": PIER, "size": 3, "articles": 3, "first_date": "2026-05-01",
         "first_article": "a1"}]


def test_quotations_filtered_by_surname_and_addressee(client: TestClient) -> None:
    body = get(client, "/api/quotations?speaker=raman&addressee=Linda%20Okafor")
    assert body == {"ok": True, "data": [{
        "id": "q2", "kind": "direct", "text": "Nobody on this council rides the late boat home",
        "spans": [[115, 162]],
        "speaker": {"entity": "e2", "name": "Priya Raman", "mention": "Priya Raman",
                    "span": [80, 91], "type": "person"},
        "addressee": {"entity": "e1", "name": "Linda Okafor", "mention": "Linda Okafor",
                      "span": [100, 112], "type": "person"},
        "cue": {"text": "snapped", "lemma": "snapped", "span": [92, 99], "manner": "hostile"},
        "parent": None, "confidence": 0.9,
        "article": {"id": "a1", "source": "https://news.example/a1", "date": "2026-05-01",
                    "title": "Council fights over the pier"},
        "speaker_id": 2, "addressee_id": 1, "cluster": 2, "cluster_articles": 1,
    }], "page": {"limit": 50, "offset": 0, "next_offset": None}}


def test_quotation_filters(client: TestClient) -> None:
    def texts(query: str) -> list[str]:
        return [q["text"] for q in get(client, f"/api/quotations?{query}")["data"]]
    assert texts("manner=hostile") == ["Nobody on this council rides the late boat home",
                                       "Then ride it with me on Friday"]
    assert texts("since=2026-05-02&until=2026-05-31") == [
        PIER, "The crews will keep the boats running all night"]
    assert texts("article=a3&kind=direct") == [PIER, "We do not comment on council matters"]
    assert texts("kind=indirect") == []
    assert texts("cluster=1") == [PIER, PIER, PIER]


def test_search_newest_first(client: TestClient) -> None:
    body = get(client, "/api/search?q=ferry")
    assert [(q["article"]["id"], q["text"]) for q in body["data"]] == [
        ("a4", "The ferry budget hides a cut to the night service"),
        ("a3", PIER), ("a2", PIER), ("a1", PIER)]
    assert get(client, "/api/search?q=ferry%20night")["data"][0]["article"]["id"] == "a4"
    # the speaker's name is searched too
    assert {q["text"] for q in get(client, "/api/search?q=delgado")["data"]} == {
        "The crews will keep the boats running all night"}


def test_article_is_the_stored_contract(client: TestClient) -> None:
    assert get(client, "/api/articles/a4") == {"ok": True, "data": CORPUS[3]}
    assert get(client, "/api/articles?limit=2") == {"ok": True, "data": [
        {"id": "a4", "source": "https://news.example/a4", "date": "2026-06-10",
         "title": "<i>Budget</i> & <script>doubts</script>", "quotations": 1},
        {"id": "a2", "source": "https://news.example/a2", "date": "2026-05-03",
         "title": "Ferry crews back the mayor", "quotations": 2},
    ], "page": {"limit": 2, "offset": 0, "next_offset": 2}}


# -- the error envelope --------------------------------------------------------------------

@pytest.mark.parametrize(("url", "status", "error"), [
    ("/api/articles/nope", 404, "no article 'nope'"),
    ("/api/speakers/999", 404, "no speaker 999"),
    ("/api/clusters/999", 404, "no cluster 999"),
    ("/api/nowhere", 404, "no such page: /api/nowhere"),
    ("/api/quotations?limit=1001", 400, "limit: Input should be less than or equal to 1000"),
    ("/api/quotations?limit=0", 400, "limit: Input should be greater than or equal to 1"),
    ("/api/quotations?offset=-1", 400, "offset: Input should be greater than or equal to 0"),
    ("/api/speakers/abc", 400,
     "speaker_id: Input should be a valid integer, unable to parse string as an integer"),
    ("/api/speakers/99999999999999999999999", 400,
     "speaker_id: Input should be less than or equal to 4611686018427387904"),
    ("/api/quotations?since=yesterday", 400,
     "since must be a date YYYY-MM-DD, not 'yesterday'"),
    ("/api/quotations?kind=shouted", 400,
     "kind must be one of direct, indirect, mixed, not 'shouted'"),
    ("/api/search?q=%21%21%21", 400, "the search '!!!' holds no word"),
    ("/api/search", 400, "q: Field required"),
    ("/api/speakers?type=robot", 400,
     "type must be one of person, organization, group, anonymous, author, unknown, not 'robot'"),
    ("/api/clusters?min_articles=0", 400,
     "min_articles: Input should be greater than or equal to 1"),
])
def test_bad_requests_get_the_envelope(client: TestClient, url: str, status: int,
                                       error: str) -> None:
    assert get(client, url, status) == {"ok": False, "error": error, "status": status}


def test_oversized_parameters_are_refused(client: TestClient) -> None:
    body = get(client, "/api/search?q=" + "a" * 501, 400)
    assert body == {"ok": False, "status": 400,
                    "error": "q: String should have at most 500 characters"}
    assert get(client, "/api/quotations?speaker=" + "x" * 201, 400)["error"] == (
        "speaker: String should have at most 200 characters")


def test_filters_are_bound_parameters(client: TestClient) -> None:
    for hostile in ("x' OR 1=1 --", '" OR ""="', "%", "_"):
        assert get(client, f"/api/quotations?speaker={hostile}")["data"] == []
    # FTS syntax typed into the search box is taken as words, never as operators
    assert len(get(client, '/api/search?q=ferry%22%20*')["data"]) == 4
    assert get(client, "/api/search?q=ferry%20OR%20pier")["data"] == []  # no "or" anywhere
    assert get(client, "/api/search?q=NEAR(pier%20ferry)")["data"] == []


def test_a_slow_query_answers_503(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def slow(store: Store) -> dict[str, Any]:
        return store.rows("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                          "WHERE i < 100000000) SELECT count(*) FROM n")[0]
    monkeypatch.setattr(browse, "figures", slow)
    client = TestClient(create_app(db, timeout_ms=20))
    assert get(client, "/api/stats", 503) == {
        "ok": False, "status": 503, "error": "the query ran past its 20 ms limit"}


def test_a_missing_database_is_refused_at_start(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        create_app(tmp_path / "none.db")


def test_openapi_lists_every_endpoint_and_the_docs_work_offline(client: TestClient) -> None:
    spec = get(client, "/api/openapi.json")
    assert sorted(spec["paths"]) == [
        "/api/articles", "/api/articles/{article_id}", "/api/clusters",
        "/api/clusters/{cluster_id}", "/api/quotations", "/api/search", "/api/speakers",
        "/api/speakers/{speaker_id}", "/api/stats"]
    docs = client.get("/api/docs").text
    for path in spec["paths"]:
        assert f"GET {path}</code>" in docs
    assert not re.search(r'(src|href)="(https?:)?//', docs)


# -- pages ---------------------------------------------------------------------------------

def page(client: TestClient, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def test_pages_load_nothing_from_other_hosts(client: TestClient) -> None:
    for url in ("/", "/search?q=ferry", "/speakers", "/speakers/1", "/articles",
                "/articles/a1", "/clusters", "/clusters/1"):
        html = page(client, url)
        assert not re.search(r'(src|href)="(https?:)?//', html), url
        assert '<script src="/static/vendor/htmx-2.0.11.min.js" defer>' in html
    htmx = client.get("/static/vendor/htmx-2.0.11.min.js")
    assert htmx.status_code == 200
    assert htmx.text.startswith("var htmx=function()")


def test_home_shows_figures_and_top_speakers(client: TestClient) -> None:
    html = page(client, "/")
    assert "<strong>4</strong> articles" in html
    assert "<strong>8</strong> quotations" in html
    names = re.findall(r'<a class="who" href="/speakers/(\d+)"[^>]*>([^<]+)</a>', html)
    assert names[:3] == [("1", "Linda Okafor"), ("2", "Priya Raman"), ("3", "Ray Delgado")]


def test_article_page_highlights_every_quotation_and_the_exchange(client: TestClient) -> None:
    html = page(client, "/articles/a1")
    marks = re.findall(r'<mark class="quotation" id="quote-(q\d)"[^>]*data-speaker="([^"]*)"'
                       r'[^>]*>([^<]*)<span class="tip"', html)
    assert marks == [
        ("q1", "Linda Okafor", PIER),
        ("q2", "Priya Raman", "Nobody on this council rides the late boat home"),
        ("q3", "Linda Okafor", "Then ride it with me on Friday")]
    turns = re.findall(r'<g class="turn" data-from="([^"]+)" data-to="([^"]+)"', html)
    assert turns == [("Priya Raman", "Linda Okafor"), ("Linda Okafor", "Priya Raman")]
    # Okafor's first line, said to no one in particular, still shows in the sequence
    assert re.findall(r'<g class="turn solo" data-from="([^"]+)" data-quote="(q\d)"', html) == [
        ("Linda Okafor", "q1")]
    assert "<b>Priya Raman</b> → Linda Okafor<br>snapped · hostile · direct" in html


def test_article_text_is_escaped(client: TestClient) -> None:
    html = page(client, "/articles/a4")
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in html
    assert "<title>&lt;i&gt;Budget&lt;/i&gt; &amp; &lt;script&gt;doubts" in html
    assert "<script>doubts" not in page(client, "/articles")
    assert "No quotation in this article names whom it was said to." in html


def test_search_page_marks_the_words_and_escapes_the_query(client: TestClient) -> None:
    html = page(client, "/search?q=ferry+budget")
    assert ("<blockquote>The <mark>ferry</mark> <mark>budget</mark> hides a cut to the "
            "night service</blockquote>") in html
    html = page(client, "/search?q=%3Cscript%3Ealert(1)%3C/script%3E")
    assert "<script>alert(1)" not in html
    assert 'value="&lt;script&gt;alert(1)&lt;/script&gt;"' in html
    assert "No quotation matches." in html


def test_search_page_reports_bad_filters_inline(client: TestClient) -> None:
    html = page(client, "/search?since=soon", 400)
    assert '<p class="error" role="alert">since must be a date YYYY-MM-DD, not' in html
    assert '<form id="filters"' in html


def test_htmx_request_gets_only_the_results(client: TestClient) -> None:
    response = client.get("/search?speaker=Raman", headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "<html" not in response.text
    assert response.text.count('<article class="quote"') == 2


def test_search_pages(client: TestClient) -> None:
    html = page(client, "/search?q=pier&speaker=okafor&offset=0")
    assert html.count('<article class="quote"') == 3
    assert "next page" not in html
    assert 'href="/clusters/1">reported by 3 articles</a>' in html


def test_speaker_page(client: TestClient) -> None:
    html = page(client, "/speakers/1")
    assert html.count('<circle class="dot"') == 2  # two dated days
    assert re.findall(r'<ul class="people addresses"><li><a class="who" href="/speakers/(\d)"',
                      html) == ["2"]
    assert '<span class="manner m-hostile">hostile</span>' in html
    assert html.count('<article class="quote"') == 4


def test_cluster_page_lists_the_reports_earliest_first(client: TestClient) -> None:
    html = page(client, "/clusters/1")
    assert re.findall(r'href="/articles/(a\d)#quote-q1"', html) == ["a1", "a2", "a3"]
    assert "Reported 3 times in 3 articles; first on 2026-05-01" in html


def test_unknown_pages_are_html_errors(client: TestClient) -> None:
    assert "no speaker 42" in page(client, "/speakers/42", 404)
    assert "no such page: /nowhere" in page(client, "/nowhere", 404)
    assert "Error 400" in page(client, "/speakers/x", 400)


def test_article_ids_with_slashes_and_spaces_link(tmp_path: Path) -> None:
    db = tmp_path / "ids.db"
    with Store.open(db) as store:
        store.write_batch([prepare(article("wire/2026 05/x?y", "2026-05-01",
                                           [Line("Ada Moss", "A quiet word for the record")]))])
    client = TestClient(create_app(db))
    home = page(client, "/")
    [href] = re.findall(r'<a href="(/articles/[^"]+)">', home)
    assert href == "/articles/wire%2F2026%2005%2Fx%3Fy"
    assert "A quiet word for the record" in page(client, href)
    assert get(client, "/api/articles/wire%2F2026%2005%2Fx%3Fy")["data"]["article"]["id"] == (
        "wire/2026 05/x?y")


# -- store -> API round trip ------------------------------------------------------------------

_NAME = st.text(alphabet=st.characters(categories=("L",)), min_size=1, max_size=12)
_WORDS = st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "Zs", "S")),
                 min_size=1, max_size=60)
_LINE = st.builds(Line, speaker=_NAME, words=_WORDS,
                  addressee=st.none() | _NAME,
                  manner=st.sampled_from(["neutral", "hostile", "humorous"]))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(_LINE, min_size=1, max_size=5),
       date=st.none() | st.dates().map(lambda d: d.isoformat()),
       title=st.none() | _WORDS, aid=_WORDS)
def test_store_to_api_round_trip(lines: list[Line], date: str | None, title: str | None,
                                 aid: str) -> None:
    doc = article(aid, date, lines, title=title)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "rt.db"
        with Store.open(db) as store:
            store.write_batch([prepare(doc)])
        client = TestClient(create_app(db))
        [listed] = get(client, "/api/articles")["data"]
        assert listed["id"] == aid
        quoted = quote(aid, safe="")
        assert get(client, f"/api/articles/{quoted}")["data"] == doc
        records = get(client, f"/api/quotations?article={quoted}")["data"]
        assert [{k: r[k] for k in doc["quotes"][0]} for r in records] == doc["quotes"]
        client.close()


def test_min_confidence_filters_the_api_the_page_and_refuses_bad_values(
        client: TestClient) -> None:
    # every invented record has confidence 0.9
    everything = get(client, "/api/quotations?limit=200")["data"]
    assert get(client, "/api/quotations?limit=200&min_confidence=0.9")["data"] == everything
    assert get(client, "/api/quotations?min_confidence=0.95")["data"] == []
    assert get(client, "/api/search?q=ferry&min_confidence=0.95")["data"] == []
    assert get(client, "/api/quotations?min_confidence=1.5", 400)["ok"] is False
    html = page(client, "/search?q=ferry&min_confidence=0.95")
    assert '<option value="0.9">≥ 0.9</option>' in html and "Nobody" not in html
    assert "min_confidence must be a number" in page(client, "/search?min_confidence=x", 400)

"""``detente extract`` records and the HTML title/byline rules."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from lxml import html as lxml_html

from detente.cli import main
from detente.extract.html_meta import best_authors, best_title, clean_authors, strip_site_name
from detente.extract.metadata_eval import norm_title, split_authors

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_extract_command_writes_one_record_per_document(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["extract", "--no-quotes", str(EXAMPLES / "html"), str(EXAMPLES / "text")]
    )
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert len(records) == 6
    keys = {"id", "path", "title", "date", "authors", "publisher", "language", "genre", "body", "captions"}
    assert all(keys | {"turns", "quotes"} <= set(r) for r in records)
    interview = next(r for r in records if r["genre"] == "interview")
    assert interview["turns"] and interview["turns"][0]["question"]
    assert all(len(r["id"]) == 64 and r["quotes"] is None for r in records)


def test_extract_command_json_and_skips(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = CliRunner().invoke(
        main,
        ["extract", "--no-quotes", "--format", "json", str(EXAMPLES / "html"), str(tmp_path / "empty.txt")],
    )
    assert result.exit_code == 1
    assert "skipped" in result.stderr
    assert len(json.loads(result.stdout)) == 3


def test_title_prefers_the_headline_over_a_site_suffix() -> None:
    tree = lxml_html.fromstring("<html><body><h1>World</h1><h1>Talks resume in Geneva</h1></body></html>")
    assert (
        best_title("Talks resume in Geneva - Example News", tree, ["Example News"])
        == "Talks resume in Geneva"
    )
    assert best_title("Talks resume | Example", None, ["example.com", "example"]) == "Talks resume"
    assert strip_site_name("Opinion | Example News", ["Example News"]) == "Opinion"
    assert strip_site_name("A - B - C", ["D"]) == "A - B - C"


def test_authors_drop_publishers_desks_and_wrappers() -> None:
    assert clean_authors(["ABC News", "Yi-Jin Yu"], ["ABC News"]) == ("Yi-Jin Yu",)
    assert clean_authors(["View all posts by Will Mac"], []) == ("Will Mac",)
    assert clean_authors(["Daniel Roe | Sponsored"], []) == ("Daniel Roe",)
    assert clean_authors(["Andrew Bo, Chief Technology Officer and Head of Labs"], []) == ("Andrew Bo",)
    assert clean_authors(["The Associated Press", "AOL Staff"], []) == ()
    page = lxml_html.fromstring(
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "author": '
        '[{"@type": "Person", "name": "Robert E. Moffit"}]}</script></head><body></body></html>'
    )
    assert best_authors(("Robert E Moffit",), page, []) == ("Robert E. Moffit",)


def test_metadata_comparison_helpers() -> None:
    assert norm_title("It’s  here") == "It's here"
    assert split_authors("A. B, C and D") == {"a. b", "c", "d"}
    assert split_authors(("X Y",)) == {"x y"}

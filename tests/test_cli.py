"""The headless command line: list, show and mark, as scripts use them."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from newsread.cli import main

LIST_KEYS = {"id", "title", "source", "published", "url", "read", "bookmarked"}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    return json.loads(out)


def test_list_json_on_a_fresh_config_dir_shows_the_five_samples(
    capsys: pytest.CaptureFixture[str],
) -> None:
    articles = run_json(capsys, "list", "--json")
    assert len(articles) == 5
    assert all(set(article) == LIST_KEYS for article in articles)
    titles = {article["title"] for article in articles}
    assert "Elon Musk’s xAI closes upsized $20B Series E funding round" in titles
    assert not any(article["read"] or article["bookmarked"] for article in articles)
    assert all(len(article["id"]) >= 8 for article in articles)
    assert len({article["id"] for article in articles}) == 5


def test_the_library_lives_in_the_config_dir(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run_json(capsys, "list", "--json")
    assert (tmp_path / "config" / "newsread.db").is_file()


def test_ids_are_the_same_in_two_separate_libraries(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    first = run_json(capsys, "list", "--json")
    second = run_json(capsys, "--config-dir", str(tmp_path / "other"), "list", "--json")
    assert sorted(a["id"] for a in first) == sorted(a["id"] for a in second)


def test_show_json_gives_body_and_entities_with_offsets_into_the_body(
    capsys: pytest.CaptureFixture[str],
) -> None:
    articles = run_json(capsys, "list", "--json")
    target = next(a for a in articles if a["title"].startswith("Nvidia CEO Jensen Huang"))
    shown = run_json(capsys, "show", target["id"], "--json")
    assert set(shown) == LIST_KEYS | {"body", "entities"}
    assert shown["id"] == target["id"]
    body = shown["body"]
    assert "world-class" in body
    assert shown["entities"], "the article names people and companies"
    for entity in shown["entities"]:
        assert set(entity) == {"start", "end", "label", "text"}
        assert body[entity["start"] : entity["end"]] == entity["text"]
    texts = {entity["text"] for entity in shown["entities"]}
    assert "Jensen Huang" in texts


def test_show_accepts_a_unique_id_prefix(capsys: pytest.CaptureFixture[str]) -> None:
    article = run_json(capsys, "list", "--json")[0]
    shown = run_json(capsys, "show", article["id"][:6], "--json")
    assert shown["id"] == article["id"]


def test_show_prints_the_article_for_people(capsys: pytest.CaptureFixture[str]) -> None:
    article = run_json(capsys, "list", "--json")[0]
    code, out, _ = run(capsys, "show", article["id"])
    assert code == 0
    assert article["title"][:30] in out


def test_mark_changes_what_list_reports(capsys: pytest.CaptureFixture[str]) -> None:
    articles = run_json(capsys, "list", "--json")
    first, second = articles[0]["id"], articles[1]["id"]
    assert run(capsys, "mark", first, second, "--read")[0] == 0
    assert run(capsys, "mark", first, "--bookmark")[0] == 0

    unread = {a["id"] for a in run_json(capsys, "list", "--unread", "--json")}
    assert unread == {a["id"] for a in articles} - {first, second}
    bookmarked = run_json(capsys, "list", "--bookmarked", "--json")
    assert [a["id"] for a in bookmarked] == [first]
    assert bookmarked[0]["read"] is True and bookmarked[0]["bookmarked"] is True

    with pytest.raises(SystemExit) as exit_info:  # one action at a time
        main(["mark", first, "--unread", "--unbookmark"])
    assert exit_info.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err
    assert run(capsys, "mark", first, "--unbookmark")[0] == 0
    assert run_json(capsys, "list", "--bookmarked", "--json") == []


def test_list_search_finds_words_in_bodies(capsys: pytest.CaptureFixture[str]) -> None:
    found = run_json(capsys, "list", "--search", "turbines", "--json")
    assert [a["title"] for a in found] == [
        "Elon Musk confirms xAI’s purchase of five 380 MW natural gas turbines"
    ]


@pytest.mark.parametrize(
    "argv",
    [("show", "ffffffffffff"), ("mark", "zzzz", "--read"), ("show", "")],
)
def test_unknown_ids_are_one_line_errors(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    code, out, err = run(capsys, *argv)
    assert code != 0
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("newsread: error: ")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_an_unwritable_config_dir_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
    code, _, err = run(capsys, "--config-dir", str(locked / "inner"), "list")
    assert code != 0 and err.count("\n") == 1 and str(locked) in err


def test_a_config_dir_that_is_a_file_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    code, _, err = run(capsys, "--config-dir", str(blocker), "list")
    assert code != 0 and err.count("\n") == 1 and str(blocker) in err


def test_the_console_script_runs_as_a_process(tmp_path: Path) -> None:
    env = dict(os.environ, NEWSREAD_CONFIG_DIR=str(tmp_path / "proc"))
    result = subprocess.run(
        [sys.executable, "-m", "newsread", "list", "--json"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 5


def add_a_newer_format(monkeypatch: pytest.MonkeyPatch) -> int:
    """Pretend this newsread knows one more schema step; return its version."""
    from newsread.library import migrations

    newer = migrations.Migration(
        migrations.latest_version() + 1,
        "a test column",
        lambda conn: conn.execute("ALTER TABLE articles ADD COLUMN note TEXT"),
    )
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, newer])
    return newer.version


def test_upgrading_a_large_library_says_so_once_and_keeps_json_clean(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsread import cli

    run_json(capsys, "list", "--json")
    newer = add_a_newer_format(monkeypatch)
    monkeypatch.setattr(cli, "UPGRADE_NOTICE_BYTES", 0)  # every library counts as large here
    code, out, err = run(capsys, "list", "--json")
    assert code == 0
    assert len(json.loads(out)) == 5
    assert err.count("\n") == 1
    assert err.startswith("newsread: upgrading the library ")
    assert f"→ {newer}" in err
    # Once upgraded, the next run says nothing.
    assert run(capsys, "list", "--json")[2] == ""


def test_upgrading_a_small_library_is_silent(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run_json(capsys, "list", "--json")
    add_a_newer_format(monkeypatch)
    assert run(capsys, "list", "--json")[2] == ""

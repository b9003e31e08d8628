"""Files and folders on disk, and telling formats apart."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from newsread.errors import SourceError
from newsread.ingest.formats import Format, detect_format
from newsread.ingest.local import LocalDocument, iter_folder, read_local_file

RSS = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>'
    b"<item><title>Feed item</title><description>x</description></item></channel></rss>"
)
SEED_STYLE = (
    "News\nCouncil approves new budget for schools\nThe vote was close.\n"
    "The council met on Monday and voted to approve the plan after a long debate.\n"
)


@pytest.mark.parametrize(
    ("data", "name", "content_type", "expected"),
    [
        (b'<?xml version="1.0"?>\n<!-- hi --><rss version="2.0">', "notes.txt", "", Format.FEED),
        (b"<feed xmlns='http://www.w3.org/2005/Atom'>", "", "", Format.FEED),
        (b"<rdf:RDF xmlns:rdf='x'>", "", "text/html", Format.FEED),
        (b'<?xml version="1.0"?><!DOCTYPE opml><opml version="2.0">', "", "", Format.OPML),
        (b"<!doctype html><title>x</title>", "page.xml", "", Format.HTML),
        (b"<html><body>x</body></html>", "", "", Format.HTML),
        (codecs.BOM_UTF16_LE + "<rss version='2.0'>".encode("utf-16-le"), "", "", Format.FEED),
        (b"# Title\n\ntext", "post.md", "", Format.MARKDOWN),
        (b"# Title\n\ntext", "post.markdown", "", Format.MARKDOWN),
        (b"Plain words", "story.txt", "", Format.TEXT),
        (b"<p>fragment</p>", "saved.htm", "", Format.HTML),
        (b"<catalog/>", "data.xml", "", Format.FEED),
        (b"whatever", "subs.opml", "", Format.OPML),
        (b"Plain words", "", "text/plain; charset=utf-8", Format.TEXT),
        (b"<p>x</p>", "", "text/html", Format.HTML),
        (b"Plain words", "notes.log", "", None),
        (b"\x89PNG\r\n\x1a\n", "photo.png", "", None),
        (b"GIF89a\x01\x00", "anim.txt", "", None),
        (b"text with \x00 nul", "a.txt", "", None),
        (bytes(range(1, 32)) * 20, "a.md", "", None),
    ],
)
def test_detect_format(data: bytes, name: str, content_type: str, expected: Format | None) -> None:
    assert detect_format(data, name=name, content_type=content_type) == expected


def test_reads_each_format(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(SEED_STYLE)
    (tmp_path / "post.md").write_text("---\ntitle: From front matter\n---\nBody *text*.\n")
    (tmp_path / "page.html").write_bytes(
        b"<html><head><title>Saved page</title></head><body><p>Hello</p></body></html>"
    )
    (tmp_path / "feed.xml").write_bytes(RSS)
    (tmp_path / "subs.opml").write_bytes(
        b'<opml version="2.0"><body><outline text="x" xmlUrl="https://x.example/"/></body></opml>'
    )
    text = read_local_file(tmp_path / "story.txt")
    assert text.format is Format.TEXT
    assert [article.title for article in text.articles] == [
        "Council approves new budget for schools"
    ]
    markdown = read_local_file(tmp_path / "post.md")
    assert (markdown.format, markdown.articles[0].title) == (Format.MARKDOWN, "From front matter")
    html = read_local_file(tmp_path / "page.html")
    assert (html.format, html.articles[0].title, html.articles[0].body) == (
        Format.HTML,
        "Saved page",
        "Hello",
    )
    feed = read_local_file(tmp_path / "feed.xml")
    assert (feed.format, [a.title for a in feed.articles]) == (Format.FEED, ["Feed item"])
    assert read_local_file(tmp_path / "subs.opml") == LocalDocument(
        tmp_path / "subs.opml", Format.OPML, []
    )


def test_cp1252_markdown_file_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "old.md"
    path.write_bytes("# Caf\u00e9 \u201cnews\u201d\n\nbody".encode("cp1252"))
    assert read_local_file(path).articles[0].title == "Café “news”"


def test_binary_and_unknown_files_are_one_line_errors(tmp_path: Path) -> None:
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    with pytest.raises(SourceError, match=r"photo\.jpg: not a text, Markdown, HTML or feed file"):
        read_local_file(photo)
    broken_feed = tmp_path / "page.xml"
    broken_feed.write_bytes(b"<catalog><book/></catalog>")
    with pytest.raises(SourceError, match="not an RSS or Atom feed"):
        read_local_file(broken_feed)
    with pytest.raises(SourceError, match="cannot read"):
        read_local_file(tmp_path / "missing.md")


def test_folder_walk_is_sorted_recursive_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b.md").write_text("# B\n\nb")
    (tmp_path / "a.txt").write_text(SEED_STYLE)
    (tmp_path / "empty.md").write_text("")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    (tmp_path / "notes.unknownext").write_text("some words")
    (tmp_path / ".hidden.md").write_text("# Hidden")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config.md").write_text("# Secret")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.md").write_text("# C\n\nc")
    results = list(iter_folder(tmp_path))
    documents = [result for result in results if isinstance(result, LocalDocument)]
    errors = [str(result) for result in results if isinstance(result, SourceError)]
    assert [doc.path.relative_to(tmp_path).as_posix() for doc in documents] == [
        "a.txt",
        "b.md",
        "empty.md",
        "sub/c.md",
    ]
    assert [doc.articles[0].title for doc in documents if doc.articles] == [
        "Council approves new budget for schools",
        "B",
        "C",
    ]
    assert next(doc for doc in documents if doc.path.name == "empty.md").articles == []
    assert errors == [
        "skipped notes.unknownext: not a text, Markdown, HTML or feed file",
        "skipped photo.jpg: not a text, Markdown, HTML or feed file",
    ]


def test_folder_walk_survives_symlink_loops(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text("# A\n\na")
    (tmp_path / "sub" / "loop").symlink_to(tmp_path)
    documents = [r for r in iter_folder(tmp_path) if isinstance(r, LocalDocument)]
    assert [doc.articles[0].title for doc in documents] == ["A"]


def test_large_files_are_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("newsread.ingest.local.MAX_FILE_BYTES", 10)
    (tmp_path / "big.md").write_text("# Big\n\nmore than ten bytes")
    [result] = list(iter_folder(tmp_path))
    assert isinstance(result, SourceError)
    assert str(result) == "skipped big.md: it is larger than 20 MB"


def test_a_file_is_not_a_folder(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("x")
    [result] = list(iter_folder(path))
    assert isinstance(result, SourceError)

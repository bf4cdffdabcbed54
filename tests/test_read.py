"""Reading sources: formats, encodings, boilerplate, and bad input."""

import pytest

from factcheck.pipeline.read import (
    ReadError,
    decode,
    drop_boilerplate,
    markdown_to_text,
    read_article,
)
from factcheck.settings import CompareSettings

SETTINGS = CompareSettings.load().read
ARTICLE = (
    "The city council approved the new budget on Monday after a long debate. "
    "The mayor said the plan would fund three new schools and repair old roads."
)


def test_plain_text_drops_boilerplate_lines(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(
        f"{ARTICLE}\n\nLeave a Reply\n\nYour email address will not be published. "
        "Required fields are marked *\nShare this article\n"
    )
    article = read_article(path, SETTINGS, "a")
    assert article.text == ARTICLE
    assert article.name == "story.txt"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "cp1252", "latin-1"])
def test_encodings_are_detected(tmp_path, encoding):
    text = ARTICLE + " The café owner, Zoë Müller, welcomed the décision."
    path = tmp_path / "story.txt"
    path.write_bytes(text.encode(encoding))
    assert "Zoë Müller" in read_article(path, SETTINGS, "a").text


def test_markdown_markup_is_removed():
    text = markdown_to_text(
        "# Budget passes\n\nThe **council** [approved](http://x) it.\n- one item"
    )
    assert text == "Budget passes\n\nThe council approved it.\none item"


def test_html_page_keeps_the_article_and_drops_the_site(tmp_path):
    paragraphs = "".join(
        f"<p>{ARTICLE} Paragraph {i} adds more detail about the vote.</p>" for i in range(4)
    )
    page = (
        f"<html><head><title>Council passes budget</title></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<div class='cookie-banner'>We use cookies to improve your experience.</div>"
        f"<article><h1>Council passes budget</h1>{paragraphs}</article>"
        f"<div id='comments'><h3>Leave a Reply</h3><form><textarea></textarea></form></div>"
        f"<footer>Copyright © 2025 The Daily Example. All rights reserved.</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page)
    text = read_article(path, SETTINGS, "a").text
    assert "approved the new budget" in text
    for junk in ("Leave a Reply", "We use cookies", "All rights reserved", "Home"):
        assert junk not in text


def test_malformed_html_still_reads_or_fails_cleanly(tmp_path):
    path = tmp_path / "broken.html"
    path.write_text(f"<html><body><div><p>{ARTICLE} {ARTICLE}<p><b>unclosed <i>tags</div>")
    assert "city council" in read_article(path, SETTINGS, "a").text
    empty_page = tmp_path / "empty.html"
    empty_page.write_text("<html><body><nav>Home</nav></body></html>")
    with pytest.raises(ReadError, match=r"no article text|too short"):
        read_article(empty_page, SETTINGS, "a")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02\x03\xff\xfe\x00" * 50, "binary"),
        (b"Short one.", "too short"),
        (
            "Der Stadtrat hat am Montag nach langer Debatte den neuen Haushalt beschlossen, "
            "sagte die Bürgermeisterin vor Journalisten im Rathaus.".encode(),
            "English",
        ),
    ],
)
def test_bad_inputs_are_clear_errors(tmp_path, content, message):
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    with pytest.raises(ReadError, match=message):
        read_article(path, SETTINGS, "a")


def test_missing_path_folder_and_huge_file(tmp_path):
    with pytest.raises(ReadError, match="not found"):
        read_article(tmp_path / "nope.txt", SETTINGS, "a")
    with pytest.raises(ReadError, match="folder"):
        read_article(tmp_path, SETTINGS, "a")
    huge = tmp_path / "huge.txt"
    huge.write_text(ARTICLE * (SETTINGS.max_bytes // len(ARTICLE) + 10))
    with pytest.raises(ReadError, match="too large"):
        read_article(huge, SETTINGS, "a")


def test_decode_prefers_utf8_and_honours_boms():
    assert decode("naïve".encode(), "x") == "naïve"
    assert decode("\ufeffnaïve".encode("utf-8"), "x") == "naïve"
    assert decode("naïve".encode("utf-16"), "x") == "naïve"


def test_boilerplate_matching_is_whole_line():
    text = "Readers leave a reply rarely.\nLeave a Reply\nShare this article"
    assert drop_boilerplate(text, SETTINGS.boilerplate) == "Readers leave a reply rarely."


# Real news text in each encoding: the seed articles (curly quotes, dashes) and a paragraph
# with the accented names and symbols Latin-1 can hold.
LATIN1_NEWS = (
    "Zoë Müller, the café's owner, said the 2½-hour protest in São Paulo ended at 18°C.\n"
    "Officials in Malmö and Málaga confirmed the façade would be repaired for 2 million euros.\n"
)


@pytest.mark.parametrize("seed", ["article_a.txt", "article_b.txt"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "cp1252"])
def test_real_news_decodes_exactly_in_every_encoding(seed, encoding):
    import warnings

    from factcheck.pipeline.read import GuessedEncodingWarning
    from factcheck.resources import resolve

    text = resolve(f"shared:seeds/{seed}").read_text(encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert decode(text.encode(encoding), seed) == text
    guessed = [w for w in caught if issubclass(w.category, GuessedEncodingWarning)]
    # Only a guess is reported: UTF-8 and UTF-16 are certain, and so is plain ASCII (seed A),
    # which Windows-1252 writes as valid UTF-8; Windows-1252 beyond ASCII is a guess.
    assert bool(guessed) == (encoding == "cp1252" and not text.isascii())


def test_latin1_news_decodes_exactly_with_a_note():
    import warnings

    from factcheck.pipeline.read import GuessedEncodingWarning

    with pytest.warns(GuessedEncodingWarning, match="not UTF-8"):
        assert decode(LATIN1_NEWS.encode("latin-1"), "x.txt") == LATIN1_NEWS
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert decode(LATIN1_NEWS.encode("utf-8"), "x.txt") == LATIN1_NEWS


def test_cp1252_source_is_compared_as_written_with_one_warning_line(tmp_path):
    from factcheck.resources import resolve

    from .conftest import run_cli

    text = resolve("shared:seeds/article_b.txt").read_text(encoding="utf-8")
    path = tmp_path / "b_cp1252.txt"
    path.write_bytes(text.encode("cp1252"))
    result = run_cli("compare", str(resolve("shared:seeds/article_a.txt")), str(path), "-f", "json")
    assert result.returncode == 0, result.stderr.decode()
    stderr = result.stderr.decode().strip().splitlines()
    assert stderr == [
        "factcheck: warning: b_cp1252.txt is not UTF-8; read as Windows-1252 (Western European)"
    ]
    import json

    claims = [c["text"] for c in json.loads(result.stdout)["claims"]]
    assert any("Japan’s surrender" in c for c in claims)


def test_a_german_article_is_refused_in_one_line_unless_any_language(tmp_path):
    from .conftest import FIXTURES, ROOT, run_cli

    english = str(ROOT / "examples" / "bridge_a.txt")
    german = str(FIXTURES / "bridge_de.txt")
    refused = run_cli("compare", english, german)
    assert refused.returncode == 2
    stderr = refused.stderr.decode().strip()
    assert stderr.splitlines() == [
        "factcheck: error: bridge_de.txt reads as German (de), not en: factcheck's models read "
        "English; --any-language compares it anyway"
    ]
    allowed = run_cli("compare", english, german, "--any-language", "-f", "json")
    assert allowed.returncode == 0, allowed.stderr.decode()


def test_every_english_source_in_the_project_reads_as_english():
    from factcheck.pipeline.read import detect_language
    from factcheck.resources import resolve

    from .conftest import FIXTURES, ROOT

    paths = [
        resolve("shared:seeds/article_a.txt"),
        resolve("shared:seeds/article_b.txt"),
        *sorted((ROOT / "examples").glob("*.txt")),
        *sorted(p for p in FIXTURES.glob("*.txt") if p.name != "bridge_de.txt"),
    ]
    for path in paths:
        assert detect_language(path.read_text(encoding="utf-8"))[0] == "en", path.name

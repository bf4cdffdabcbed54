"""Read stage: a file, stdin or a string becomes an `Article` with clean article text.

HTML goes through trafilatura (main-text extraction: navigation, footers, comment forms and
cookie notices dropped); bytes are decoded with BOM detection, strict UTF-8, then
charset-normalizer's best guess (UTF-16, CP-1252/Latin-1 …). Web boilerplate lines listed
in `configs/compare.yaml` are dropped from every kind of input.
"""

from __future__ import annotations

import re
import sys
import warnings
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from factcheck.errors import FactcheckError
from factcheck.pipeline.furniture import drop_furniture
from factcheck.schema import Article
from factcheck.settings import ReadSettings

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
ARTICLE_SUFFIXES = {".txt", ".html", ".htm", *MARKDOWN_SUFFIXES}  # what a folder source holds


class ReadError(FactcheckError):
    """An input that cannot be compared; the message says why in one line."""


def decode(raw: bytes, name: str) -> str:
    """Bytes to text: BOMs first, then strict UTF-8, then charset-normalizer's best guess."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace")
    if b"\x00" in raw[:4096]:
        # NUL bytes without a BOM: UTF-16 without BOM, or a binary file.
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _looks_like_text(text):
                return text
        raise ReadError(f"{name} is a binary file, not text")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # English news that is not UTF-8 is Windows-1252 or Latin-1 (a few curly quotes, dashes
    # and accented names among ASCII). A statistical guesser reads so few non-ASCII bytes as
    # any of dozens of encodings (big5hkscs: "Japan𠏋 surrender"), so these come first.
    if _ascii_share(raw) >= WESTERN_ASCII_SHARE:
        for encoding, label in (("cp1252", "Windows-1252"), ("latin-1", "Latin-1")):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError:
                continue  # bytes Windows-1252 leaves undefined: Latin-1
            warnings.warn(
                f"{name} is not UTF-8; read as {label} (Western European)",
                GuessedEncodingWarning,
                stacklevel=2,
            )
            return text
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise ReadError(f"{name} is a binary file or in an unknown encoding")
    text = str(best)
    if not _looks_like_text(text):
        raise ReadError(f"{name} is a binary file, not text")
    warnings.warn(
        f"{name} is not UTF-8; its encoding was guessed as {best.encoding}: "
        "check the text, or save it as UTF-8",
        GuessedEncodingWarning,
        stacklevel=2,
    )
    return text


# How text files look, for telling text from binary and guessing an encoding: properties of
# the formats (tests/test_read.py pins them), not thresholds a user tunes, so not settings.
# Share of ASCII bytes above which undecodable text is taken for Western European.
WESTERN_ASCII_SHARE = 0.9
# Share of printable characters at the start of a text below which it is binary.
PRINTABLE_SHARE = 0.95


class GuessedEncodingWarning(UserWarning):
    """A source's encoding was guessed; the text may be garbled."""


def _ascii_share(raw: bytes) -> float:
    return sum(byte < 0x80 for byte in raw) / len(raw) if raw else 1.0


def _looks_like_text(text: str) -> bool:
    sample = text[:4000]  # enough characters to tell, read fast on any size
    if not sample:
        return True
    printable = sum(ch.isprintable() or ch in "\n\r\t" for ch in sample)
    return printable / len(sample) > PRINTABLE_SHARE


MARKDOWN_RULES = [
    (re.compile(r"^\s{0,3}#{1,6}\s+", re.M), ""),  # headings
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images → alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links → their text
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?!\w)"), r"\1"),  # italics
    (re.compile(r"^\s{0,3}>\s?", re.M), ""),  # block quotes
    (re.compile(r"^\s{0,3}([-*+]|\d+[.)])\s+", re.M), ""),  # list markers
    (re.compile(r"^\s{0,3}([-*_]\s*){3,}$", re.M), ""),  # rules
    (re.compile(r"`([^`]*)`"), r"\1"),  # inline code
]


def markdown_to_text(text: str) -> str:
    """Markdown's markup removed, its words kept. A few regular expressions suffice: an
    article needs only its prose, and a Markdown renderer would give HTML to strip again."""
    for pattern, replacement in MARKDOWN_RULES:
        text = pattern.sub(replacement, text)
    return text


def html_to_text(html: str, name: str) -> tuple[str, str | None]:
    """The article's main text and publication date, by trafilatura."""
    import trafilatura

    text = trafilatura.extract(
        html,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        include_links=False,
        include_formatting=False,
        deduplicate=True,
    )
    if not text or not text.strip():
        raise ReadError(f"{name}: no article text found in the HTML page")
    metadata = trafilatura.extract_metadata(html)
    published = getattr(metadata, "date", None) if metadata else None
    title = getattr(metadata, "title", None) if metadata else None
    if title and not text.lstrip().startswith(title):
        text = f"{title}\n{text}"
    return text, published


def _boilerplate_matcher(patterns: Sequence[str]):
    exact = {p.lower() for p in patterns if not p.endswith("*")}
    prefixes = tuple(p[:-1].lower() for p in patterns if p.endswith("*"))

    def is_boilerplate(line: str) -> bool:
        stripped = line.strip().lower().rstrip(":.!")
        return bool(stripped) and (stripped in exact or stripped.startswith(prefixes))

    return is_boilerplate


def drop_boilerplate(text: str, patterns: Sequence[str]) -> str:
    is_boilerplate = _boilerplate_matcher(patterns)
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    kept = [line for line in lines if not is_boilerplate(line)]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()


def check_article(text: str, name: str, settings: ReadSettings) -> None:
    words = re.findall(r"[A-Za-z\u00C0-\u024F']+", text)
    if not text.strip():
        raise ReadError(f"{name} is empty")
    if len(words) < settings.min_words:
        raise ReadError(f"{name} is too short to compare ({len(words)} words): give an article")
    allowed = settings.languages or []
    if allowed:
        language, confidence = detect_language(text)
        if language not in allowed and confidence >= settings.language_confidence:
            raise ReadError(
                f"{name} reads as {LANGUAGE_NAMES.get(language, language)} ({language}), not "
                f"{', '.join(allowed)}: factcheck's models read English; --any-language "
                "compares it anyway"
            )


# Names for the languages a newsroom most often meets; others are shown by their code.
LANGUAGE_NAMES = {
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "ru": "Russian",
    "uk": "Ukrainian",
    "pl": "Polish",
    "tr": "Turkish",
    "ar": "Arabic",
    "zh": "Chinese",
    "ja": "Japanese",
    "ko": "Korean",
    "sv": "Swedish",
    "da": "Danish",
    "no": "Norwegian",
}


@cache
def _language_identifier():
    # py3langid (langid.py's maintained successor) ships its model in the wheel.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """The language of a text (ISO 639-1) and the detector's probability for it."""
    language, probability = _language_identifier().classify(text)
    return language, float(probability)


def read_article(
    source: str | Path,
    settings: ReadSettings,
    article_id: str,
    name: str | None = None,
    text: str | None = None,
    published: str | None = None,
) -> Article:
    """An `Article` from a path, '-' (stdin), or `text` given directly."""
    if text is not None:
        name = name or article_id
        return _article(text, _sniff_kind(text, "text"), name, settings, article_id, published)
    path_text = str(source)
    if path_text == "-":
        return read_bytes(sys.stdin.buffer.read(), name or "stdin", settings, article_id, published)
    path = Path(path_text)
    name = name or path.name
    if not path.exists():
        raise ReadError(f"file not found: {path_text}")
    if path.is_dir():
        raise ReadError(f"{path_text} is a folder; give article files")
    size = path.stat().st_size
    if size > settings.max_bytes:
        raise ReadError(f"{name} is too large ({size:,} bytes; limit {settings.max_bytes:,})")
    return read_bytes(path.read_bytes(), name, settings, article_id, published, suffix=path.suffix)


def read_bytes(
    raw: bytes,
    name: str,
    settings: ReadSettings,
    article_id: str,
    published: str | None = None,
    suffix: str | None = None,
) -> Article:
    """An `Article` from the bytes of a file (an upload, stdin); `suffix` (default: the one
    in `name`) says whether it is HTML, Markdown or plain text."""
    if len(raw) > settings.max_bytes:
        raise ReadError(f"{name} is too large ({len(raw):,} bytes; limit {settings.max_bytes:,})")
    suffix = (suffix if suffix is not None else Path(name).suffix).lower()
    kind = (
        "html" if suffix in HTML_SUFFIXES else "markdown" if suffix in MARKDOWN_SUFFIXES else "text"
    )
    text = decode(raw, name)
    return _article(text, _sniff_kind(text, kind), name, settings, article_id, published)


def _sniff_kind(text: str, kind: str) -> str:
    """A saved web page is HTML whatever its name says."""
    if kind == "text" and re.match(r"\s*(<!doctype html|<html)", text[:500], re.I):
        return "html"
    return kind


def _article(
    text: str,
    kind: str,
    name: str,
    settings: ReadSettings,
    article_id: str,
    published: str | None,
) -> Article:
    if kind == "html":
        text, found_date = html_to_text(text, name)
        published = published or found_date
    elif kind == "markdown":
        text = markdown_to_text(text)
    text = drop_boilerplate(text, settings.boilerplate)
    if settings.furniture.enabled and text.strip():
        text = drop_furniture(text, settings.furniture)
        if not text:
            raise ReadError(
                f"{name}: no article text, only page furniture (captions, links, prompts)"
            )
    check_article(text, name, settings)
    return Article(id=article_id, name=name, text=text, published=published)


def source_ids(count: int) -> list[str]:
    """a, b, …, z, then s27, s28 …"""
    return [chr(ord("a") + i) if i < 26 else f"s{i + 1}" for i in range(count)]

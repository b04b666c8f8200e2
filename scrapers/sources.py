"""Sources as data: ``sources.yaml`` (shipped) plus an optional user file, validated on load.

A ``Source`` says where a site lists its articles and how to read them; a URL given on
the command line becomes a generic ``Source`` (links and bodies found heuristically).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit


from minutes.errors import ScrapeError

SHIPPED = Path(__file__).with_name("sources.yaml")
SELECTOR_KEYS = ("title", "date", "body")
VERIFIED = (False, "evidence", True)


@dataclass(frozen=True)
class Pagination:
    """Page k (k ≥ 1, the list URL being page 0) is ``pattern.format(n=start + k - 1)``."""

    pattern: str
    start: int = 1

    def url(self, list_url: str, k: int) -> str:
        return list_url if k == 0 else urljoin(list_url, self.pattern.format(n=self.start + k - 1))


@dataclass(frozen=True)
class Source:
    id: str
    name: str
    lists: tuple[str, ...]
    region: str | None = None
    pagination: Pagination | None = None
    links: str | None = None  # CSS of list items or their anchors
    article: re.Pattern[str] | None = None  # what an article URL looks like
    selectors: dict[str, str] = field(default_factory=dict)
    encoding: str | None = None
    delay: float | None = None
    verified: bool | str = False  # False, "evidence" (public evidence of the markup) or True (checked live)

    @property
    def hosts(self) -> list[str]:
        return sorted({urlsplit(u).hostname or "" for u in self.lists})

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "region": self.region,
            "lists": list(self.lists),
            "pagination": None if self.pagination is None else {"pattern": self.pagination.pattern, "start": self.pagination.start},
            "links": self.links,
            "article": self.article.pattern if self.article else None,
            "selectors": dict(self.selectors),
            "encoding": self.encoding,
            "delay": self.delay,
            "verified": self.verified,
        }


@dataclass(frozen=True)
class Catalog:
    """Known sources by id, and the generic rules for recognising article links."""

    sources: dict[str, Source]
    article_patterns: tuple[re.Pattern[str], ...]
    article_shapes: tuple[re.Pattern[str], ...]  # broader, for discovery when a rule finds nothing
    skip_extensions: frozenset[str]

    def resolve(self, targets: list[str], *, everything: bool = False) -> list[Source]:
        """Source ids and URLs (a URL not matching a known list becomes a generic source)."""
        chosen: dict[str, Source] = dict(self.sources) if everything else {}
        for target in targets:
            if target in self.sources:
                chosen[target] = self.sources[target]
            elif _is_url(target):
                chosen[target] = generic_source(target)
            else:
                raise ScrapeError(f"unknown source {target!r}: give a source id (see `minutes sources list`) or an http(s) URL")
        if not chosen:
            raise ScrapeError("nothing to scrape: name a source id or URL, or pass --all")
        return list(chosen.values())


def generic_source(url: str) -> Source:
    """A list page without a source entry: everything found heuristically."""
    return Source(id=url, name=urlsplit(url).hostname or url, lists=(url,))


def load_catalog(extra: Path | None = None) -> Catalog:
    """The shipped sources, then those of ``extra`` (same shape; same id replaces)."""
    shipped = _load_yaml(SHIPPED)
    data = [shipped] if extra is None else [shipped, _load_yaml(Path(extra))]
    sources: dict[str, Source] = {}
    patterns: list[str] = []
    shapes: list[str] = []
    extensions: list[str] = []
    for doc, path in zip(data, [SHIPPED, extra]):
        patterns += _str_list(doc.get("article_patterns", []), f"{path.name}: article_patterns")
        shapes += _str_list(doc.get("article_shapes", []), f"{path.name}: article_shapes")
        extensions += _str_list(doc.get("skip_extensions", []), f"{path.name}: skip_extensions")
        entries = doc.get("sources", [])
        if not isinstance(entries, list):
            raise ScrapeError(f"{path.name}: 'sources' must be a list of entries")
        for index, entry in enumerate(entries, 1):
            source = parse_source(entry, where=f"{path.name}: entry {index}")
            sources[source.id] = source
    return Catalog(
        sources=sources,
        article_patterns=tuple(_regex(p, "article_patterns") for p in patterns),
        article_shapes=tuple(_regex(p, "article_shapes") for p in shapes),
        skip_extensions=frozenset(e.lower() for e in extensions),
    )


def parse_source(entry: Any, *, where: str) -> Source:
    """One YAML entry → ``Source``; a bad field raises ScrapeError naming entry and field."""
    if not isinstance(entry, dict):
        raise ScrapeError(f"{where}: must be a mapping with id, name and lists")
    ident = entry.get("id")
    if not isinstance(ident, str) or not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", ident):
        raise ScrapeError(f"{where}: field 'id' must be a short name of letters, digits, '-', '_' or '.'")
    where = f"{where} ({ident})"

    def bad(name: str, what: str) -> ScrapeError:
        return ScrapeError(f"{where}: field '{name}' {what}")

    unknown = set(entry) - {"id", "name", "region", "lists", "pagination", "links", "article", "selectors", "encoding", "delay", "verified"}
    if unknown:
        raise bad(sorted(unknown)[0], "is not a known field")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise bad("name", "must be a non-empty string")
    lists = entry.get("lists")
    if not isinstance(lists, list) or not lists or not all(isinstance(u, str) and _is_url(u) for u in lists):
        raise bad("lists", "must be a non-empty list of http(s) URLs")
    for key in ("region", "links", "encoding"):
        if entry.get(key) is not None and not isinstance(entry[key], str):
            raise bad(key, "must be a string")
    pagination = entry.get("pagination")
    if pagination is not None:
        if not isinstance(pagination, dict) or not isinstance(pagination.get("pattern"), str) or "{n}" not in pagination["pattern"]:
            raise bad("pagination", "must be {pattern: '...{n}...', start: N}")
        start = pagination.get("start", 1)
        if not isinstance(start, int) or start < 0 or set(pagination) - {"pattern", "start"}:
            raise bad("pagination", "must be {pattern: '...{n}...', start: N}")
        pagination = Pagination(pagination["pattern"], start)
    selectors = entry.get("selectors") or {}
    if not isinstance(selectors, dict) or not all(k in SELECTOR_KEYS and isinstance(v, str) for k, v in selectors.items()):
        raise bad("selectors", f"must map {', '.join(SELECTOR_KEYS)} to CSS selectors")
    delay = entry.get("delay")
    if delay is not None and (isinstance(delay, bool) or not isinstance(delay, int | float) or delay < 0):
        raise bad("delay", "must be a number of seconds ≥ 0")
    if entry.get("verified", False) not in VERIFIED:
        raise bad("verified", "must be false, evidence (public evidence of the site's markup) or true (checked on the live site)")
    if entry.get("encoding"):
        import codecs

        try:
            codecs.lookup(entry["encoding"])
        except LookupError:
            raise bad("encoding", f"names an unknown encoding {entry['encoding']!r}") from None
    article = entry.get("article")
    if article is not None and not isinstance(article, str):
        raise bad("article", "must be a regular expression")
    return Source(
        id=ident,
        name=name.strip(),
        lists=tuple(lists),
        region=entry.get("region"),
        pagination=pagination,
        links=entry.get("links"),
        article=None if article is None else _regex(article, f"{where}: field 'article'"),
        selectors=dict(selectors),
        encoding=entry.get("encoding"),
        delay=None if delay is None else float(delay),
        verified=entry.get("verified", False),
    )


def same_site(url: str, other: str) -> bool:
    """Whether ``url`` is on the site of ``other`` (a URL or a host name): the same host,
    ``www.`` aside. A URL urllib cannot take apart is on no site."""

    def site(text: str) -> str:
        host = (urlsplit(text).hostname or "") if "://" in text else text.lower()
        return host.removeprefix("www.")

    try:
        return site(url) == site(other) != ""
    except ValueError:
        return False


def _load_yaml(path: Path) -> dict[str, Any]:
    from minutes.inputs import MAX_YAML_BYTES, parse_yaml, read_regular

    try:
        text = read_regular(path, MAX_YAML_BYTES, ScrapeError).decode("utf-8")
    except UnicodeDecodeError as error:
        raise ScrapeError(f"{path.name}: not UTF-8 text ({error.reason} at byte {error.start})") from None
    data = parse_yaml(text, ScrapeError, path.name)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ScrapeError(f"{path.name}: must be a mapping with a 'sources' list")
    return data


def _str_list(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ScrapeError(f"{where}: must be a list of strings")
    return value


def _regex(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as error:
        raise ScrapeError(f"{where}: bad regular expression {pattern!r} ({error})") from None


def _is_url(text: str) -> bool:
    parts = urlsplit(text)
    return parts.scheme in ("http", "https") and bool(parts.hostname)

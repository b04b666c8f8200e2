"""Canonical unit names: a relative name (``市生态环境局``) written in a document that
speaks for 重庆市 is ``重庆市生态环境局`` in the archive, so a search by unit finds it in
every document that names it either way.
"""

from __future__ import annotations

import re
from functools import cache

from minutes import datafiles
from minutes.models import Document, Extraction
from minutes.patterns import alternation

# Words that may stand before the place in a title: 关于印发重庆市… → 重庆市.
_TITLE_LEAD = re.compile(r"^(?:关于|印发|转发|召开|发布|《)+")


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """From the lexicon's ``region_levels`` (organizations.yaml):

    - a region, the place at the start of a name: 重庆市, 璧山区, 新疆维吾尔自治区… (two
      to seven characters and a level; the first level found ends it: 重庆市生态环境局 →
      重庆市);
    - a relative name (市生态环境局), which takes the region's name when its level word
      matches the region's last character; 市级有关部门 and 市直部门 are collectives, not
      bodies of one place."""
    levels = datafiles.load("organizations.yaml")["region_levels"]
    single = "".join(level for level in levels if len(level) == 1)
    return re.compile(rf"[\u4e00-\u9fff]{{2,7}}?(?:{alternation(levels)})"), re.compile(rf"^[{single}](?!级|直)")


def document_region(doc: Document, extraction: Extraction | None) -> str | None:
    """The place a document speaks for: the first place name at the start of its
    organizer, its title (after 关于印发…) or one of its site facts (来源…)."""
    candidates = []
    if extraction and extraction.meeting and extraction.meeting.organizer:
        candidates.append(extraction.meeting.organizer)
    for title in (extraction.title if extraction else None, doc.title):
        if title:
            candidates.append(_TITLE_LEAD.sub("", title))
    candidates.extend(doc.metadata.values())
    candidates.append(doc.source)
    for text in candidates:
        region = place_at_start(text) if isinstance(text, str) else None
        if region:
            return region
    return None


def place_at_start(text: str) -> str | None:
    """The place a name starts with: 青川市 of 青川市大气污染防治工作领导小组办公室."""
    match = _patterns()[0].match(text.strip())
    return match.group() if match else None


def canonical_unit(name: str, region: str | None) -> str:
    """``市生态环境局`` in a 重庆市 document is ``重庆市生态环境局``; a name without a
    level word, or whose level does not match the region's, stays as written."""
    if region and _patterns()[1].match(name) and region.endswith(name[0]):
        return region[:-1] + name
    return name

"""Canonical unit names: a relative name (``市生态环境局``) written in a document that
speaks for 重庆市 is ``重庆市生态环境局`` in the archive, so a search by unit finds it in
every document that names it either way.
"""

from __future__ import annotations

import re

from minutes.models import Document, Extraction

# A place at the start of a name: 重庆市, 四川省, 璧山区, 新疆维吾尔自治区, 巴州… The first one
# found in the organizer, title or site facts of a document is its region.
_REGION = re.compile(r"[\u4e00-\u9fff]{2,5}?自治区|[\u4e00-\u9fff]{2,4}?[省市县区]")
# Words that may stand before the place in a title: 关于印发重庆市… → 重庆市.
_TITLE_LEAD = re.compile(r"^(?:关于|印发|转发|召开|发布|《)+")
# A relative name (市生态环境局) takes the region's name when its level word matches the
# region's last character; 市级有关部门 and 市直部门 are collectives, not bodies of one place.
_RELATIVE = re.compile(r"^[省市县区](?!级|直)")


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
    match = _REGION.match(text.strip())
    return match.group() if match else None


def canonical_unit(name: str, region: str | None) -> str:
    """``市生态环境局`` in a 重庆市 document is ``重庆市生态环境局``; a name without a
    level word, or whose level does not match the region's, stays as written."""
    if region and _RELATIVE.match(name) and region.endswith(name[0]):
        return region[:-1] + name
    return name

"""Canonical unit names (nlp/names.py): the region comes from the lexicon's levels."""

from __future__ import annotations

import pytest

from minutes.models import Document, Extraction, Meeting
from minutes.nlp.names import canonical_unit, document_region


def organized_by(organizer: str) -> Extraction:
    meeting = Meeting(name="推进会", date=None, location=None, organizer=organizer, people=[], units=[])
    return Extraction(title=None, published=None, meeting=meeting, tasks=[])


@pytest.mark.parametrize(
    ("organizer", "region"),
    [
        ("青川县生态环境局", "青川县"),
        ("某某蒙古自治州生态环境局", "某某蒙古自治州"),
        ("某某自治区人民政府", "某某自治区"),
        ("白草旗人民政府", "白草旗"),
        ("生态环境局", None),  # no place named
    ],
)
def test_the_region_is_the_place_a_name_starts_with(organizer, region):
    doc = Document("n.txt", "txt", blocks=["会议要求加强巡查。"])
    assert document_region(doc, organized_by(organizer)) == region


@pytest.mark.parametrize(
    ("name", "region", "canonical"),
    [
        ("州生态环境局", "某某蒙古自治州", "某某蒙古自治州生态环境局"),
        ("旗林草局", "白草旗", "白草旗林草局"),
        ("县林业局", "白草旗", "县林业局"),  # another level: left as written
        ("县级有关部门", "青川县", "县级有关部门"),  # a collective, no body of one place
    ],
)
def test_relative_names_of_every_level(name, region, canonical):
    assert canonical_unit(name, region) == canonical

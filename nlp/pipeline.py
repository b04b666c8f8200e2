"""The extraction pipeline: three rule stages over a normalized ``Document``, in order:

``segment`` (clauses, numbered items, tables; ``nlp.components.clauses``) →
``meeting_of`` / ``anchor_of`` (the meeting reported, and the date deadlines resolve
against; ``nlp.components.meeting``) → ``tasks_of`` (``nlp.components.tasks``).

Every stage reads character offsets into ``document.text``; none reads word tokens. The
text is therefore not segmented into words at all: a word segmenter (jieba behind a spaCy
``Doc``) cost twice the time of the rules, and its HMM for unknown words is quadratic in
the length of a run of unknown characters (minutes on a few hundred kilobytes of one
repeated character). Every stage is linear in the text; ``tests/test_linear.py`` checks it.
"""

from __future__ import annotations

from minutes.models import Document, Extraction


def extract(document: Document) -> Extraction:
    """Meeting and tasks of a normalized document."""
    from minutes.nlp.components.clauses import segment
    from minutes.nlp.components.meeting import anchor_of, meeting_of
    from minutes.nlp.components.tasks import tasks_of

    segmentation = segment(document)
    meeting = meeting_of(document)
    anchor = anchor_of(document, meeting)
    return Extraction(
        title=document.title,
        published=document.published,
        meeting=meeting,
        tasks=tasks_of(document, segmentation, anchor),
    )

"""Understanding announcements: normalization, the extraction pipeline, deadlines.

``extract(doc)`` takes a *normalized* ``minutes.models.Document`` and returns an
``Extraction``. The spaCy pipeline is built once, lazily, on first use.
"""

from __future__ import annotations

from minutes.models import Document, Extraction


def extract(doc: Document) -> Extraction:
    from minutes.nlp.pipeline import extract as run

    return run(doc)

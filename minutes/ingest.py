"""One document's path from source to archive: read → normalize → extract → save."""

from __future__ import annotations

from minutes.models import Document, Extraction


def understand(doc: Document) -> tuple[Document, Extraction]:
    """Normalize a document as read and extract its meeting and tasks."""
    from nlp import extract
    from nlp.normalize import normalize

    normalized = normalize(doc)
    return normalized, extract(normalized)

"""The pipeline's rule components (registered spaCy factories) and the Doc extensions
through which they share results."""

from __future__ import annotations


def doc_extensions(*names: str) -> None:
    """Declare ``Doc._.<name>`` (default None) for each name a component reads or writes;
    declaring one twice is harmless, so every component names all it uses."""
    from spacy.tokens import Doc

    for name in names:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)

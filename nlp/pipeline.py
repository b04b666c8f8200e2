"""The extraction pipeline: a blank Chinese spaCy pipeline (jieba segmenter) with the
project's rule components, in order:

``minutes_clauses`` → ``minutes_meeting`` → ``minutes_tasks``

Components share results through Doc extensions (character offsets into ``doc.text``,
not token alignment — jieba's tokens do not follow unit names):

- ``document``: the ``minutes.models.Document`` being read (title, published, tables)
- ``clauses``, ``items``, ``tables``: segmentation (``nlp.components.clauses``)
- ``units``: unit names found in the clauses, computed when read (``nlp.components.units``)
- ``meeting``, ``anchor``: the meeting reported, and the date deadlines resolve against
- ``tasks``: ``minutes.models.Task`` list
"""

from __future__ import annotations

import os
import sys
import tempfile
from functools import cache
from pathlib import Path

from minutes.errors import ExtractionError
from minutes.models import Document, Extraction

COMPONENTS = ("minutes_clauses", "minutes_meeting", "minutes_tasks")


@cache
def get_nlp():
    """The pipeline, built once (loading jieba's dictionary takes about a second)."""
    import logging

    import jieba
    import spacy

    jieba.setLogLevel(logging.WARNING)
    # jieba keeps its dictionary cache in the shared temp folder by default, where a
    # second user cannot replace the first one's file (a traceback and a 9 MB leftover
    # on every run): each user gets their own.
    jieba.dt.tmp_dir = str(user_cache_dir())
    # registering the factories and their Doc extensions is a side effect of importing them
    from minutes.nlp.components import clauses, meeting, tasks, units  # noqa: F401

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.max_length = 50_000_000  # components are linear; long documents are fine
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def user_cache_dir() -> Path:
    """This user's cache folder for minutes (created, private): ``$XDG_CACHE_HOME/minutes``
    or ``~/.cache/minutes``; ``%LOCALAPPDATA%\\minutes`` on Windows, ``~/Library/Caches/minutes``
    on macOS; a private folder in the temp folder if the home folder is not writable."""
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        base = Path(os.environ["LOCALAPPDATA"])
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    for folder in (base / "minutes", Path(tempfile.gettempdir()) / f"minutes-cache-{_user_id()}"):
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            if os.access(folder, os.W_OK):
                return folder
        except OSError:
            continue
    raise ExtractionError(f"no writable cache folder (tried {base / 'minutes'}); set XDG_CACHE_HOME")


def _user_id() -> str:
    return str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")


def make_doc(nlp, text: str):
    """``nlp.make_doc`` in linear time. spaCy's Chinese tokenizer aligns jieba's words with
    the text by re-slicing the rest of the text after every word, which takes minutes on a
    few megabytes; jieba's words already cover the text exactly (whitespace included), so
    they become tokens as they are, with no trailing spaces."""
    from spacy.tokens import Doc

    words = [word for word in nlp.tokenizer.jieba_seg.cut(text, cut_all=False) if word]
    return Doc(nlp.vocab, words=words, spaces=[False] * len(words))


def extract(document: Document) -> Extraction:
    """Meeting and tasks of a normalized document."""
    nlp = get_nlp()
    try:
        doc = make_doc(nlp, document.text)
    except Exception as error:  # spaCy/jieba failure on strange input: a clear message
        raise ExtractionError(f"{document.source}: cannot segment the text ({error})") from error
    doc._.document = document
    for _, component in nlp.pipeline:
        doc = component(doc)
    return Extraction(
        title=document.title,
        published=document.published,
        meeting=doc._.meeting,
        tasks=list(doc._.tasks or []),
    )

"""The extraction pipeline: a blank spaCy ``zh`` pipeline whose components read the Doc.

``get_nlp()`` builds it once, on first use (``minutes --help`` never imports spaCy):

- the tokenizer makes one token per character (``CharTokenizer``), the tokens spaCy's own
  ``char`` segmenter makes, in linear time: that segmenter aligns each character with
  ``text[position:].index(…)``, a copy of the rest of the text per character (230 s for
  1.2 M characters). No word segmenter: jieba cost twice the time of the rules, and its
  HMM for unknown words is quadratic in a run of unknown characters. A token costs about
  220 bytes: a 1 M-character text holds a Doc of some 220 MB;
- ``minutes_orgs`` — the organisation recognizer: a ``PhraseMatcher`` on token ORTH over
  the character tokens, its patterns the organ suffixes of ``nlp/data/organizations.yaml``,
  and the names in running text that end with them and start like an administrative body
  (``doc.spans["orgs"]``, label ``ORG``; ``nlp.components.units`` decides what a name is,
  for this component and for the readers of tasks and meetings alike). ``minutes_tasks``
  reads the spans: the subject of a directive (``市住建委、市城管委要…``) is the names found
  that end it; the meeting stage does not read them yet;
- ``minutes_clauses`` → ``doc._.clauses`` (clauses, numbered items, tables;
  ``nlp.components.clauses``);
- ``minutes_meeting`` → ``doc._.meeting`` and ``doc._.anchor`` (the meeting reported and
  the date deadlines resolve against; ``nlp.components.meeting``);
- ``minutes_tasks`` → ``doc._.tasks`` (``nlp.components.tasks``), given the clauses, the
  anchor and the offsets of ``doc.spans["orgs"]``, which are offsets in ``document.text``
  (the Doc is made of that text, and its tokenizer keeps every character).

The stages need the normalized ``Document`` (title, blocks, tables), not only its text:
``doc_of(document)`` makes the Doc and sets ``doc._.document``. Every stage is linear in
the text; ``tests/test_linear.py`` checks it, ``benchmarks/extract.py`` says where the time
goes.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from minutes.models import Document, Extraction

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# The first space after a token is that token's trailing whitespace (Doc.spaces); any other
# whitespace character is a token of its own, as spaCy's tokenizers do.
TRAILING_SPACE = re.compile(r"(?<=\S) ")
COMPONENTS = ("minutes_orgs", "minutes_clauses", "minutes_meeting", "minutes_tasks")
EXTENSIONS = ("document", "clauses", "meeting", "anchor", "tasks")


@cache
def get_nlp() -> Language:
    """The pipeline, built once: blank ``zh`` with the character segmenter and the
    components of ``COMPONENTS``."""
    import spacy
    from spacy.tokens import Doc

    _register()
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    nlp.tokenizer = CharTokenizer(nlp.vocab)
    # The limit guards the memory of parsers and NER models, which this pipeline has none
    # of; the readers bound a document's size (minutes.readers.MAX_BYTES).
    nlp.max_length = 10**9
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


class CharTokenizer:
    """One token per character, in linear time (the tokens of spaCy's ``char``
    segmenter)."""

    def __init__(self, vocab) -> None:
        import numpy

        self.vocab = vocab
        # the ID (orth) of every character seen: a Doc made of IDs finds each lexeme by
        # its ID, where one made of strings hashes each and looks it up in the StringStore
        # again (twice the time of the whole tokenizer)
        self.ids: dict[str, int] = {}
        # the same IDs by code point, for the characters of the Basic Multilingual Plane
        # (0: not seen yet): a text's IDs are read for all its characters at once, where a
        # look-up per character makes a string of each (1.7 → 0.7 ms over the corpus)
        self.bmp = numpy.zeros(0x10000, dtype=numpy.uint64)

    def __call__(self, text: str) -> Doc:
        from spacy.tokens import Doc

        chars = text
        # most texts have none: every character a token (the pattern, opening with a
        # look-behind, is tried at every position; the test for a space is one C scan)
        if " " in text and TRAILING_SPACE.search(text):
            chars = TRAILING_SPACE.sub("", text)
            spaces = [False] * len(chars)
            # the token before the k-th space taken out stands k characters before it
            for k, m in enumerate(TRAILING_SPACE.finditer(text)):
                spaces[m.start() - 1 - k] = True
        else:
            spaces = [False] * len(text)
        doc = Doc(self.vocab, words=self._ids(chars), spaces=spaces)
        doc.user_data["text"] = text  # for components: Doc.text rebuilds it token by token
        return doc

    def _ids(self, chars: str) -> list[int]:
        import numpy

        codes = numpy.frombuffer(chars.encode("utf-16-le", "surrogatepass"), dtype=numpy.uint16)
        if len(codes) == len(chars):  # no character beyond the BMP (two codes each)
            ids = self.bmp[codes]
            if ids.all():
                return ids.tolist()
        try:
            return list(map(self.ids.__getitem__, chars))
        except KeyError:  # characters not seen before enter the StringStore, once
            for char in set(chars).difference(self.ids):
                self.ids[char] = self.vocab.strings.add(char)
                if ord(char) < 0x10000:
                    self.bmp[ord(char)] = self.ids[char]
            return list(map(self.ids.__getitem__, chars))


def doc_of(document: Document) -> Doc:
    """The Doc of a normalized document, not yet processed: ``get_nlp()(doc_of(d))``."""
    doc = get_nlp().make_doc(document.text)
    doc._.document = document
    return doc


def extract(document: Document) -> Extraction:
    """Meeting and tasks of a normalized document."""
    doc = get_nlp()(doc_of(document))
    return Extraction(
        title=document.title,
        published=document.published,
        meeting=doc._.meeting,
        tasks=doc._.tasks,
    )


@cache
def _register() -> None:
    """Register the component factories with spaCy (once; spaCy imported only here)."""
    from spacy.language import Language

    from minutes.nlp.components import orgs

    @Language.factory("minutes_orgs")
    def make_orgs(nlp: Language, name: str) -> orgs.OrgRecognizer:
        return orgs.OrgRecognizer(nlp)

    @Language.component("minutes_clauses")
    def clauses(doc: Doc) -> Doc:
        from minutes.nlp.components.clauses import segment

        doc._.clauses = segment(doc._.document)
        return doc

    @Language.component("minutes_meeting")
    def meeting(doc: Doc) -> Doc:
        from minutes.nlp.components.meeting import anchor_of, meeting_of

        doc._.meeting = meeting_of(doc._.document)
        doc._.anchor = anchor_of(doc._.document, doc._.meeting)
        return doc

    @Language.component("minutes_tasks")
    def tasks(doc: Doc) -> Doc:
        from minutes.nlp.components.meeting import printed_date
        from minutes.nlp.components.tasks import tasks_of

        orgs = [(span.start_char, span.end_char) for span in doc.spans["orgs"]]
        ext = doc._  # (each doc._ builds an accessor: once)
        document, meeting, anchor = ext.document, ext.meeting, ext.anchor
        # the anchor is the document's own date, or only the start of the year it names
        ext.tasks = tasks_of(document, ext.clauses, anchor, orgs,
                             day_known=anchor is None or anchor == printed_date(document, meeting))
        return doc

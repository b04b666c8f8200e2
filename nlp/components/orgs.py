"""The organisation recognizer, a spaCy component over character tokens.

Its patterns are the lexicon of ``nlp/data/organizations.yaml``: every organ suffix
(局, 委员会, 人民政府…) is one phrase of a
``PhraseMatcher`` on token ORTH, matched over the one-character tokens in a single linear
pass. It writes ``doc.spans["orgs"]``: the organisations named in running text — a name that
ends with an organ suffix (and an optional parenthesis, 市经信局（市新经济委）) and starts
like an administrative body, read by ``nlp.components.units.find_units`` at the suffix ends
the matcher found (overlaps kept: 委员会 and 委 both end where they end).

Read by the ``minutes_tasks`` component (``nlp.pipeline``): ``tasks_of`` takes the names
that end the subject of a directive from these spans, and reads from the text only what
they leave (bare places and collectives: 各区县、市住建委要…).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from minutes import datafiles
from minutes.nlp.components.units import OPEN, CLOSE, find_units, suffix_inside_word

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

PAREN = 20  # characters: the longest other name in parentheses after a suffix


class OrgRecognizer:
    def __init__(self, nlp: Language, lexicon: str = "organizations.yaml") -> None:
        from spacy.matcher import PhraseMatcher

        data = datafiles.load(lexicon)
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.matcher.add("ORGAN", [nlp.make_doc(word) for word in data["organ_suffixes"]])

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import IDX
        from spacy.tokens import Span

        # Doc.text joins a Token object per character on each access: the character
        # tokenizer keeps the text it was given
        text = doc.user_data.get("text")
        if text is None:
            text = doc.text
        matches = self.matcher(doc)
        # a token per character of the text (no space kept as a token's trailing
        # whitespace, as in most texts): a token's index is its offset
        aligned = len(doc) == len(text)
        ends = []
        if matches:
            if aligned:
                suffix_ends = {end for _, _, end in matches}
            else:
                idx = doc.to_array(IDX)  # each token is one character: a suffix ends after its last
                suffix_ends = {int(idx[end - 1]) + 1 for _, _, end in matches}
            ends = sorted({_with_parenthesis(text, end) for end in suffix_ends
                           if not suffix_inside_word(text, end)})
        orgs = []
        for unit in find_units(text, ends):
            span = Span(doc, unit.start, unit.end, label="ORG") if aligned else doc.char_span(unit.start, unit.end, label="ORG")
            if span is not None:
                orgs.append(span)
        doc.spans["orgs"] = orgs
        return doc


def _with_parenthesis(text: str, end: int) -> int:
    """The end of a name whose suffix ends at ``end``: after a parenthesis that follows it."""
    if end < len(text) and text[end] in OPEN:
        for i in range(end + 1, min(len(text), end + 2 + PAREN)):
            if text[i] in CLOSE:
                return i + 1
            if text[i] in OPEN:
                break
    return end

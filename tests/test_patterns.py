"""What a pattern's own parse tells about its matches (minutes/patterns.py)."""

from __future__ import annotations

import re

from minutes.patterns import final_chars, needed_words, text_endings


def test_the_characters_every_match_ends_with():
    assert final_chars("(?:局|办)$") == {"局", "办"}
    assert final_chars("[省市]?政府(?=召开)") == {"府"}  # a look-ahead ends nothing
    assert final_chars("等(?:部门|单位)?") == {"等", "门", "位"}  # an optional end: the part before it too
    # (no answer where any character may end it, or the match may be empty)
    assert final_chars("[\u4e00-\u9fff]+") is None
    assert final_chars("局?") is None


def test_what_texts_a_pattern_is_found_in_end_with():
    # an alternative anchored at the end tells the last character; one that is not, a word
    # every such text holds (本… of any ending)
    assert text_endings("^本(?!溪)|(?:干部|群众)$") == ({"部", "众"}, {"本"})
    assert text_endings("^[\u4e00-\u9fff]+") is None


def test_the_words_a_match_holds_join_a_word_to_the_few_after_it():
    assert needed_words(re.compile("^各(?:类|种|项)")) == {"各类", "各种", "各项"}
    assert needed_words(re.compile("每[周月]报送")) == {"报送"}

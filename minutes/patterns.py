"""What a regular expression's own parse tells about its matches, so that a rule's
pattern is not tried where it cannot match: the characters a match opens with
(``screened``), the words every match holds (``needed_words``), the characters a match
ends with (``final_chars``, ``text_endings``), whether it matches only at a line's start
(``anchored``); and literal words as an alternation (``alternation``).

The parse is CPython's own (``re._parser``, private, 3.11+). Without it every answer is
"cannot tell", and the callers scan with their patterns as written: slower, same matches.
"""

from __future__ import annotations

import re

try:
    from re import _constants as _c, _parser
except ImportError:  # another implementation of Python
    _parser = None

# the classes of characters a pattern may open with, as written in a class
CATEGORIES = {_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_SPACE: r"\s", _c.CATEGORY_WORD: r"\w"} if _parser else {}


class LazyPattern:
    """``re.compile(source, flags)`` on first use, then that pattern: a module's patterns
    built from large classes of characters (Han ranges: milliseconds each to compile)
    cost nothing to a command that never runs them (``minutes search`` normalizes its
    query with a few of them)."""

    __slots__ = ("_source", "_flags", "_compiled")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source, self._flags, self._compiled = source, flags, None

    def __getattr__(self, name: str):
        # (called only for what the instance lacks: the pattern's own methods and fields)
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return getattr(self._compiled, name)


def alternation(words) -> str:
    """Literal words as one regex alternation, longest first: at a position where several
    match (市, 市级), the longest wins. The words are grouped by their first character
    (为(?:牵头单位|责任单位)|是(?:…)): the engine tries the alternatives of a position one by
    one, and grouped it tries one per first character and then only the words opening
    with the one found there (a long list of role words: 3× faster where it fails)."""
    groups: dict[str, list[str]] = {}
    for word in sorted(dict.fromkeys(words), key=len, reverse=True):
        groups.setdefault(word[:1], []).append(word[1:])
    return "|".join(re.escape(first) + (_rest(rests) if len(rests) > 1 else re.escape(rests[0]))
                    for first, rests in groups.items())


def _rest(rests: list[str]) -> str:
    """The ends of words after their shared first character, longest first (the empty end
    of the word that is that character alone comes last)."""
    return "(?:" + "|".join(map(re.escape, rests)) + ")"


def screened(pattern: str) -> re.Pattern[str]:
    """``pattern`` behind a look-ahead at the characters a match of it can open with, read
    from the pattern: one opening with a group (a named group per role, an optional year)
    gives the regex engine no first character to skip to, and all its alternatives are
    tried at every position of a line; the look-ahead fails at most positions at once.
    Same matches; the pattern as written when the opening cannot be told, or when the
    engine skips to it by itself (a literal, a class, alternatives each opening with a
    literal: its own scan is faster than a look-ahead)."""
    parsed = list(_parser.parse(pattern)) if _parser is not None else []
    first = _first(parsed) if parsed else None
    if not first or _skipped_to(parsed):
        return re.compile(pattern)
    return re.compile(f"(?=[{''.join(sorted(first))}])(?:{pattern})")


def opening(pattern: str) -> set[str] | None:
    """The class items (``甲``, ``0-9``, ``\\d``) one of which opens every match of
    ``pattern``; None when that cannot be told."""
    return _first(list(_parser.parse(pattern))) if _parser is not None else None


def _skipped_to(parsed: list) -> bool:
    """Does CPython's engine find where a match of the parsed pattern may start by itself
    (the literal prefix and first-character set it reads from a pattern's opening)?"""
    while parsed and parsed[0][0] == _c.SUBPATTERN and not parsed[0][1][1]:
        parsed = list(parsed[0][1][-1])  # a group without flags of its own: its opening
    if not parsed:
        return False
    op, arg = parsed[0]
    if op == _c.BRANCH:
        return all(branch and branch[0][0] == _c.LITERAL for branch in arg[1])
    return op in (_c.LITERAL, _c.IN)


def _first(parsed: list) -> set[str] | None:
    """The class items (``甲``, ``0-9``, ``\\d``) one of which opens every match of a
    parsed sequence; None when that cannot be told or a match may be empty."""
    for i, (op, arg) in enumerate(parsed):
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):  # takes no character: the next one opens
            continue
        if op == _c.LITERAL:
            return {re.escape(chr(arg))}
        if op == _c.IN:
            items = set()
            for kind, value in arg:
                if kind == _c.LITERAL:
                    items.add(re.escape(chr(value)))
                elif kind == _c.RANGE:
                    items.add(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
                elif kind == _c.CATEGORY and value in CATEGORIES:
                    items.add(CATEGORIES[value])
                else:  # a negated class, …
                    return None
            return items
        if op == _c.SUBPATTERN:
            return None if arg[1] & re.IGNORECASE else _first(list(arg[-1]))
        if op == _c.BRANCH:
            branches = [_first(list(branch)) for branch in arg[1]]
            return None if None in branches else set().union(*branches)
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            inner = _first(list(arg[2]))
            if arg[0] >= 1 or inner is None:
                return inner
            rest = _first(parsed[i + 1 :])  # optional: it or what follows opens
            return None if rest is None else inner | rest
        return None
    return None


def needed_words(pattern: re.Pattern[str]) -> set[str] | None:
    """Words one of which every match of ``pattern`` holds (月 for 6月底前, the pace words
    of a recurring limit), the most telling found; None when that cannot be told (an
    optional part, a class of any character, case-insensitive matching)."""
    if _parser is None or pattern.flags & re.IGNORECASE:
        return None
    return _needed(list(_parser.parse(pattern.pattern, pattern.flags)))


def _needed(parsed: list) -> set[str] | None:
    """Strings one of which every match of the parsed (sub)pattern holds, the most telling
    found (the longest shortest one); None when it does not tell (an optional part, a class
    of any character)."""
    found, run = [], ""
    for op, arg in parsed:
        if op == _c.LITERAL:
            run += chr(arg)  # characters in a row: one string
            continue
        if run:
            found.append({run})
            if (exact := _exact([(op, arg)])) is not None:
                found.append({run + word for word in exact})  # 各(?:类|种|项): 各类, 各种, 各项
            run = ""
        if op == _c.IN and all(kind == _c.LITERAL or kind == _c.RANGE and v[1] - v[0] < 64 for kind, v in arg):
            words = {chr(c) for kind, v in arg for c in ([v] if kind == _c.LITERAL else range(v[0], v[1] + 1))}
        elif op == _c.SUBPATTERN:
            words = None if arg[1] & re.IGNORECASE else _needed(arg[-1])  # (?i:…)
        elif op == _c.BRANCH:
            branches = [_needed(branch) for branch in arg[1]]
            words = None if None in branches else set().union(*branches)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and arg[0] >= 1:
            words = _needed(arg[2])
        else:
            words = None
        if words:
            found.append(words)
    if run:
        found.append({run})
    return max(found, key=lambda words: (min(map(len, words)), -len(words)), default=None)


def final_chars(source: str) -> frozenset[str] | None:
    """The characters one of which every match of the pattern ``source`` ends with (局 or
    办 for …(?:局|办)$); None when that cannot be told (a class of any character or of a
    range too wide to list, a match that may be empty)."""
    if _parser is None:
        return None
    finals, may_be_empty = _ends(list(_parser.parse(source)))
    return None if finals is None or may_be_empty else frozenset(finals)


def text_endings(source: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """What a text that the pattern ``source`` is found in (``search``) ends with, told per
    alternative (``a$|b|…``): the characters the alternatives anchored at the end (``$``)
    end with, and the words one of which every text that another one is found in holds
    (本 of ``^本(?!溪)``: 本 opens a text of any ending); None when an alternative tells
    neither."""
    if _parser is None:
        return None
    parsed = list(_parser.parse(source))
    branches = parsed[0][1][1] if len(parsed) == 1 and parsed[0][0] == _c.BRANCH else [parsed]
    finals: set[str] = set()
    words: set[str] = set()
    for branch in map(list, branches):
        ends, may_be_empty = (_ends(branch[:-1]) if branch and branch[-1][0] == _c.AT
                              and branch[-1][1] in (_c.AT_END, _c.AT_END_STRING) else (None, False))
        if ends is not None and not may_be_empty:
            finals |= ends
        elif (needs := _needed(branch)) is not None:
            words |= needs
        else:
            return None
    return frozenset(finals), frozenset(words)


def _ends(parsed: list) -> tuple[set[str] | None, bool]:
    """(the characters a non-empty match of the parsed sequence may end with, whether it
    may match empty); None for the characters when they cannot be told."""
    found: set[str] = set()
    for op, arg in reversed(parsed):
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero-width: the character before it ends the match
        if op == _c.LITERAL:
            ends, may_be_empty = {chr(arg)}, False
        elif op == _c.IN:
            ends, may_be_empty = _listed(arg), False
        elif op == _c.SUBPATTERN:
            ends, may_be_empty = (None, False) if arg[1] & re.IGNORECASE else _ends(list(arg[-1]))
        elif op == _c.BRANCH:
            each = [_ends(list(branch)) for branch in arg[1]]
            if any(ends is None for ends, _ in each):
                return None, False
            ends, may_be_empty = set().union(*(ends for ends, _ in each)), any(empty for _, empty in each)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            low, high, item = arg
            if high == 0:
                continue
            ends, empty = _ends(list(item))
            may_be_empty = empty or low == 0
        else:  # any character, a back reference…
            return None, False
        if ends is None:
            return None, False
        found |= ends
        if not may_be_empty:
            return found, False
    return found, True


_LISTED_RANGE = 64  # characters: a range no wider is listed (a Han range is not)


def _listed(items: list) -> set[str] | None:
    """The characters of a class, when it lists them (no negation, category or wide range)."""
    chars: set[str] = set()
    for kind, value in items:
        if kind == _c.LITERAL:
            chars.add(chr(value))
        elif kind == _c.RANGE and value[1] - value[0] < _LISTED_RANGE:
            chars.update(map(chr, range(value[0], value[1] + 1)))
        else:
            return None
    return chars


_EXACT_MOST = 64  # strings: no more are listed for one part of a pattern


def _exact(parsed: list) -> set[str] | None:
    """The strings the parsed (sub)pattern matches, when they are few and told by it (literal
    characters, small classes, alternatives of those); None otherwise."""
    found = {""}
    for op, arg in parsed:
        if op == _c.LITERAL:
            each = {chr(arg)}
        elif op == _c.IN:
            each = _listed(arg)
        elif op == _c.SUBPATTERN:
            each = None if arg[1] & re.IGNORECASE else _exact(list(arg[-1]))
        elif op == _c.BRANCH:
            branches = [_exact(list(branch)) for branch in arg[1]]
            each = None if None in branches else set().union(*branches)
        elif op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero-width: no character of the match
        else:
            each = None
        if each is None or len(found) * len(each) > _EXACT_MOST:
            return None
        found = {before + after for before in found for after in each}
    return found


def anchored(pattern: str) -> bool:
    """Whether a pattern matches only at a line's start (``^a``, not ``^a|b``); False when
    that cannot be told (the pattern is then searched anywhere, with ``^`` as a line anchor)."""
    if _parser is None:
        return False
    items = _parser.parse(pattern)
    return len(items) > 0 and items[0] == (_c.AT, _c.AT_BEGINNING)

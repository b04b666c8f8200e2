"""Extraction time grows linearly with the text, whatever the text.

Each case times ``extract`` on texts of 10k and 100k characters (and 1M for some) in one
run and checks the ratio of times against the ratio of sizes — a quadratic step shows as a
ratio near 100 where linear is 10. Absolute times are never asserted (the machine is
shared); a SIGALRM bound keeps a regression from hanging the suite.
"""

from __future__ import annotations

import random
import signal
import time

import pytest

from minutes.models import Document
from minutes.nlp import extract
from minutes.nlp.normalize import normalize

# Characters that steer the rules: triggers, role words, unit suffixes, dates, numbering,
# punctuation and line ends, mixed at random.
ALPHABET = list("前要请须应负责牵头配合由和及等局委办市区县乡镇各月日年底内旬1234567890一二三（）()《》“”，。、；：\n 会议召开主持出席讲话") + [
    "工作任务", "责任单位", "完成时限", "以下任务由", "要求", "强调", "市生态环境局", "于6月底前",
]
# Texts shaped to hit one rule again and again.
ADVERSARIAL = {
    "one character": "前",
    "addressing trigger": "请",
    "convening verb": "召开",
    "unit list": "市生态环境局、",
    "numbered items": "1.完成排查。\n",
    "blanket lines": "以下任务由市局牵头。\n（一）完成排查。\n",
    "open parentheses": "（",
    "time limits": "6月底前完成，",
    "dateline": "3月4日，",
    "table header": "工作任务 责任单位 完成时间\n",
    "directive sentences": "会议要求，县林业局要会同县公安局加强巡护，6月底前完成排查；各乡镇（街道）要压实责任。",
}
# Linear is a ratio of 10 per decade of size; quadratic would be ~100. The margin absorbs
# noise from a shared machine and the fixed cost of a small run.
LIMIT = 30


def document(text: str) -> Document:
    return normalize(Document(source="generated.txt", kind="txt", blocks=text.split("\n")))


def seconds(text: str) -> float:
    doc = document(text)
    best = float("inf")
    for _ in range(2 if len(text) <= 10_000 else 1):  # the small run twice: its noise counts most
        start = time.perf_counter()
        extract(doc)
        best = min(best, time.perf_counter() - start)
    return best


def repeated(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def randomized(size: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    parts, length = [], 0
    while length < size:
        parts.append(rng.choice(ALPHABET))
        length += len(parts[-1])
    return "".join(parts)[:size]


@pytest.fixture
def deadline():
    """Fail instead of hanging when a step goes super-linear."""
    def expired(signum, frame):
        raise TimeoutError("extraction ran past the test's time bound: a super-linear step")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(240)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def growth(make, sizes) -> list[float]:
    times = [seconds(make(size)) for size in sizes]
    return [later / max(earlier, 1e-3) for earlier, later in zip(times, times[1:])]


def test_random_text_is_linear_up_to_a_million_characters(deadline):
    ratios = growth(randomized, (10_000, 100_000, 1_000_000))
    assert all(ratio < LIMIT for ratio in ratios), ratios


@pytest.mark.parametrize("name", ADVERSARIAL)
def test_repeated_pattern_is_linear(deadline, name):
    long_run = ("one character", "open parentheses", "directive sentences")
    sizes = (10_000, 100_000, 1_000_000) if name in long_run else (10_000, 100_000)
    ratios = growth(lambda size: repeated(ADVERSARIAL[name], size), sizes)
    assert all(ratio < LIMIT for ratio in ratios), ratios

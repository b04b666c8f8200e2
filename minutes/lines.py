"""Rules for the lines of Chinese official text, shared by the readers and the normalizer:
dates as printed (2025年3月24日, 2025-03-24), the signature date at a document's foot, and
the title line under an official 版头.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from datetime import date

from minutes import datafiles
from minutes.patterns import screened

# Year first (2025-03-24, 2025年3月24日), or day first with dots as European-style sites
# print it (24.03.2025).
DATE = re.compile(
    r"(20\d\d|19\d\d)\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})|(?<![\d.])(\d{1,2})\.(\d{1,2})\.(20\d\d|19\d\d)"
)
# The parentheses a part of a sentence may hold its own separators in, including the square
# brackets some pages put a task's units in (【责任单位：…】, 〔X牵头，Y参与〕)
PARENTHESES = ("（(【〔", "）)】〕")


def closing_parenthesis(text: str) -> int | None:
    """Where the parenthesis that closes the text opens, None when none closes it."""
    opening, closing = PARENTHESES
    if text[-1:] not in closing:
        return None
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        depth += text[i] in closing
        depth -= text[i] in opening
        if depth == 0:
            return i
    return None


_DATE_DAY = re.compile(f"(?:{DATE.pattern})日?")
_SPACES = re.compile(r"\s+")
_HAN_CHAR = re.compile("[\u4e00-\u9fff]")
_FOUR_WORD_CHARACTERS = re.compile(r"\w\W*\w\W*\w\W*\w")
_LETTER = re.compile(r"[^\W\d_]")  # a letter or Han character: a line of numbers alone is no title
# Signed in Arabic numerals (GB/T 9704-2012) or, in older documents, in Chinese ones
# (二〇〇九年三月十六日); its zero is often typed as a digit or a letter O (二00一年四月十日).
# A scraped page may end the line with a "?" for a character it lost (2009年3月16日?, ？ once
# normalized): a date line asks nothing.
_CN_YEAR, _CN_NUMBER = "(?=[一二])[〇○零一二三四五六七八九0OＯ０]{4}", "[一二三四五六七八九十]{1,3}"
_SIGNATURE_DATE = re.compile(
    # (the blank after the organ's name is gone between Han characters: 办公室二〇〇九年…)
    rf"^(?:.{{0,40}}?[\s\u3000]|.{{0,40}}?(?={_CN_YEAR}年))?(\d{{4}}|{_CN_YEAR})年(\d{{1,2}}|{_CN_NUMBER})月(\d{{1,2}}|{_CN_NUMBER})日(?:印发)?[?？]?$"
)
# (zero also as typed in dates, a digit or a letter O: 二00一, 二OO九; 两 as in 两个月)
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | dict.fromkeys("○零0OＯ０", 0) | {"两": 2}
_PUNCTUATION = re.compile("[。，,；;：:！？、]")
_CELL_BARS = " |｜"
DOCUMENT_NUMBER = re.compile(r"〔\d{4}〕\d+号|\[\d{4}\]\d+号")


def find_date(text: str | None) -> date | None:
    """The first valid date written 2025-03-24, 2025/3/24, 2025.3.24 or 2025年3月24日."""
    match = DATE.search(text or "")
    if not match:
        return None
    year, month, day = (match[1], match[2], match[3]) if match[1] else (match[6], match[5], match[4])
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def signature_date(lines: list[str]) -> date | None:
    """The date an official document is signed with: a short line ending 2025年4月18日."""
    for line in reversed(lines):
        if len(line) <= 60 and (match := _SIGNATURE_DATE.match(line.strip())):
            try:
                return date(*(numeral(part) for part in match.groups()))
            except ValueError:
                continue
    return None


def numeral(text: str | None) -> int | None:
    """The value of a number as printed: in Arabic digits (12, １２), in Chinese ones
    digit by digit (二〇〇九, 二00一) or with tens (十六, 二十, 三十一); None for what is
    no number (半, 十十)."""
    if not text:
        return None
    if text.isdecimal():
        return int(text)
    tens, ten, ones = text.partition("十")
    if not ten:
        value = 0
        for char in text:
            if (digit := _CN_DIGITS.get(char)) is None:
                return None
            value = value * 10 + digit
        return value
    if len(tens) > 1 or len(ones) > 1:
        return None
    high, low = _CN_DIGITS.get(tens, 1 if not tens else None), _CN_DIGITS.get(ones, 0 if not ones else None)
    return None if high is None or low is None else high * 10 + low


@dataclasses.dataclass(frozen=True)
class _TitleRules:
    reach: int  # how far into the text the title may stand (lines that are no junk)
    reach_with_junk: int  # ... and at most this many lines in all
    head: re.Pattern[str]  # an issuing organ's line (版头)
    title: re.Pattern[str]  # a 公文 title
    mark: re.Pattern[str]  # a line that only names the kind of minutes
    junk: re.Pattern[str]  # site chrome and page metadata
    column: re.Pattern[str]  # a task table's column name alone on a line (负责部门, 完成时限)
    advert: re.Pattern[str]
    menu: re.Pattern[str]
    body: re.Pattern[str]  # body text: the title search ends there
    transmittal: re.Pattern[str]  # a transmittal's sentence: the title search goes on past it
    subject: re.Pattern[str]  # what a title names (a meeting, a document kind, an organ)
    news: re.Pattern[str]  # what a news headline about a meeting says
    announcing: re.Pattern[str]  # a headline's line announcing an order issued (某县发布第3号令)
    news_run_on: re.Pattern[str]  # a headline run into its lead (X会议召开某某网讯，…)
    shared_document: re.Pattern[str]  # 《X.docx》由会员分享: a document-sharing site's lead-in naming X
    tags: re.Pattern[str]  # [tag][tag] before a repost's title
    print_label: re.Pattern[str]  # 标题： X [打印本页]
    chrome: re.Pattern[str]  # a page's chrome after a headline on the same line
    kind_end: re.Pattern[str]  # the end of a 公文 title: its document kind
    starts: re.Pattern[str]  # the start of a 公文 title (关于)
    flat_head: re.Pattern[str]  # a title run into the body of a text flattened onto one line
    longest: int  # Han characters


@functools.cache
def _title_rules() -> _TitleRules:
    rules = datafiles.load("official_titles.yaml")
    alt = lambda words: "|".join(map(re.escape, sorted(words, key=len, reverse=True)))  # noqa: E731
    organizations = datafiles.load("organizations.yaml")
    kinds = alt(rules["document_kinds"])
    named = [*organizations["organ_suffixes"], *organizations["place_suffixes"]]
    return _TitleRules(
        reach=rules["head_lines"],
        reach_with_junk=rules["head_lines_with_junk"],
        head=re.compile(rf"^\S{{2,40}}(?:{alt(organizations['issuing_organs'])})(?:{alt(rules['head_marks'])})?$"),
        title=re.compile(
            rf"^(?:(?:{alt(rules['title_starts'])})[^。；;，,：:]{{4,80}}"
            rf"|[^。；;，,：:]{{4,80}}(?:{kinds})(?:[（(][^）)]{{1,8}}[）)])?|{alt(rules['bare_kinds'])})$"
        ),
        mark=re.compile(rules["head_mark_line"]),
        junk=screened(rules["junk_line"]),
        column=_column_names(),
        advert=screened(rules["advert"]),
        menu=re.compile(rules["menu"]),
        body=re.compile(rules["body_line"]),
        transmittal=re.compile(rules["transmittal"]),
        subject=re.compile(f"{rules['names_subject']}|{kinds}|{alt(named)}"),
        news=re.compile(rules["news_headline"]),
        announcing=re.compile(rules["announcing_line"]),
        news_run_on=re.compile(rules["news_run_on"]),
        shared_document=re.compile(rules["shared_document"]),
        tags=re.compile(rules["title_tags"]),
        print_label=re.compile(rules["print_label"]),
        chrome=re.compile(rules["chrome_after_title"]),
        kind_end=re.compile(rf"(?:{kinds})(?:[（(][^）)]{{1,8}}[）)])?$"),
        starts=re.compile(alt(rules["title_starts"])),
        flat_head=re.compile(rf"(?:{datafiles.load('boilerplate.yaml')['page_counter']})?([^。；;，,：:、“”《》\s]{{4,40}}?(?:{kinds}))(?=为|根据|按照|依据|依照|遵照|同志们|\s|[一二三四五六七八九十]、)"),
        longest=rules["title_max_length"],
    )


def plain_title(lines: list[str]) -> str | None:
    """The title of a plain text: after an official 版头 (issuing organ, document number)
    the first line shaped like a 公文 title; otherwise, among the title-shaped lines before
    the body, the first that names a meeting, a document kind or an organ (else the first),
    junk lines (site chrome, page metadata, adverts, menus, a repost's 全文如下) skipped;
    None when body text comes first (a repost that starts with its lead paragraph, a page
    that starts mid-plan). Tags a repost puts before it ([某某仪表]) are no part of it; a
    document-sharing site's lead-in (《X.docx》由会员分享…) names it."""
    # only the lines the title may stand in, read one by one: a text's other lines are
    # never looked at. The reach counts the lines that are no site chrome: a site header's
    # chrome above the headline does not use it up, nor do lines left empty (the bars of a
    # printed form's empty cells) (a flattened table's cells and column names do).
    # The search ends at the first line of body text that is no junk (unless a 版头 opens
    # the text, and a title is looked for under it, or the line is a transmittal's, which
    # the search goes on past): lines more than two after it (the lines a title may run
    # on into) are not read.
    r = _title_rules()
    head: list[str] = []
    squashed: list[str] = []
    chromed: list[bool] = []  # each line's: site chrome or an advert (read once, by _is_junk too)
    junk: dict[int, bool] = {}  # each line's _is_junk, by its index, as far as it was asked
    counted = 0  # the lines that are neither
    last = r.reach_with_junk  # the index of the last line read
    headed: bool | None = None  # whether the first line that is no junk is a 版头
    for n, line in enumerate(lines[: r.reach_with_junk]):
        if n > last:
            break
        line = untagged(line)
        bare = _bare(line)
        chrome = bool(r.junk.search(bare) or r.advert.search(bare))
        # (nor does a line left empty: a table's bars around nothing, | alone, are no tags)
        counted += not chrome and bool(bare)
        if counted > r.reach:
            break
        head.append(line)
        squashed.append(bare)
        chromed.append(chrome)
        if headed or last < r.reach_with_junk or junk.setdefault(n, _is_junk(line, r, bare, chrome)):
            continue
        if headed is None:
            headed = _is_head(bare, r)
        if not headed and _is_body(bare, r) and not r.transmittal.search(bare):
            last = n + 2
    shared = next((m for line in head if "由" in line and (m := r.shared_document.search(line))), None)
    title = shared.group("title").strip() if shared else _plain_title(head, squashed, chromed, junk)
    if title and title in head:
        # (the lines a title broken over lines may run on into: two after the reach at most)
        head += [untagged(line) for line in lines[len(head) : min(len(head) + 2, r.reach_with_junk)]]
        at = head.index(title)
        title = _run_on(title, head[at + 1 :])
        title = _announced(head, at) if title == head[at] else title
    return title or None


def _announced(lines: list[str], at: int) -> str:
    """The headline at ``at`` with the other line of a headline in two (某县人民政府发布第3号令
    / 开展秸秆禁烧专项行动): a line announcing an order issued, and right under it a short
    title-shaped line saying what it orders, whichever of them the title search took."""
    r = _title_rules()
    for first in (at - 1, at):
        if first < 0 or first + 1 >= len(lines):
            continue
        head, part = _bare(lines[first]), _bare(lines[first + 1])
        if (r.announcing.search(head) and not r.starts.match(head) and part and len(part) <= _TITLE_PART
                and not _PUNCTUATION.search(part) and not _is_junk(lines[first + 1], r, part)
                and not r.starts.match(part) and not r.head.match(part) and not DATE.search(part)):
            return head + part
    return lines[at]


# A line that continues a title broken over lines holds at most this many characters.
_TITLE_PART = 24


def _run_on(title: str, following: list[str]) -> str:
    """A 公文 title broken over lines (a long title is centred on two or three, 关于2011年
    国家级生态乡镇 / 申报有关事项的通知): the title with the next one or two lines when
    they are short, hold no punctuation, and complete it with its document kind; the
    title as it is when it ends with one, or nothing after it does. A line leaving the
    name of what it issues open (关于印发《某县噪声污染防治行动计划 / （2023—2025年）》的通知)
    ends with no document kind, even where the name's last word is one."""
    r = _title_rules()
    if r.kind_end.search(title) and title.count("《") <= title.count("》"):
        return title
    joined = title
    for line in following[:2]:
        bare = _bare(line)
        if (not bare or len(bare) > _TITLE_PART or _PUNCTUATION.search(bare)
                or _is_junk(line, r, bare) and not r.kind_end.fullmatch(bare)  # (通 知 alone: the kind, too short for a title)
                or r.starts.match(bare)):  # a title starts there (under its organ's name or a header)
            break
        joined += bare
        if r.kind_end.search(joined):
            return joined
    return title


# (a spaced dash, or one spaced only before it: X召开… -某某网; not a span of years: 2018 - 2020年)
_PAGE_TITLE_PARTS = re.compile(r"_|\s*-{2,}\s*|(?<!\d)\s+-\s*(?!\d)")


def untagged(title: str) -> str:
    """A title without the tags a repost puts before it: [某某流量计]X召开… → X召开…,
    生态卫士 | X召开… → X召开…; of a page title's parts joined by _ or a spaced dash
    (某某官网_X召开…, X召开…_某某市人民政府网, X召开… - 某某县人民政府), the first that
    reports a meeting, else the first that names what a title names. (Two dashes part them
    too: X召开…--今日某县 -- 某县人民政府; so does one after a blank: X召开… -某某网.)"""
    r = _title_rules()
    title = title.strip(_CELL_BARS)  # a table's bars around a line (| 关于…的通知 |) are no tags
    if title[:1] in "[【篇附正" or "|" in title or "｜" in title or title[-1:] in "：:号號" or "." in title[-5:]:  # (正在阅读：, .doc)
        title = r.tags.sub("", title, count=1).strip()
    if title[:2] == "标题" or title[-1:] in "]】":
        title = r.print_label.sub("", title, count=2).strip()
    if ("_" in title or " -" in title or "--" in title) and "。" not in title and len(
            parts := [p.strip() for p in _PAGE_TITLE_PARTS.split(title) if p.strip()]) > 1:
        simplified = [_simplified(part) for part in parts]
        title = next((part for part, s in zip(parts, simplified) if r.news.search(s)), None) or next(
            (part for part, s in zip(parts, simplified) if r.subject.search(s)), title)
    return title


def _plain_title(lines: list[str], squashed: list[str], chromed: list[bool], junk: dict[int, bool]) -> str | None:
    """``plain_title`` among the lines it may stand in (``squashed``: each ``_bare``;
    ``chromed``: whether each is site chrome or an advert; ``junk``: the ``_is_junk`` of
    those lines known already, by index, filled in as more are asked)."""
    r = _title_rules()
    is_junk = lambda i: junk[i] if i in junk else junk.setdefault(i, _is_junk(lines[i], r, squashed[i], chromed[i]))  # noqa: E731
    skip = next((i for i in range(len(lines)) if not is_junk(i)), None)
    if skip is None:
        return None
    first = squashed[skip]
    if _is_head(first, r):
        for line, bare in zip(lines[skip + 1 :], squashed[skip + 1 :]):
            if (not DOCUMENT_NUMBER.search(line) and r.title.match(line) and not r.head.match(bare)
                    and not r.mark.match(bare)):
                return line
        # a site's header that only names the organ, above a news headline
        news = next((lines[i] for i in range(skip + 1, len(lines)) if not is_junk(i)), None)
        if news and r.news.search(_simplified(news)) and not r.body.search(news) and not r.head.match(news):
            return news
        return lines[skip]
    candidates = []
    body = ""
    for i in range(len(lines)):  # (the lines before skip are junk: only a column name is looked for there)
        if not candidates and r.column.fullmatch(squashed[i]):
            break  # a task table's column names, one a line (序号 / 工作任务 / …): rows follow, no title
        if is_junk(i):
            continue
        line, bare = lines[i], squashed[i]
        if (chrome := r.chrome.search(line)) and chrome.start() >= 4:
            # a page flattened onto one line: the headline, then the page's chrome (字体：
            # 来源： 发布时间：…) and the body; the headline is the part before the chrome
            head = line[: chrome.start()].strip()
            if not r.body.search(head) and len(_HAN_CHAR.findall(head)) <= r.longest:
                candidates.append((head, _bare(head), i))
            body = bare
            break
        if _is_body(bare, r):
            if not candidates and (head := r.news_run_on.match(bare)):
                candidates.append((head[1], head[1], i))  # 某某会议召开某某网讯，…
            elif not candidates and len(line) >= _FLATTENED and (head := r.flat_head.match(line)):
                # a text flattened onto one line (a shared PDF): its title runs into the
                # body (X实施方案为认真做好…, X制度 一、…)
                candidates.append((head[1], head[1], i))
            elif not candidates and r.transmittal.search(bare):
                continue
            body = bare
            break
        candidates.append((line, bare, i))
    if len(candidates) < 2:
        return candidates[0][0] if candidates else None
    # a meeting's headline restates its lead (X区召开…会 / 3月5日，X区…召开…会): of several
    # title-shaped lines, one that reports a meeting and shares a run of words with the
    # first body line is the headline, not one above it that shares none (another story's
    # headline in a sidebar, a slogan)
    restating = [(line, bare, i) for line, bare, i in candidates
                 if r.news.search(_simplified(bare)) and _restates(bare, body)]
    if restating:
        candidates = restating
    # a 公文's own title (…的通知, maybe run on into the lines under it) before a line that
    # only names a place or an organ (a site's header, a sidebar's location), which comes
    # before any other line
    return next((line for line, bare, i in candidates if _is_document_title(line, lines[i + 1 :])), None) or next(
        (line for line, bare, _ in candidates if r.subject.search(_simplified(bare))), candidates[0][0])


def _is_head(bare: str, r: _TitleRules) -> bool:
    """Is the line (without whitespace) a 版头's: the issuing organ's name, or its document
    number? (A document number cited inside a sentence, 根据《…》（某政发〔2018〕9号）…。,
    heads nothing.)"""
    return bool(r.head.match(bare) or DOCUMENT_NUMBER.search(bare) and not r.body.search(bare))


def _is_body(bare: str, r: _TitleRules) -> bool:
    """Does the line (without whitespace) read like body text, where the title search ends?
    (Reading aids, zhèng, do not count towards a title's length.)"""
    return bool(r.body.search(bare)) or len(_HAN_CHAR.findall(bare)) > r.longest


def _is_document_title(line: str, following: list[str]) -> bool:
    """Is ``line`` a 公文's title ending with its document kind, on its own or run on into
    the ``following`` lines?"""
    r = _title_rules()
    whole = _bare(_run_on(line, following))
    return bool(r.title.match(whole) and r.kind_end.search(whole))


# A line this long holding body text is a text flattened onto one line (or a few).
_FLATTENED = 100

_RESTATED_RUN = 6  # characters a headline and its lead share at least


def _column_names() -> re.Pattern[str]:
    """The names a task table's columns go by (roles.yaml): a page that flattens the table one
    cell a line puts them on lines of their own, above the rows, where no title stands."""
    roles = datafiles.load("roles.yaml")
    words = [w for ws in roles["role_labels"].values() for w in ws.split("|")]
    for key in ("deadline_labels", "deadline_columns", "task_labels", "number_labels", "person_labels"):
        words += roles[key].split("|")
    return re.compile("(?:" + "|".join(map(re.escape, sorted(set(words), key=len, reverse=True))) + ")")


def _restates(title: str, body: str) -> bool:
    """Whether ``body`` repeats a run of ``title``'s characters."""
    n = _RESTATED_RUN
    return bool(body) and any(title[k : k + n] in body for k in range(len(title) - n + 1))


def is_junk_line(line: str) -> bool:
    """Whether a line is no title whatever it stands above: site chrome, page metadata, an
    advert, a menu, a dateline."""
    return _is_junk(line, _title_rules())


def _bare(line: str) -> str:
    """The line without whitespace. (Every whitespace character but the space is
    unprintable: a printable line has only spaces to remove, at C speed.)"""
    return line.replace(" ", "") if line.isprintable() else _SPACES.sub("", line)


def _is_junk(line: str, r: _TitleRules, bare: str | None = None, chrome: bool | None = None) -> bool:
    """``is_junk_line``; ``bare``: the line without whitespace, and ``chrome``: whether it is
    site chrome or an advert, when the caller has them."""
    bare = _bare(line) if bare is None else bare
    if chrome is None:
        chrome = bool(r.junk.search(bare) or r.advert.search(bare))
    # a date with a label (發布時間：2025-05-16, 2025-06-13 來源：…) or nearly alone (2025年6月13日 星期五)
    # (every date holds a 19 or a 20: a line without one is not searched)
    dateline = ("20" in bare or "19" in bare) and len(bare) <= _DATELINE_LENGTH and "。" not in bare and DATE.search(bare) and (
        re.search("[：:]", bare) or len(re.findall("[\u4e00-\u9fff]", _DATE_DAY.sub("", bare))) <= 3)
    return (bool(dateline or chrome or r.menu.match(line.strip())
                 or r.column.fullmatch(bare))
            or not _FOUR_WORD_CHARACTERS.search(bare) or not _LETTER.search(bare))


_DATELINE_LENGTH = 120  # characters: a longer line holding a date (or one with a 。) holds more than a dateline


def _simplified(text: str) -> str:
    """Text in Simplified script, for the word patterns (a reader sees the text before
    normalization, which may be Traditional)."""
    return _opencc().convert(text)


@functools.cache
def _opencc():  # noqa: ANN202 (opencc has no types)
    import opencc

    return opencc.OpenCC("tw2s")

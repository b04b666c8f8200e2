"""Hostile and careless input: every case is generated here, run inside a batch of good
files, and followed by the same checks — the archive passes ``PRAGMA integrity_check``,
the good files of the batch are archived, no temp file is left behind and no file
outside the output folder changed."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from minutes.store import Archive
from minutes.ingest import import_paths

GOOD = "关于开展入河排污口排查整治的通知\n各区生态环境局要在2025年6月30日前完成辖区排污口排查。\n"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCUMENT_XML = (
    f'<w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>关于开展排查整治的通知</w:t></w:r></w:p>'
    "<w:p><w:r><w:t>各区生态环境局要在2025年6月30日前完成排查。</w:t></w:r></w:p></w:body></w:document>"
)


# -- fixtures: generated, never committed ------------------------------------------------


def docx(parts: dict[str, bytes | str] | None = None) -> bytes:
    """A minimal .docx (just the main part unless ``parts`` says otherwise)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in (parts or {"word/document.xml": DOCUMENT_XML}).items():
            package.writestr(name, data)
    return out.getvalue()


def encrypted_docx() -> bytes:
    """The 'encrypted' flag set on the main part, as a password-protected zip has it."""
    data = bytearray(docx())
    data[6] |= 1  # local header flags
    central = data.find(b"PK\x01\x02")
    data[central + 8] |= 1
    return bytes(data)


def deflate64_docx() -> bytes:
    """The main part said to be packed with deflate64 (method 9), which zipfile cannot unpack."""
    data = bytearray(docx())
    data[8] = 9
    data[data.find(b"PK\x01\x02") + 10] = 9
    return bytes(data)


def bomb_docx(claimed: int | None) -> bytes:
    """A document.xml of 1 GiB of spaces in about 1 MB; its directory entry claims
    ``claimed`` bytes (None: the truth)."""
    chunk = b" " * 2**24
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    segment = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)  # no back-reference past it
    stream = segment * 64 + b"\x03\x00"  # 64 × 16 MiB, then an empty final block
    size = 2**30 if claimed is None else claimed
    name = b"word/document.xml"
    local = (
        b"PK\x03\x04" + (20).to_bytes(2, "little") + bytes(2) + (8).to_bytes(2, "little") + bytes(4)
        + bytes(4) + len(stream).to_bytes(4, "little") + size.to_bytes(4, "little")
        + len(name).to_bytes(2, "little") + bytes(2) + name
    )
    central = (
        b"PK\x01\x02" + (20).to_bytes(2, "little") * 2 + bytes(2) + (8).to_bytes(2, "little") + bytes(4)
        + bytes(4) + len(stream).to_bytes(4, "little") + size.to_bytes(4, "little")
        + len(name).to_bytes(2, "little") + bytes(12) + name
    )
    offset = len(local) + len(stream)
    end = b"PK\x05\x06" + bytes(4) + (1).to_bytes(2, "little") * 2 + len(central).to_bytes(4, "little") \
        + offset.to_bytes(4, "little") + bytes(2)
    return local + stream + central + end


# -- the checks after every case ---------------------------------------------------------


class Sandbox:
    """inputs/ (what is read), out/ (the archive and what is written), tmp/ (TMPDIR), and
    a witness folder that nothing may touch."""

    def __init__(self, root: Path, monkeypatch: pytest.MonkeyPatch):
        self.root = root
        self.inputs, self.out, self.tmp, self.witness = (root / n for n in ("inputs", "out", "tmp", "witness"))
        for folder in (self.inputs, self.out, self.tmp, self.witness):
            folder.mkdir()
        (self.witness / "keep.txt").write_text("untouched")
        monkeypatch.setenv("TMPDIR", str(self.tmp))
        monkeypatch.setattr(tempfile, "tempdir", str(self.tmp))
        self.db = self.out / "archive.db"
        self.before = self.snapshot()

    def snapshot(self) -> dict[str, tuple[int, int, int]]:
        """Every path outside out/ and tmp/ with its size, mtime and inode."""
        found = {}
        for folder, _, names in os.walk(self.root):
            if Path(folder).is_relative_to(self.out) or Path(folder).is_relative_to(self.tmp):
                continue
            for name in names:
                info = os.lstat(Path(folder, name))
                found[str(Path(folder, name))] = (info.st_size, info.st_mtime_ns, info.st_ino)
        return found

    def batch(self, hostile: dict[str, bytes], paths: list[str | Path] = ()) -> dict[str, object]:
        """good-1.txt, the hostile files (then ``paths``), good-2.txt, imported as one batch."""
        first, last = self.inputs / "a-good-1.txt", self.inputs / "z-good-2.txt"
        first.write_text(GOOD, encoding="utf-8")
        for name, data in hostile.items():
            (self.inputs / f"m-{name}").write_bytes(data)
        last.write_text(GOOD.replace("6月30日", "7月31日"), encoding="gb18030")
        self.before = self.snapshot()
        with Archive(self.db) as archive:
            return import_paths(archive, [first, *paths, self.inputs, last] if paths else [self.inputs], extract=False).to_dict()

    def check(self, summary: dict | None = None) -> None:
        if self.db.exists():
            with sqlite3.connect(self.db) as conn:
                assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        if summary is not None:
            statuses = {Path(r["source"]).name: r["status"] for r in summary["results"]}
            assert statuses["a-good-1.txt"] == statuses["z-good-2.txt"] == "new", statuses
        assert list(self.tmp.iterdir()) == [], "temp files left behind"
        assert not [p for p in self.out.rglob("*") if p.name.endswith(".tmp")], "temp files left in out/"
        assert self.snapshot() == self.before, "a file outside the output folder changed"


@pytest.fixture
def box(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Sandbox:
    return Sandbox(tmp_path, monkeypatch)


def minutes(*args: str, cwd: Path, env: dict[str, str] | None = None, stdin: str | None = None) -> subprocess.CompletedProcess:
    environment = {**os.environ, **(env or {})}
    environment.pop("MINUTES_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "minutes", *args], capture_output=True, text=True, cwd=cwd, env=environment,
        input=stdin, timeout=120,
    )


def one_error_line(done: subprocess.CompletedProcess) -> str:
    """The command failed with exactly one ``error:`` line that is not an ``unexpected`` bug."""
    lines = done.stderr.strip().splitlines()
    assert done.returncode in (1, 2) and len(lines) == 1 and lines[0].startswith("error: "), done.stderr
    assert "unexpected" not in lines[0] and "Traceback" not in done.stderr
    return lines[0]


# -- 1. one bad file never stops the batch ---------------------------------------------


READER_FAILURES: dict[str, Callable[[], bytes]] = {
    "encrypted.docx": encrypted_docx,
    "deflate64.docx": deflate64_docx,
    "not-a-zip.docx": lambda: b"PK\x03\x04" + os.urandom(300),
    "truncated.docx": lambda: docx()[:-30],
    "no-body.docx": lambda: docx({"word/document.xml": f'<w:document xmlns:w="{_W}"/>'}),
    "bad-xml.docx": lambda: docx({"word/document.xml": "<w:document"}),
    "entity.docx": lambda: docx({"word/document.xml": '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>'}),
    "binary.txt": lambda: bytes(range(256)) * 40,
    "empty.txt": lambda: b"",
    "blank.html": lambda: b"<html><body>   </body></html>",
}


@pytest.mark.parametrize("name", READER_FAILURES)
def test_a_reader_failure_is_that_files_failed_line(box, name):
    summary = box.batch({name: READER_FAILURES[name]()})
    failed = [r for r in summary["results"] if r["status"] == "failed"]
    assert [Path(r["source"]).name for r in failed] == [f"m-{name}"]
    assert "unexpected" not in failed[0]["error"] and "Error:" not in failed[0]["error"]
    box.check(summary)


def test_import_goes_on_past_encrypted_and_deflate64_and_prints_the_summary(box):
    (box.inputs / "a.docx").write_bytes(encrypted_docx())
    (box.inputs / "b.docx").write_bytes(deflate64_docx())
    (box.inputs / "c.txt").write_text(GOOD, encoding="utf-8")
    box.before = box.snapshot()
    done = minutes("import", str(box.inputs), "--no-extract", "--format", "json", "--db", str(box.db), cwd=box.out)
    summary = json.loads(done.stdout)
    assert done.returncode == 1 and (summary["new"], summary["failed"]) == (1, 2)
    assert "password" in summary["results"][0]["error"] and "cannot be read" in summary["results"][1]["error"]
    assert "unexpected" not in done.stderr
    box.check()


def test_extract_gives_each_bad_file_its_error_line(box):
    (box.inputs / "a.docx").write_bytes(encrypted_docx())
    (box.inputs / "b.docx").write_bytes(deflate64_docx())
    (box.inputs / "c.txt").write_text(GOOD, encoding="utf-8")
    box.before = box.snapshot()
    done = minutes("extract", *(str(box.inputs / n) for n in ("a.docx", "b.docx", "c.txt")), cwd=box.out)
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert done.returncode == 1 and [("error" in line) for line in lines] == [True, True, False]
    assert lines[2]["tasks"] and "unexpected" not in done.stderr
    box.check()


def test_a_reader_bug_costs_one_file_not_the_batch(box, monkeypatch):
    from minutes.readers import txt

    real = txt.read_txt

    def flaky(data, source, declared=None):
        if "m-" in source:
            raise ZeroDivisionError("a bug in a reader")
        return real(data, source, declared)

    monkeypatch.setattr(txt, "read_txt", flaky)
    summary = box.batch({"bug.txt": GOOD.encode()})
    assert summary["failed"] == 1 and "ZeroDivisionError" in summary["results"][1]["error"]
    box.check(summary)


# -- 6. bounded parsing ------------------------------------------------------------------


@pytest.mark.parametrize("claimed", [None, 1000], ids=["honest-1GiB", "claims-1000-bytes"])
def test_a_docx_bomb_is_refused_without_inflating_it(box, claimed):
    import resource

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    summary = box.batch({"bomb.docx": bomb_docx(claimed)})
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before  # KiB
    bomb = summary["results"][1]
    assert bomb["status"] == "failed" and "not a valid .docx" in bomb["error"], bomb
    assert grown < 400 * 1024, f"reading the bomb took {grown // 1024} MB"
    box.check(summary)


def test_fifos_and_devices_are_refused_as_inputs(box):
    fifo = box.root / "pipe.txt"
    os.mkfifo(fifo)
    os.mkfifo(box.inputs / "in-the-folder.html")
    summary = box.batch({}, paths=[fifo, "/dev/zero", "/dev/null"])
    failed = {Path(r["source"]).name: r["error"] for r in summary["results"] if r["status"] == "failed"}
    assert failed == {"pipe.txt": "is a named pipe (FIFO), not a file", "zero": "is a character device, not a file",
                      "null": "is a character device, not a file", "in-the-folder.html": "is a named pipe (FIFO), not a file"}
    box.check(summary)


def billion_laughs(levels: int = 9) -> str:
    """2 KB of YAML that expands to 9**9 strings (the 4.3 GB draft)."""
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n in range(1, levels + 1):
        lines.append(f"l{n}: &l{n} [" + ", ".join([f"*{'a' if n == 1 else f'l{n - 1}'}"] * 9) + "]")
    return "\n".join(lines) + f"\ntitle: *l{levels}\n"


YAML_FAILURES = {
    "alias-bomb": (billion_laughs(), "aliases expand it"),
    "alias-bomb-in-decisions": (billion_laughs().replace("title: *l9", "title: t\ndecisions: *l9"), "aliases expand it"),
    "recursive-alias": ("title: &t [*t]\n", "refers to the value it is part of"),
    "huge": ("title: t\nsummary:\n" + "  - 各区要加强巡查。\n" * 120_000, "over the 1024 KB limit"),
    "deep": ("title: " + "[" * 50_000, "nested too deeply"),
    "feb-30": ("title: t\ndate: 2025-02-30\n", "'2025-02-30' is not a valid date"),
    "100k-digit-title": ("title: " + "7" * 100_000 + "\n", "is not a valid number (too large)"),
    "hex-title": ("title: 0x" + "f" * 5000 + "\n", "is not a valid number (too large)"),
    "python-tag": ("title: !!python/object/apply:os.system [echo hi]\n", "not valid YAML"),
    "not-a-mapping": ("- a\n- b\n", "must be a YAML mapping"),
}


@pytest.mark.parametrize("case", YAML_FAILURES)
def test_hostile_yaml_drafts_fail_with_one_line(case):
    from minutes.drafts import load_draft
    from minutes.errors import DocumentError

    text, expected = YAML_FAILURES[case]
    with pytest.raises(DocumentError) as failure:
        load_draft(text)
    message = str(failure.value)
    assert expected in message and "\n" not in message and len(message) < 400, message


def test_the_cli_refuses_an_alias_bomb_draft_and_a_fifo_at_once(box):
    (box.inputs / "bomb.yaml").write_text(billion_laughs(), encoding="utf-8")
    os.mkfifo(box.inputs / "pipe.yaml")
    box.before = box.snapshot()
    bomb = minutes("doc", "minutes", str(box.inputs / "bomb.yaml"), "-o", str(box.out / "x.docx"), cwd=box.out)
    assert "aliases expand it" in one_error_line(bomb)
    fifo = minutes("doc", "minutes", str(box.inputs / "pipe.yaml"), "-o", str(box.out / "x.docx"), cwd=box.out)
    assert "named pipe" in one_error_line(fifo)
    assert not (box.out / "x.docx").exists()
    box.check()


@pytest.mark.parametrize("case", ["alias-bomb", "feb-30", "huge", "fifo"])
def test_a_hostile_sources_file_fails_with_one_line(box, case):
    path = box.inputs / "sources.yaml"
    if case == "fifo":
        os.mkfifo(path)
    else:
        text = {"alias-bomb": billion_laughs().replace("title:", "sources:"),
                "feb-30": "sources:\n  - id: x\n    name: 2025-02-30\n",
                "huge": "sources: []\n" + "# padding\n" * 200_000}[case]
        path.write_text(text, encoding="utf-8")
    box.before = box.snapshot()
    done = minutes("sources", "list", "--sources", str(path), cwd=box.out)
    line = one_error_line(done)
    assert {"alias-bomb": "aliases expand it", "feb-30": "not a valid date", "huge": "limit", "fifo": "named pipe"}[case] in line
    box.check()


def template_with(text: str, folder: Path) -> Path:
    """A customized template whose body is one paragraph of ``text`` (Jinja included)."""
    import docx as python_docx

    document = python_docx.Document()
    document.add_paragraph(text)
    path = folder / "custom.docx"
    document.save(path)
    return path


@pytest.mark.parametrize(
    "body, expected",
    [
        ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}", "takes over"),
        ("{{ 'x' * 10**10 }}", "needs over"),
        ("{{ 'x' * 3000000 }}", "renders a document over 2 MB"),
    ],
    ids=["endless-loop", "ten-gigabytes", "over-the-size-limit"],
)
def test_templates_render_under_a_time_memory_and_size_limit(box, monkeypatch, body, expected):
    from minutes.errors import DocumentError
    from minutes.writers import render

    monkeypatch.setattr(render, "RENDER_SECONDS", 3)
    monkeypatch.setattr(render, "MAX_RENDERED_BYTES", 2 * 2**20)
    template = template_with(body, box.inputs)
    box.before = box.snapshot()
    with pytest.raises(DocumentError, match=expected):
        render.render_docx("tasks.docx", {"title": "t", "note": "", "tasks": []}, template=template)
    box.check()


def test_a_bounded_render_still_renders(tmp_path):
    from minutes.writers import render

    custom = tmp_path / "tasks.docx"  # a customized template renders in the bounded child
    custom.write_bytes(render.bundled("tasks.docx"))
    data = render.render_docx("tasks.docx", {"title": "整治任务分解表", "note": "", "tasks": []}, template=custom)
    assert data.startswith(b"PK") and "整治任务分解表".encode() in zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")


# -- 8. text is never silently dropped ---------------------------------------------------

ARTICLE = "".join(
    f"<p>第{n}条　各区生态环境局要在2025年6月30日前完成辖区入河排污口排查，建立问题清单，逐一明确整治责任单位。</p>"
    for n in range(1, 6)
)


@pytest.mark.parametrize(
    "page, note",
    [
        ("<html><body>" + "<div>" * 100_000 + ARTICLE + "</div>" * 100_000 + "</body></html>", "2,048 levels"),
        ("<html><body><article>" + "<div>" * 1_500 + ARTICLE + "</div>" * 1_500 + "</article></body></html>", "too deeply to walk"),
        ('<html><body><div class="content" data-x="' + "x" * 15_000_000 + '">' + ARTICLE + "</div></body></html>", None),
        ("<html><body><span>" + ARTICLE.replace("<p>", "<i>").replace("</p>", "</i><br>") + "</span></body></html>", "no article found"),
    ],
    ids=["100k-nested-divs", "1500-nested-divs", "15MB-attribute", "no-container"],
)
def test_hostile_html_keeps_its_text_and_says_how(box, page, note):
    summary = box.batch({"page.html": page.encode()})
    result = summary["results"][1]
    assert result["status"] == "new", result
    assert (note is None and "note" not in result) or (note in result["note"] and "flat text" in result["note"]), result
    with Archive(box.db) as archive:
        text = archive.document(result["id"]).text
    assert text.count("逐一明确整治责任单位") == 5 and "第1条" in text and "第5条" in text
    box.check(summary)


# -- 9. writing files ----------------------------------------------------------------------

DRAFT = "title: 入河排污口整治推进会议纪要\norgan: 市生态环境局\ndate: 2025-03-01\ndecisions:\n  - text: 各区6月底前完成排查\n    lead: 各区政府\n"


def write_draft(path: Path) -> Path:
    from minutes.drafts import load_draft
    from minutes.writers import write_minutes

    return write_minutes(load_draft(DRAFT), path)


def _device(path: Path) -> None:
    try:
        os.mknod(path, 0o666 | __import__("stat").S_IFCHR, os.makedev(1, 3))  # a /dev/null of our own
    except PermissionError:
        pytest.skip("cannot make a device node here")


TARGETS: dict[str, Callable[[Sandbox], Path]] = {
    "fifo": lambda box: (os.mkfifo(box.out / "x.docx"), box.out / "x.docx")[1],
    "device": lambda box: (_device(box.out / "x.docx"), box.out / "x.docx")[1],
    "symlink": lambda box: ((box.out / "x.docx").symlink_to(box.witness / "keep.txt"), box.out / "x.docx")[1],
    "hard-link": lambda box: (os.link(box.witness / "keep.txt", box.out / "x.docx"), box.out / "x.docx")[1],
    "directory": lambda box: ((box.out / "x.docx").mkdir(), box.out / "x.docx")[1],
}


@pytest.mark.parametrize("kind", TARGETS)
def test_output_onto_anything_but_a_regular_file_is_refused(box, kind):
    from minutes.errors import DocumentError

    target = TARGETS[kind](box)
    before = os.lstat(target)
    box.before = box.snapshot()
    with pytest.raises(DocumentError, match="symbolic link|not a file|hard links"):
        write_draft(target)
    after = os.lstat(target)
    assert (after.st_ino, after.st_mode, after.st_nlink) == (before.st_ino, before.st_mode, before.st_nlink)
    assert (box.witness / "keep.txt").read_text() == "untouched"
    box.check()


def test_the_cli_refuses_a_fifo_output_with_one_line(box):
    (box.inputs / "draft.yaml").write_text(DRAFT, encoding="utf-8")
    os.mkfifo(box.out / "x.docx")
    box.before = box.snapshot()
    done = minutes("doc", "minutes", str(box.inputs / "draft.yaml"), "-o", str(box.out / "x.docx"), cwd=box.out)
    assert "named pipe" in one_error_line(done)
    box.check()


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_written_files_honour_the_umask(box, umask, mode):
    old = os.umask(umask)
    try:
        path = write_draft(box.out / "new.docx")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == mode
    box.check()


def test_replacing_a_file_keeps_its_permissions(box):
    target = box.out / "kept.docx"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_draft(target)
    assert target.stat().st_mode & 0o777 == 0o640 and target.read_bytes().startswith(b"PK")
    box.check()


def as_another_user() -> Callable[[], None]:
    def become_nobody() -> None:
        os.setgid(65534)
        os.setuid(65534)

    return become_nobody


def _reachable(path: Path) -> bool:
    return all(folder.stat().st_mode & 0o001 for folder in path.resolve().parents)


@pytest.fixture
def second_user() -> tuple[Path, list[str]]:
    """A folder every user can reach (pytest's own is private to its user) and the
    command line that runs ``minutes`` for another user (nobody)."""
    import sysconfig

    import minutes

    if os.geteuid() != 0:
        pytest.skip("needs root to run a command as a second user")
    if not _reachable(Path(minutes.__file__)):
        pytest.skip("a second user cannot reach the minutes package")
    command = [sys.executable, "-m", "minutes"]
    if not _reachable(Path(sys.executable)):  # a private interpreter: the system's, with our packages
        system = Path(f"/usr/bin/python{sys.version_info.major}.{sys.version_info.minor}")
        packages = sysconfig.get_paths()["purelib"]
        if not system.exists() or not _reachable(Path(packages, "minutes")):
            pytest.skip(f"a second user cannot reach {sys.executable}")
        command = [str(system), "-c", f"import site, sys; site.addsitedir({packages!r}); sys.argv[0] = 'minutes'; "
                   "from minutes.cli import main; main()"]
    folder = Path(tempfile.mkdtemp(prefix="minutes-hostile-", dir="/tmp"))
    folder.chmod(0o755)
    yield folder, command
    import shutil

    shutil.rmtree(folder)


def test_a_second_os_user_gets_no_traceback_and_leaves_nothing_in_tmp(second_user):
    shared_tmp, command = second_user
    inputs, tmp = shared_tmp / "inputs", shared_tmp / "tmp"
    inputs.mkdir()
    tmp.mkdir(mode=0o1777)
    tmp.chmod(0o1777)
    (inputs / "a.txt").write_text(GOOD, encoding="utf-8")
    inputs.chmod(0o755)
    (inputs / "a.txt").chmod(0o644)
    for user, home in (("first", None), ("second", as_another_user())):
        cache = shared_tmp / f"cache-{user}"
        cache.mkdir()
        if home:
            os.chown(cache, 65534, 65534)
        env = {**os.environ, "TMPDIR": str(tmp), "XDG_CACHE_HOME": str(cache)}
        done = subprocess.run(
            [*command, "extract", str(inputs / "a.txt")], capture_output=True, text=True,
            env=env, cwd=shared_tmp, preexec_fn=home, timeout=120,
        )
        assert done.returncode == 0 and done.stderr == "", done.stderr
        assert json.loads(done.stdout)["tasks"]
        assert list(tmp.iterdir()) == []  # no cache or temp file shared between users


def test_an_unwritable_output_folder_is_one_line(second_user):
    shared_tmp, command = second_user
    (shared_tmp / "draft.yaml").write_text(DRAFT, encoding="utf-8")
    (shared_tmp / "draft.yaml").chmod(0o644)
    locked = shared_tmp / "locked"
    locked.mkdir(mode=0o755)
    cache = shared_tmp / "cache"
    cache.mkdir()
    os.chown(cache, 65534, 65534)
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    env.pop("MINUTES_DEBUG", None)
    done = subprocess.run(
        [*command, "doc", "minutes", str(shared_tmp / "draft.yaml"), "-o", str(locked / "x.docx")],
        capture_output=True, text=True, env=env, cwd=shared_tmp, preexec_fn=as_another_user(), timeout=120,
    )
    line = one_error_line(done)
    assert "cannot write into folder" in line and "permission denied" in line
    assert list(locked.iterdir()) == []


def test_an_unwritable_output_folder_is_one_line_in_process(box, monkeypatch):
    """(root writes anywhere: the folder's refusal is played by mkstemp)"""
    from minutes.errors import DocumentError

    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    with pytest.raises(DocumentError, match=r"^cannot write into folder .*out: permission denied$"):
        write_draft(box.out / "x.docx")
    box.check()


# -- 10. one clear line for everything -----------------------------------------------------


def test_symlink_loops_and_broken_links_are_named_in_the_batch(box):
    (box.inputs / "loop.txt").symlink_to("loop.txt")
    (box.inputs / "broken.html").symlink_to("nothing.html")
    outside = box.root / "loop-given.txt"
    outside.symlink_to(outside.name)
    summary = box.batch({}, paths=[outside])
    failed = {Path(r["source"]).name: r["error"] for r in summary["results"] if r["status"] == "failed"}
    assert failed == {
        "loop-given.txt": "symbolic link loop (a link that points back at itself)",
        "loop.txt": "symbolic link loop (a link that points back at itself)",
        "broken.html": "broken symbolic link (it points to nothing)",
    }
    box.check(summary)


@pytest.fixture
def archive_db(box) -> Path:
    """An archive holding one document (in the output folder)."""
    box.batch({})
    box.before = box.snapshot()
    return box.db


ONE_LINE_CASES: dict[str, tuple[list[str], str]] = {
    "show-id-over-2^63": (["show", str(2**64)], f"no document {2**64}"),
    "done-id-over-2^63": (["done", str(10**30)], "no task 1000000000000000000000000000000"),
    "doc-id-over-2^63": (["doc", "minutes", str(10**25), "-o", "x.docx"], "no document"),
    "usage-not-a-number": (["show", "abc"], "Invalid value for 'id'"),
    "usage-no-such-command": (["frobnicate"], "No such command 'frobnicate'"),
    "usage-missing-argument": (["import"], "Missing argument"),
    "usage-bad-option": (["search", "x", "--limit", "0"], "--limit"),
}


@pytest.mark.parametrize("case", ONE_LINE_CASES)
def test_bad_command_lines_get_one_error_line(box, archive_db, case):
    args, expected = ONE_LINE_CASES[case]
    done = minutes(*args, env={"MINUTES_DB": str(archive_db)}, cwd=box.out)
    assert expected in one_error_line(done)
    box.check()


def test_invalid_utf8_in_a_query_is_one_line(box, archive_db):
    for args, name in (([b"ab\xff\xfe"], "query"), ([b"x", b"--source", b"\xff"], "--source")):
        done = subprocess.run(
            [sys.executable, "-m", "minutes", "search", *args, "--db", str(archive_db)], capture_output=True,
            env={k: v for k, v in os.environ.items() if k != "MINUTES_DEBUG"}, cwd=box.out, timeout=120,
        )
        done.stderr = done.stderr.decode()
        assert f"the {name} is not valid UTF-8 text" in one_error_line(done)
    box.check()


def test_a_non_numeric_schema_version_is_one_line(box, archive_db):
    with sqlite3.connect(archive_db) as conn:
        conn.execute("UPDATE schema_version SET version = 'two'")
    box.before = box.snapshot()
    done = minutes("stats", "--db", str(archive_db), cwd=box.out)
    assert "schema version is 'two', not a number" in one_error_line(done)
    box.check()


def test_stats_on_an_empty_file_leaves_it_empty(box):
    empty = box.witness / "empty.db"
    empty.touch()
    box.before = box.snapshot()
    for command in ("stats", "search", "tasks"):
        done = minutes(command, *(["x"] if command == "search" else []), "--db", str(empty), cwd=box.out)
        assert "empty file, not a minutes archive" in one_error_line(done)
    assert empty.stat().st_size == 0
    box.check()


@pytest.mark.parametrize(
    "draft, expected",
    [
        ("title: t\ndate: 2025-02-30\n", "'2025-02-30' is not a valid date"),
        ("title: " + "9" * 100_000 + "\n", "is not a valid number (too large)"),
    ],
    ids=["feb-30", "100k-digit-title"],
)
def test_bad_yaml_values_are_one_short_line(box, draft, expected):
    (box.inputs / "draft.yaml").write_text(draft, encoding="utf-8")
    box.before = box.snapshot()
    line = one_error_line(minutes("doc", "minutes", str(box.inputs / "draft.yaml"), "-o", "x.docx", cwd=box.out))
    assert expected in line and "at line" in line and len(line) < 400
    box.check()


def test_a_100k_digit_title_is_read_and_a_100k_digit_date_is_one_short_line(box):
    (box.inputs / "big.txt").write_text("1" * 100_000 + "\n" + GOOD, encoding="utf-8")
    (box.inputs / "bad.json").write_text(json.dumps({"title": "t", "published": "2" * 100_000, "tasks": []}))
    box.before = box.snapshot()
    done = minutes("extract", str(box.inputs / "big.txt"), cwd=box.out)
    assert done.returncode == 0 and json.loads(done.stdout)["tasks"], done.stderr
    line = one_error_line(minutes("doc", "minutes", str(box.inputs / "bad.json"), "-o", "x.docx", cwd=box.out))
    assert "not an extraction" in line and len(line) < 400
    box.check()


# -- generated inputs: property tests ------------------------------------------------------
# Bounded on purpose (CI time): the numbers of examples are in the settings below.

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

# derandomize: the same inputs on every run (CI stays reproducible); no example database
FUZZ = settings(deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@st.composite
def damaged_docx(draw) -> bytes:
    """A valid .docx with bytes flipped, cut or inserted."""
    data = bytearray(docx())
    for _ in range(draw(st.integers(1, 6))):
        where = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["flip", "cut", "insert"]))
        if action == "flip":
            data[where] ^= draw(st.integers(1, 255))
        elif action == "cut":
            del data[where:]
            if len(data) < 10:
                break
        else:
            data[where:where] = draw(st.binary(min_size=1, max_size=40))
    return bytes(data)


HOSTILE_BYTES = st.one_of(
    st.binary(max_size=3000),
    damaged_docx(),
    st.text(max_size=2000).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.text(alphabet=st.sampled_from("<>/=\"' divspan&#;x\n\t各区要前"), max_size=3000).map(str.encode),
)


@settings(FUZZ, max_examples=100)
@given(data=HOSTILE_BYTES, suffix=st.sampled_from([".txt", ".html", ".docx"]))
def test_fuzz_one_hostile_file_in_a_batch(tmp_path, data, suffix):
    """Whatever the bytes, the file is archived or is one failed line; the batch goes on."""
    with pytest.MonkeyPatch.context() as patch:
        box = Sandbox(Path(tempfile.mkdtemp(dir=tmp_path)), patch)  # a fresh one per example
        summary = box.batch({f"fuzz{suffix}": data})
        hostile = summary["results"][1]
        assert hostile["status"] in ("new", "failed"), hostile
        assert hostile["status"] == "new" or ("unexpected" not in hostile["error"] and "\n" not in hostile["error"])
        box.check(summary)


YAML_TOKENS = st.sampled_from(
    ["title", "date", "decisions", "attendees", "text", "lead", ":", " ", "\n", "  ", "- ", "&a ", "*a", "&b ", "*b",
     "[", "]", "{", "}", ",", "2025-02-30", "2025-03-01", "9" * 5000, "0x" + "f" * 40, "!!binary ", "!!python/name:os.system",
     "<<: *a", "'", '"', "#", "~", "yes", "1e999", ".nan", "会议纪要", "\t", "?", "|", ">"]
)


@settings(FUZZ, max_examples=300)
@given(tokens=st.lists(YAML_TOKENS, max_size=60))
def test_fuzz_yaml_drafts_load_or_fail_with_one_line(tokens):
    from minutes.drafts import load_draft
    from minutes.errors import DocumentError

    try:
        load_draft("".join(tokens))
    except DocumentError as error:
        assert "\n" not in str(error), str(error)


@st.composite
def nested_page(draw) -> tuple[str, str]:
    """A page of plain nested elements (no article container, no chrome) around one
    marked sentence."""
    tags = draw(st.lists(st.sampled_from(["div", "span", "p", "b", "section", "font", "center", "li"]), max_size=3000))
    marker = "各区生态环境局要在2025年6月30日前完成辖区排污口排查整治工作。"
    before = draw(st.sampled_from(["", "附件下载", "<br>", "&nbsp;"]))
    page = "<html><body>" + "".join(f"<{t}>" for t in tags) + before + marker + "".join(f"</{t}>" for t in reversed(tags))
    return page + "</body></html>", marker


@settings(FUZZ, max_examples=100)
@given(case=nested_page())
def test_fuzz_page_text_is_never_dropped(case):
    from minutes.readers import read_bytes

    page, marker = case
    document = read_bytes(page.encode(), "page.html")
    assert marker in document.text


def test_the_summary_is_printed_even_when_the_archive_stops_the_batch(box):
    (box.inputs / "a.txt").write_text(GOOD, encoding="utf-8")
    Archive(box.db).close()
    box.before = box.snapshot()
    holder = sqlite3.connect(box.db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the archive
    try:
        done = minutes("import", str(box.inputs), "--no-extract", "--format", "json", "--db", str(box.db), cwd=box.out)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    summary = json.loads(done.stdout)
    assert done.returncode == 1 and summary["new"] == 0 and "locked" in summary["stopped"]
    assert done.stderr.strip().splitlines()[-1] == "error: archive.db is locked by another process; try again when it finishes"
    box.check()


def test_extract_says_when_a_page_was_read_as_flat_text(box):
    page = box.inputs / "deep.html"
    page.write_text("<html><body>" + "<div>" * 100_000 + ARTICLE + "</div>" * 100_000 + "</body></html>")
    box.before = box.snapshot()
    done = minutes("extract", str(page), cwd=box.out)
    assert done.returncode == 0 and "error" not in json.loads(done.stdout)
    assert done.stderr.startswith(f"warning: {page}: the page could not be parsed whole") and "flat text" in done.stderr
    box.check()

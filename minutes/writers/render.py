"""Rendering templates and writing files: a sandboxed, autoescaping Jinja environment (a
customized template cannot reach Python objects or the file system) and atomic writes (a
temp file in the target folder, then ``os.replace``)."""

from __future__ import annotations

import copy
import functools
import io
import os
import stat
import struct
import tempfile
import time
import zlib
from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from minutes.errors import DocumentError
from minutes.inputs import describe, os_reason
from minutes.writers.text import clean

EXAMPLES = ("draft-example.yaml", "notice-example.yaml", "cover-example.yaml")
TEMPLATES = ("minutes.docx", "tasks.docx", "assignment.docx", "notice.docx", "cover.docx", "reminder.docx")
MAX_TEMPLATE_BYTES = 20 * 2**20
# What one rendering may take: a customized template is a program of a sort.
RENDER_SECONDS = 30
RENDER_MEMORY = 1024 * 2**20  # address space beyond what the process already has
MAX_RENDERED_BYTES = 64 * 2**20  # the document's parts, unpacked


@cache
def _environment():
    """Sandboxed, autoescaping, no loader (no include/import of files), strict about unknown names.

    Compiled templates are kept per source text: rendering the same template a thousand
    times compiles it once.
    """
    from jinja2 import DictLoader, StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class Environment(ImmutableSandboxedEnvironment):
        compiled: dict[str, Any] = {}

        def from_string(self, source, globals=None, template_class=None):  # noqa: A002 (jinja's name)
            if globals or template_class or len(self.compiled) > 64:
                return super().from_string(source, globals, template_class)
            if source not in self.compiled:
                self.compiled[source] = super().from_string(source)
            return self.compiled[source]

    return Environment(autoescape=True, undefined=StrictUndefined, loader=DictLoader({}))


@cache
def bundled(name: str) -> bytes:
    from minutes import templates

    return templates.path(name).read_bytes()


def _template_bytes(name: str, custom: str | Path | None) -> tuple[bytes, str]:
    if custom is None:
        return bundled(name), name
    from minutes.inputs import read_regular

    path = Path(custom)
    try:
        return read_regular(path, MAX_TEMPLATE_BYTES, DocumentError), path.name
    except DocumentError as error:
        raise DocumentError(f"template {error}") from None


def render_docx(
    name: str,
    context: dict[str, Any],
    *,
    template: str | Path | None = None,
    title: str = "",
    author: str = "",
    identifier: str = "",
    finish: Callable[[Any], None] | None = None,
) -> bytes:
    """Render the bundled template ``name`` (or a customized ``template`` file) to .docx bytes.

    The core properties carry this moment, the ``title``, the ``author`` (the office) and the
    ``identifier`` (the 发文字号; the 发文稿纸 reads these three back);
    ``finish`` gets the rendered python-docx document for what Jinja cannot express (column
    widths measured from the content).

    A customized template is code of a sort: a loop in a loop or ``'x' * 10**9`` must not
    hang or exhaust the machine, so it renders in a child under ``RENDER_SECONDS``,
    ``RENDER_MEMORY`` and ``MAX_RENDERED_BYTES`` (see ``_bounded``). The bundled templates
    are ours and render here: a fork per document would cost more than the rendering, and
    the web server renders from threads, where forking is unsafe.
    """
    data, label = _template_bytes(name, template)
    properties = {"title": title, "author": author, "identifier": identifier}
    render = lambda: _render(data, label, context, properties, finish)  # noqa: E731
    return _bounded(render, label) if template is not None else render()


def _render(
    data: bytes, label: str, context: dict[str, Any], properties: dict[str, str], finish: Callable[[Any], None] | None
) -> bytes:
    from datetime import datetime, timezone
    from zipfile import BadZipFile, ZipFile

    from docx.opc.exceptions import PackageNotFoundError
    from jinja2 import TemplateError

    def complete(document: Any) -> None:
        if finish:
            finish(document)
        core = document.core_properties
        core.created = core.modified = datetime.now(timezone.utc).replace(microsecond=0)
        core.title, core.identifier = properties["title"], properties["identifier"]
        core.author = core.last_modified_by = properties["author"]

    try:
        rendered = _prepared(data).render(context, complete)
    except TemplateError as error:
        message = clean(getattr(error, "message", None) or error)
        raise DocumentError(f"template {label} is not usable: {message}") from None
    except (PackageNotFoundError, BadZipFile, KeyError, ValueError, struct.error) as error:
        raise DocumentError(f"template {label} is not a Word .docx file ({clean(error)})") from None
    with ZipFile(io.BytesIO(rendered)) as package:
        if sum(part.file_size for part in package.infolist()) > MAX_RENDERED_BYTES:
            raise DocumentError(f"template {label} renders a document over {MAX_RENDERED_BYTES // 2**20} MB")
    return rendered


# Parts a rendering writes: the body, headers and footers, the core properties
# (docxtpl renders them too) and footnotes. Every other part of a template (styles,
# numbering, theme, fonts: 95 % of its bytes) is copied into each output as it is,
# compressed bytes and all, never parsed.
_RENDERED_TYPES = frozenset(
    f"application/vnd.openxmlformats-{kind}+xml"
    for kind in (
        "officedocument.wordprocessingml.document.main", "officedocument.wordprocessingml.template.main",
        "officedocument.wordprocessingml.header", "officedocument.wordprocessingml.footer",
        "officedocument.wordprocessingml.footnotes", "package.core-properties",
    )
)
# zlib level of the parts written per document, measured on a 12-task 任务分解表 (13 KB
# of rendered XML; CPU time per document): level 1 0.18 ms → 3,161 bytes, level 6
# 0.28 ms → 2,913 bytes, level 9 no smaller. The difference is 1 % of a rendering's
# time either way; 6 (zlib's default) keeps files as small as they were.
ZIP_LEVEL = 6


@lru_cache(maxsize=16)
def _prepared(data: bytes) -> _Template:
    """A template read once per process (per distinct bytes: a customized one too)."""
    return _Template(data)


class _Template:
    """A .docx template taken apart once: its zip entries as stored, and a light copy
    of the package for docxtpl in which the parts no rendering writes are empty blobs
    of an opaque type (python-docx neither parses nor keeps them)."""

    def __init__(self, data: bytes):
        from zipfile import ZipFile

        from lxml import etree

        self.data = data
        with ZipFile(io.BytesIO(data)) as archive:
            self.entries = archive.infolist()
            types = etree.fromstring(archive.read("[Content_Types].xml"))
            rendered = {
                o.get("PartName").lstrip("/") for o in types if o.tag.endswith("Override") and o.get("ContentType") in _RENDERED_TYPES
            }
            self.rendered = rendered
            for override in types:
                if override.tag.endswith("Override") and override.get("PartName").lstrip("/") not in rendered:
                    override.set("ContentType", "application/octet-stream")
            light = io.BytesIO()
            with ZipFile(light, "w") as out:
                for entry in self.entries:
                    if entry.filename == "[Content_Types].xml":
                        out.writestr(entry.filename, etree.tostring(types, xml_declaration=True, encoding="UTF-8", standalone=True))
                    elif entry.filename in rendered or entry.filename.endswith(".rels"):
                        out.writestr(entry.filename, archive.read(entry.filename))
                    else:
                        out.writestr(entry.filename, b"")
        self.light = light.getvalue()
        self.parts = {f"/{entry.filename}" for entry in self.entries if not entry.filename.endswith(".rels")} - {"/[Content_Types].xml"}

    @functools.cached_property
    def reader(self) -> Any:
        """The light package's entries and relationships as python-docx reads them (three
        quarters of opening it): read once, each rendering builds its parts afresh from them."""
        from docx.opc.pkgreader import PackageReader

        return PackageReader.from_file(io.BytesIO(self.light))

    def render(self, context: dict[str, Any], complete: Callable[[Any], None]) -> bytes:
        """The document rendered; ``complete`` gets it (python-docx) before it is written."""
        document = _docx_template()(self)
        document.render(context, _environment(), autoescape=True)
        complete(document)
        package = document.docx.part.package
        written = {str(part.partname): part.blob for part in package.iter_parts() if str(part.partname).lstrip("/") in self.rendered}
        if {str(part.partname) for part in package.iter_parts()} != self.parts or document.pics_to_replace or document.crc_to_new_media:
            return self._render_whole(context, complete)  # the rendering added parts (an image): python-docx writes it all
        entries = []
        for entry in self.entries:
            blob = written.get(f"/{entry.filename}")
            entries.append(self._stored(entry) if blob is None else _deflated(entry, blob))
        return _zip(entries)

    def _render_whole(self, context: dict[str, Any], complete: Callable[[Any], None]) -> bytes:
        document = _docx_template()(io.BytesIO(self.data))
        document.render(context, _environment(), autoescape=True)
        complete(document)
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()

    def _stored(self, entry: Any) -> tuple[Any, bytes, int]:
        """An entry's bytes as the template has them (compressed), read from its local header."""
        start = entry.header_offset
        name_size, extra_size = struct.unpack_from("<HH", self.data, start + 26)
        start += 30 + name_size + extra_size
        return entry, self.data[start : start + entry.compress_size], entry.compress_type


@cache
def _docx_template() -> type:
    """docxtpl's ``DocxTemplate`` with its XML clean-up (``patch_xml``: a dozen regular
    expressions over each part, a third of a rendering) done once per distinct part:
    it is a function of the part's XML alone, which is the same for every rendering of a
    template."""
    from docxtpl import DocxTemplate

    patched = lru_cache(maxsize=64)(functools.partial(DocxTemplate.patch_xml, None))

    class Template(DocxTemplate):
        def init_docx(self, reload: bool = True) -> None:
            if isinstance(self.template_file, _Template) and (not self.docx or self.is_rendered and reload):
                from docx.opc.package import Unmarshaller
                from docx.opc.part import PartFactory
                from docx.package import Package

                package = Package()
                Unmarshaller.unmarshal(self.template_file.reader, package, PartFactory)
                self.docx, self.is_rendered = package.main_document_part.document, False
            else:
                super().init_docx(reload)

        def patch_xml(self, src_xml: str) -> str:
            return patched(src_xml)

        def resolve_listing(self, xml: str) -> str:
            # docxtpl turns a tab, a line break, a new paragraph (\a) or a page break (\f)
            # in a text's runs into Word's elements, rebuilding every paragraph and run
            # with regular expressions (a tenth of a rendering) to do it: a part holding
            # none of them comes out as it went in
            if "\n" in xml or "\t" in xml or "\a" in xml or "\f" in xml:
                return super().resolve_listing(xml)
            return xml

        def fix_tables(self, xml: str) -> Any:
            # docxtpl widens or narrows a table's grid where the rows rendered ({%tc%}
            # columns) hold more or fewer cells than it, walking every cell in Python to
            # find out: counted here in XPath, a row at a time, and only a table whose
            # grid does not fit its rows is handed to it
            from lxml import etree

            tree = etree.fromstring(xml, parser=etree.XMLParser(recover=True))
            return tree if all(map(_grid_fits, tree.iter(_TABLE))) else super().fix_tables(xml)

    return Template


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TABLE = f"{{{_W}}}tbl"


def _grid_fits(table: Any) -> bool:
    """Do the table's rows (its nested tables' rows too, as docxtpl counts them) hold
    no more cells than its grid has columns, and at least one row as many, spans
    counted: what docxtpl's fix_tables leaves as it is."""
    columns = int(table.xpath("count(w:tblGrid/w:gridCol)", namespaces={"w": _W}))
    widest = spanned = 0
    for row in table.iter(f"{{{_W}}}tr"):
        cells = row.xpath("count(w:tc)", namespaces={"w": _W})
        spans = row.xpath("count(w:tc[not(w:tcPr/w:gridSpan)]) + sum(w:tc/w:tcPr/w:gridSpan/@w:val)", namespaces={"w": _W})
        widest, spanned = max(widest, cells), max(spanned, spans)
    return table.find(f"{{{_W}}}tblGrid") is not None and widest <= columns and spanned >= columns


def _deflated(entry: Any, blob: bytes) -> tuple[Any, bytes, int]:
    import zipfile

    compressor = zlib.compressobj(ZIP_LEVEL, zlib.DEFLATED, -15)
    written = copy.copy(entry)
    written.CRC, written.file_size = zlib.crc32(blob), len(blob)
    data = compressor.compress(blob) + compressor.flush()
    return written, data, zipfile.ZIP_DEFLATED


def _zip(entries: list[tuple[Any, bytes, int]]) -> bytes:
    """A zip file of entries already compressed: (ZipInfo with CRC and size, bytes, method)."""
    out, directory = bytearray(), bytearray()
    for entry, data, method in entries:
        name = entry.filename.encode("utf-8")
        flags = 0x800 if not entry.filename.isascii() else 0
        year, month, day, hour, minute, second = entry.date_time
        dos_time = hour << 11 | minute << 5 | second // 2
        dos_date = max(year - 1980, 0) << 9 | month << 5 | day
        fields = (20, flags, method, dos_time, dos_date, entry.CRC, len(data), entry.file_size, len(name))
        directory += struct.pack("<IH", 0x02014B50, 20) + struct.pack("<HHHHHIIIH", *fields) + struct.pack("<HHHHII", 0, 0, 0, 0, 0, len(out)) + name
        out += struct.pack("<I", 0x04034B50) + struct.pack("<HHHHHIIIH", *fields) + struct.pack("<H", 0) + name + data
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(directory), len(out), 0)
    return bytes(out + directory + end)


def _bounded(render: Callable[[], bytes], label: str) -> bytes:
    """``render()`` in a forked child with a memory cap, its result read back under a
    deadline; where there is no fork (Windows) it runs here, unbounded."""
    import select
    import signal

    if not hasattr(os, "fork"):
        return render()
    reading, writing = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: render, send b"ok"/b"er" and the bytes or message, leave at once
        try:
            os.close(reading)
            _cap_memory(RENDER_MEMORY)
            try:
                payload = b"ok" + render()
            except DocumentError as error:
                payload = b"er" + str(error).encode()
            except MemoryError:
                payload = b"er" + f"template {label} needs over {RENDER_MEMORY // 2**20} MB to render".encode()
            except BaseException as error:  # noqa: BLE001 (reported to the parent, which raises)
                payload = b"er" + f"template {label} failed to render ({type(error).__name__}: {error})"[:2000].encode()
            with os.fdopen(writing, "wb") as pipe:
                pipe.write(payload)
        finally:
            os._exit(0)
    os.close(writing)
    deadline = time.monotonic() + RENDER_SECONDS
    chunks: list[bytes] = []
    size = 0
    finished = False
    try:
        with os.fdopen(reading, "rb", buffering=0) as pipe:
            while chunk := _read_before(pipe, deadline, select.select):
                size += len(chunk)
                if size > MAX_RENDERED_BYTES + 2:
                    raise DocumentError(f"template {label} renders a document over {MAX_RENDERED_BYTES // 2**20} MB")
                chunks.append(chunk)
        finished = True
    except TimeoutError:
        raise DocumentError(f"template {label} takes over {RENDER_SECONDS} s to render (a loop too many?)") from None
    finally:
        if not finished:
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    payload = b"".join(chunks)
    if payload[:2] == b"ok":
        return payload[2:]
    if payload[:2] == b"er":
        raise DocumentError(payload[2:].decode(errors="replace"))
    raise DocumentError(f"template {label} could not be rendered (the renderer was stopped: out of memory?)")


def _read_before(pipe: Any, deadline: float, select: Callable) -> bytes:
    while (left := deadline - time.monotonic()) > 0:
        if select([pipe], [], [], left)[0]:
            return pipe.read(1 << 20)
    raise TimeoutError


def _cap_memory(extra: int) -> None:
    """Let this process grow by at most ``extra`` bytes of address space (Linux)."""
    try:
        import resource

        with open("/proc/self/statm") as statm:
            current = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = current + extra if hard == resource.RLIM_INFINITY else min(hard, current + extra)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, OSError, ValueError):
        pass  # no /proc or no rlimits: the deadline still holds


def atomic_write(path: str | Path, write: Callable[[io.BufferedWriter], None]) -> Path:
    """Write through a temp file in the target folder, then ``os.replace``: never a half file.

    Only a regular file is ever replaced: a device (``-o /dev/null`` as root), a FIFO, a
    symbolic link or a file with other hard links is refused, not swapped for a new file.
    The new file gets the replaced file's permissions, or the umask's for a new one.
    """
    path = Path(path)
    folder = path.parent
    mode = _target_mode(path)
    if not folder.is_dir():
        raise DocumentError(f"folder {folder} does not exist; create it first")
    try:
        handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name[:40]}.", suffix=".tmp")
    except OSError as error:
        raise DocumentError(f"cannot write into folder {folder}: {os_reason(error)}") from None
    try:
        with os.fdopen(handle, "wb") as out:
            # mkstemp makes the file 0600; a document is for others to read: the replaced
            # file's mode, or 0666 less the umask
            if hasattr(os, "fchmod"):
                os.fchmod(out.fileno(), mode)
            write(out)
        _target_mode(path)  # replaced by something else meanwhile: still refused
        os.replace(temp, path)
    except OSError as error:
        Path(temp).unlink(missing_ok=True)
        raise DocumentError(f"cannot write {path}: {os_reason(error)}") from None
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return path


def _target_mode(path: Path) -> int:
    """The permissions the written file gets; ``DocumentError`` if ``path`` is not a
    regular file with one link that writing may replace."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return 0o666 & ~_umask()
    except OSError as error:
        raise DocumentError(f"cannot write {path}: {os_reason(error)}") from None
    if stat.S_ISLNK(info.st_mode):
        raise DocumentError(f"{path} is a symbolic link; write to the file it points to, or remove the link first")
    if kind := describe(info.st_mode):
        raise DocumentError(f"{path} is {kind}, not a file; only files are written")
    if info.st_nlink > 1:
        raise DocumentError(f"{path} has other hard links, which writing would part from it; remove it first")
    return stat.S_IMODE(info.st_mode)


def _umask() -> int:
    """The process umask, read without changing it where Linux shows it."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # reading the umask means setting it; put it straight back
    os.umask(mask)
    return mask


def write_bytes(path: str | Path, data: bytes) -> Path:
    return atomic_write(path, lambda out: out.write(data))


def export_templates(folder: str | Path) -> list[Path]:
    """Copy the bundled templates and the example draft into ``folder`` for editing in Word/WPS."""
    folder = Path(folder)
    if not folder.is_dir():
        raise DocumentError(f"folder {folder} does not exist; create it first")
    return [write_bytes(folder / name, bundled(name)) for name in (*TEMPLATES, *EXAMPLES)]


# -- the 台账 ------------------------------------------------------------------------------

"""Rendering templates and writing files: a sandboxed, autoescaping Jinja environment (a
customized template cannot reach Python objects or the file system) and atomic writes (a
temp file in the target folder, then ``os.replace``)."""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from minutes.errors import DocumentError
from minutes.writers.text import clean

EXAMPLES = ("draft-example.yaml", "notice-example.yaml", "cover-example.yaml")
TEMPLATES = ("minutes.docx", "tasks.docx", "assignment.docx", "notice.docx", "cover.docx")


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
    path = Path(custom)
    try:
        return path.read_bytes(), path.name
    except OSError as error:
        raise DocumentError(f"cannot read template {path}: {error.strerror or error}") from None


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
    """
    from datetime import datetime, timezone
    from zipfile import BadZipFile

    from docx.opc.exceptions import PackageNotFoundError
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError

    data, label = _template_bytes(name, template)
    try:
        document = DocxTemplate(io.BytesIO(data))
        document.render(context, _environment(), autoescape=True)
        if finish:
            finish(document)
        core = document.core_properties
        core.created = core.modified = datetime.now(timezone.utc).replace(microsecond=0)
        core.title, core.author, core.last_modified_by, core.identifier = title, author, author, identifier
        out = io.BytesIO()
        document.save(out)
    except TemplateError as error:
        message = clean(getattr(error, "message", None) or error)
        raise DocumentError(f"template {label} is not usable: {message}") from None
    except (PackageNotFoundError, BadZipFile, KeyError, ValueError) as error:
        raise DocumentError(f"template {label} is not a Word .docx file ({clean(error)})") from None
    return out.getvalue()


def atomic_write(path: str | Path, write: Callable[[io.BufferedWriter], None]) -> Path:
    """Write through a temp file in the target folder, then ``os.replace``: never a half file."""
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise DocumentError(f"folder {folder} does not exist; create it first")
    handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name[:40]}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            # mkstemp makes the file 0600; a document is for others to read: 0666 less the umask
            os.fchmod(out.fileno(), 0o666 & ~_umask())
            write(out)
        os.replace(temp, path)
    except OSError as error:
        Path(temp).unlink(missing_ok=True)
        raise DocumentError(f"cannot write {path}: {error.strerror or error}") from None
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return path


def _umask() -> int:
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

"""发文稿纸: the sign-off form (拟稿, 核稿, 会签, 签发, 密级, 缓急, 份数) wrapped around a document.

The form takes the first page; the document follows from the next page in a section of its
own (its page size and orientation kept, numbered from 1), so the file a clerk carries to
the 签发 leader is one: the form on top, the text below it.
"""

from __future__ import annotations

import copy
import io
from pathlib import Path
from typing import Any

from minutes.drafts import CoverDraft
from minutes.errors import DocumentError
from minutes.writers.render import render_docx, write_bytes
from minutes.writers.text import clean

_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def cover_context(draft: CoverDraft, properties: dict[str, str]) -> dict[str, Any]:
    """The form's fields: the draft's, else what the wrapped document says of itself."""
    organ = clean(draft.organ) or properties.get("author", "")
    attachments = [clean(a) for a in draft.attachments if clean(a)]
    return {
        "title": f"{organ}发文稿纸" if organ else "发文稿纸",
        "document_title": clean(draft.title) or properties.get("title", ""),
        "number": clean(draft.number) or properties.get("identifier", ""),
        "signer": clean(draft.signer),
        "countersign": "、".join(clean(unit) for unit in draft.countersign if clean(unit)),
        "reviewer": clean(draft.reviewer),
        "drafter": clean(draft.drafter),
        "drafting_unit": clean(draft.drafting_unit),
        "phone": clean(draft.phone),
        "classification": clean(draft.classification),
        "urgency": clean(draft.urgency),
        "copies": clean(draft.copies),
        "to": "，".join(clean(unit) for unit in draft.to if clean(unit)),
        "cc": "，".join(clean(unit) for unit in draft.cc if clean(unit)),
        "attachments": "；".join(f"{i}.{a}" for i, a in enumerate(attachments, 1)) if len(attachments) > 1
        else "".join(attachments),
    }


def _open(data: bytes, label: str):
    from zipfile import BadZipFile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, BadZipFile, KeyError, ValueError) as error:
        raise DocumentError(f"{label} is not a Word .docx file ({clean(error)})") from None


def _wrap(wrapped, label: str):
    """A ``finish`` step appending ``wrapped``'s body after the form, on a new page."""
    from docx.oxml.ns import qn

    from minutes.writers.ooxml import insert

    body = wrapped.element.body
    content = [child for child in body if child.tag != qn("w:sectPr")]
    for element in content:
        for node in element.iter():
            if any(name.startswith(f"{{{_R}}}") for name in node.attrib) and node.tag not in (
                qn("w:headerReference"), qn("w:footerReference")):
                raise DocumentError(f"{label} has pictures or links; only documents without them can be wrapped")

    def finish(document) -> None:
        cover_body = document.element.body
        cover_section = cover_body.find(qn("w:sectPr"))
        references = [copy.deepcopy(ref) for ref in cover_section
                      if ref.tag in (qn("w:headerReference"), qn("w:footerReference"))]

        def with_our_references(section):
            """The wrapped document's section with the form's footers (the same page numbers)."""
            section = copy.deepcopy(section)
            for ref in list(section):
                if ref.tag in (qn("w:headerReference"), qn("w:footerReference")):
                    section.remove(ref)
            for ref in references:
                insert(section, copy.deepcopy(ref))
            return section

        # the form's own section ends with the form: its page has no number
        form_section = copy.deepcopy(cover_section)
        for ref in list(form_section):
            if ref.tag in (qn("w:headerReference"), qn("w:footerReference")):
                form_section.remove(ref)
        last = cover_body.findall(qn("w:p"))[-1]
        insert(last.get_or_add_pPr(), form_section)
        for element in content:
            element = copy.deepcopy(element)
            for section in list(element.iter(qn("w:sectPr"))):
                section.getparent().replace(section, with_our_references(section))
            cover_section.addprevious(element)
        final = with_our_references(body.find(qn("w:sectPr")) if body.find(qn("w:sectPr")) is not None else cover_section)
        from docx.oxml import OxmlElement

        numbering = OxmlElement("w:pgNumType")
        numbering.set(qn("w:start"), "1")  # the document's pages count from 1, the form not among them
        insert(final, numbering)
        cover_body.replace(cover_section, final)

    return finish


def write_cover(
    draft: CoverDraft, document: str | Path, path: str | Path, *, template: str | Path | None = None
) -> Path:
    """The 发文稿纸 for ``document`` (a .docx), the document itself following the form."""
    source = Path(document)
    try:
        data = source.read_bytes()
    except OSError as error:
        raise DocumentError(f"cannot read {source}: {error.strerror or error}") from None
    wrapped = _open(data, source.name)
    core = wrapped.core_properties
    properties = {"title": clean(core.title), "identifier": clean(core.identifier), "author": clean(core.author)}
    context = cover_context(draft, properties)
    rendered = render_docx("cover.docx", context, template=template, finish=_wrap(wrapped, source.name),
                           title=context["document_title"], author=context["title"].removesuffix("发文稿纸"),
                           identifier=context["number"])
    return write_bytes(path, rendered)

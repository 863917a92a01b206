"""The annex of full representations in the Word statement of consultation.

python-docx builds the document around a placeholder paragraph; the annex (a Heading 2 per representation, its
details, then its text and the modification sought under Heading 3s) is then written as WordprocessingML straight
into word/document.xml, a batch at a time, because tens of thousands of representations through python-docx's
object model take minutes and gigabytes."""

import functools
import io
from collections.abc import Iterable, Iterator
from xml.sax.saxutils import escape

from engage.common import office
from engage.common.dates import format_datetime
from engage.common.xml_text import NOT_XML
from engage.evidence.consultation_statement.representations import FullRepresentation

MARKER = "SOC-ANNEX-GOES-HERE"
PLACEHOLDER = f"<w:p><w:r><w:t>{MARKER}</w:t></w:r></w:p>"
BATCH = 200


def _runs(text: str, bold: bool = False) -> str:
    """Runs of text with line breaks; short texts (labels, names, natures, titles) repeat, so theirs are kept."""
    return _short_runs(text, bold) if len(text) <= 120 else _make_runs(text, bold)


def _make_runs(text: str, bold: bool) -> str:
    style = "<w:rPr><w:b/></w:rPr>" if bold else ""
    lines = NOT_XML.sub("", text).split("\n")
    return "<w:r><w:br/></w:r>".join(
        f'<w:r>{style}<w:t xml:space="preserve">{escape(line)}</w:t></w:r>' for line in lines
    )


_short_runs = functools.lru_cache(maxsize=8192)(_make_runs)


def _paragraph(text: str, style: str = "", keep_next: bool = False) -> str:
    properties = (f'<w:pStyle w:val="{style}"/>' if style else "") + ("<w:keepNext/>" if keep_next else "")
    return f"<w:p>{f'<w:pPr>{properties}</w:pPr>' if properties else ''}{_runs(text)}</w:p>"


def _details(item: FullRepresentation, cooperation: str) -> list[tuple[str, str]]:
    sound = item.sound + (f" (tests not met: {item.unsound_tests})" if item.unsound_tests else "")
    heard = "Yes" + (f": {item.heard_reason}" if item.heard_reason else "") if item.wishes_to_be_heard else "No"
    details = [
        ("Respondent reference", item.respondent_reference),
        ("Consultation", item.consultation),
        ("Respondent", item.respondent),
        ("Organisation", item.organisation),
        ("Agent", item.agent),
        ("Part of the plan", item.part),
        ("Nature", item.nature),
        *(
            [
                ("Legally compliant", item.legally_compliant),
                ("Sound", sound),
                (cooperation, item.dtc_compliant),
            ]
            if item.legal_answers_given
            else [("Legal compliance and soundness", "Not specified")]
        ),
        ("Wishes to take part in the hearings", heard),
        ("Received", f"{format_datetime(item.received_at)} ({item.channel.lower()})"),
    ]
    if item.late:
        details.append(("Late", "Yes: received after the consultation closed"))
    if item.withdrawn:
        details.append(("Withdrawn", f"Yes, on {format_datetime(item.withdrawn_at)}" if item.withdrawn_at else "Yes"))
    return [(label, value) for label, value in details if value]


def _blocks(text: str, missing: str) -> str:
    blocks = [block.strip() for block in (text or "").split("\n\n") if block.strip()]
    return "".join(_paragraph(block) for block in blocks) if blocks else _paragraph(missing)


def _answers(item: FullRepresentation) -> str:
    """Each question in bold, its answer on the next line."""
    return "".join(
        f"<w:p>{_runs(question, bold=True)}<w:r><w:br/></w:r>{_runs(answer)}</w:p>" for question, answer in item.answers
    )


def representation_xml(item: FullRepresentation, cooperation: str) -> str:
    details = "<w:r><w:br/></w:r>".join(
        _runs(f"{label}: ", bold=True) + _runs(value) for label, value in _details(item, cooperation)
    )
    return (
        _paragraph(item.heading, "Heading2", keep_next=True)
        + f"<w:p><w:pPr><w:keepNext/></w:pPr>{details}</w:p>"
        + _paragraph("Representation", "Heading3", keep_next=True)
        + (_blocks(item.comment, "") if item.comment else "")
        + _answers(item)
        + ("" if item.comment or item.answers else _paragraph("No text was given."))
        + _paragraph("Modification sought", "Heading3", keep_next=True)
        + _blocks(item.modification, "None given.")
    )


def _chunks(items: Iterable[FullRepresentation], empty: str, cooperation: str) -> Iterator[str]:
    parts: list[str] = []
    count = 0
    for count, item in enumerate(items, start=1):  # noqa: B007 (count is the number of items afterwards)
        parts.append(representation_xml(item, cooperation))
        if count % BATCH == 0:
            yield "".join(parts)
            parts = []
    if not count:
        parts.append(_paragraph(empty))
    yield "".join(parts)


def fill(skeleton: bytes, items: Iterable[FullRepresentation], empty: str, cooperation: str) -> bytes:
    """The skeleton document with its placeholder paragraph replaced by the annex; `cooperation` is the label of
    the co-operation answer in the words of the plan's regulations."""
    output = io.BytesIO()
    with office.document_middle(io.BytesIO(skeleton), output, lambda xml: tuple(xml.split(PLACEHOLDER, 1))) as document:
        for chunk in _chunks(items, empty, cooperation):
            document.write(chunk.encode("utf-8"))
    return output.getvalue()

"""The List of Participants: delegations in protocol order, each head of delegation first.

Protocol order: Member States, then international organizations, then civil society,
then the rest; alphabetical in the language of the list. Within a delegation the
head comes first, then the members by name. The Russian list gives names in
Cyrillic where they are known, with the passport name beside.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError
from bsm_desk.domain.model import Delegation, DelegationType, pick
from bsm_desk.domain.names import sort_key
from bsm_desk.domain.people import honorific
from bsm_desk.services.operators import Acting
from bsm_desk.services.output import cells
from bsm_desk.services.output.files import written
from bsm_desk.services.output.text import BOLD, REGULAR, paragraph_text, register_fonts
from bsm_desk.services.reports.attendance import collect

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas
    from sqlite_utils import Database

# Labels of the report, translated at writing time in the report's language.
L_DELEGATION = QT_TRANSLATE_NOOP("Participants", "Delegation")
L_HONORIFIC = QT_TRANSLATE_NOOP("Participants", "Honorific")
L_NAME = QT_TRANSLATE_NOOP("Participants", "Name")
L_NAME_IN_LATIN = QT_TRANSLATE_NOOP("Participants", "Name in Latin")
L_NAME_IN_CYRILLIC = QT_TRANSLATE_NOOP("Participants", "Name in Cyrillic")
L_FUNCTION = QT_TRANSLATE_NOOP("Participants", "Function")

class Group(StrEnum):
    """The parts of a UN-style List of Participants, in their order."""

    MEMBER_STATES = "member_states"
    OBSERVERS = "observers"  # observer States (the Holy See, the State of Palestine)
    UN_SYSTEM = "un_system"  # the United Nations and its entities
    ORGANIZATIONS = "organizations"
    CIVIL_SOCIETY = "civil_society"
    OTHERS = "others"


PROTOCOL = tuple(Group)
HEAD = "hod"
TITLE = QT_TRANSLATE_NOOP("Participants", "List of Participants")
GROUPS = {Group.MEMBER_STATES: QT_TRANSLATE_NOOP("Participants", "Member States"),
          Group.OBSERVERS: QT_TRANSLATE_NOOP("Participants", "Observer States"),
          Group.UN_SYSTEM: QT_TRANSLATE_NOOP("Participants", "United Nations system"),
          Group.ORGANIZATIONS: QT_TRANSLATE_NOOP("Participants",
                                                 "Intergovernmental and other organizations"),
          Group.CIVIL_SOCIETY: QT_TRANSLATE_NOOP("Participants", "Civil society"),
          Group.OTHERS: QT_TRANSLATE_NOOP("Participants", "Others")}
# Recognized organizations that belong to the United Nations system.
UN_SYSTEM = frozenset({"UN", "UNODC", "UNOCT", "UNHCR", "UNDP", "UNRCCA", "IOM"})
_UN_WORDS = re.compile(r"\b(united nations|UN|ООН)\b", re.IGNORECASE)


def group_of(delegation: Delegation) -> Group:
    """Where a delegation stands in the list: its type, observer States apart, the UN's
    entities apart from other organizations."""
    from bsm_desk.domain.states import OBSERVER_STATES

    if delegation.iso_code in OBSERVER_STATES:
        return Group.OBSERVERS
    if delegation.type is DelegationType.MEMBER_STATE:
        return Group.MEMBER_STATES
    if delegation.type is DelegationType.INTERNATIONAL_ORGANIZATION:
        from bsm_desk.services.registry.states import recognize

        found = recognize(delegation.name_en) or recognize(delegation.name_ru)
        un = (found is not None and found.key in UN_SYSTEM) or any(
            _UN_WORDS.search(name) for name in (delegation.name_en, delegation.name_ru))
        return Group.UN_SYSTEM if un else Group.ORGANIZATIONS
    if delegation.type is DelegationType.CIVIL_SOCIETY:
        return Group.CIVIL_SOCIETY
    return Group.OTHERS


UNKNOWN_KIND = QT_TRANSLATE_NOOP("UserError", "{file}: write the list as .pdf, .xlsx or "
                                              ".csv.")
PERSONAL_IN_XLSX = QT_TRANSLATE_NOOP("UserError", "{file}: personal data goes only into a "
                                                  "workbook (.xlsx), never a printed list.")
L_PASSPORT = QT_TRANSLATE_NOOP("Participants", "Passport")
L_PHONE = QT_TRANSLATE_NOOP("Participants", "Phone")
L_BIRTH = QT_TRANSLATE_NOOP("Participants", "Date of birth")
L_LEFT_OUT = QT_TRANSLATE_NOOP("Participants", "Personal data (passport numbers, phones, "
                                               "dates of birth) left out of this list.")
L_CONFIDENTIAL = QT_TRANSLATE_NOOP("Participants", "Contains personal data: confidential. "
                                                   "Passport numbers, phones and dates of "
                                                   "birth included at a supervisor's request.")
L_LOCKED = QT_TRANSLATE_NOOP("Participants", "locked")


DEFAULT_HONORIFICS = {"M": "Mr.", "F": "Ms."}


@dataclass(frozen=True, slots=True)
class Entry:
    honorific: str
    name: str  # the name to print first
    other_name: str  # the other script, when the list gives both
    function: str
    head: bool
    # No honorific was given: the list's convention, Mr. or Ms. by gender (printed paler,
    # so that a desk can see it is a default and not what the delegation wrote).
    honorific_default: bool = False
    delegate_id: int = 0


@dataclass(frozen=True, slots=True)
class Block:
    group: Group
    delegation: str
    entries: list[Entry]


def blocks(db: Database, lang: str) -> list[Block]:
    att = collect(db)
    heads = {k for k, c in att.categories.items() if c.code == HEAD}
    members: dict[int, list[Entry]] = defaultdict(list)
    for p in att.people:
        latin = f"{p.family_name.upper()} {p.given_name}".strip()
        cyrillic = f"{p.family_name_cyr} {p.given_name_cyr}".strip()
        first, other = (cyrillic, latin) if lang == "ru" and cyrillic else (latin, "")
        given = p.honorific.strip()
        default = DEFAULT_HONORIFICS.get(p.gender, "") if not given else ""
        members[p.delegation_id].append(Entry(
            honorific(given or default, lang), first, other,
            pick(lang, p.function_en, p.function_ru), p.category_id in heads,
            honorific_default=bool(default), delegate_id=p.id))
    result = []
    for delegation_id, entries in members.items():
        g = att.delegations[delegation_id]
        entries.sort(key=lambda e: (not e.head, sort_key(e.name)))
        result.append(Block(group_of(g), g.name(lang), entries))
    result.sort(key=lambda b: (PROTOCOL.index(b.group), sort_key(b.delegation)))
    return result


def export(db: Database, out: str | Path, lang: str = "en",
           translate: Callable[[str, str], str] | None = None, *,
           personal: bool = False, who: Acting | None = None) -> Path:
    """The List of Participants. ``personal`` (a supervisor's, ``who`` signed in as one;
    workbook only, audited):
    with passport numbers, phones and dates of birth; else the workbook says they were
    left out."""
    out = Path(out)

    def t(text: str) -> str:
        return translate("Participants", text) if translate else text

    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".xlsx", ".csv"):
        raise UserError(UNKNOWN_KIND, file=out.name)
    found: dict[int, tuple[str, str, str]] | None = None
    if personal:
        if suffix != ".xlsx":
            raise UserError(PERSONAL_IN_XLSX, file=out.name)
        from bsm_desk.services.operators import Permission, require

        require(db, who, Permission.EXPORT_PERSONAL)
        found = _personal(db, t(L_LOCKED))
    att_event = collect(db).event
    title = att_event.title(lang)
    listed = blocks(db, lang)
    with written(out) as partial:
        if suffix == ".pdf":
            _pdf(listed, partial, title, t)
        elif suffix == ".csv":
            _csv(listed, partial, t, lang)
        else:
            _xlsx(listed, partial, title, t, lang, found)
    if personal:
        from bsm_desk.store import atomic, audit

        with atomic(db):
            audit.record(db, "export_personal", {"file": out.name, "rows": len(found or {})})
    return out


def _personal(db: Database, locked: str) -> dict[int, tuple[str, str, str]]:
    from bsm_desk.store import delegates as delegate_store

    found = {}
    for d in delegate_store.all_delegates(db):
        def shown(name: str, value: object, d: object = d) -> str:
            if name in d.sealed:  # type: ignore[attr-defined]
                return locked
            if value is None:
                return ""
            return str(value.isoformat() if hasattr(value, "isoformat") else value)

        found[d.id or 0] = (shown("passport_no", d.passport_no), shown("phone", d.phone),
                            shown("birth_date", d.birth_date))
    return found


def _pdf(listed: list[Block], target: Path, title: str, t: Callable[[str], str]) -> None:
    register_fonts()
    heading = ParagraphStyle("h", fontName=BOLD, fontSize=12, leading=15, spaceBefore=8,
                             spaceAfter=3, keepWithNext=True)
    group = ParagraphStyle("g", fontName=BOLD, fontSize=14, leading=18, spaceBefore=12,
                           spaceAfter=4, textColor=colors.HexColor("#1f3a5f"),
                           keepWithNext=True)
    cell = ParagraphStyle("c", fontName=REGULAR, fontSize=9.5, leading=12)
    bold_cell = ParagraphStyle("b", parent=cell, fontName=BOLD)
    story: list[object] = [Paragraph(t(TITLE), ParagraphStyle(
        "t", fontName=BOLD, fontSize=18, leading=22, spaceAfter=8))]
    current: Group | None = None
    for block in listed:
        if block.group is not current:
            current = block.group
            story.append(Paragraph(paragraph_text(t(GROUPS[current])), group))
        story.append(Paragraph(paragraph_text(block.delegation), heading))
        rows = []
        for entry in block.entries:
            name = paragraph_text(f"{entry.name} ({entry.other_name})" if entry.other_name
                                  else entry.name)
            if entry.honorific:
                title_of = paragraph_text(entry.honorific)
                if entry.honorific_default:
                    title_of = f'<font color="#8a8a8a">{title_of}</font>'
                name = f"{title_of} {name}"
            style = bold_cell if entry.head else cell
            rows.append([Paragraph(name, style),
                         Paragraph(paragraph_text(entry.function), cell)])
        table = Table(rows, colWidths=[85 * mm, 85 * mm], hAlign="LEFT")
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 2),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
        story += [table, Spacer(1, 2 * mm)]

    def decorate(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(REGULAR, 7.5)
        canvas.setFillColor(colors.HexColor("#555555"))
        # The whole title, on as many lines as it takes (three at the most), never cut.
        lines = simpleSplit(title, REGULAR, 7.5, A4[0] - 36 * mm)[:3]
        for index, line in enumerate(lines):
            canvas.drawCentredString(A4[0] / 2, A4[1] - (9 + index * 3.4) * mm, line)
        canvas.drawCentredString(A4[0] / 2, 10 * mm, str(doc.page))
        canvas.restoreState()

    doc = SimpleDocTemplate(str(target), pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                            topMargin=22 * mm, bottomMargin=18 * mm, title=t(TITLE),
                            author="BSM Desk")
    doc.build(story, onFirstPage=decorate, onLaterPages=decorate)


def _csv(listed: list[Block], target: Path, t: Callable[[str], str], lang: str) -> None:
    """The list as CSV for other programs: UTF-8 with a BOM (Excel then reads Cyrillic),
    one row per person in the list's order, every cell guarded against formulas."""
    import csv

    with open(target, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([t(L_DELEGATION), t(L_HONORIFIC), t(L_NAME),
                         t(L_NAME_IN_LATIN) if lang == "ru" else t(L_NAME_IN_CYRILLIC),
                         t(L_FUNCTION)])
        for block in listed:
            for entry in block.entries:
                writer.writerow([cells.csv(v) for v in (
                    block.delegation, entry.honorific, entry.name, entry.other_name,
                    entry.function)])


def _xlsx(listed: list[Block], target: Path, title: str, t: Callable[[str], str],
          lang: str, personal: dict[int, tuple[str, str, str]] | None = None) -> None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(t(TITLE)[:31])
    ws.freeze_panes = "A3"
    for column, width in zip("ABCDE", (34, 12, 36, 36, 44), strict=True):
        ws.column_dimensions[column].width = width
    ws.append([cells.xlsx(title, ws)] + ([None] * 4 + [cells.xlsx(t(L_CONFIDENTIAL), ws)]
                                          if personal is not None else []))
    headers = [t(L_DELEGATION), t(L_HONORIFIC), t(L_NAME),
               t(L_NAME_IN_LATIN) if lang == "ru" else t(L_NAME_IN_CYRILLIC), t(L_FUNCTION)]
    if personal is not None:
        headers += [t(L_PASSPORT), t(L_PHONE), t(L_BIRTH)]
    header_cells = []
    for text in headers:
        c = WriteOnlyCell(ws, value=text)
        c.font = Font(bold=True)
        header_cells.append(c)
    ws.append(header_cells)
    for block in listed:
        for entry in block.entries:
            extra = list(personal.get(entry.delegate_id, ("", "", ""))) \
                if personal is not None else []
            ws.append([cells.xlsx(v, ws) for v in (block.delegation, entry.honorific, entry.name,
                                             entry.other_name, entry.function, *extra)])
    if personal is None:
        ws.append([])
        ws.append([cells.xlsx(t(L_LEFT_OUT), ws)])
    wb.save(target)

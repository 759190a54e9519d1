"""The empty delegation list sent to delegations: bilingual headers, drop-downs."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from bsm_desk.domain import errors
from bsm_desk.domain.errors import UserError

# Header, width. Each header is read back by domain.importing (either half).
COLUMNS: Sequence[tuple[str, int]] = (
    # The delegation's own id for the person (kept on re-import), not a row number.
    ("Participant ID / Код участника", 12),
    ("Title / Обращение", 10),
    ("Family name / Фамилия", 22),
    ("Given name / Имя", 20),
    ("Patronymic / Отчество", 18),
    ("Gender (M/F) / Пол (М/Ж)", 12),
    ("Delegation / Делегация", 26),
    ("Category / Категория", 26),
    ("Function / Должность", 30),
    ("E-mail / Эл. почта", 28),
    ("Phone / Телефон", 18),
    ("Passport / Паспорт", 16),
    ("Nationality / Гражданство", 14),
    ("Date of birth / Дата рождения", 16),
)
GENDERS = ("M", "F", "М", "Ж")
ROWS_WITH_CHECKS = 500


def write_template(path: str | Path, categories: Sequence[tuple[str, str]],
                   title: str = "") -> Path:
    """Write the template; ``categories`` are (English, Russian) names for the drop-down."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    path = Path(path)
    book = Workbook()
    sheet = book.active
    sheet.title = "Delegates"
    lists = book.create_sheet("Lists")
    lists.sheet_state = "hidden"
    names = [f"{en} / {ru}" if ru else en for en, ru in categories]
    for row, name in enumerate(names, start=1):
        lists.cell(row=row, column=1, value=name)
    for row, gender in enumerate(GENDERS, start=1):
        lists.cell(row=row, column=2, value=gender)

    first = 1
    if title:
        sheet.cell(row=1, column=1, value=title).font = Font(bold=True, size=13)
        first = 3
    fill = PatternFill("solid", fgColor="DCE8F4")
    for column, (header, width) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=first, column=column, value=header)
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[cell.column_letter].width = width
    sheet.freeze_panes = sheet.cell(row=first + 1, column=1)
    last = first + ROWS_WITH_CHECKS
    gender = DataValidation(type="list", formula1=f"=Lists!$B$1:$B${len(GENDERS)}",
                            allow_blank=True)
    gender.error = "M / F  (М / Ж)"
    gender.add(f"{_letter('Gender')}{first + 1}:{_letter('Gender')}{last}")
    category = DataValidation(type="list", formula1=f"=Lists!$A$1:$A${max(len(names), 1)}",
                              allow_blank=True)
    category.add(f"{_letter('Category')}{first + 1}:{_letter('Category')}{last}")
    sheet.add_data_validation(gender)
    sheet.add_data_validation(category)
    try:
        book.save(path)
    except OSError as exc:
        raise UserError(errors.DISK_FULL, path=str(path),
                        reason=exc.strerror or str(exc)) from exc
    return path


def _letter(header_start: str) -> str:
    from openpyxl.utils import get_column_letter

    index = next(i for i, (h, _) in enumerate(COLUMNS, start=1) if h.startswith(header_start))
    return str(get_column_letter(index))

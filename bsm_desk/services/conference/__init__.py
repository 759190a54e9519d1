"""The conference report (report.py; its workbook and PDF in workbook.py and pdf.py):
who came and who spoke, women and men, from the registry, the doors' check-ins and the
record of statements; above reports/ and speakers/, which it reads."""

from __future__ import annotations

from bsm_desk.services.conference.pdf import write_pdf
from bsm_desk.services.conference.report import (
    NOT_A_DAY,
    REPORT_KIND,
    SMALL,
    Line,
    Report,
    Speaking,
    Split,
    Statement,
    build,
    split,
)
from bsm_desk.services.conference.workbook import write_workbook

__all__ = ["build", "Line", "NOT_A_DAY", "Report", "SMALL", "Speaking", "split", "Split",
           "Statement", "REPORT_KIND", "write_pdf", "write_workbook"]

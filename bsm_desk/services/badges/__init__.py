"""Badges (issuing.py: choose, draw, print, reissue, photos); the PDF in pdf.py, their
reads in queries.py."""

from __future__ import annotations

from bsm_desk.services.badges.issuing import (
    BAD_LAYOUT,
    BAD_PHOTO,
    BAD_REASON,
    BADGE_NAME_FIELDS,
    NO_CATEGORY,
    NO_DELEGATE,
    NO_DELEGATION,
    NO_EVENT,
    NOT_ACTIVE,
    NOTHING_TO_PRINT,
    PHOTO_PIXELS,
    UNPRINTABLE_NAME,
    BadgeStatus,
    Batch,
    E,
    Prepared,
    Progress,
    codes,
    faces,
    has_photo,
    header,
    layout_of,
    log_prints,
    pdf_bytes,
    prepare,
    printed_name_changed,
    reason_of,
    reissue,
    reprint,
    select,
    set_photo,
    status,
    unprinted,
    write_pdf,
)

__all__ = ["BAD_LAYOUT", "BAD_PHOTO", "BAD_REASON", "BADGE_NAME_FIELDS", "BadgeStatus",
           "Batch", "codes", "E", "faces", "has_photo", "header", "layout_of", "log_prints",
           "NO_CATEGORY", "NO_DELEGATE", "NO_DELEGATION", "NO_EVENT", "NOT_ACTIVE",
           "NOTHING_TO_PRINT", "pdf_bytes", "PHOTO_PIXELS", "prepare", "Prepared",
           "printed_name_changed", "Progress", "reason_of", "reissue", "reprint", "select",
           "set_photo", "status", "UNPRINTABLE_NAME", "unprinted", "write_pdf"]

"""The badge service for the Badges screen's parts, loaded when first used: reportlab
and PDFium are not imported at start-up, only when a badge is first drawn."""

from __future__ import annotations


def badge_service():  # type: ignore[no-untyped-def]
    """bsm_desk.services.badges, imported now if it was not yet."""
    from bsm_desk.services import badges

    return badges

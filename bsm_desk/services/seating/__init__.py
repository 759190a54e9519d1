"""Seating (issue 32): rooms' layouts, each session's plan by protocol (plans.py), and
the plan on paper — the chart, the nameplates, the workbook (printing.py). Above
reports/ (the blocks of a List of Participants) and the programme it seats."""

from __future__ import annotations

from bsm_desk.services.seating.nameplates import NO_CHANGED_PLATES, print_nameplates
from bsm_desk.services.seating.people import Card, place_cards, where_sits
from bsm_desk.services.seating.plans import (
    NO_SEATED_SESSION,
    SeatingPlan,
    current,
    default_layout,
    in_the_room,
    layout_of,
    lock,
    make_plan,
    move,
    places_from,
    places_per_block,
    plan_of,
    restore_seats,
    reuse,
    session_layout,
    set_layout,
    set_need,
    who_sits,
)
from bsm_desk.services.seating.printing import (
    NOBODY_SEATED,
    Translate,
    draw_note,
    write,
    write_chart,
    write_nameplates,
    write_place_cards,
    write_workbook,
)

__all__ = ["Card", "current", "default_layout", "draw_note", "in_the_room", "layout_of",
           "lock", "make_plan", "move", "NO_CHANGED_PLATES", "NO_SEATED_SESSION",
           "NOBODY_SEATED", "place_cards", "places_from", "plan_of", "places_per_block",
           "print_nameplates",
           "restore_seats", "reuse", "SeatingPlan", "session_layout", "set_layout",
           "set_need", "Translate", "where_sits", "who_sits", "write", "write_chart",
           "write_nameplates", "write_place_cards", "write_workbook"]

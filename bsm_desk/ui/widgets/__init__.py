"""Widgets that several screens share: the list filters, the languages choice, the
people picker and the read-only timetable."""

"""The Programme screen: the timetable editor, undo, rooms and hours, sessions, side-event
requests and the allocation review."""

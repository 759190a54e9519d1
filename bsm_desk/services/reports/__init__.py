"""Reports read from the registry and the check-ins: the attendance figures, workbook
and CSV (attendance), and the List of Participants (participants)."""

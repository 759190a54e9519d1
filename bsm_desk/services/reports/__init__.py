"""Reports read from the registry and the check-ins: the attendance figures
(attendance), their workbook and CSV (attendance_files), and the List of Participants
(participants)."""

"""The Attendance screen: live figures, charts, the no-shows, and the reports it writes."""

"""The application around the screens: QApplication and theme, the main window and its
screen registry, languages, background jobs, settings, and the care of the event file
(backups, restore, integrity)."""

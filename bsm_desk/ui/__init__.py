"""The PySide6 desktop front end. Screens are thin: they call services and show results."""

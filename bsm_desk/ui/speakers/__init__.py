"""The Speakers screen: the list of a session in speaking order, inscribing by name, and
the chair's controls with the current speaker's countdown."""

"""The event itself: the overview screen, the New event dialog, and the event file's
care (checked when it opens, backed up while it is worked on, a backup put back)."""

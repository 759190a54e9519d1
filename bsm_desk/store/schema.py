"""The number of the event file's schema this BSM Desk writes, kept apart from the steps
that reach it (migrations.py): opening a file already there needs no more than this
number, so the migrations (and sqlite-utils, which they use) are loaded only for a file
to bring up. A test holds it equal to the last step's number."""

LATEST = 32

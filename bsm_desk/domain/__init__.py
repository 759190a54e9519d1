"""Pure rules and values: no I/O, no Qt, no SQL."""

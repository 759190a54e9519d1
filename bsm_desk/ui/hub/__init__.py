"""The hub at the window: connecting an event to it or joining from it, its status in
the status bar, enrolling and removing desks."""

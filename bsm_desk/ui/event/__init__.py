"""The event itself: the overview screen and the New event dialog."""

"""The Check-in screen: the scan field and its queue, the verdict panel, the side figures,
the checkpoint rules dialog, the camera reader and the verdict sounds."""

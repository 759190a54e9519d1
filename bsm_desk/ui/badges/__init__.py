"""The Badges screen: the list, the live preview, printing and reprints (actions), the
table model, and QPrinter per layout (printing)."""

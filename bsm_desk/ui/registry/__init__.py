"""The Delegates screen: the table model, find, add and edit, import, duplicates and bulk
actions."""

"""Use cases with plain inputs and outputs, shared by the CLI, the GUI and the tests."""

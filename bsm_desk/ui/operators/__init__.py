"""Operators at the window: sign-in, the idle lock, switching operator, the operators
administrators manage, and the event's key unlocked with its passphrase."""

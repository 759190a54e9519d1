"""The History screen: the audit trail, read and checked."""

"""Statutory returns: the Children in Need census."""

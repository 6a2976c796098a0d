"""Families Together."""

"""Statutory social work."""

"""Family services directory."""

"""Supporting Children with Complex Needs."""

"""Use cases, one module per feature; each public method is one unit of work."""

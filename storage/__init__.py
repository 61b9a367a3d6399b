"""Persistence for Rapport: the encrypted vault, its schema and its search index.

Nothing in this package imports Qt or the application core.
"""

"""The application core of Rapport: services, domain records, rules and the command line.

Nothing in this package imports Qt; the composition root imports the UI lazily.
"""

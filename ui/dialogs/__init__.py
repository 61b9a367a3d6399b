"""Dialogs: forms that collect input and hand it to a service."""

"""Statements: quotations and reported speech with their speakers."""

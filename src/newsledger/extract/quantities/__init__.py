"""Quantities: every number of an article with its unit, range and counted noun."""

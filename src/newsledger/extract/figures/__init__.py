"""Figures: each quantity with its category, source, status, time and place."""

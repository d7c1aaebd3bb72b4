"""Extractors: plain functions over a spaCy Doc, also registered as pipeline components."""

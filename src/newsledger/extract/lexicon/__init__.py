"""Word tables: every list of words the extractors test, as data files loaded once."""

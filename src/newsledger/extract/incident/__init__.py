"""The main incident: the article's own killed and injured counts."""

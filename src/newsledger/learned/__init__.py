"""Learned decisions over the rules' candidates: features, the shipped linear models
(applied in plain Python), and their training (`newsledger train`, needs `.[train]`)."""

"""NLP: the spaCy pipeline newsledger runs and the components it registers."""

from newsledger.nlp.pipeline import PIPELINE_PACKAGES, load_pipeline, load_stock_pipeline

__all__ = ["PIPELINE_PACKAGES", "load_pipeline", "load_stock_pipeline"]

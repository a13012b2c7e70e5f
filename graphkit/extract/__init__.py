"""Extraction: documents in, entities and claims out (see pipeline.Extractor)."""
from .pipeline import Extractor

__all__ = ["Extractor"]

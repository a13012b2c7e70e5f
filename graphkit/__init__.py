"""graphkit: entity-relationship graphs from news articles.

Data flow: documents -> extract -> model -> store -> query / render / analysis / export.
"""
__version__ = "0.1.0"

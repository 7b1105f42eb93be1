"""claimtrace: articles in; documents, mentions and claims tables out."""

__version__ = "0.1.0"

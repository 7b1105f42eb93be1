"""spaCy components of claimtrace, one per file; importing this registers every factory."""
from pipeline.components import (  # noqa: F401
    amounts,
    claims,
    countries,
    dates,
    places,
    resolver,
    sentences,
    technologies,
    vendor_roles,
    vendors,
)

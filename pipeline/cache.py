"""An on-disk cache of values that are slow to build and depend only on a key (the place
gazetteer: GeoNames and ISO 3166-2 names tokenised into a name index).

The folder is `$CLAIMTRACE_CACHE_DIR`, else `$XDG_CACHE_HOME/claimtrace`, else
`~/.cache/claimtrace`; `CLAIMTRACE_CACHE_DIR=off` turns the cache off. A folder that cannot be
written or a file that cannot be read only costs the build: the value is built and returned.
Files are written to a temporary name and renamed, so a reader never sees half a file.
"""
from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
ENV = "CLAIMTRACE_CACHE_DIR"


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is turned off."""
    chosen = os.environ.get(ENV)
    if chosen:
        return None if chosen.lower() == "off" else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "claimtrace"


def cache_key(**parts: object) -> str:
    """A SHA-256 over the parts (JSON, keys sorted): any change of any part is another key."""
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def package_versions(*names: str) -> dict[str, str]:
    """The installed version of each package, for a cache key."""
    return {name: importlib.metadata.version(name) for name in names}


def source_digest(*files: str | Path) -> str:
    """The SHA-256 of source files, so a cache built by older code is not read by newer."""
    digest = hashlib.sha256()
    for file in files:
        digest.update(Path(file).read_bytes())
    return digest.hexdigest()


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """The value stored under `name` and `key`, else `build()` stored (when the folder can be
    written) and returned."""
    folder = cache_dir()
    path = folder / f"{name}-{key[:40]}.pickle" if folder else None
    if path is not None:
        try:
            with path.open("rb") as handle:
                return pickle.load(handle)
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            pass  # absent, unreadable or from another layout: built again
    value = build()
    if path is not None:
        _write(path, value)
    return value


def _write(path: Path, value: object) -> None:
    """Write `value` to `path` atomically (a temporary file renamed); errors are ignored."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as file:
            pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)

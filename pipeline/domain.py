"""All domain knowledge of a run in one object: the YAML files of one config folder (the
bundled `configs/` by default), validated against the bundled files' shape and hashed.

Every component, normaliser and pattern builder receives a `DomainData`; no other module reads
YAML. `load_domain(folder)` parses a folder once per process and content: two folders, or one
folder whose files changed, are two objects with two hashes.
"""
from __future__ import annotations

import functools
import hashlib
import numbers
from pathlib import Path

import yaml

CONFIG_DIR = Path(__file__).resolve().parent.parent / "configs"
_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BASE_LOADER):  # type: ignore[misc, valid-type]
    """A safe YAML loader that refuses a key written twice in one mapping (YAML would keep the
    last silently: a country's second list of aliases would hide the first)."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key {key!r} written twice (line {key_node.start_mark.line + 1})", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_LOADER = _Loader


class DomainError(ValueError):
    """A config folder that cannot be used: the message names the file and the key."""


class DomainData:
    """The parsed YAML files of one config folder (`domain["numbers"]` is numbers.yaml), with
    `digest` the SHA-256 of their bytes. Equal and hashed by digest, so caches keyed on a
    `DomainData` never mix two folders."""

    def __init__(self, folder: Path, files: dict[str, dict], digest: str):
        self.folder = folder
        self.files = files
        self.digest = digest

    def __getitem__(self, name: str) -> dict:
        try:
            return self.files[name]
        except KeyError:
            raise DomainError(f"{self.folder / (name + '.yaml')}: file missing") from None

    def __hash__(self) -> int:
        return hash(self.digest)

    def __eq__(self, other) -> bool:
        return isinstance(other, DomainData) and other.digest == self.digest

    def __repr__(self) -> str:
        return f"DomainData({str(self.folder)!r}, {self.digest[:12]})"


def load_domain(folder: str | Path | None = None) -> DomainData:
    """The domain data of `folder` (default: the bundled `configs/`), parsed once per content."""
    path = Path(folder or CONFIG_DIR).resolve()
    if not path.is_dir():
        raise DomainError(f"{path}: not a config folder")
    raw = {p.stem: p.read_bytes() for p in sorted(path.glob("*.yaml"))}
    digest = hashlib.sha256()
    for name, data in raw.items():
        digest.update(name.encode() + b"\0" + data + b"\0")
    return _parsed(str(path), digest.hexdigest(), tuple(raw.items()))


def default_domain() -> DomainData:
    """The bundled `configs/`: what a normaliser uses when it is given no domain."""
    return _default()


@functools.cache
def _default() -> DomainData:
    return load_domain(CONFIG_DIR)


@functools.lru_cache(maxsize=16)
def _parsed(folder: str, digest: str, raw: tuple[tuple[str, bytes], ...]) -> DomainData:
    files = {}
    for name, data in raw:
        path = Path(folder) / f"{name}.yaml"
        try:
            files[name] = yaml.load(data.decode("utf-8"), Loader=_LOADER) or {}
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            reason = str(exc).splitlines()[0]
            raise DomainError(f"{path}: not readable YAML ({reason})") from None
        if not isinstance(files[name], dict):
            raise DomainError(f"{path}: expected a mapping of keys at the top")
    domain = DomainData(Path(folder), files, digest)
    if Path(folder) != CONFIG_DIR.resolve():
        validate_shape(domain, _default())
    return domain


def validate_shape(domain: DomainData, reference: DomainData) -> None:
    """Check every key of the bundled configs is in `domain`'s file of the same name with a
    value of the same kind (mapping, list, number, text, yes/no); raise a DomainError naming the
    first that is not. A file the folder lacks is reported when a part asks for it."""
    for name, expected in reference.files.items():
        if name not in domain.files:
            continue
        for key, value in expected.items():
            if key not in domain.files[name]:
                raise DomainError(f"{domain.folder / (name + '.yaml')}: key '{key}' missing")
            got = domain.files[name][key]
            if _kind(got) != _kind(value):
                raise DomainError(f"{domain.folder / (name + '.yaml')}: key '{key}' should be "
                                  f"{_kind(value)}, not {_kind(got)} ({str(got)[:40]!r})")


def _kind(value) -> str:
    if isinstance(value, bool):
        return "yes/no"
    if isinstance(value, numbers.Number):
        return "a number"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "empty"
    return "text"

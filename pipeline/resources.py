"""Written forms of names: accents folded, apostrophes straight and curly."""
from __future__ import annotations

import unicodedata


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

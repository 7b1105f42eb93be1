"""Pure normalisers: text in, normalised value out; never raise, return None for unknown."""

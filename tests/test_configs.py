"""The domain data in configs/ is consistent: every code is real, every target defined."""
import pycountry
import pytest

from pipeline.domain import default_domain


def config(name):
    return default_domain()[name]

COUNTRY_CODES = {c.alpha_2 for c in pycountry.countries} | {"XK"}


def test_vendor_entries():
    data = config("vendors")
    suffixes = set(data["legal_suffixes"])
    names = []
    for vendor in data["vendors"]:
        assert vendor.get("country") in COUNTRY_CODES, vendor["name"]
        for form in [vendor["name"], *vendor.get("aliases", [])]:
            assert isinstance(form, str) and len(form) >= 2 and form not in suffixes, (vendor["name"], form)
            names.append((form.casefold(), vendor["name"]))
    owners = {}
    for form, vendor in names:
        owners.setdefault(form, set()).add(vendor)
    shared = {form: vendors for form, vendors in owners.items() if len(vendors) > 1}
    assert not shared, f"names given to two vendors: {shared}"
    assert len({v["name"] for v in data["vendors"]}) >= 40


def test_country_aliases_and_demonyms_name_real_countries():
    data = config("countries")
    for kind in ("aliases", "demonyms"):
        for code in data[kind]:
            assert code in COUNTRY_CODES, (kind, code)


@pytest.mark.parametrize("section", ["signs", "names"])
def test_currency_targets_are_codes_or_defined_groups(section):
    from pipeline.normalise.money import currency_tables

    data = config("currencies")
    codes = currency_tables().codes  # ISO 4217 (pycountry) and the codes the names give
    targets = data[section].values() if section == "signs" else data[section].keys()
    for target in targets:
        assert target in codes or target in data["ambiguous"], target
    for group in data["ambiguous"].values():
        assert group["default"] in codes
        assert set(group.get("by_country", {})) <= COUNTRY_CODES


def test_places_regions_name_real_countries():
    assert set(config("places")["regions"]) <= COUNTRY_CODES

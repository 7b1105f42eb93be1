"""One DomainData per config folder: a copy of configs/ with additions is honoured everywhere
(found and normalised), a broken copy is refused with the file and key named."""
import shutil

import pytest
import yaml

from pipeline.domain import CONFIG_DIR, DomainError, default_domain, load_domain
from pipeline.nlp import annotate, build_nlp


def edit_yaml(folder, name, change):
    path = folder / f"{name}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


@pytest.fixture(scope="module")
def custom_configs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("configs") / "configs"
    shutil.copytree(CONFIG_DIR, folder)
    edit_yaml(folder, "currencies", lambda d: d["signs"].update({"Kz": "AOA"}))
    edit_yaml(folder, "vendors", lambda d: d["vendors"].append(
        {"name": "Orion Vigil", "country": "SG", "aliases": ["Orion Vigil Systems"]}))
    edit_yaml(folder, "countries", lambda d: d["aliases"].setdefault("AO", []).append("Angolan Republic"))
    edit_yaml(folder, "dates", lambda d: d.update(year_range=[1800, 2099]))
    return folder


def mentions_of(nlp, text):
    result = next(annotate(nlp, [(text, None)]))
    return {(m.label, m.text): m for m in result.mentions}


def test_a_copy_of_configs_with_additions_is_found_and_normalised(custom_configs):
    nlp = build_nlp(config_dir=custom_configs)
    text = ("The Angolan Republic paid Kz 500 million to Orion Vigil Systems in 1875 for the first "
            "telegraph cameras.")
    found = mentions_of(nlp, text)
    money = found[("MONEY", "Kz 500 million")]
    assert (money.value, money.currency) == (5e8, "AOA")
    vendor = found[("VENDOR", "Orion Vigil Systems")]
    assert (vendor.vendor, vendor.country) == ("Orion Vigil", "SG")
    assert found[("COUNTRY", "Angolan Republic")].country == "AO"
    assert found[("DATE", "1875")].date == "1875"


def test_the_bundled_configs_do_not_see_those_additions():
    found = mentions_of(build_nlp(), "The Angolan Republic paid Kz 500 million to Orion Vigil Systems in 1875.")
    assert ("DATE", "1875") not in found
    assert ("COUNTRY", "Angolan Republic") not in found
    assert all(m.currency != "AOA" for m in found.values())


def test_one_object_per_folder_and_content(custom_configs):
    assert load_domain() is default_domain()
    assert load_domain(custom_configs) is load_domain(custom_configs)
    assert load_domain(custom_configs) != default_domain()
    assert load_domain(custom_configs).digest != default_domain().digest


@pytest.mark.parametrize("name, change, message", [
    ("numbers", lambda d: d.update(unit_window="three"), "numbers.yaml: key 'unit_window' should be a number"),
    ("dates", lambda d: d.pop("year_range"), "dates.yaml: key 'year_range' missing"),
    ("currencies", lambda d: d.update(signs=["$"]), "currencies.yaml: key 'signs' should be a mapping"),
])
def test_a_bad_value_is_refused_naming_file_and_key(tmp_path, name, change, message):
    folder = tmp_path / "configs"
    shutil.copytree(CONFIG_DIR, folder)
    edit_yaml(folder, name, change)
    with pytest.raises(DomainError, match=message):
        load_domain(folder)


def test_unreadable_yaml_names_the_file(tmp_path):
    folder = tmp_path / "configs"
    shutil.copytree(CONFIG_DIR, folder)
    (folder / "claims.yaml").write_text("origin_cues: [made, built\n", encoding="utf-8")
    with pytest.raises(DomainError, match="claims.yaml: not readable YAML"):
        load_domain(folder)


def test_a_key_written_twice_names_the_file_and_the_key(tmp_path):
    folder = tmp_path / "configs"
    shutil.copytree(CONFIG_DIR, folder)
    path = folder / "countries.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("aliases:\n", "aliases:\n  US: [Yankeeland]\n", 1), encoding="utf-8")
    with pytest.raises(DomainError, match="countries.yaml: not readable YAML .*key 'US' written twice"):
        load_domain(folder)

"""The lexical attributes spaCy computes for new words (`[nlp.after_creation]` in pipeline.cfg):
only those the components read, with the same annotations as a pipeline computing them all."""
from __future__ import annotations

import re

import pytest

from pipeline.domain import CONFIG_DIR
from pipeline.nlp import annotate, build_nlp, lexeme_attributes
from pipeline.readers import Columns, discover, read_all
from tests.conftest import CORPUS


def test_new_words_get_the_configured_attributes(nlp):
    doc = nlp.make_doc("Qwertyville , QWERTYVILLE zxcvbn 31415926 http://qwerty.example")
    assert [t.is_title for t in doc] == [True, False, False, False, False, False]
    assert [t.is_upper for t in doc] == [False, False, True, False, False, False]
    assert [t.is_punct for t in doc] == [False, True, False, False, False, False]
    assert [t.is_alpha for t in doc] == [True, False, True, True, False, False]
    assert [t.lower_ for t in doc][:3] == ["qwertyville", ",", "qwertyville"]
    assert doc[0].is_stop is False and nlp.make_doc("the")[0].is_stop
    # the others keep their empty defaults
    assert not doc[4].like_num and not doc[5].like_url and doc[3].shape_ == ""


@pytest.mark.parametrize("names", [["IS_ALPHA", "NOT_AN_ATTRIBUTE"], ["lower"]])
def test_an_unknown_attribute_is_named(names):
    with pytest.raises(ValueError, match=re.escape(names[-1])):
        lexeme_attributes(names)


def test_annotations_are_those_of_a_pipeline_computing_every_attribute(nlp, tmp_path):
    config = (CONFIG_DIR / "pipeline.cfg").read_text(encoding="utf-8")
    every = tmp_path / "pipeline.cfg"
    every.write_text(re.sub(r"(?ms)^\[nlp\.after_creation\].*?(?=^\[)", "", config), encoding="utf-8")
    full = build_nlp(every, config_dir=CONFIG_DIR)
    assert len(full.vocab.lex_attr_getters) > len(nlp.vocab.lex_attr_getters)
    texts = [(r.text, r.published) for r in read_all(discover([str(CORPUS)]), Columns()) if r.error is None]
    for lean, rich in zip(annotate(nlp, texts), annotate(full, texts), strict=True):
        assert lean.mentions == rich.mentions and lean.sentences == rich.sentences
        assert [c.mention for c in lean.claims] == [c.mention for c in rich.claims]

"""The skill label space comes from the taxonomy, or the caller is told to bring a file."""

import sys

import pytest

from searchlight.matching.labels import LabelSpaceUnavailable, default_skill_labels


def test_it_asks_for_a_label_file_when_the_taxonomy_is_not_installed(monkeypatch):
    monkeypatch.setitem(sys.modules, "searchlight.taxonomy.service", None)
    with pytest.raises(LabelSpaceUnavailable, match="--labels"):
        default_skill_labels()

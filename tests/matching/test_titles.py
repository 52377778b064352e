"""Job titles against a corpus of titles, with and without known synonym groups."""

from dataclasses import replace

import numpy as np
import pytest

from searchlight.matching import Fusion, LabelIndex, build_title_index, default_embedder
from searchlight.matching.adapter import fit_whitening
from searchlight.matching.titles import esco_title_groups, guess_languages, read_title_groups

CORPUS = ["machine learning engineer", "data scientist", "verpleegkundige", "accountant",
          "software developer", "recruiter"]
GROUPS = [["machine learning engineer", "ML engineer", "AI engineer"],
          ["verpleegkundige", "nurse", "verpleger"],
          ["recruiter", "talent acquisition specialist", "werver"]]


def test_it_ranks_titles_across_languages():
    index = build_title_index(CORPUS)
    assert index.search(["ML engineer"], top_k=1)[0][0].label == "machine learning engineer"
    assert index.search(["nurse"], top_k=1)[0][0].label == "verpleegkundige"


def test_it_uses_synonym_groups_for_titles_it_knows():
    index = build_title_index(CORPUS, synonym_groups=GROUPS, esco=False)
    assert index.search(["werver"], top_k=1)[0][0].label == "recruiter"
    assert index.search(["verpleger"], top_k=1)[0][0].label == "verpleegkundige"


def test_it_ships_the_esco_occupation_titles_and_uses_them_by_default():
    groups = esco_title_groups()
    assert len(groups) == 2 * 3043  # every occupation, in English and in Dutch
    assert any("data scientist" in group and len(group) > 1 for group in groups)
    with_esco = build_title_index(CORPUS, languages=["en"])
    without = build_title_index(CORPUS, languages=["en"], esco=False)
    assert with_esco.fusion.synonym_pull > 0 and without.fusion.synonym_pull == 0
    assert not np.allclose(with_esco.scores(["data analyst"]), without.scores(["data analyst"]))


def test_it_guesses_the_corpus_language_for_its_analysers():
    german = ["Buchhalter", "Softwareentwickler", "Krankenpfleger", "Kinderbetreuerin",
              "Vertriebsleiter"]
    spanish = ["contable", "desarrollador de software", "enfermero", "jefe de ventas",
               "cuidadora infantil"]
    assert guess_languages(german) == ("de",)
    assert guess_languages(spanish) == ("es",)
    assert guess_languages(["verpleegkundige", "boekhouder", "software engineer",
                            "data scientist"])[0] in ("nl", "en")


def test_it_reads_title_groups_keyed_by_concept_or_by_line(tmp_path):
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text(
        "http://isco/1\thttp://esco/a\tBuchhalter/Buchhalterin\tBilanzbuchhalter\n"
        "http://isco/1\thttp://esco/a\tBuchhalter\tFinanzbuchhalter\n"
        "http://isco/2\thttp://esco/b\tKoch\tKöchin\n"
        "ML engineer\tmachine learning engineer\n"
        "lonely title\n", encoding="utf-8")
    assert read_title_groups(pairs) == [
        ["Buchhalter", "Buchhalterin", "Bilanzbuchhalter", "Finanzbuchhalter"],
        ["Koch", "Köchin"],
        ["ML engineer", "machine learning engineer"],
    ]


def test_it_whitens_into_unit_vectors_under_its_own_cache_name():
    base = default_embedder()
    whitened = fit_whitening(base, GROUPS)
    vectors = whitened.encode(["ML engineer", "nurse"])
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert whitened.name != base.name and whitened.name.startswith(base.name)


def test_it_needs_real_groups_to_whiten():
    with pytest.raises(ValueError):
        fit_whitening(default_embedder(), [["only one"]])
    with pytest.raises(ValueError):
        fit_whitening(default_embedder(), GROUPS, shrinkage=0.0)


def test_it_can_keep_the_embedders_own_space_while_using_synonyms():
    plain = build_title_index(CORPUS, synonym_groups=GROUPS, esco=False, whitening=None)
    whitened = build_title_index(CORPUS, synonym_groups=GROUPS, esco=False)
    assert plain.search(["werver"], top_k=1)[0][0].label == "recruiter"
    assert not np.allclose(plain.scores(["data analyst"]), whitened.scores(["data analyst"]))


class Plane:
    """A toy embedder with fixed 2-D vectors, to follow feedback by hand."""

    name, version = "plane", "1"
    VECTORS = {"east": (1.0, 0.0), "north-east": (0.8, 0.6), "north": (0.0, 1.0),
               "query": (0.6, 0.8), **{f"south {n}": (0.0, -1.0) for n in range(7)}}

    def encode(self, texts):
        return np.asarray([self.VECTORS[text] for text in texts], dtype=np.float32)


BARE = Fusion(lexical=0.0, embedding=1.0, prior=0.0, span_words=0, synonym_pull=0.0)
FEEDBACK = replace(BARE, feedback_labels=1, feedback=2.0)
COMPASS = ["east", "north-east", "north"]


def test_it_moves_a_query_towards_its_nearest_titles_with_feedback():
    labels = COMPASS + [f"south {n}" for n in range(7)]
    plain = LabelIndex.build(labels, embedder=Plane(), fusion=BARE)
    # cosines 0.6 / 0.96 / 0.8: north-east first, then north
    assert [m.label for m in plain.search(["query"], top_k=3)[0]] == [
        "north-east", "north", "east"]
    fed = plain.with_fusion(FEEDBACK)
    # the query moves to (0.6, 0.8) + 2 x (0.8, 0.6): now nearer east than north
    assert [m.label for m in fed.search(["query"], top_k=3)[0]] == ["north-east", "east", "north"]
    assert np.allclose(fed.fuse(fed.evidence(["query"])), fed.scores(["query"]))


def test_it_leaves_feedback_out_where_the_nearest_titles_are_no_small_cluster():
    plain = LabelIndex.build(COMPASS, embedder=Plane(), fusion=BARE)
    fed = plain.with_fusion(FEEDBACK)  # 1 of 3 titles is a third of the corpus
    assert np.array_equal(fed.scores(["query"]), plain.scores(["query"]))

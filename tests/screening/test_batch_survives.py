"""A batch survives any file: random bytes, truncated documents and the same CV in every
supported text encoding and line end, in any order, and every other file still gets its result
(`screen_entries`, as the CLI and the batch job use it)."""

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.screening.cvfiles import make_cv, make_docx, make_pdf
from tests.screening.factories import make_role

from searchlight.config import get_settings
from searchlight.matching.embedder import default_embedder
from searchlight.screening.batches import screen_entries

DUTCH_CV = """Sanne de Wit
ML engineer

Werkervaring
Machine Learning Engineer, Zorgdata, Utrecht (jan 2020 - heden)
- Ontwikkelde beeldclassificatiemodellen in PyTorch en bracht ze naar productie.
- Bouwde een zoekfunctie op een vectordatabase; één café-project in Zürich, budget €3.000.

Opleiding
MSc Wiskunde, Universiteit Leiden (2015 - 2019)
"""
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1")
LINE_ENDS = ("\n", "\r\n", "mixed")


def _encoded(encoding: str, line_end: str) -> bytes:
    text = DUTCH_CV if encoding != "latin-1" else DUTCH_CV.replace("€", "EUR")  # no € in latin-1
    if line_end == "mixed":
        lines = text.split("\n")
        text = "".join(line + ("\r\n" if i % 2 else "\n") for i, line in enumerate(lines))
    else:
        text = text.replace("\n", line_end)
    return text.encode(encoding)


_CV = make_cv("en", seed=3)
_PDF, _DOCX = make_pdf(_CV.paragraphs), make_docx(_CV.paragraphs)
_bad_file = st.one_of(
    st.tuples(st.sampled_from(["x.pdf", "x.docx", "x.txt", "x", "x.json", "x.zip"]),
              st.binary(min_size=0, max_size=600)),
    st.tuples(st.just("cut.pdf"), st.floats(0.02, 0.9).map(lambda f: _PDF[:int(len(_PDF) * f)])),
    st.tuples(st.just("cut.docx"),
              st.floats(0.02, 0.9).map(lambda f: _DOCX[:int(len(_DOCX) * f)])),
)


def test_it_gives_every_good_file_its_result_whatever_else_is_in_the_batch(db):
    role = make_role(db)
    db.commit()
    good = [(f"cv-{encoding}-{'mixed' if end == 'mixed' else len(end)}.txt",
             _encoded(encoding, end)) for encoding in ENCODINGS for end in LINE_ENDS]
    good += [("cv.pdf", _PDF), ("cv.docx", _DOCX)]
    names = {name for name, _ in good}

    @settings(max_examples=6, deadline=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(bad=st.lists(_bad_file, min_size=1, max_size=4),
           order=st.randoms(use_true_random=False))
    def batch(bad: list[tuple[str, bytes]], order: random.Random) -> None:
        entries = good + [(f"bad{i}-{name}", data) for i, (name, data) in enumerate(bad)]
        order.shuffle(entries)
        reports = list(screen_entries(entries, role_id=role.id, actor_id=None,
                                      settings=get_settings(), embedder=default_embedder()))
        assert [r.source for r in reports] == [name for name, _ in entries]  # a line each
        for report in reports:
            if report.source in names:  # every good file: a result (or the same file again)
                assert report.status in {"screened", "duplicate"}, (report.source, report)
                assert report.result_id is not None
            else:  # a bad file: its own error line (or, if it reads as text, a result)
                assert report.status in {"screened", "duplicate", "error"}
                assert report.status != "error" or report.error_message

    batch()

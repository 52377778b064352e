"""What screening tells people, in their language: stored problem codes and reasons are stable
English for programs and logs; these functions turn them into a sentence for a page or export."""

import re

from searchlight.i18n import decimal, gettext

_BYTES = re.compile(r"([\d,]+) bytes; at most ([\d,]+)")
_MUST_HAVE = "must-have not evidenced: "


def _megabytes(count: str) -> str:
    return decimal(int(count.replace(",", "")) / 1_048_576)


def file_problem(code: str | None, message: str | None, filename: str) -> str:
    """Why a file could not be read, by its error code (the English detail stays in the log)."""
    if code == "too_large":
        sizes = _BYTES.search(message or "")
        if sizes:
            return gettext("{file} is {size} MB; at most {limit} MB is accepted.", file=filename,
                           size=_megabytes(sizes.group(1)), limit=_megabytes(sizes.group(2)))
        return gettext("{file} is larger than allowed.", file=filename)
    sentences = {
        "empty": gettext("{file} is empty or contains no text.", file=filename),
        "encrypted": gettext("{file} is protected with a password; ask for an unprotected copy.",
                             file=filename),
        "corrupt": gettext("{file} is damaged and cannot be opened.", file=filename),
        "type_mismatch": gettext("{file} does not contain what its name says (for example a .pdf "
                                 "that is not a PDF).", file=filename),
        "unsupported": gettext("{file} is not a format we can read; upload a PDF or Word (DOCX) "
                               "file.", file=filename),
        "needs_ocr": gettext("{file} is a scan or image; its text cannot be read without text "
                             "recognition.", file=filename),
        "archive_bomb": gettext("{file} unpacks to far more than it declares and was not opened.",
                                file=filename),
        "xml_entities": gettext("{file} contains constructions that are not safe to open.",
                                file=filename),
        "unreadable": gettext("{file} could not be read.", file=filename),
        "internal": gettext("{file} could not be screened because of an error on our side; try "
                            "it again later.", file=filename),
    }
    return sentences.get(code or "", gettext("{file} could not be read.", file=filename))


def reason(text: str) -> str:
    """A stored reason for a human check, in the reader's language."""
    if text.startswith(_MUST_HAVE):
        return gettext("Must-have not shown in the cv: {item}", item=text[len(_MUST_HAVE):])
    return gettext(text)


def flag_text(code: str) -> str:
    """What a warning about a cv means, by its code (the stored English detail is for logs)."""
    sentences = {
        "hidden_text": gettext("The cv contains text a reader does not see (for example white "
                               "on white); it was not counted."),
        "tiny_text": gettext("The cv contains text too small to read; it was not counted."),
        "off_page_text": gettext("The cv contains text outside the page; it was not counted."),
        "keyword_stuffing": gettext("The cv repeats keywords unusually often; the repeats were "
                                    "not counted."),
        "prompt_injection": gettext("The cv contains an instruction aimed at an AI system; it "
                                    "was ignored."),
        "needs_ocr": gettext("Some pages are scans or images; their text could not be read."),
        "truncated": gettext("The cv is very long; only the first part was read."),
    }
    return sentences.get(code, gettext(code))

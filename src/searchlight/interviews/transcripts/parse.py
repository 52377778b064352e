"""Turn a transcript file into speaker turns: WebVTT, SRT or plain "Speaker: text" lines."""

import re
from dataclasses import dataclass

from searchlight.errors import InvalidInput
from searchlight.screening.read.text import decode_text

MAX_BYTES = 2_000_000
_TIME = r"(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3}"
_TIMING = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}")
_VOICE = re.compile(r"^<v(?:\.[\w.-]+)?\s+([^>]+)>(.*?)(?:</v>)?$")
_TAG = re.compile(r"</?[a-z][^>]*>", re.I)
_SPEAKER = re.compile(r"^\s*(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s*)?"
                      r"([A-Za-zÀ-ÿ][\w .'’-]{0,40}?)\s*:\s+(.+)$")
_BRACKETED = re.compile(r"^\s*\[([^\]]{1,40})\]\s*(.+)$")


@dataclass(frozen=True)
class Turn:
    speaker: str
    text: str


def detect_format(text: str, filename: str = "") -> str:
    stripped = text.lstrip("\ufeff \n")
    if stripped.startswith("WEBVTT") or filename.lower().endswith(".vtt"):
        return "vtt"
    lines = [line for line in stripped.splitlines() if line.strip()]
    if filename.lower().endswith(".srt") or (len(lines) > 1 and lines[0].strip().isdigit()
                                               and _TIMING.match(lines[1])):
        return "srt"
    return "text"


def _speaker_line(line: str) -> Turn | None:
    if voice := _VOICE.match(line.strip()):
        return Turn(voice.group(1).strip(), _TAG.sub("", voice.group(2)).strip())
    clean = _TAG.sub("", line).strip()
    if match := _SPEAKER.match(clean) or _BRACKETED.match(clean):
        return Turn(match.group(1).strip(), match.group(2).strip())
    return None


def _merge(turns: list[Turn]) -> list[Turn]:
    """Consecutive cues of one speaker become one turn."""
    merged: list[Turn] = []
    for turn in turns:
        if not turn.text:
            continue
        if merged and merged[-1].speaker == turn.speaker:
            merged[-1] = Turn(turn.speaker, f"{merged[-1].text} {turn.text}")
        else:
            merged.append(turn)
    return merged


def _cues(text: str) -> list[Turn]:
    """WebVTT and SRT: blocks separated by blank lines; the timing line starts the cue text."""
    turns: list[Turn] = []
    speaker = ""
    for block in re.split(r"\n\s*\n", text):
        lines = block.strip().splitlines()
        timing = next((i for i, line in enumerate(lines) if _TIMING.match(line)), None)
        if timing is None:
            continue  # header, NOTE, STYLE or a cue number without timing
        for line in lines[timing + 1:]:
            if not line.strip():
                continue
            found = _speaker_line(line)
            if found is not None:
                speaker = found.speaker
                turns.append(found)
            else:
                turns.append(Turn(speaker or "?", _TAG.sub("", line).strip()))
    return turns


def _plain(text: str) -> list[Turn]:
    turns: list[Turn] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        found = _speaker_line(line)
        if found is not None:
            turns.append(found)
        elif turns:
            turns.append(Turn(turns[-1].speaker, line.strip()))
        else:
            turns.append(Turn("?", line.strip()))
    return turns


def parse_text(text: str, *, filename: str = "") -> tuple[str, list[Turn]]:
    """(format, turns) of a decoded transcript."""
    kind = detect_format(text, filename)
    turns = _cues(text) if kind in ("vtt", "srt") else _plain(text)
    return kind, _merge(turns)


def parse_bytes(data: bytes, *, filename: str = "") -> tuple[str, list[Turn]]:
    if len(data) > MAX_BYTES:
        raise InvalidInput("The transcript is larger than 2 MB.", detail={"field": "file"})
    text = decode_text(data)
    if text is None:
        raise InvalidInput("This file is not a text transcript (plain text, WebVTT or SRT).",
                           detail={"field": "file"})
    kind, turns = parse_text(text, filename=filename)
    if not turns:
        raise InvalidInput("The transcript has no spoken text.", detail={"field": "file"})
    return kind, turns

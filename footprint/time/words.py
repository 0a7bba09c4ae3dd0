"""The words of time expressions and the clean-up that puts an expression in canonical form
before the grammar reads it: lower case, plain dashes and quotes, no commas or abbreviation
dots, hyphens between words split ("mid-November" -> "mid november"), and number words written
as digits ("nineteen ninety-six" -> "1996", "March eighth" -> "march 8th")."""

from __future__ import annotations

import calendar
import re

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
MONTH_RE = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# Month names and abbreviations ("sept" besides "sep") and weekday names, lower case: words
# that name a calendar time. (Not the weekday abbreviations: "sat", "wed" are other words too.)
MONTH_WORDS = frozenset(
    {w.lower() for w in (*calendar.month_name, *calendar.month_abbr) if w} | {"sept"}
)
CALENDAR_WORDS = MONTH_WORDS | {w.lower() for w in calendar.day_name}
WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
WEEKDAY_RE = (
    r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?)"
)
SEASON_RE = r"(?:spring|summer|autumn|fall|winter)"
DAY_RE = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR_RE = r"(?:1\d{3}|20\d{2}|21\d{2})"

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
_TEENS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
}
_SCALES = {"hundred": 100, "thousand": 1000}
_NUMBER_WORDS = set(_UNITS) | set(_TEENS) | set(_TENS) | set(_ORDINALS) | set(_SCALES)

# Decade words ("the nineties") -> the decade's last two digits' tens.
DECADE_WORDS = {
    "twenties": 20,
    "thirties": 30,
    "forties": 40,
    "fifties": 50,
    "sixties": 60,
    "seventies": 70,
    "eighties": 80,
    "nineties": 90,
}


def ordinal_suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _chunk_value(words: list[str]) -> int | None:
    """A run of number words with hundred/thousand, read the ordinary way."""
    total, current = 0, 0
    for word in words:
        if word in _SCALES:
            if _SCALES[word] == 1000:
                total += max(current, 1) * 1000
                current = 0
            else:
                current = max(current, 1) * 100
        else:
            current += _value(word)
    return total + current


def _value(word: str) -> int:
    for table in (_UNITS, _TEENS, _TENS, _ORDINALS):
        if word in table:
            return table[word]
    raise KeyError(word)


def _two_digit_chunks(words: list[str]) -> list[int] | None:
    """Splits "nineteen ninety six" into [19, 96]; None if a word does not fit the pattern."""
    chunks: list[int] = []
    i = 0
    while i < len(words):
        word = words[i]
        if word in _TENS:
            value = _TENS[word]
            if i + 1 < len(words) and (words[i + 1] in _UNITS or words[i + 1] in _ORDINALS):
                following = _value(words[i + 1])
                if following >= 10:
                    return None
                value += following
                i += 1
            chunks.append(value)
        elif word in _TEENS or word in _UNITS or word in _ORDINALS:
            chunks.append(_value(word))
        else:
            return None
        i += 1
    return chunks


def _run_to_digits(words: list[str]) -> str | None:
    ordinal = words[-1] in _ORDINALS
    if any(w in _SCALES for w in words):
        value: int | None = _chunk_value([w for w in words if w != "and"])
    else:
        chunks = _two_digit_chunks(words)
        if chunks is None:
            return None
        if len(chunks) == 1:
            value = chunks[0]
        elif len(chunks) == 2 and chunks[0] >= 10 and chunks[1] >= 10 and not ordinal:
            value = chunks[0] * 100 + chunks[1]  # spoken years: "nineteen ninety-six"
        else:
            return None
    if value is None:
        return None
    return ordinal_suffix(value) if ordinal else str(value)


def _is_time_unit(tokens: list[str], i: int) -> bool:
    """ "second" as the unit of time: "a second later", "one second", "seconds"."""
    before = tokens[i - 1] if i else ""
    after = tokens[i + 1] if i + 1 < len(tokens) else ""
    return before in ("a", "one", "1") or after in ("later", "earlier", "ago", "after", "before")


def numbers_to_digits(text: str) -> str:
    """Rewrites each run of number words as digits; leaves runs it cannot read unchanged.
    "second" as a unit of time stays a word ("a second later")."""
    tokens = text.split(" ")
    out: list[str] = []
    i = 0
    while i < len(tokens):
        if tokens[i] not in _NUMBER_WORDS or (tokens[i] == "second" and _is_time_unit(tokens, i)):
            out.append(tokens[i])
            i += 1
            continue
        j = i
        while j < len(tokens) and (
            tokens[j] in _NUMBER_WORDS
            or (
                tokens[j] == "and"
                and j + 1 < len(tokens)
                and tokens[j + 1] in _NUMBER_WORDS
                and tokens[j - 1] in _SCALES
            )
        ):
            if tokens[j] in _ORDINALS and j > i:
                j += 1
                break  # an ordinal ends a number
            j += 1
        run = tokens[i:j]
        digits = _run_to_digits(run)
        out.extend([digits] if digits is not None else run)
        i = j
    return " ".join(out)


_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_QUOTES = re.compile(r"[\u2018\u2019\u02bc`]")
_WORD_HYPHEN = re.compile(r"(?<=[a-z])-|-(?=[a-z])")
_ABBREVIATION_DOT = re.compile(r"(?<=[a-z])\.")
_SPACES = re.compile(r"\s+")
_EDGE_PUNCTUATION = ' \t\n.,;:!?"()[]{}'


def clean(text: str) -> str:
    """The canonical form the grammar reads."""
    s = _DASHES.sub("-", text.lower())
    s = _QUOTES.sub("'", s)
    s = s.replace(",", " ")
    s = _ABBREVIATION_DOT.sub("", s)
    s = _WORD_HYPHEN.sub(" ", s)
    s = _SPACES.sub(" ", s).strip(_EDGE_PUNCTUATION)
    if any(word in _NUMBER_WORDS for word in s.split(" ")):
        s = numbers_to_digits(s)
    return s


def month_number(word: str) -> int:
    return MONTHS[word[:3]]


def weekday_number(word: str) -> int:
    return WEEKDAYS[word[:3]]


def day_number(word: str) -> int:
    return int(re.match(r"\d+", word).group())  # type: ignore[union-attr]

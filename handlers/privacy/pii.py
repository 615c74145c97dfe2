"""The personal-data guard: detectors, the pseudonymiser and its restorer, the per-answer guard.

Everything here is pure or local to one object, and never logs text. Detection is synchronous
(regular expressions, and spaCy's French model when it is installed and allowed) and takes time
linear in the text's length; callers on the event loop use `PiiDetector.scan_async`, which runs
it in a worker thread in bounded steps (see _scan_steps), so that it never holds the interpreter
lock, hence the event loop, for long.

Identifiers (NIR, IBAN, card, phone, e-mail, postal address, date of birth, person name) can be
pseudonymised: each distinct value becomes a stable placeholder such as `[PERSONNE_1]`, and the
model's answer gets the real values back. Article 9/10 topics (health, religion, opinions, union
membership, origin, sex life, genetics and biometrics, offences) are only reported: replacing the
words would destroy the question.
"""

from __future__ import annotations

import asyncio
import hashlib
import heapq
import itertools
import logging
import re
import threading
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter, OrderedDict
from collections.abc import Awaitable, Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from handlers.privacy import pii_keywords as kw
from handlers.privacy import texts
from handlers.privacy.config import PrivacyConfig

log = logging.getLogger(__name__)

ChatMessage = dict[str, Any]

# Identifier categories, in the order of precedence when two findings overlap.
IDENTIFIERS = (
    "email",
    "iban",
    "nir",
    "carte",
    "telephone",
    "date_naissance",
    "adresse",
    "personne",
)
TOPICS = tuple(kw.TOPIC_PATTERNS)
CATEGORIES = IDENTIFIERS + TOPICS
_PRECEDENCE = {category: rank for rank, category in enumerate(IDENTIFIERS)}

PLACEHOLDER_LABELS = {
    "nir": "NIR",
    "iban": "IBAN",
    "carte": "CARTE",
    "telephone": "TELEPHONE",
    "email": "EMAIL",
    "adresse": "ADRESSE",
    "date_naissance": "DATE_NAISSANCE",
    "personne": "PERSONNE",
}
_LABEL_CATEGORY = {label: category for category, label in PLACEHOLDER_LABELS.items()}


@dataclass(frozen=True, slots=True)
class Finding:
    category: str
    start: int
    end: int
    value: str

    def overlaps(self, other: Finding) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Scan:
    identifiers: tuple[Finding, ...] = ()
    topics: tuple[Finding, ...] = ()

    @property
    def categories(self) -> set[str]:
        return {f.category for f in self.identifiers} | {f.category for f in self.topics}


# Text folding ------------------------------------------------------------------------------


def _fold_char(ch: str) -> str:
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    lower = base.lower()
    if len(lower) != 1:
        lower = ch.lower() if len(ch.lower()) == 1 else ch
    return "'" if lower in "’ʼ`" else lower


class _FoldTable(dict[int, str]):
    """str.translate's table, filled on first sight of each character."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        if len(self) < 8192:  # a text of many distinct characters cannot grow it without bound
            self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Lower case, accents removed, typographic apostrophes made plain; same length as text."""
    return text.translate(_FOLD_TABLE)


# Checksums ------------------------------------------------------------------------------------


def nir_key(first13: str) -> int:
    """The NIR key: 97 - (number mod 97), Corsica's 2A and 2B counted as 19 and 18."""
    digits = first13.upper()
    if digits[5:7] == "2A":
        digits = digits[:5] + "19" + digits[7:]
    elif digits[5:7] == "2B":
        digits = digits[:5] + "18" + digits[7:]
    return 97 - int(digits) % 97


def nir_is_valid(compact: str, *, key_required: bool = True) -> bool:
    compact = compact.upper()
    if len(compact) not in (13, 15) or (key_required and len(compact) != 15):
        return False
    if compact[0] not in "123478" or not compact[1:5].isdigit():
        return False
    month = int(compact[3:5])
    if not (1 <= month <= 12 or 20 <= month <= 42 or 50 <= month <= 99):
        return False
    department = compact[5:7]
    if department not in ("2A", "2B") and (not department.isdigit() or department == "00"):
        return False
    if not compact[7:].isdigit():
        return False
    if len(compact) == 13:
        return True
    return nir_key(compact[:13]) == int(compact[13:])


IBAN_LENGTHS = {
    "FR": 27, "MC": 27, "DE": 22, "BE": 16, "ES": 24, "IT": 27, "LU": 20, "CH": 21, "GB": 22,
    "NL": 18, "PT": 25, "IE": 22, "AT": 20, "PL": 28, "SE": 24, "DK": 18, "FI": 18, "NO": 15,
    "GR": 27, "CZ": 24, "RO": 24, "HU": 28, "SK": 24, "SI": 19, "HR": 21, "BG": 22, "LT": 20,
    "LV": 21, "EE": 20, "CY": 28, "MT": 31, "IS": 26, "LI": 21, "AD": 24, "SM": 27, "MA": 28,
    "TN": 24, "DZ": 26, "SN": 28, "CI": 28, "CM": 27,
}  # fmt: skip


def iban_is_valid(compact: str) -> bool:
    compact = compact.upper()
    expected = IBAN_LENGTHS.get(compact[:2])
    if expected is not None and len(compact) != expected:
        return False
    if not 15 <= len(compact) <= 34 or not compact.isalnum():
        return False
    rearranged = compact[4:] + compact[:4]
    number = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(number) % 97 == 1


def luhn_is_valid(digits: str) -> bool:
    if not digits.isdigit():
        return False
    total = 0
    for index, ch in enumerate(reversed(digits)):
        value = int(ch)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def _card_prefix_ok(digits: str) -> bool:
    if digits[0] == "4":
        return len(digits) in (13, 16, 19)
    if 51 <= int(digits[:2]) <= 55 or 2221 <= int(digits[:4]) <= 2720:
        return len(digits) == 16
    if digits[:2] in ("34", "37"):
        return len(digits) == 15
    if digits[:4] == "6011" or digits[:2] == "65" or 644 <= int(digits[:3]) <= 649:
        return len(digits) in (16, 19)
    return False


# Regular expressions ---------------------------------------------------------------------------

_UP = "A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÆŒ"
_LOW = "a-zàâäçéèêëîïôöùûüÿæœ"
_NAME_WORD = rf"[{_UP}][{_LOW}{_UP}'’\-]*"

_SEP = r"[ .\-]?"
_NIR_RE = re.compile(
    rf"(?<![\w.\-])[1-478](?:{_SEP}\d){{4}}{_SEP}(?:2[ABab]|\d{_SEP}\d)(?:{_SEP}\d){{6}}"
    rf"(?:{_SEP}\d{_SEP}\d)?(?![\w])"
)
_CARD_RE = re.compile(r"(?<![\w.,\-])\d(?:[ \-]?\d){12,18}(?![\w])")
# Not inside a longer run of digit groups ("1 85 05 78 006 084 92" holds no phone number).
_NOT_AFTER_DIGITS = r"(?<![\w+])(?<!\d[ .\-])"
_NOT_BEFORE_DIGITS = r"(?![\w])(?![ .\-]\d)"
_PHONE_FR_RE = re.compile(
    rf"{_NOT_AFTER_DIGITS}(?:(?:\+|00)33[ .\-]?(?:\(0\)[ .\-]?)?[1-9]|0[1-9])"
    rf"(?:[ .\-]?\d{{2}}){{4}}{_NOT_BEFORE_DIGITS}"
)
_PHONE_INTL_RE = re.compile(
    rf"{_NOT_AFTER_DIGITS}(?:\+|00)(?!33)[1-9]\d{{0,2}}(?:[ .\-]?\(?\d{{1,4}}\)?){{2,6}}"
    rf"{_NOT_BEFORE_DIGITS}"
)
# Bounded as the standards bound them (local part 64, labels 63): each attempt reads a bounded
# stretch, so a run of "%%%%…" (where every position may start a local part) costs linear time,
# not quadratic.
_EMAIL_RE = re.compile(
    r"(?<![\w.+\-])[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63}){0,10}"
    r"\.[A-Za-z]{2,63}(?![\w])"
)
_FUNCTIONAL_MAILBOXES = kw.words(
    """
    contact contacts support accueil info infos information informations secretariat
    courrier courriers communication presse noreply no-reply ne-pas-repondre nepasrepondre
    webmaster dpo rgpd cil admin administrateur postmaster bal service services standard
    recrutement recrutements candidature candidatures assistance helpdesk hotline
    reclamation reclamations ordre bureau cabinet direction mairie prefecture
    """
)

_STREET = "|".join(re.escape(s) for s in kw.STREET_TYPES)
# Repeated below, so no alternative is a sequence of others ("de la" is "de" then "la"): with
# both, "de la de la … x" could be split 2^n ways before failing.
_PARTICLE = r"(?:d'|d’|l'|l’|de|du|des|la|le|les|aux|au|à|saint|sainte)"
_ADDRESS_RE = re.compile(
    rf"(?<![\w,.])\d{{1,4}}(?:\s?(?:bis|ter|quater|[A-Da-d])(?![\w]))?,?\s+(?i:{_STREET})(?![\w])"
    rf"\s+(?:(?i:{_PARTICLE})\s*)*[{_UP}0-9][\w'’\-]*"
    rf"(?:\s+(?:(?:de la|de|du|des|d'|d’|l'|l’|la|le|les|et|sur|sous|en|aux)\s*)?{_NAME_WORD})"
    r"{0,4}"
    rf"(?:,?\s+(?:\d{{5}}|\d{{2}} \d{{3}})\s+{_NAME_WORD}(?:[ \-]{_NAME_WORD}){{0,3}})?"
)
_POSTCODE_CITY_RE = re.compile(
    rf"(?<![\w])(?:\d{{5}}|\d{{2}} \d{{3}})\s+{_NAME_WORD}"
    rf"(?:[ \-](?:{_NAME_WORD}|sur|sous|en|lès|lez|le|la|les|de|du))*"
)
_CEDEX_RE = re.compile(r"\s*cedex", re.IGNORECASE)
_INSTITUTION_RE = re.compile(rf"(?<!\w){kw.INSTITUTION_WORDS}(?!\w)")
_DOMICILE_RE = re.compile(rf"(?<!\w){kw.DOMICILE_WORDS}")

_MONTHS = "janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre"
_DATE = (
    rf"(?:\d{{1,2}}[/.\-]\d{{1,2}}[/.\-](?:\d{{4}}|\d{{2}})"
    rf"|(?:1er|\d{{1,2}}) (?:{_MONTHS}) \d{{4}})"
)
_BIRTH_RE = re.compile(
    rf"(?<!\w)(?:{kw.BIRTH_TRIGGERS})\s*(?::\s*)?(?:le\s+)?(?P<date>{_DATE}|(?<=en )\d{{4}})(?!\w)"
)
_NIR_CONTEXT_RE = re.compile(rf"(?<!\w){kw.NIR_CONTEXT}(?!\w)")
_COMPANY_CONTEXT_RE = re.compile(rf"(?<!\w){kw.COMPANY_NUMBER_CONTEXT}(?!\w)")

_CIVILITY = "|".join(re.escape(c) for c in sorted(kw.CIVILITIES, key=len, reverse=True))
_NAME_PARTICLE = r"(?:de|du|des|d'|d’|le|la|van|von|ben|el|al|da|di|dos)"
_CIVILITY_RE = re.compile(
    rf"(?<![\w])(?:{_CIVILITY})\s+(?P<name>(?:[{_UP}]\.\s?)?{_NAME_WORD}"
    rf"(?:\s+(?:{_NAME_PARTICLE}\s+)?{_NAME_WORD}){{0,3}})"
)
_FIRST_NAME_RE = re.compile(
    rf"(?<![\w])(?P<first>[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?)"
    rf"(?P<rest>(?:\s+(?:{_NAME_PARTICLE}\s+)?[{_UP}][{_LOW}{_UP}'’\-]+){{1,2}})(?![\w])"
)
_SURNAME_FIRST_RE = re.compile(
    rf"(?<![\w])(?P<last>[{_UP}]{{2,}}(?:[-'’ ][{_UP}]{{2,}})?)\s+"
    rf"(?P<first>[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?)(?![\w])"
)
_WORD_RE = re.compile(r"[\w'’\-]+")

# Only from the first mark of a run: "……" not followed by a space fails once, not once per mark.
_SENTENCE_END_RE = re.compile(r"(?<![.!?;])[.!?;]+\s+|\n+")
_NO_SENTENCE_END = frozenset(
    {"m", "mm", "mme", "mlle", "dr", "pr", "me", "art", "n", "no", "cf", "tel", "ref", "ex", "bd"}
)
_ANCHOR_RE = re.compile(rf"(?<![\w]){kw.ANCHOR_PATTERN}(?:(?<=')|(?![\w]))")
_MEMBERSHIP_RE = re.compile(rf"(?<![\w]){kw.MEMBERSHIP_PATTERN}")


def _compile_topics() -> dict[str, re.Pattern[str]]:
    return {
        category: re.compile(rf"(?<![\w])(?:{'|'.join(patterns)})(?![\w])")
        for category, patterns in kw.TOPIC_PATTERNS.items()
    }


_TOPIC_RES = _compile_topics()
_ACRONYM_RES = {
    category: re.compile(rf"(?<![\w\-])(?:{'|'.join(re.escape(a) for a in acronyms)})(?![\w\-])")
    for category, acronyms in kw.TOPIC_ACRONYMS.items()
}


# Detectors -----------------------------------------------------------------------------------


def _compact(value: str) -> str:
    return re.sub(r"[ .\-]", "", value)


def find_nir(text: str, folded: str | None = None) -> list[Finding]:
    folded = fold(text) if folded is None else folded
    found = []
    for match in _NIR_RE.finditer(text):
        compact = _compact(match.group())
        if len(compact) == 15 and nir_is_valid(compact):
            found.append(Finding("nir", match.start(), match.end(), match.group()))
        elif len(compact) == 13 and nir_is_valid(compact, key_required=False):
            before = folded[max(0, match.start() - 60) : match.start()]
            if _NIR_CONTEXT_RE.search(before):
                found.append(Finding("nir", match.start(), match.end(), match.group()))
        elif len(compact) == 15 and nir_is_valid(compact[:13], key_required=False):
            # An invalid key: maybe 13 digits followed by something else. Not a NIR.
            continue
    return found


_IBAN_GROUP_RE = re.compile(r"[A-Za-z0-9]+")
_IBAN_HEAD_RE = re.compile(r"(?<![\w])[A-Za-z]{2}\d{2}")
IBAN_MAX = 34


def find_iban(text: str) -> list[Finding]:
    """Groups of letters and digits separated by single spaces, starting with a country code and
    two digits: the longest run of whole groups (at most 34 characters without the spaces) whose
    checksum holds.

    The text is cut into groups once; from each possible start, at most 34 groups are read.
    """
    groups = [(m.start(), m.end()) for m in _IBAN_GROUP_RE.finditer(text)]
    found = []
    for index, (start, first_end) in enumerate(groups):
        if _IBAN_HEAD_RE.match(text, start) is None:
            continue
        ends, length, end = [], first_end - start, first_end
        following = index + 1
        while length <= IBAN_MAX:
            ends.append((end, length))
            if following == len(groups) or groups[following][0] != end + 1 or text[end] != " ":
                break
            end = groups[following][1]
            length += end - groups[following][0]
            following += 1
        for end, length in reversed(ends):
            if length < 15:
                break
            candidate = text[start:end]
            if iban_is_valid(candidate.replace(" ", "")):
                found.append(Finding("iban", start, end, candidate))
                break
    return found


def find_cards(text: str, folded: str | None = None) -> list[Finding]:
    folded = fold(text) if folded is None else folded
    found = []
    for match in _CARD_RE.finditer(text):
        digits = re.sub(r"[ \-]", "", match.group())
        if not (_card_prefix_ok(digits) and luhn_is_valid(digits)):
            continue
        if _COMPANY_CONTEXT_RE.search(folded[max(0, match.start() - 30) : match.start()]):
            continue
        found.append(Finding("carte", match.start(), match.end(), match.group()))
    return found


def find_phones(text: str) -> list[Finding]:
    found = [
        Finding("telephone", m.start(), m.end(), m.group()) for m in _PHONE_FR_RE.finditer(text)
    ]
    for match in _PHONE_INTL_RE.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if 8 <= len(digits) <= 15:
            found.append(Finding("telephone", match.start(), match.end(), match.group()))
    return found


def find_emails(text: str) -> list[Finding]:
    found = []
    for match in _EMAIL_RE.finditer(text):
        local = match.group().split("@", 1)[0].lower()
        head = re.split(r"[.\-_+]", local, maxsplit=1)[0]
        if local in _FUNCTIONAL_MAILBOXES or head in _FUNCTIONAL_MAILBOXES:
            continue
        found.append(Finding("email", match.start(), match.end(), match.group()))
    return found


def _is_home(folded: str, start: int, person_near: bool) -> bool:
    """Whose address starts at `start`: a person's, or an office's (the default)."""
    before = folded[max(0, start - 80) : start]
    if _INSTITUTION_RE.search(before) and not person_near:
        return False  # "nos bureaux déménagent au…", "la préfecture, 1 rue…"
    return person_near or _DOMICILE_RE.search(before[-60:]) is not None


def find_addresses(
    text: str, folded: str | None = None, people: Sequence[Finding] = ()
) -> list[Finding]:
    return _addresses(text, fold(text) if folded is None else folded, people)[0]


def _addresses(
    text: str,
    folded: str,
    people: Sequence[Finding],
    sentences: Sequence[tuple[int, int]] | None = None,
) -> tuple[list[Finding], list[tuple[int, int]]]:
    """Home addresses, and the spans of other addresses (names in them are street names).

    A street address is someone's when a word says so ("domicilié", "habite") or a person is
    named in the same sentence, and no office word ("préfecture", "bureaux") comes before it.
    """
    found: list[Finding] = []
    offices: list[tuple[int, int]] = []
    if sentences is None:
        sentences = _sentences(text)
    sentence_starts = [x for x, _ in sentences]
    people_starts = sorted(p.start for p in people)

    def people_in(lo: int, hi: int) -> int:
        return bisect_left(people_starts, hi) - bisect_left(people_starts, lo)

    def person_near(a: int, b: int) -> bool:
        index = bisect_right(sentence_starts, a) - 1
        lo, hi = sentences[index] if index >= 0 and a < sentences[index][1] else (0, len(text))
        return people_in(lo, hi) > people_in(a, min(b, hi))

    for match in _ADDRESS_RE.finditer(text):
        a, b = match.start(), match.end()
        if _CEDEX_RE.match(text, b) or not _is_home(folded, a, person_near(a, b)):
            offices.append((a, b))
            continue
        value = text[a:b].rstrip(" ,")
        found.append(Finding("adresse", a, a + len(value), value))
    streets = list(found)  # in order, not overlapping
    street_starts = [f.start for f in streets]
    for match in _POSTCODE_CITY_RE.finditer(text):
        a, b = match.start(), match.end()
        index = bisect_right(street_starts, a) - 1
        if (index >= 0 and a < streets[index].end) or _CEDEX_RE.match(text, b):
            continue
        # A city alone is someone's only when a word says they live there.
        if _is_home(folded, a, False):
            found.append(Finding("adresse", a, b, match.group()))
    return found, offices


def find_birth_dates(text: str, folded: str | None = None) -> list[Finding]:
    folded = fold(text) if folded is None else folded
    return [
        Finding(
            "date_naissance", m.start("date"), m.end("date"), text[m.start("date") : m.end("date")]
        )
        for m in _BIRTH_RE.finditer(folded)
    ]


def _name_words_ok(words: Sequence[str]) -> bool:
    for word in words:
        folded = fold(word).strip(".'’")
        if folded in kw.FUNCTION_WORDS and folded not in ("le", "la", "de", "du", "des"):
            return False
        if folded in kw.NOT_NAMES or folded in kw.NOT_SURNAMES:
            return False
    return True


def _trim_name(value: str) -> str:
    """Cut a name at the first word that is a function, a place or not a name."""
    kept: list[str] = []
    for word in value.split():
        folded = fold(word).strip(".,'’")
        if kept and (
            folded in kw.FUNCTION_WORDS - {"de", "du", "des", "le", "la", "l"}
            or folded in kw.NOT_SURNAMES
            or folded in kw.NOT_NAMES
        ):
            break
        kept.append(word)
    # A trailing particle is not part of the name.
    while kept and fold(kept[-1]) in ("de", "du", "des", "d'", "le", "la", "van", "von", "ben"):
        kept.pop()
    return " ".join(kept)


def _after_place_word(folded: str, start: int) -> bool:
    words = _WORD_RE.findall(folded[max(0, start - 25) : start])
    return bool(words) and words[-1].split("'")[-1] in kw.PLACE_WORDS


def _overlapping(pattern: re.Pattern[str], text: str) -> Iterable[re.Match[str]]:
    """Every match, also those starting inside a rejected one ("Dossier de Jean Dupont")."""
    position = 0
    while (match := pattern.search(text, position)) is not None:
        yield match
        position = match.start() + 1


def find_names_by_rules(text: str, folded: str | None = None) -> list[Finding]:
    """Civility + name ("Mme Claire Martin", "M. Dupont"), known first name + family name."""
    folded = fold(text) if folded is None else folded
    found: list[Finding] = []
    for match in _overlapping(_CIVILITY_RE, text):
        name = _trim_name(match.group("name"))
        if not name:
            continue
        words = name.split()
        first = fold(words[0]).strip(".")
        if first in kw.FUNCTION_WORDS or first in kw.NOT_NAMES or first in kw.NOT_SURNAMES:
            continue
        start = match.start("name")
        found.append(Finding("personne", start, start + len(name), name))
    for match in _overlapping(_FIRST_NAME_RE, text):
        if fold(match.group("first")) not in kw.FIRST_NAMES:
            continue
        name = _trim_name(match.group())
        words = name.split()
        if len(words) < 2 or not _name_words_ok(words[1:]):
            continue
        if fold(words[1]) in kw.PLACE_WORDS or _after_place_word(folded, match.start()):
            continue
        found.append(Finding("personne", match.start(), match.start() + len(name), name))
    for match in _overlapping(_SURNAME_FIRST_RE, text):
        if fold(match.group("first")) not in kw.FIRST_NAMES:
            continue
        if not _name_words_ok(match.group("last").split()):
            continue
        if _after_place_word(folded, match.start()):
            continue
        found.append(Finding("personne", match.start(), match.end(), match.group()))
    return _resolve(found)


# spaCy, optional -------------------------------------------------------------------------------

NER_MODEL = "fr_core_news_sm"
_ner_lock = threading.Lock()
_ner_state: dict[str, Any] = {"loaded": False, "nlp": None}


def load_ner() -> Any | None:
    """spaCy's French pipeline (NER only), loaded once per process; None when not installed."""
    with _ner_lock:
        if not _ner_state["loaded"]:
            _ner_state["loaded"] = True
            try:
                import spacy

                _ner_state["nlp"] = spacy.load(
                    NER_MODEL,
                    exclude=["parser", "lemmatizer", "morphologizer", "attribute_ruler", "senter"],
                )
                from thinc.api import get_current_ops

                # For speed: thinc keeps its backend in a context variable, unset in
                # each worker thread's context, and looks it up again (failed imports, entry
                # points) on every call. Kept here and set before each call instead.
                _ner_state["ops"] = get_current_ops()
                log.info("spaCy %s loaded: person names detected by NER and rules", NER_MODEL)
            except (ImportError, OSError) as exc:
                log.info(
                    "spaCy or %s unavailable (%s): person names by rules only", NER_MODEL, exc
                )
        return _ner_state["nlp"]


# spaCy's tokenizer takes time quadratic in the length of a word of punctuation ("%%%…%": 1.5 s
# for 2,400 characters, holding the interpreter lock). No name is that long: such words are
# blanked (same length, so offsets hold) before spaCy reads the text.
NER_LONGEST_WORD = 48
_LONG_WORD_RE = re.compile(rf"(?<!\S)\S{{{NER_LONGEST_WORD + 1},}}")


def find_names_by_ner(nlp: Any, text: str, folded: str | None = None) -> list[Finding]:
    folded = fold(text) if folded is None else folded
    readable = _LONG_WORD_RE.sub(lambda m: " " * len(m.group()), text)
    with _ner_lock:
        if _ner_state.get("ops") is not None:
            from thinc.api import set_current_ops

            set_current_ops(_ner_state["ops"])
        doc = nlp(readable)
    found = []
    for ent in doc.ents:
        if ent.label_ != "PER":
            continue
        tokens = [t for t in ent if not t.is_punct]
        # Leading greetings and civilities are not part of the name.
        while tokens and (
            fold(tokens[0].text).strip(".") in kw.NOT_NAMES
            or tokens[0].text in kw.CIVILITIES
            or tokens[0].text.rstrip(".") in kw.CIVILITIES
        ):
            tokens = tokens[1:]
        words = [t for t in tokens if fold(t.text) not in ("de", "du", "d'", "le", "la", "van")]
        if len(words) < 2 or not all(t.text[:1].isupper() for t in words):
            continue
        if any(ch.isdigit() for t in words for ch in t.text):
            continue
        # An acronym is an administration ("DDTM du Finistère") unless a first name comes with.
        if any(t.text.isupper() for t in words) and not any(
            fold(t.text) in kw.FIRST_NAMES for t in words
        ):
            continue
        if not _name_words_ok([t.text for t in words]):
            continue
        if any(fold(t.text) in kw.PLACE_WORDS for t in words):
            continue
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        if _after_place_word(folded, start):
            continue
        found.append(Finding("personne", start, end, text[start:end]))
    return found


# Topics --------------------------------------------------------------------------------------


def _sentences(text: str) -> list[tuple[int, int]]:
    """Consecutive spans covering the text, each ending after its sentence end (if any)."""
    spans, start = [], 0
    for match in _SENTENCE_END_RE.finditer(text):
        words = _WORD_RE.findall(text[max(start, match.start() - 6) : match.start()])
        if "\n" not in match.group() and words and fold(words[-1]) in _NO_SENTENCE_END:
            continue
        spans.append((start, match.end()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def find_topics(
    text: str, people: Iterable[Finding] = (), folded: str | None = None
) -> list[Finding]:
    """Article 9/10 topics in sentences that are about someone (see pii_keywords)."""
    folded = fold(text) if folded is None else folded
    found: list[Finding] = []
    for _ in _topic_steps(text, folded, _sentences(text), sorted(p.start for p in people), found):
        pass
    return found


# Longer than any match of the topic and anchor patterns, with the characters their look-aheads
# read after it.
_LONGEST_TOPIC = 200


def _pieces(pattern: re.Pattern[str], string: str) -> Iterator[list[re.Match[str]]]:
    """The matches of `pattern.finditer(string)`, one stretch of WINDOW_CHARS at a time.

    One search over a whole 60,000-character sentence holds the interpreter lock for tens of
    milliseconds; each search here reads a bounded stretch. The look-behinds see the characters
    before the stretch, and a stretch is read _LONGEST_TOPIC further than the matches it keeps,
    so the matches are the same as in one search.
    """
    position = 0
    while True:
        stop = position + WINDOW_CHARS
        matches = []
        for match in pattern.finditer(string, position, stop + _LONGEST_TOPIC):
            if match.start() >= stop:
                break
            matches.append(match)
        yield matches
        if stop >= len(string):
            return
        position = max(stop, matches[-1].end()) if matches else stop


def _topic_steps(
    text: str,
    folded: str,
    sentences: Iterable[tuple[int, int]],
    people_starts: Sequence[int],
    found: list[Finding],
) -> Iterator[None]:
    """The topics of `sentences` added to `found`; yields between stretches of a long sentence."""
    for start, end in sentences:
        sentence = folded[start:end]
        anchored = bisect_left(people_starts, end) > bisect_left(people_starts, start)
        for matches in () if anchored else _pieces(_ANCHOR_RE, sentence):
            if matches:
                anchored = True
                break
            if len(sentence) > WINDOW_CHARS:
                yield
        if not anchored:
            continue
        original = text[start:end]
        passes = [
            (category, False, _pieces(pattern, sentence))
            for category, pattern in _TOPIC_RES.items()
        ] + [
            (category, True, _pieces(pattern, original))
            for category, pattern in _ACRONYM_RES.items()
        ]
        per_pass: list[list[Finding]] = [[] for _ in passes]  # kept apart to keep their order
        active = list(range(len(passes)))
        while active:
            still = []
            for index in active:
                category, acronym, pieces = passes[index]
                stretch = next(pieces, None)
                if stretch is None:
                    continue
                still.append(index)
                for match in stretch:
                    if acronym and category in kw.ACRONYMS_NEED_MEMBERSHIP:
                        window = sentence[max(0, match.start() - 40) : match.start()]
                        if not _MEMBERSHIP_RE.search(window):
                            continue
                    a, b = start + match.start(), start + match.end()
                    per_pass[index].append(Finding(category, a, b, text[a:b]))
            active = still
            if active and len(sentence) > WINDOW_CHARS:
                yield
        for into in per_pass:
            found += into


# Putting it together ---------------------------------------------------------------------------


def _resolve(findings: Iterable[Finding]) -> list[Finding]:
    """Keep the most specific finding where two overlap; sorted by position.

    The findings kept do not overlap, so a candidate is checked against its two neighbours only
    (empty findings, which no detector makes, are dropped).
    """
    ordered = sorted(
        findings, key=lambda f: (_PRECEDENCE.get(f.category, 99), -(f.end - f.start), f.start)
    )
    kept: list[Finding] = []
    starts: list[int] = []  # of the kept findings, sorted, with their ends alongside
    ends: list[int] = []
    for finding in ordered:
        if finding.end <= finding.start:
            continue
        index = bisect_right(starts, finding.start)
        if index > 0 and ends[index - 1] > finding.start:
            continue
        if index < len(starts) and starts[index] < finding.end:
            continue
        starts.insert(index, finding.start)
        ends.insert(index, finding.end)
        kept.append(finding)
    return sorted(kept, key=lambda f: f.start)


def _overlaps_any(finding: Finding, spans: Sequence[tuple[int, int]], starts: list[int]) -> bool:
    """Whether `finding` overlaps one of `spans` (sorted, not overlapping; `starts` theirs)."""
    index = bisect_right(starts, finding.start)
    return (index > 0 and spans[index - 1][1] > finding.start) or (
        index < len(spans) and spans[index][0] < finding.end
    )


def _raw_identifiers(
    text: str,
    folded: str,
    nlp: Any | None,
    sentences: Sequence[tuple[int, int]] | None = None,
    ner_span: tuple[int, int] | None = None,
) -> list[Finding]:
    """Every identifier found, overlapping ones included (see _resolve); spaCy reads `ner_span`
    of the text only, when given."""
    names = find_names_by_rules(text, folded)
    if nlp is not None:
        a, b = (0, len(text)) if ner_span is None else ner_span
        names += [
            Finding(n.category, n.start + a, n.end + a, n.value)
            for n in find_names_by_ner(nlp, text[a:b], folded[a:b])
        ]
    addresses, offices = _addresses(text, folded, names, sentences)
    # "60 boulevard du Général Martial Valin": a street, not a person.
    office_starts = [a for a, _ in offices]
    names = [n for n in names if not _overlaps_any(n, offices, office_starts)]
    return (
        find_emails(text)
        + find_iban(text)
        + find_nir(text, folded)
        + find_cards(text, folded)
        + find_phones(text)
        + find_birth_dates(text, folded)
        + addresses
        + names
    )


def find_identifiers(text: str, nlp: Any | None = None) -> list[Finding]:
    return _resolve(_raw_identifiers(text, fold(text), nlp))


# A long text is scanned in steps: a thread running a regular expression or spaCy holds the
# interpreter lock for the whole call, which stops the event loop, so no call may look at much
# text at once; and between steps, other scans take their turn (PiiDetector.scan_async).
# Each step owns WINDOW_CHARS of text, cut after a sentence when there is one, else at a space;
# its detectors also see CONTEXT_CHARS on each side, so a finding that starts in its part is
# found whole and with the words before it (the widest look-back is 80 characters). A sentence
# longer than a window is the only place where results can differ from a scan of the whole text
# at once: an address there is someone's if a person is named within the window.
WINDOW_CHARS = 1000
CONTEXT_CHARS = 200
# spaCy needs little context (a few words), and is most of a step's time: it reads less of it.
NER_CONTEXT_CHARS = 50
_SPACE_RE = re.compile(r"\s")


def _parts(text: str, sentences: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Consecutive spans covering the text, each at most WINDOW_CHARS long."""
    cuts = [0]
    for start, end in sentences:
        if end - cuts[-1] <= WINDOW_CHARS:
            continue
        if start > cuts[-1]:
            cuts.append(start)
        while end - cuts[-1] > WINDOW_CHARS:
            limit = cuts[-1] + WINDOW_CHARS
            space = max(text.rfind(c, limit - WINDOW_CHARS // 2, limit) for c in " \n")
            cuts.append(space + 1 if space >= 0 else limit)
    if cuts[-1] < len(text):
        cuts.append(len(text))
    return list(itertools.pairwise(cuts))


def _window(text: str, lo: int, hi: int, context: int) -> tuple[int, int]:
    """The stretch a step's detectors see around its part: whole words, when there are spaces."""
    start, end = max(0, lo - context), min(len(text), hi + context)
    if start > 0 and (space := _SPACE_RE.search(text, start, lo)) is not None:
        start = space.end()
    if end < len(text):
        last = max(text.rfind(c, hi, end) for c in " \n")
        end = last if last >= 0 else end
    return start, end


def _scan_steps(text: str, nlp: Any | None) -> Generator[None, None, Scan]:
    """scan_text, in bounded steps: each `next()` does one step, the last returns the Scan."""
    folded = fold(text)
    sentences = _sentences(text)
    parts = _parts(text, sentences)
    if len(parts) <= 1:
        identifiers = _resolve(_raw_identifiers(text, folded, nlp, sentences))
    else:
        found = []
        sentence_starts = [start for start, _ in sentences]
        sentence_ends = [end for _, end in sentences]
        for lo, hi in parts:
            yield
            start, end = _window(text, lo, hi, CONTEXT_CHARS)
            ner_start, ner_end = _window(text, lo, hi, NER_CONTEXT_CHARS)
            ner = (max(ner_start, start) - start, min(ner_end, end) - start)
            seen = [
                (max(a, start) - start, min(b, end) - start)
                for a, b in sentences[
                    bisect_right(sentence_ends, start) : bisect_left(sentence_starts, end)
                ]
            ]
            for f in _raw_identifiers(text[start:end], folded[start:end], nlp, seen, ner):
                if lo <= f.start + start < hi:
                    found.append(Finding(f.category, f.start + start, f.end + start, f.value))
        yield
        identifiers = _resolve(found)
    people = sorted(f.start for f in identifiers if f.category == "personne")
    topics: list[Finding] = []
    batch: list[tuple[int, int]] = []
    for sentence in sentences:
        if batch and sentence[1] - batch[0][0] > WINDOW_CHARS:
            yield from _topic_steps(text, folded, batch, people, topics)
            yield
            batch = []
        batch.append(sentence)
    yield from _topic_steps(text, folded, batch, people, topics)
    return Scan(tuple(identifiers), tuple(sorted(topics, key=lambda f: f.start)))


def _step(steps: Generator[None, None, Scan]) -> Scan | None:
    """One step; the Scan after the last one."""
    try:
        next(steps)
    except StopIteration as done:
        result: Scan = done.value
        return result
    return None


def scan_text(text: str, nlp: Any | None = None) -> Scan:
    steps = _scan_steps(text, nlp)
    while (result := _step(steps)) is None:
        pass
    return result


def _weight(scan: Scan) -> int:
    return 1 + len(scan.identifiers) + len(scan.topics)


class PiiDetector:
    """Scans text, with spaCy when allowed and installed; results cached by text digest.

    On the event loop, `scan_async` runs the steps of a scan (see _scan_steps) one at a time in
    the detector's own thread; between two steps the next step of the shortest pending text goes
    first, so a one-word question waits for one step of a long document, not for all of it.
    """

    def __init__(
        self, ner: str = "auto", cache_size: int = 2048, cache_findings: int = 100_000
    ) -> None:
        self.use_ner = ner != "off"
        self.cache_size = cache_size
        # Also bounded by what the scans hold: 2,048 texts naming thousands of people each would
        # otherwise keep gigabytes.
        self.cache_findings = cache_findings
        self._cache: OrderedDict[bytes, Scan] = OrderedDict()
        self._cached_findings = 0
        self._lock = threading.Lock()
        self._executor: ThreadPoolExecutor | None = None
        self._busy = False
        self._waiting: list[tuple[int, int, asyncio.Future[None]]] = []
        self._order = itertools.count()

    @property
    def nlp(self) -> Any | None:
        return load_ner() if self.use_ner else None

    def _cached(self, digest: bytes) -> Scan | None:
        with self._lock:
            cached = self._cache.get(digest)
            if cached is not None:
                self._cache.move_to_end(digest)
            return cached

    def _store(self, digest: bytes, result: Scan) -> None:
        with self._lock:
            if digest in self._cache:
                return
            self._cache[digest] = result
            self._cached_findings += _weight(result)
            while self._cache and (
                len(self._cache) > self.cache_size or self._cached_findings > self.cache_findings
            ):
                self._cached_findings -= _weight(self._cache.popitem(last=False)[1])

    def _steps(self, text: str) -> Generator[None, None, Scan]:
        nlp = self.nlp  # loading spaCy, the first time, is a step of its own
        yield
        return (yield from _scan_steps(text, nlp))

    def scan(self, text: str) -> Scan:
        """Blocking: on the event loop, use scan_async."""
        if not text.strip():
            return Scan()
        digest = hashlib.sha256(text.encode("utf-8")).digest()
        cached = self._cached(digest)
        if cached is not None:
            return cached
        steps = self._steps(text)
        while (result := _step(steps)) is None:
            pass
        self._store(digest, result)
        return result

    def scan_many(self, items: Sequence[str]) -> list[Scan]:
        return [self.scan(text) for text in items]

    async def scan_async(self, text: str) -> Scan:
        if not text.strip():
            return Scan()
        digest = hashlib.sha256(text.encode("utf-8")).digest()
        cached = self._cached(digest)
        if cached is not None:
            return cached
        if self._executor is None:
            self._executor = ThreadPoolExecutor(1, thread_name_prefix="pii-scan")
        loop = asyncio.get_running_loop()
        steps = self._steps(text)
        result = None
        while result is None:
            await self._take_turn(len(text))
            try:
                result = await loop.run_in_executor(self._executor, _step, steps)
            finally:
                self._end_turn()
        self._store(digest, result)
        return result

    async def scan_many_async(self, items: Sequence[str]) -> list[Scan]:
        return [await self.scan_async(text) for text in items]

    async def _take_turn(self, size: int) -> None:
        """Wait until no other step runs, the steps of shorter texts (then older ones) first."""
        if not self._busy:
            self._busy = True
            return
        turn = asyncio.get_running_loop().create_future()
        heapq.heappush(self._waiting, (size, next(self._order), turn))
        try:
            await turn
        except asyncio.CancelledError:
            if turn.done() and not turn.cancelled():
                self._end_turn()  # given the turn just as it was cancelled: pass it on
            raise

    def _end_turn(self) -> None:
        while self._waiting:
            turn = heapq.heappop(self._waiting)[2]
            if not turn.done():
                turn.set_result(None)
                return
        self._busy = False

    def clear_cache(self) -> None:
        """After an erasure: no finding of deleted text stays in memory."""
        with self._lock:
            self._cache.clear()
            self._cached_findings = 0


# Pseudonymisation ------------------------------------------------------------------------------

_PLACEHOLDER_RE = re.compile(
    r"\[\s*(" + "|".join(PLACEHOLDER_LABELS.values()) + r")[_ ](\d+)\s*\]", re.IGNORECASE
)
_BARE_PLACEHOLDER_RE = re.compile(
    r"(?<![\w\[])(" + "|".join(PLACEHOLDER_LABELS.values()) + r")_(\d+)(?![\w\]])"
)
# "[" letters, digits, then white space up to the end, written so that a space is read one way
# only: "[" followed by many spaces fails in linear time.
_PARTIAL_TAIL_RE = re.compile(r"\[[A-Za-z_ ]*(?:\d+\s*|[^\S ]\s*)?$")


def _value_key(category: str, value: str) -> str:
    if category in ("nir", "iban", "carte", "telephone"):
        return re.sub(r"[^0-9A-Za-z+]", "", value).upper()
    return " ".join(fold(value).split())


# Tokens for finding known family names: runs of letters, digits and hyphens (a name is matched
# as whole runs), white space, and any other character alone.
_NAME_TOKEN_RE = re.compile(r"[\w\-]+|\s+|.", re.DOTALL)


def _is_run(token: str) -> bool:
    return token[0] == "-" or token[0].isalnum() or token[0] == "_"


@dataclass
class Pseudonymiser:
    """Value <-> placeholder for one conversation, in memory only (never stored)."""

    by_key: dict[tuple[str, str], str] = field(default_factory=dict)
    values: dict[str, str] = field(default_factory=dict)  # placeholder -> value
    counts: Counter[str] = field(default_factory=Counter)
    surnames: dict[str, str] = field(default_factory=dict)  # family name -> placeholder
    # Indexes, so that each lookup costs the same however many people the conversation names:
    # the words of each person's key, in the order of by_key, and which keys hold a word...
    _people: list[frozenset[str]] = field(default_factory=list, init=False, repr=False)
    _placeholders: list[str] = field(default_factory=list, init=False, repr=False)
    _with_word: dict[str, list[int]] = field(default_factory=dict, init=False, repr=False)
    # ... and the family names by their number of tokens, then tokens.
    _surname_tokens: dict[int, dict[tuple[str, ...], str]] = field(
        default_factory=dict, init=False, repr=False
    )

    def _same_person(self, words: Iterable[str]) -> str | None:
        """The placeholder of the first person whose key holds all these words."""
        wanted = frozenset(words)
        if not wanted:
            return self._placeholders[0] if self._placeholders else None
        holders = [self._with_word.get(word, []) for word in wanted]
        for index in min(holders, key=len):
            if wanted <= self._people[index]:
                return self._placeholders[index]
        return None

    def _add_key(self, key: tuple[str, str], placeholder: str) -> None:
        self.by_key[key] = placeholder
        if key[0] == "personne":
            words = frozenset(key[1].split())
            for word in words:
                self._with_word.setdefault(word, []).append(len(self._people))
            self._people.append(words)
            self._placeholders.append(placeholder)

    def placeholder(self, finding: Finding) -> str:
        key = (finding.category, _value_key(finding.category, finding.value))
        existing = self.by_key.get(key)
        if existing is not None:
            return existing
        if finding.category == "personne":
            # "M. Dupont" after "Jean Dupont" is the same person.
            same = self._same_person(key[1].split())
            if same is not None:
                self._add_key(key, same)
                return same
        self.counts[finding.category] += 1
        placeholder = f"[{PLACEHOLDER_LABELS[finding.category]}_{self.counts[finding.category]}]"
        self._add_key(key, placeholder)
        self.values[placeholder] = finding.value
        if finding.category == "personne":
            last = finding.value.split()[-1]
            folded_last = fold(last)
            if (
                len(last) >= 3
                and folded_last not in kw.NOT_SURNAMES
                and folded_last not in kw.FIRST_NAMES
                and last not in self.surnames
            ):
                self.surnames[last] = placeholder
                tokens = tuple(_NAME_TOKEN_RE.findall(last))
                self._surname_tokens.setdefault(len(tokens), {})[tokens] = last
        return placeholder

    def register(self, findings: Iterable[Finding]) -> None:
        for finding in findings:
            if finding.category in PLACEHOLDER_LABELS:
                self.placeholder(finding)

    def _surname_spans(self, text: str) -> list[Finding]:
        r"""Each known family name standing alone in the text (not inside a longer word).

        As one `(?<![\w-])name(?![\w-])` search per name would find them, but in one pass over
        the text's tokens whatever the number of names.
        """
        if not self.surnames:
            return []
        tokens = [(m.start(), m.group()) for m in _NAME_TOKEN_RE.finditer(text)]
        spans = []
        after: dict[str, int] = {}  # a name's matches do not overlap each other
        for index, (start, token) in enumerate(tokens):
            for size, names in self._surname_tokens.items():
                if size == 1:
                    name = names.get((token,))
                else:
                    name = names.get(tuple(t for _, t in tokens[index : index + size]))
                if name is None or start < after.get(name, 0):
                    continue
                end = start + len(name)
                if not _is_run(name[0]) and start > 0 and _is_run(text[start - 1]):
                    continue
                if not _is_run(name[-1]) and end < len(text) and _is_run(text[end]):
                    continue
                after[name] = end
                spans.append(Finding("personne", start, end, name))
        return spans

    def pseudonymise(self, text: str, findings: Iterable[Finding]) -> str:
        spans = [f for f in findings if f.category in PLACEHOLDER_LABELS]
        self.register(spans)
        # A family name already known in the conversation, mentioned alone ("Dupont a dit").
        spans += self._surname_spans(text)
        out, position = [], 0
        for finding in _resolve(spans):
            out.append(text[position : finding.start])
            out.append(self.placeholder(finding))
            position = finding.end
        out.append(text[position:])
        return "".join(out)

    def _lookup(self, label: str, number: str) -> str | None:
        return self.values.get(f"[{label.upper()}_{int(number)}]")

    def restore(self, text: str) -> str:
        if not self.values:
            return text

        def replace(match: re.Match[str]) -> str:
            value = self._lookup(match.group(1), match.group(2))
            return value if value is not None else match.group()

        return _BARE_PLACEHOLDER_RE.sub(replace, _PLACEHOLDER_RE.sub(replace, text))

    def restore_partial(self, text: str) -> str:
        """While streaming: also hide a placeholder whose end has not arrived yet."""
        restored = self.restore(text)
        if not self.values:
            return restored
        tail = _PARTIAL_TAIL_RE.search(restored)
        if tail is not None:
            fragment = tail.group()[1:].strip().upper().replace(" ", "_")
            if any(
                f"{label}_".startswith(fragment[: len(label) + 1])
                and (len(fragment) <= len(label) or fragment[: len(label)] == label)
                for label in PLACEHOLDER_LABELS.values()
            ):
                restored = restored[: tail.start()].rstrip()
        return restored


def pseudonymise_texts(detector: PiiDetector, items: Sequence[str]) -> list[str]:
    """Blocking: the texts of one conversation, placeholders numbered across all of them."""
    scans = detector.scan_many(items)
    pseudonymiser = Pseudonymiser()
    for result in scans:
        pseudonymiser.register(result.identifiers)
    return [
        pseudonymiser.pseudonymise(text, result.identifiers)
        for text, result in zip(items, scans, strict=True)
    ]


# The guard of one answer -------------------------------------------------------------------------


class ModelGuard:
    """What one answer sends to the model, and shows back, under the privacy settings.

    `check()` every text the agent newly hands over (the message; later documents and
    transcripts), then `protect()` the messages for the model, `wrap()` the streaming callback,
    `restore()` the final answer, and add `footer` after it.
    """

    def __init__(
        self, detector: PiiDetector, config: PrivacyConfig, *, allow_once: bool = False
    ) -> None:
        self.detector = detector
        self.identifiers_mode = config.identifiers
        self.topics_mode = config.sensitive_topics
        self.allow_once = allow_once
        self.pseudonymiser = Pseudonymiser()
        self.found: list[Finding] = []  # identifiers in the new texts
        self.topics: list[Finding] = []

    @property
    def active(self) -> bool:
        return self.identifiers_mode != "off" or self.topics_mode != "off"

    async def check(self, text: str) -> Scan:
        if not self.active:
            return Scan()
        result = await self.detector.scan_async(text)
        if self.identifiers_mode != "off":
            self.found.extend(result.identifiers)
        if self.topics_mode != "off":
            self.topics.extend(result.topics)
        return result

    @property
    def identifier_counts(self) -> Counter[str]:
        distinct = {(f.category, _value_key(f.category, f.value)) for f in self.found}
        return Counter(category for category, _ in distinct)

    @property
    def topic_categories(self) -> list[str]:
        present = {f.category for f in self.topics}
        return [c for c in TOPICS if c in present]

    @property
    def blocked(self) -> bool:
        if self.allow_once:
            return False
        return (self.identifiers_mode == "block" and bool(self.found)) or (
            self.topics_mode == "block" and bool(self.topics)
        )

    def block_message(self) -> str:
        identifiers = self.identifier_counts if self.identifiers_mode == "block" else Counter()
        topics = self.topic_categories if self.topics_mode == "block" else []
        return texts.privacy_blocked(identifiers, topics)

    async def protect(self, messages: Sequence[ChatMessage]) -> list[ChatMessage]:
        """The messages as the model gets them: identifiers replaced in pseudonymise mode."""
        if self.identifiers_mode != "pseudonymise":
            return list(messages)
        # The system message too: it carries the agent's standing instructions (!consignes).
        indexes = [i for i, m in enumerate(messages) if isinstance(m.get("content"), str)]
        contents = [str(messages[i]["content"]) for i in indexes]
        scans = await self.detector.scan_many_async(contents)
        # Linear, but a long text naming thousands of people is still work: off the event loop.
        safe = await asyncio.to_thread(self._pseudonymise, contents, scans)
        protected = [dict(m) for m in messages]
        for i, content in zip(indexes, safe, strict=True):
            protected[i]["content"] = content
        return protected

    def _pseudonymise(self, contents: Sequence[str], scans: Sequence[Scan]) -> list[str]:
        for result in scans:
            self.pseudonymiser.register(result.identifiers)
        return [
            self.pseudonymiser.pseudonymise(content, result.identifiers)
            for content, result in zip(contents, scans, strict=True)
        ]

    async def protect_text(self, text: str) -> str:
        """One more text for the model (a document, a transcript), same placeholders."""
        if self.identifiers_mode != "pseudonymise":
            return text
        result = await self.detector.scan_async(text)
        return (await asyncio.to_thread(self._pseudonymise, [text], [result]))[0]

    def restore(self, text: str) -> str:
        return self.pseudonymiser.restore(text)

    def wrap(self, on_text: Callable[[str], Awaitable[None]]) -> Callable[[str], Awaitable[None]]:
        """The streaming callback, shown restored."""
        if not self.pseudonymiser.values:
            return on_text

        async def restored(text: str) -> None:
            await on_text(self.pseudonymiser.restore_partial(text))

        return restored

    @property
    def footer(self) -> str | None:
        notes = []
        counts = self.identifier_counts
        if counts and self.identifiers_mode == "pseudonymise":
            notes.append(texts.privacy_pseudonymised(counts))
        elif counts and self.identifiers_mode in ("warn", "block"):
            notes.append(texts.privacy_identifiers_warning(counts))
        if self.topic_categories and self.topics_mode in ("warn", "block"):
            notes.append(texts.privacy_topics_warning(self.topic_categories))
        return "\n\n".join(notes) if notes else None

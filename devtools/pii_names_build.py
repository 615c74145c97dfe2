"""Writes handlers/privacy/pii_names.py: the given names and family names of faker's shipped
lists (read as data; no download, no random draw) that the guard adds to its hand lists.

    python -m devtools.pii_names_build

Locales: France, Belgium, Switzerland, Canada (French), Algeria (the Maghreb), Portugal and
Brazil, Spain, Italy, Turkey, Vietnam, Romania and Poland (Eastern Europe), with the family names
of Germany and the Netherlands/Flanders (Alsace, Lorraine, the North). Sub-Saharan given and
family names are absent from faker's French-speaking lists: a short hand list below.
Every name is folded like the guard reads (handlers.privacy.pii.fold). A name is left out when
it is an ordinary French word (any lower-case entry of the Debian `wfrench` word list, when
installed, and the guard's own lists of words that are not names), shorter than 3 letters, or
written with letters the guard does not read as a name's.
"""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

from handlers.privacy import pii_keywords as kw
from handlers.privacy.pii import fold

OUT = Path(__file__).resolve().parent.parent / "handlers" / "privacy" / "pii_names.py"
DICTIONARY = Path("/usr/share/dict/french")
GIVEN_LOCALES = (
    "fr_FR", "fr_BE", "fr_CH", "fr_CA", "fr_DZ", "pt_PT", "pt_BR", "es_ES", "it_IT", "tr_TR",
    "vi_VN", "ro_RO", "pl_PL",
)  # fmt: skip
FAMILY_LOCALES = (
    "fr_FR", "fr_BE", "fr_CH", "fr_CA", "fr_DZ", "pt_PT", "pt_BR", "es_ES", "it_IT", "tr_TR",
    "vi_VN", "ro_RO", "de_DE", "nl_BE",
)  # fmt: skip
# Sub-Saharan Africa (Senegal, Mali, Guinea, Côte d'Ivoire, Cameroon, Congo) and China.
HAND_GIVEN = """
    abdoulaye aissatou alioune amadou aminata assane awa binta boubacar cheikh coumba
    daouda djeneba fatoumata habib ibrahima kadiatou khady lamine mamadou mariama moussa
    ndeye oumar ousmane oumou rokhaya sekou seydou souleymane tidiane yacouba kofi kouassi
    yao aya adjoa akissi affoue konan serge-alain ghislain nathanael mbaye modou fanta
    salimata mariam bintou djibril issa sadio samba boubou jun wei xiu ying mei ling jie
    hong yan xiao lei qiang fang hui
"""
HAND_FAMILY = """
    diallo traore diop ndiaye sow fall camara kone coulibaly toure sylla cisse keita bah
    barry sarr gueye faye mbaye seck niang dieng ba thiam kane ndour diouf sy cisse kouame
    kouassi konate sangare ouattara bamba yao kouadio nkomo mbarga eto'o essomba onana
    ngono mukendi kabila tshibanda lumumba ilunga mbala kamara bangoura soumah conde
    doumbia dembele diakite fofana sissoko kante sakho magassa tounkara wang zhang chen liu
    yang huang zhao zhou xu sun zhu guo luo liang song zheng xie tang feng
"""
_READABLE = re.compile(r"[a-zıçğşœæ'\-]+")


def _names(locales: tuple[str, ...], attributes: tuple[str, ...]) -> set[str]:
    found: set[str] = set()
    for locale in locales:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in attributes:
            values = getattr(provider, attribute, None) or ()
            found.update(str(value) for value in values)
    return found


# The guard's own lists of names: their words are not "used for something else".
_NAME_LISTS = frozenset(
    {
        "FIRST_NAMES", "COMMON_SURNAMES", "SURNAMES_ALSO_WORDS", "AMBIGUOUS_FIRST_NAMES",
        "MALE_NAMES_IN_E", "FEMALE_NAMES_IN_CONSONANT", "AMBIGUOUS_GENDER_NAMES",
        "_GENDER_DECIDED",
    }
)  # fmt: skip
_WORD = re.compile(r"[a-z][a-z'\-]+")


def _guard_words() -> set[str]:
    """Every word the guard's keyword lists use for something else than a name ("iban", "nir",
    a street type, a topic word)."""
    words: set[str] = set()
    for name, value in vars(kw).items():
        if not name.isupper() or name in _NAME_LISTS:
            continue
        if isinstance(value, dict):
            value = [v for values in value.values() for v in values]
        if isinstance(value, str):
            value = [value]
        if isinstance(value, (tuple, list, frozenset, set)):
            for item in value:
                if isinstance(item, str):
                    words.update(_WORD.findall(fold(item)))
    words.update(_WORD.findall(fold(" ".join(_literals(OUT.parent / "pii.py")))))
    return words


def _literals(path: Path) -> list[str]:
    """The strings of a module's code ("iban", "nir", "siret"...), not its docstrings or its
    comments, whose examples are names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def _places() -> set[str]:
    """Place names: faker's world places (geo), French departments and regions, countries."""
    from faker.providers.address.fr_FR import Provider as Address
    from faker.providers.geo import Provider as Geo

    places = {str(row[2]) for row in Geo.land_coords}
    places |= {str(name) for _, name in Address.departments} | set(Address.regions)
    places |= set(Address.countries)
    return {fold(p) for p in places}


# English words that came in with faker's lists and are no one's name in a French text.
ENGLISH_WORDS = frozenset({"lower", "company"})


def _ordinary_words() -> set[str]:
    words = _guard_words() | _places() | set(ENGLISH_WORDS)
    if DICTIONARY.exists():
        for line in DICTIONARY.read_text(encoding="utf-8").splitlines():
            if line and line[0].islower():
                words.add(fold(line))
    return words


def _clean(names: set[str], ordinary: set[str]) -> list[str]:
    kept = set()
    for name in names:
        folded = fold(name).strip()
        if " " in folded or len(folded) < 3 or not _READABLE.fullmatch(folded):
            continue
        if folded in ordinary:
            continue
        kept.add(folded)
    return sorted(kept)


def _block(names: list[str]) -> str:
    lines, line = [], "    "
    for name in names:
        if len(line) + len(name) + 1 > 96:
            lines.append(line.rstrip())
            line = "    "
        line += name + " "
    lines.append(line.rstrip())
    return "\n".join(lines)


def _genders(ordinary: set[str]) -> tuple[list[str], list[str], list[str]]:
    """From the lists that tell a name's gender: the men's names ending like a woman's ("a",
    "e": Luca, Mustafa), the women's ending like a man's (Dilcan, Ingrid), the names of both."""
    male = set(_clean(_names(GIVEN_LOCALES, ("first_names_male",)), ordinary))
    female = set(_clean(_names(GIVEN_LOCALES, ("first_names_female",)), ordinary))
    both = male & female
    feminine_end = ("a", "e", "ah")
    male_in_e = sorted(n for n in male - both if n.endswith(feminine_end))
    female_in_consonant = sorted(n for n in female - both if not n.endswith(feminine_end))
    return male_in_e, female_in_consonant, sorted(both)


def main() -> int:
    ordinary = _ordinary_words()
    given = _names(GIVEN_LOCALES, ("first_names_male", "first_names_female", "first_names"))
    given |= set(HAND_GIVEN.split())
    family = _names(FAMILY_LOCALES, ("last_names",)) | set(HAND_FAMILY.split())
    given_kept = _clean(given, ordinary)
    family_kept = _clean(family, ordinary)
    male_in_e, female_in_consonant, both = _genders(ordinary)
    OUT.write_text(
        '"""Given and family names from faker\'s shipped lists, folded, without the ordinary\n'
        'French words (generated by devtools/pii_names_build.py: do not edit by hand)."""\n\n'
        "from __future__ import annotations\n\n\n"
        "def _words(text: str) -> frozenset[str]:\n"
        "    return frozenset(text.split())\n\n\n"
        f'GIVEN_NAMES = _words(\n    """\n{_block(given_kept)}\n    """\n)\n\n'
        f'FAMILY_NAMES = _words(\n    """\n{_block(family_kept)}\n    """\n)\n\n'
        "# Gender (faker's men's and women's lists): men's names ending in -a/-e, women's\n"
        "# ending otherwise, names on both lists.\n"
        f'MALE_IN_E = _words(\n    """\n{_block(male_in_e)}\n    """\n)\n\n'
        "FEMALE_IN_CONSONANT = _words(\n"
        f'    """\n{_block(female_in_consonant)}\n    """\n)\n\n'
        f'BOTH_GENDERS = _words(\n    """\n{_block(both)}\n    """\n)\n',
        encoding="utf-8",
    )
    print(f"{OUT.name}: {len(given_kept)} given names, {len(family_kept)} family names")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

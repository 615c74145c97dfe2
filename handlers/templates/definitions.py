"""Template definitions: TOML files read and validated (bounded), and names matched as agents
type them (accents, case and separators ignored)."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    ValidationError,
    ValidationInfo,
    field_validator,
)

from handlers.templates import texts

MAX_FILE_BYTES = 16_384  # a template is a few paragraphs; the bound keeps reading cheap
MAX_NAME_CHARS = 80
MAX_DESCRIPTION_CHARS = 300
# Sent in the system prompt of one answer: bounded so a template cannot eat the context window.
MAX_INSTRUCTIONS_CHARS = 4_000
MAX_TEMPLATES = 50  # the list (!gabarits) stays one readable message
MAX_NAME_WORDS = 12
# The file's name (without .toml) is the template's id: what agents may type.
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,47}$")
_WORD = re.compile(r"\w+")


class TemplateError(Exception):
    """A template file cannot be used; the message (French) says why."""


@dataclass(frozen=True)
class Template:
    """One reusable request: what agents see (name, description), what the model gets."""

    id: str  # the file's name without `.toml`
    name: str
    description: str
    instructions: str


_LIMITS = {
    "name": MAX_NAME_CHARS,
    "description": MAX_DESCRIPTION_CHARS,
    "instructions": MAX_INSTRUCTIONS_CHARS,
}


class _TemplateFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # Stripped, then bounded (the file's own bound comes first).
    name: str
    description: str
    instructions: str

    @field_validator("name", "description", "instructions")
    @classmethod
    def _clean(cls, value: str, info: ValidationInfo) -> str:
        # Line breaks and tabs only in the instructions; no other control character anywhere
        # (what agents read must show as written).
        allowed = "\n\t" if info.field_name == "instructions" else ""
        if info.field_name != "instructions" and ("\n" in value or "\r" in value):
            raise ValueError("one_line")
        if any(unicodedata.category(ch) == "Cc" and ch not in allowed for ch in value):
            raise ValueError("control")
        value = value.strip()
        if not value:
            raise ValueError("empty")
        limit = _LIMITS[str(info.field_name)]
        if len(value) > limit:
            raise ValueError(f"too_long {limit}")
        return value

    @field_validator("name")
    @classmethod
    def _has_words(cls, value: str) -> str:
        if not 1 <= len(words(value)) <= MAX_NAME_WORDS:
            raise ValueError("name_words")
        return value


def fold(text: str) -> str:
    """Lower case, without accents: « Réunion » and « reunion » are the same word."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> tuple[str, ...]:
    return tuple(fold(word) for word in _WORD.findall(text))


def _reason(err: Mapping[str, Any]) -> str:
    """One validation error in French (pydantic's own text only for the unforeseen)."""
    loc = ".".join(str(p) for p in err["loc"]) or "(fichier)"
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind == "missing":
        return texts.field_missing(loc)
    if kind == "extra_forbidden":
        return texts.field_unknown(loc)
    if kind == "string_type":
        return texts.field_not_text(loc)
    if kind == "value_error" and str(ctx.get("error")) == "one_line":
        return texts.field_one_line(loc)
    if kind == "value_error" and str(ctx.get("error")) == "control":
        return texts.field_control(loc)
    if kind == "value_error" and str(ctx.get("error")) == "empty":
        return texts.field_empty(loc)
    if kind == "value_error" and str(ctx.get("error")).startswith("too_long "):
        return texts.field_too_long(loc, int(str(ctx.get("error")).split()[1]))
    if kind == "value_error" and str(ctx.get("error")) == "name_words":
        return texts.name_words(MAX_NAME_WORDS)
    return f"{loc}\u00a0: {err['msg']}"


def parse_template(source: str, template_id: str) -> Template:
    """Validate one TOML definition; TemplateError lists every problem, in French."""
    if not ID_PATTERN.match(template_id):
        raise TemplateError(texts.BAD_FILE_NAME)
    if len(source) > MAX_FILE_BYTES or len(source.encode("utf-8")) > MAX_FILE_BYTES:
        raise TemplateError(texts.file_too_large(MAX_FILE_BYTES))
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(texts.bad_toml(str(exc))) from exc
    except RecursionError as exc:  # tomllib reads nested arrays and tables recursively
        raise TemplateError(texts.TOO_NESTED) from exc
    try:
        checked = _TemplateFile.model_validate(data)
    except RecursionError as exc:
        raise TemplateError(texts.TOO_NESTED) from exc
    except ValidationError as exc:
        raise TemplateError("\n".join(_reason(err) for err in exc.errors())) from exc
    return Template(template_id, checked.name, checked.description, checked.instructions)


@dataclass(frozen=True)
class Loaded:
    """What a folder held: the usable templates (by id, in file order) and the refused files."""

    templates: dict[str, Template]
    problems: list[tuple[str, str]]  # (file name, French reason)


def _read(path: Path) -> str:
    with path.open("rb") as handle:
        data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise TemplateError(texts.file_too_large(MAX_FILE_BYTES))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise TemplateError(texts.NOT_UTF8) from exc


def load_dir(folder: Path) -> Loaded:
    """Every `*.toml` of the folder; a bad file is refused with its reason, the others load.

    Blocking (files): call from a thread at run time.
    """
    templates: dict[str, Template] = {}
    problems: list[tuple[str, str]] = []
    if not folder.is_dir():
        return Loaded(templates, [(str(folder), texts.NO_FOLDER)])
    names: dict[tuple[str, ...], str] = {}
    for path in sorted(folder.glob("*.toml"), key=lambda p: p.stem):
        if len(templates) >= MAX_TEMPLATES:
            problems.append((path.name, texts.too_many(MAX_TEMPLATES)))
            continue
        try:
            template = parse_template(_read(path), path.stem)
        except OSError as exc:
            problems.append((path.name, texts.unreadable(exc.strerror or type(exc).__name__)))
            continue
        except TemplateError as exc:
            problems.append((path.name, str(exc)))
            continue
        key = words(template.name)
        if key in names:
            problems.append((path.name, texts.same_name(template.name, names[key])))
            continue
        names[key] = path.name
        templates[template.id] = template
    return Loaded(templates, problems)


def find(templates: Mapping[str, Template], text: str) -> tuple[Template, str] | None:
    """The template named at the start of `text` and the rest of the text.

    A template is named by its number in the list, its id or its name, accents and case
    ignored; the longest whole name wins; else the start of one name (`note` for « Note de
    synthèse »), when it is the start of that template's name only.
    """
    found = list(_WORD.finditer(text[:2_000]))[: MAX_NAME_WORDS + 1]
    if not found:
        return None
    typed = tuple(fold(match.group()) for match in found)
    ordered = list(templates.values())
    keys = [(key, t) for t in ordered for key in (words(t.id), words(t.name))]
    best: tuple[int, Template] | None = None
    if typed[0].isdigit() and len(typed[0]) <= 3 and 1 <= int(typed[0]) <= len(ordered):
        best = (1, ordered[int(typed[0]) - 1])
    for key, template in keys:
        if len(key) > (best[0] if best else 0) and typed[: len(key)] == key:
            best = (len(key), template)
    if best is None:
        for count in range(len(typed), 0, -1):
            starting = {t.id: t for key, t in keys if key[:count] == typed[:count]}
            if len(starting) == 1:
                best = (count, next(iter(starting.values())))
                break
            if starting:  # ambiguous: a longer start cannot be any less so
                break
    if best is None:
        return None
    count, template = best
    rest = text[found[count - 1].end() :].lstrip(" \t\r\n:,;.-—–")
    return template, rest

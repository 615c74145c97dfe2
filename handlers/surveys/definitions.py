"""Survey definitions (TOML, validated), answers parsed from replies or reactions, holidays."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from datetime import date, timedelta
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from bot.events import THUMBS_DOWN, THUMBS_UP
from handlers.surveys import texts

Kind = Literal["scale", "choice", "multi", "yesno", "text"]
MAX_OPTIONS = 10  # digit reactions go up to 🔟
MAX_QUESTIONS = 30
MAX_FILE_BYTES = 64_000
_ID = r"^[a-z0-9][a-z0-9_.-]{0,63}$"


class SurveyError(Exception):
    """A survey definition cannot be used; the message says where and why."""


class Question(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=_ID)
    kind: Kind
    text: str = Field(min_length=1, max_length=1000)
    min: int | None = None
    max: int | None = None
    options: list[str] = Field(default_factory=list)
    optional: bool = False

    @model_validator(mode="after")
    def _fits_kind(self) -> Question:
        if self.kind == "scale":
            if self.min is None or self.max is None:
                raise ValueError("a scale question needs min and max (e.g. 1 and 5, or 0 and 10)")
            if not 0 <= self.min < self.max <= 10:
                raise ValueError("a scale goes from min to max with 0 <= min < max <= 10")
        elif self.min is not None or self.max is not None:
            raise ValueError(f"min/max only apply to scale questions, not {self.kind}")
        if self.kind in ("choice", "multi"):
            if not 2 <= len(self.options) <= MAX_OPTIONS:
                raise ValueError(f"a {self.kind} question needs 2 to {MAX_OPTIONS} options")
            if any(not option.strip() for option in self.options):
                raise ValueError("options cannot be empty")
            if len({_fold(o) for o in self.options}) != len(self.options):
                raise ValueError("options must be different")
        elif self.options:
            raise ValueError(f"options only apply to choice and multi questions, not {self.kind}")
        return self


class Survey(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=_ID)
    title: str = Field(min_length=1, max_length=200)
    intro: str = Field(default="", max_length=2000)
    version: int = Field(default=1, ge=1)
    questions: list[Question] = Field(min_length=1, max_length=MAX_QUESTIONS)

    @model_validator(mode="after")
    def _unique_questions(self) -> Survey:
        seen: set[str] = set()
        for question in self.questions:
            if question.id in seen:
                raise ValueError(f"question id {question.id!r} is used twice")
            seen.add(question.id)
        return self

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)


def parse_survey(source: str, where: str = "survey") -> Survey:
    """Validate one TOML definition; SurveyError lists every problem with its field."""
    if len(source.encode("utf-8")) > MAX_FILE_BYTES:
        raise SurveyError(f"{where}: larger than {MAX_FILE_BYTES} bytes")
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        raise SurveyError(f"{where}: invalid TOML: {exc}") from exc
    except RecursionError as exc:  # tomllib reads nested arrays and tables recursively
        raise SurveyError(f"{where}: arrays or tables nested too deeply") from exc
    try:
        return Survey.model_validate(data)
    except RecursionError as exc:
        raise SurveyError(f"{where}: values nested too deeply") from exc
    except ValidationError as exc:
        lines = []
        for err in exc.errors():
            loc = ".".join(str(p) for p in err["loc"]) or "(root)"
            lines.append(f"- {loc}: {err['msg']}")
        raise SurveyError(f"{where}: invalid survey:\n" + "\n".join(lines)) from exc


def load_dir(folder: Path) -> dict[str, tuple[Survey, str]]:
    """Every `*.toml` of the folder: id -> (survey, source). A missing folder holds none.

    Raises SurveyError naming every bad file (blocking: call from a thread at run time).
    """
    found: dict[str, tuple[Survey, str]] = {}
    if not folder.is_dir():
        return found
    problems: list[str] = []
    for path in sorted(folder.glob("*.toml")):
        try:
            source = path.read_text(encoding="utf-8")
            survey = parse_survey(source, str(path))
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(f"{path}: cannot be read: {exc}")
            continue
        except SurveyError as exc:
            problems.append(str(exc))
            continue
        if survey.id in found:
            problems.append(f"{path}: survey id {survey.id!r} is already defined by another file")
            continue
        found[survey.id] = (survey, source)
    if problems:
        raise SurveyError("\n".join(problems))
    return found


# Answers ---------------------------------------------------------------------------------


class InvalidAnswer(Exception):
    """The reply does not answer the question; the message is a short French hint."""


AnswerValue = int | list[int] | bool | str

DIGIT_KEYS = {
    "0\ufe0f\u20e3": 0,
    "1\ufe0f\u20e3": 1,
    "2\ufe0f\u20e3": 2,
    "3\ufe0f\u20e3": 3,
    "4\ufe0f\u20e3": 4,
    "5\ufe0f\u20e3": 5,
    "6\ufe0f\u20e3": 6,
    "7\ufe0f\u20e3": 7,
    "8\ufe0f\u20e3": 8,
    "9\ufe0f\u20e3": 9,
    "\U0001f51f": 10,
}
_YES = {"oui", "o", "yes", "y", "ouais", "vrai", "d'accord", "ok"}
_NO = {"non", "n", "no", "faux"}
_SEPARATORS = re.compile(r"(?:\s*[,;/+]\s*|\s+et\s+|\s+)")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip(" .!")


def reaction_text(key: str) -> str | None:
    """A digit emoji (with or without the variation selector) as the text it stands for."""
    cleaned = key.strip()
    if cleaned in DIGIT_KEYS:
        return str(DIGIT_KEYS[cleaned])
    if len(cleaned) == 2 and cleaned[0].isdigit() and cleaned[1] == "\u20e3":
        return cleaned[0]
    if cleaned.startswith(THUMBS_UP):
        return "oui"
    if cleaned.startswith(THUMBS_DOWN):
        return "non"
    return None


def _number(token: str) -> int | None:
    token = token.strip().rstrip(".)")
    if token in DIGIT_KEYS:
        return DIGIT_KEYS[token]
    return int(token) if token.isdigit() and len(token) <= 3 else None


def parse_answer(question: Question, reply: str) -> AnswerValue:
    """The value of a reply to `question`; InvalidAnswer with a French hint otherwise."""
    text = reply.strip()
    if not text:
        raise InvalidAnswer(texts.survey_hint(question.kind, question.min, question.max, 0))
    if question.kind == "text":
        return text
    if question.kind == "yesno":
        folded = _fold(text)
        if folded in _YES or text.startswith(THUMBS_UP):
            return True
        if folded in _NO or text.startswith(THUMBS_DOWN):
            return False
        raise InvalidAnswer(texts.survey_hint("yesno", None, None, 0))
    if question.kind == "scale":
        assert question.min is not None and question.max is not None
        value = _number(text)
        if value is None or not question.min <= value <= question.max:
            raise InvalidAnswer(texts.survey_hint("scale", question.min, question.max, 0))
        return value
    count = len(question.options)
    by_name = {_fold(option): index for index, option in enumerate(question.options, start=1)}
    if question.kind == "choice":
        value = _number(text)
        if value is None:
            value = by_name.get(_fold(text))
        if value is None or not 1 <= value <= count:
            raise InvalidAnswer(texts.survey_hint("choice", None, None, count))
        return value
    chosen: set[int] = set()
    for token in (t for t in _SEPARATORS.split(text) if t):
        value = _number(token)
        if value is None or not 1 <= value <= count:
            whole = by_name.get(_fold(text))
            if whole is not None:
                return [whole]
            raise InvalidAnswer(texts.survey_hint("multi", None, None, count))
        chosen.add(value)
    if not chosen:
        raise InvalidAnswer(texts.survey_hint("multi", None, None, count))
    return sorted(chosen)


def render_question(survey: Survey, index: int, *, with_intro: bool = False) -> str:
    question = survey.questions[index]
    return texts.survey_question(
        title=survey.title,
        intro=survey.intro if with_intro else None,
        number=index + 1,
        total=len(survey.questions),
        text=question.text,
        kind=question.kind,
        low=question.min,
        high=question.max,
        options=question.options,
        optional=question.optional,
    )


def preview(survey: Survey) -> str:
    """The whole survey as an agent would see it, question after question (!survey show)."""
    parts = [render_question(survey, i, with_intro=i == 0) for i in range(len(survey.questions))]
    return "\n\n---\n\n".join(parts)


# Schedule ---------------------------------------------------------------------------------


def easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def french_holidays(year: int) -> set[date]:
    sunday = easter(year)
    fixed = [(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)]
    days = {date(year, month, day) for month, day in fixed}
    days |= {sunday + timedelta(days=1), sunday + timedelta(days=39), sunday + timedelta(days=50)}
    return days


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in french_holidays(day.year)

"""Survey definitions (TOML, validation, clear errors), answers, rendering, holidays."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.app import Config, load_config
from bot.config import ConfigError
from handlers.surveys.definitions import (
    InvalidAnswer,
    SurveyError,
    easter,
    is_working_day,
    load_dir,
    parse_answer,
    parse_survey,
    preview,
    reaction_text,
    render_question,
)

DATA = Path(__file__).parents[1] / "data" / "surveys"
ISSUE_EXAMPLE = """
id = "mensuel-2026-12"
title = "Votre avis sur l'Assistant IA"
intro = "Trois questions, une minute."
version = 1
[[questions]]
id = "satisfaction"
kind = "scale"        # scale | choice | multi | yesno | text
text = "Êtes-vous satisfait(e) de l'assistant ?"
min = 1
max = 5
[[questions]]
id = "usage"
kind = "choice"
text = "Pour quoi l'utilisez-vous le plus ?"
options = ["Rédaction", "Recherche", "Synthèse", "Autre"]
[[questions]]
id = "commentaire"
kind = "text"
text = "Un commentaire ?"
optional = true
"""


def test_the_issue_example_parses() -> None:
    survey = parse_survey(ISSUE_EXAMPLE)
    assert survey.id == "mensuel-2026-12" and survey.version == 1
    assert [q.kind for q in survey.questions] == ["scale", "choice", "text"]
    assert survey.questions[2].optional and not survey.questions[0].optional


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (ISSUE_EXAMPLE.replace("max = 5", ""), "questions.0: Value error, a scale question needs"),
        (ISSUE_EXAMPLE.replace("max = 5", "max = 11"), "0 <= min < max <= 10"),
        (ISSUE_EXAMPLE.replace('kind = "choice"', 'kind = "poll"'), "questions.1.kind"),
        (
            ISSUE_EXAMPLE.replace('options = ["Rédaction", "Recherche", "Synthèse", "Autre"]', ""),
            "needs 2 to 10 options",
        ),
        (ISSUE_EXAMPLE.replace('id = "usage"', 'id = "satisfaction"'), "used twice"),
        (ISSUE_EXAMPLE.replace("optional = true", "optionnel = true"), "questions.2.optionnel"),
        (ISSUE_EXAMPLE.replace('title = "Votre', 'titre = "Votre'), "title: Field required"),
        (ISSUE_EXAMPLE.replace('id = "mensuel-2026-12"', 'id = "Mensuel 12"'), "id: String"),
        ('id = "x"\ntitle = "y"\nquestions = []', "questions: List should have at least 1"),
        ("id = ", "invalid TOML"),
        ("id = " + "[" * 20_000 + "]" * 20_000, "nested too deeply"),
        ("id = " + "{a = " * 10_000 + "1" + "}" * 10_000, "nested too deeply"),
    ],
)
def test_bad_definitions_say_where_and_why(source: str, expected: str) -> None:
    with pytest.raises(SurveyError) as caught:
        parse_survey(source, "mensuel.toml")
    assert str(caught.value).startswith("mensuel.toml: ")
    assert expected in str(caught.value)


def test_load_dir_names_every_bad_file(tmp_path: Path) -> None:
    (tmp_path / "ok.toml").write_text(ISSUE_EXAMPLE, encoding="utf-8")
    (tmp_path / "bad.toml").write_text(ISSUE_EXAMPLE.replace("max = 5", ""), encoding="utf-8")
    (tmp_path / "twice.toml").write_text(ISSUE_EXAMPLE, encoding="utf-8")
    with pytest.raises(SurveyError) as caught:
        load_dir(tmp_path)
    text = str(caught.value)
    assert "bad.toml: invalid survey" in text and "already defined by another file" in text
    assert "ok.toml" not in text
    assert load_dir(tmp_path / "missing") == {}
    assert set(load_dir(DATA)) == {"mensuel-test"}


def test_check_config_reports_bad_survey_files(tmp_path: Path) -> None:
    from bot.cli import check_config

    (tmp_path / "surveys").mkdir()
    (tmp_path / "surveys" / "bad.toml").write_text("id = 3", encoding="utf-8")
    config_file = tmp_path / "config.toml"
    config_file.write_text(
        '[matrix]\npassword = "x"\n[surveys]\ndir = "surveys"\n', encoding="utf-8"
    )
    problems = check_config(load_config(config_file, environ={}))
    assert any("bad.toml: invalid survey" in p for p in problems)


def test_schedule_is_validated_with_the_config() -> None:
    base = {"matrix": {"password": "x"}}
    with pytest.raises(ValueError, match="not a crontab line"):
        Config.model_validate({**base, "surveys": {"schedule": "every monday", "survey": "x"}})
    with pytest.raises(ValueError, match="must name the survey"):
        Config.model_validate({**base, "surveys": {"schedule": "0 10 1-14 * mon"}})
    with pytest.raises(ValueError, match="unknown time zone"):
        Config.model_validate({**base, "surveys": {"timezone": "Europe/Lutece"}})
    assert ConfigError  # the CLI turns these into exit code 2


def test_answers_of_every_kind() -> None:
    survey = load_dir(DATA)["mensuel-test"][0]
    scale, choice, multi, yesno, text = survey.questions
    assert parse_answer(scale, " 4 ") == 4
    assert parse_answer(scale, "4️⃣") == 4
    assert parse_answer(choice, "2") == 2
    assert parse_answer(choice, "synthese") == 3  # an option's name, accents folded
    assert parse_answer(multi, "1,3") == [1, 3]
    assert parse_answer(multi, "3 et 1") == [1, 3]
    assert parse_answer(multi, "2; 2") == [2]
    assert parse_answer(yesno, "Oui") is True
    assert parse_answer(yesno, "non.") is False
    assert parse_answer(yesno, "👍") is True
    assert parse_answer(text, "  Très utile  ") == "Très utile"
    for question, reply, hint in [
        (scale, "6", "de 1 à 5"),
        (scale, "beaucoup", "de 1 à 5"),
        (choice, "5", "1 à 4"),
        (multi, "1,9", "séparés par des virgules"),
        (yesno, "peut-être", "oui"),
        (text, "   ", "Écrivez"),
    ]:
        with pytest.raises(InvalidAnswer, match=hint):
            parse_answer(question, reply)


def test_digit_reactions() -> None:
    assert reaction_text("3️⃣") == "3"
    assert reaction_text("3\u20e3") == "3"
    assert reaction_text("🔟") == "10"
    assert reaction_text("👍") == "oui"
    assert reaction_text("❤️") is None


def test_questions_are_rendered_in_french_with_numbered_options() -> None:
    survey = load_dir(DATA)["mensuel-test"][0]
    first = render_question(survey, 0, with_intro=True)
    assert "Votre avis sur l'Assistant IA" in first and "Cinq questions" in first
    assert "**Question 1/5**" in first and "de 1 à 5" in first and "!plus-tard" in first
    second = render_question(survey, 1)
    assert "1. Rédaction\n2. Recherche\n3. Synthèse\n4. Autre" in second
    assert "Cinq questions" not in second
    assert "facultative" in render_question(survey, 4)
    assert preview(survey).count("**Question") == 5


def test_french_working_days() -> None:
    assert easter(2026) == date(2026, 4, 5)
    assert easter(2027) == date(2027, 3, 28)
    assert not is_working_day(date(2026, 4, 6))  # Easter Monday, the first Monday of April
    assert not is_working_day(date(2026, 5, 25))  # Whit Monday
    assert not is_working_day(date(2026, 12, 5))  # a Saturday
    assert is_working_day(date(2026, 12, 7))

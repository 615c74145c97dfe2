"""Template definitions (TOML, validation, French errors), names as agents type them, the armed
template's record, and the examples shipped."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.app import Config
from handlers.templates import texts
from handlers.templates.config import EXAMPLES_DIR
from handlers.templates.definitions import (
    MAX_FILE_BYTES,
    MAX_INSTRUCTIONS_CHARS,
    MAX_TEMPLATES,
    TemplateError,
    find,
    load_dir,
    parse_template,
)
from storage.db import Database
from storage.templates import ArmedTemplateRepository

GOOD = """
name = "Note de synthèse"
description = "Une note pour un responsable."
instructions = \"\"\"
Rédige une note de synthèse.
\"\"\"
"""


def write(folder: Path, name: str, source: str | bytes) -> Path:
    path = folder / name
    if isinstance(source, bytes):
        path.write_bytes(source)
    else:
        path.write_text(source, encoding="utf-8")
    return path


def test_a_good_file_gives_its_fields_and_its_id_from_the_file_name() -> None:
    template = parse_template(GOOD, "note-de-synthese")
    assert template.id == "note-de-synthese"
    assert template.name == "Note de synthèse"
    assert template.description == "Une note pour un responsable."
    assert template.instructions == "Rédige une note de synthèse."  # stripped


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('name = "x"\ndescription = "y"', "instructions\u00a0: champ obligatoire manquant"),
        (GOOD + 'auteur = "moi"\n', "auteur\u00a0: champ inconnu"),
        (GOOD + 'id = "autre"\n', "id\u00a0: champ inconnu"),  # the id is the file's name
        (GOOD.replace('"Note de synthèse"', "3"), "name\u00a0: doit être un texte"),
        (GOOD.replace('"Note de synthèse"', '"   "'), "name\u00a0: ne peut pas être vide"),
        (GOOD.replace('"Note de synthèse"', '"' + "a" * 81 + '"'), "name\u00a0: trop long (80"),
        (GOOD.replace('"Note de synthèse"', '"Note\\nsur deux"'), "doit tenir sur une ligne"),
        (GOOD.replace('"Note de synthèse"', '"—"'), "de 1 à 12 mots"),
        (GOOD.replace('"Une note pour un responsable."', '"\\u001f"'), "caractère de contrôle"),
        (GOOD.replace("Rédige", "\\u0007Rédige"), "instructions\u00a0: caractère de contrôle"),
        ("name = ", "TOML invalide\u00a0:"),
        ("[" * 5000, "TOML invalide"),
    ],
)
def test_every_problem_is_said_in_french_with_its_field(source: str, expected: str) -> None:
    with pytest.raises(TemplateError) as caught:
        parse_template(source, "gabarit")
    assert expected in str(caught.value)


def test_instructions_are_bounded_and_the_file_too() -> None:
    at_limit = GOOD.replace("Rédige une note de synthèse.", "x" * MAX_INSTRUCTIONS_CHARS)
    assert len(parse_template(at_limit, "a").instructions) == MAX_INSTRUCTIONS_CHARS
    over = GOOD.replace("Rédige une note de synthèse.", "x" * (MAX_INSTRUCTIONS_CHARS + 1))
    with pytest.raises(TemplateError, match="instructions\u00a0: trop long \\(4000"):
        parse_template(over, "a")
    with pytest.raises(TemplateError, match="fichier trop gros"):
        parse_template(GOOD + "#" + "é" * (MAX_FILE_BYTES // 2), "a")


def test_the_file_name_must_be_an_id_agents_can_type() -> None:
    for bad in ("Note", "note_de_synthese", "é", "-note", "a" * 49, ""):
        with pytest.raises(TemplateError, match="nom de fichier invalide"):
            parse_template(GOOD, bad)


def test_a_bad_file_is_refused_with_its_reason_and_the_others_load(tmp_path: Path) -> None:
    write(tmp_path, "a-bon.toml", GOOD)
    write(tmp_path, "b-casse.toml", 'name = "Casse"\ndescription = "x"\ninstructions = ')
    write(tmp_path, "c-latin1.toml", GOOD.replace("Note", "Nöte").encode("latin-1"))
    write(tmp_path, "d-gros.toml", GOOD + "#" * MAX_FILE_BYTES)
    write(tmp_path, "e-meme-nom.toml", GOOD.replace("Note de synthèse", "NOTE de synthese"))
    write(tmp_path, "Majuscules.toml", GOOD.replace("Note de synthèse", "Autre"))
    write(tmp_path, "f-autre.toml", GOOD.replace("Note de synthèse", "Autre"))
    write(tmp_path, "ignore.txt", "pas un gabarit")
    loaded = load_dir(tmp_path)
    assert list(loaded.templates) == ["a-bon", "f-autre"]
    reasons = dict(loaded.problems)
    assert set(reasons) == {
        "b-casse.toml",
        "c-latin1.toml",
        "d-gros.toml",
        "e-meme-nom.toml",
        "Majuscules.toml",
    }
    assert reasons["b-casse.toml"].startswith("TOML invalide")
    assert reasons["c-latin1.toml"] == texts.NOT_UTF8
    assert "fichier trop gros" in reasons["d-gros.toml"]
    assert "déjà celui de `a-bon.toml`" in reasons["e-meme-nom.toml"]
    assert "nom de fichier invalide" in reasons["Majuscules.toml"]


def test_the_number_of_templates_is_bounded(tmp_path: Path) -> None:
    for index in range(MAX_TEMPLATES + 2):
        write(tmp_path, f"g{index:03d}.toml", GOOD.replace("Note de synthèse", f"Gabarit {index}"))
    loaded = load_dir(tmp_path)
    assert len(loaded.templates) == MAX_TEMPLATES
    assert [name for name, _ in loaded.problems] == ["g050.toml", "g051.toml"]


def test_an_unreadable_file_or_a_missing_folder_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    assert load_dir(tmp_path / "absent").problems == [(str(tmp_path / "absent"), texts.NO_FOLDER)]
    write(tmp_path, "a.toml", GOOD)
    os.symlink(tmp_path / "nulle-part.toml", tmp_path / "b.toml")  # a dangling link
    loaded = load_dir(tmp_path)
    assert list(loaded.templates) == ["a"]
    [(name, reason)] = loaded.problems
    assert name == "b.toml" and reason.startswith("lecture impossible")


def test_names_are_found_without_accents_case_or_dashes_and_the_longest_wins(
    tmp_path: Path,
) -> None:
    write(tmp_path, "note.toml", GOOD.replace("Note de synthèse", "Note"))
    write(tmp_path, "note-de-synthese.toml", GOOD)
    write(tmp_path, "courrier-falc.toml", GOOD.replace("Note de synthèse", "Courrier en FALC"))
    templates = load_dir(tmp_path).templates
    assert list(templates) == ["courrier-falc", "note", "note-de-synthese"]

    def ids(text: str) -> tuple[str, str] | None:
        found = find(templates, text)
        return (found[0].id, found[1]) if found else None

    assert ids("note de synthèse") == ("note-de-synthese", "")
    assert ids("NOTE DE SYNTHESE : voici mes notes") == ("note-de-synthese", "voici mes notes")
    assert ids("note-de-synthese\nligne 1\nligne 2") == ("note-de-synthese", "ligne 1\nligne 2")
    assert ids("note sur le budget") == ("note", "sur le budget")
    assert ids("Courrier en FALC Madame, ...") == ("courrier-falc", "Madame, ...")
    assert ids("courrier-falc") == ("courrier-falc", "")
    assert ids("1") == ("courrier-falc", "")  # its number in the list
    assert ids("3 suite") == ("note-de-synthese", "suite")
    assert ids("4") is None and ids("0") is None
    assert ids("compte rendu") is None and ids("") is None and ids("!!") is None
    # The start of one name only.
    assert ids("courrier") == ("courrier-falc", "")
    assert ids("Courrier : Madame X") == ("courrier-falc", "Madame X")
    two = {"note-a": templates["note"], "note-b": templates["note-de-synthese"]}
    assert find(two, "Note") is not None  # "Note" is a whole name
    (tmp_path / "note.toml").unlink()
    write(tmp_path, "note-breve.toml", GOOD.replace("Note de synthèse", "Note brève"))
    templates = load_dir(tmp_path).templates
    assert ids("note") is None  # the start of two names: ambiguous
    assert ids("note de") == ("note-de-synthese", "")
    assert ids("note brève à faire") == ("note-breve", "à faire")


def test_the_shipped_examples_load_and_are_used_by_default(tmp_path: Path) -> None:
    loaded = load_dir(EXAMPLES_DIR)
    assert loaded.problems == []
    assert set(loaded.templates) == {"note-de-synthese", "courrier-falc", "compte-rendu-reunion"}
    falc = loaded.templates["courrier-falc"]
    assert "facile à lire et à comprendre" in falc.description
    assert "\u00a0»" in falc.description  # French typography in what agents read
    config = Config.model_validate(
        {"matrix": {"user_id": "@a:b", "password": "x"}, "llm": {"api_key": "k"}}
    ).resolve_paths(tmp_path)
    assert config.templates.dir == EXAMPLES_DIR
    relative = Config.model_validate(
        {
            "matrix": {"user_id": "@a:b", "password": "x"},
            "llm": {"api_key": "k"},
            "templates": {"dir": "gabarits"},
        }
    ).resolve_paths(tmp_path)
    assert relative.templates.dir == (tmp_path / "gabarits").resolve()


async def test_an_armed_template_goes_to_one_question_only(tmp_path: Path) -> None:
    async with Database(tmp_path / "db.sqlite3") as db:
        repo = ArmedTemplateRepository(db)
        alice, room = "@alice:test", "!room:test"
        assert await repo.claim(alice, room, "$q1") is None
        await repo.arm(alice, room, "note")
        assert (await repo.get(alice, room)) is not None
        assert await repo.get(alice, "!other:test") is None  # per room
        assert await repo.claim(alice, room, "$q1") == "note"
        assert await repo.get(alice, room) is None  # used: nothing waits any more
        assert await repo.claim(alice, room, "$q1") == "note"  # the same question again
        assert await repo.claim(alice, room, "$q2") is None  # the next one: none
        assert await repo.claim(alice, room, "$q1") is None  # and the record is gone
        await repo.arm(alice, room, "falc")
        assert await repo.disarm(alice, room) is True
        assert await repo.disarm(alice, room) is False
        assert await repo.claim(alice, room, "$q3") is None
        await repo.arm(alice, room, "falc", "$q4")  # given at once to a question
        assert await repo.get(alice, room) is None
        assert await repo.claim(alice, room, "$q4") == "falc"

"""The personal-data guard on its measured weak spots (issue 18), rule by rule: addresses in
all their forms, genetic and biometric data of a person, institutional versus personal phone
numbers, names placed by the sentence's structure; and the third dev set that measures them."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

from devtools import (
    pii_corpus_dev3,
    pii_corpus_dev4,
    pii_corpus_dev5,
    pii_corpus_dev6,
    pii_corpus_dev7,
    pii_corpus_dev8,
)
from devtools.pii_eval import load_set
from handlers.privacy.pii import CATEGORIES, TOPICS, PiiDetector, find_table_cells, scan_text
from tests.unit.test_fuzz import DETECTORS, MESSAGE_MAX, _check_findings, fuzz, hostile

DETECTOR = PiiDetector(ner="off", cache_size=0)


def found(text: str, category: str) -> list[str]:
    scan = DETECTOR.scan(text)
    return [f.value for f in (*scan.identifiers, *scan.topics) if f.category == category]


# -- addresses -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Mme Bernard\nLa Borde\n76926 Maubeuge", "La Borde\n76926 Maubeuge"),
        (
            "Je soussigné Omar Boyer, demeurant Le Moulin Neuf\n27733 Poitiers, certifie…",
            "Le Moulin Neuf\n27733 Poitiers",
        ),
        ("Pour la visite à domicile : Les Rivières\n49326 Cluny", "Les Rivières\n49326 Cluny"),
        (
            "Merci d'envoyer l'arrêté à M. Costa, 65 quartier Sainte-Lucie, appt 17, 24975 Lunel.",
            "65 quartier Sainte-Lucie, appt 17, 24975 Lunel",
        ),
        (
            "L'usager réside lieudit le bois joli, 80942 marseille depuis mars.",
            "lieudit le bois joli, 80942 marseille",
        ),
        (
            "Nouvelle adresse : Bâtiment Les Iris\n133 chemin rural des Acacias\n07789 Hyères",
            "Bâtiment Les Iris\n133 chemin rural des Acacias\n07789 Hyères",
        ),
        (
            "Locataire : Mme Roussel - 07 47 83 60 36 - froussel@dgfip.finances.gouv.fr - "
            "15 chemin Pierre Mendès France 42567 Calais",
            "15 chemin Pierre Mendès France 42567 Calais",
        ),
        ("AISSAOUI Behiza, 40 quartier Sainte-Lucie 20233 Corte", "40 quartier Sainte-Lucie"),
        (
            "Mme Da Silva, 7 rés. Les Hortensias, bât C, 13010 Marseille",
            "7 rés. Les Hortensias, bât C, 13010 Marseille",
        ),
        (
            "12 rue de la Paix, 2ème étage, 75002 Paris",
            "12 rue de la Paix, 2ème étage, 75002 Paris",
        ),
        (
            "Résidence Les Pins - Bât. B - 4 allée des Roses, 75011 Paris",
            "Résidence Les Pins - Bât. B - 4 allée des Roses, 75011 Paris",
        ),
    ],
)
def test_home_addresses_in_their_forms(text: str, address: str) -> None:
    values = found(text, "adresse")
    assert any(address in value for value in values), (values, text)


@pytest.mark.parametrize(
    "text",
    [
        # An administration's letterhead: the address belongs to the office above it.
        "Ilona Benyamina\nGestionnaire RH\nDREAL\n24 rue du Lac\n41474 Vienne",
        "Accueil du public : 22 résidence de Bretagne - BP 780 - 63455 USSEL CEDEX.",
        "Réunion à la salle des fêtes, La Grange\n45000 Orléans",
        "Envoyer les dossiers à : Centre de gestion\nLe Parc\n69000 Lyon",
        "Livraison prévue : Les Ulis\n91940 Les Ulis",
    ],
)
def test_offices_and_places_are_not_homes(text: str) -> None:
    assert found(text, "adresse") == [], text


# -- phones ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Contactez le DRH au 05.03.04.65.48.",
        "Contactez le pôle usagers au 05-69-52-01-25.",
        "Emilie Guyot\nGestionnaire RH\nmaison France services de Sedan\n7 hameau des Prés\n"
        "64969 Saint-Amand\nTél. : +33 2 68 25 93 66",
        "mme sabri\ngestionnaire rh\nsdis\n41 ter rue louis aragon, cs 15477, 20250 lille cedex\n"
        "tél. : 01 49 03 10 84",
        "Préfecture du Rhône\n18 rue de Bonnel\n69003 Lyon\nTél. : 04 72 61 60 60",
        "Appelez le 01 45 67 89 10 (standard) pour prendre rendez-vous.",
    ],
)
def test_institutional_numbers_are_not_personal(text: str) -> None:
    assert found(text, "telephone") == [], text


@pytest.mark.parametrize(
    ("text", "number"),
    [
        # The agent's own line in a signature with only a service: theirs.
        ("Cordialement,\nJoris Durand\nservice des affaires scolaires\nTél : 04 05 83 02 23",
         "04 05 83 02 23"),
        ("Cordialement,\nClaire Martin\nGestionnaire paie\nLigne directe : 01 23 45 67 89",
         "01 23 45 67 89"),
        # A home address nearer than the word "Mairie" of its street.
        ("Coordonnées du locataire : Guyon Valentin, 130 rue de la Mairie 06618 Vence, "
         "09 21 77 83 12", "09 21 77 83 12"),
        ("Claire Martin\nChargée de mission\nDDT du Rhône\n165 rue Garibaldi\n69003 Lyon\n"
         "Portable : 06 12 34 56 78", "06 12 34 56 78"),
    ],
)  # fmt: skip
def test_personal_numbers_are_found(text: str, number: str) -> None:
    assert found(text, "telephone") == [number], text


# -- genetic and biometric data --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "L'usager a enregistré l'empreinte de son index sur la pointeuse.",
        "Ma collègue m'a confié qu'elle a fait scanner son iris.",
        "Le stagiaire passe par la reconnaissance de l'iris pour entrer en salle serveurs.",
        "M. Durand a reçu les résultats génétiques de son frère.",
        "Mon agent est porteur d'une anomalie génétique.",
        "Les empreintes de l'usager ont été comparées au fichier.",
        "Mon collègue : son visage a été scanné à l'entrée.",
    ],
)
def test_biometrics_of_a_person(text: str) -> None:
    assert found(text, "genetique_biometrie"), text


@pytest.mark.parametrize(
    "text",
    [
        "Mon service lance un marché de reconnaissance faciale.",
        "Il faut faire le relevé d'index du compteur de la mairie.",
        "Mon chef veut le relevé de main courante du commissariat.",
        "Notre collectivité réduit son empreinte carbone.",
        "La CNIL interdit le relevé des empreintes digitales des agents pour la cantine.",
    ],
)
def test_biometric_words_said_of_no_one(text: str) -> None:
    assert found(text, "genetique_biometrie") == [], text


# -- names by the sentence's structure -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("C'est Durand qui gère les astreintes ce week-end.", "Durand"),
        ("c'est nazim mahmoudi qui a les clés de la salle.", "nazim mahmoudi"),
        ("je suis nazim le amrouche, gestionnaire au service paie", "nazim le amrouche"),
        ("Je soussigné narimane campos, demeurant rue des Sources 20202 Corte", "narimane campos"),
        ("me toussaint a déposé ses conclusions.", "toussaint"),
        ("> me Delmas a déposé ses conclusions.", "Delmas"),
        ("Lisette a oublié son badge, tu peux lui ouvrir ?", "Lisette"),
        ("hier olivie m'a dit que le dossier était complet.", "olivie"),
        ("Pendant la réunion, Anka a dit qu'elle est candidate aux municipales.", "Anka"),
        ("Korichi Viviane est en arrêt pour une dépression.", "Korichi Viviane"),
        ("Pendant le pot, Akgöl a révélé qu'il a une liaison.", "Akgöl"),
        ("Mike fait partie du bureau de l'UNSA.", "Mike"),
        ("Aurore, tu peux relire ma note avant 17h ?", "Aurore"),
        ("Hier j'ai croisé Houda à la cantine.", "Houda"),
        ("Tu as des nouvelles de Margaud ?", "Margaud"),
        (
            "Objet : convocation\nM. Karim Haddad\n12 avenue Jean Jaurès\n13009 Lyon",
            "Karim Haddad",
        ),
        ("Merci à Marcos pour l'orga du pot !", "Marcos"),
        ("Numéro de Joris : 0696892070", "Joris"),
        ("adresse perso de clément schmitt : 92 ter rue du Midi 17690 Lunel", "clément schmitt"),
        ("Le chauffeur Youba a été flashé à 150.", "Youba"),
        ("Ilona Benyamina\nGestionnaire RH\nDREAL", "Ilona Benyamina"),
        ("Transmets mes remerciements à Sébastien et à Hélène Fournier.", "Sébastien"),
    ],
)
def test_names_placed_by_structure(text: str, name: str) -> None:
    assert name in found(text, "personne"), text


@pytest.mark.parametrize(
    "text",
    [
        "C'est la DRH qui décide. C'est lui qui signe. C'est Bercy qui décide.",
        "Il me semble, en effet. Merci de me dire, vite. Il faut me le dire.",
        "Elle m'a dit que c'était bon. Quelqu'un m'a appelé. La DRH m'a répondu.",
        "La CGT a déposé un préavis de grève pour jeudi.",
        "Pôle Emploi a dit que le dossier était complet. Le Monde a révélé que c'est prêt.",
        "Numéro de carte : 4724 8213 7514 7614. Adresse de la gendarmerie : 9 rue Neuve.",
        "Coordonnées de la candidate : à compléter.",
        "Voici le planning\nagent d'accueil le matin\nagent de sécurité le soir",
        "Merci d'avance\nGestionnaire RH\nMairie de Lyon",
        "je suis bien arrivée, merci. Je suis nouvelle, gestionnaire RH depuis lundi.",
        "Un contractuel milite chez Les Républicains, que dois-je faire ?",
        "L'agent m'a dit qu'il était absent.",
        "Numéro de la demande de subvention : 9392 1565 2588 9561",
        "mardi matin est libre. tout le monde a signé. pierre blanche est un lieu.",
        "Mon chef est absent. Chaque agent a droit. Lundi prochain est férié.",
        "J'ai croisé Pôle Emploi hier. Tu as des nouvelles de la DRH ?",
    ],
)
def test_structures_without_a_name(text: str) -> None:
    assert found(text, "personne") == [], text


# -- the third dev set -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def dev3() -> list[dict[str, Any]]:
    return load_set("dev3")


def test_dev3_is_what_its_generator_writes(tmp_path: Path) -> None:
    import faker

    if faker.VERSION != pii_corpus_dev3.MADE_WITH_FAKER:
        pytest.skip(f"made with faker {pii_corpus_dev3.MADE_WITH_FAKER}, not {faker.VERSION}")
    path = tmp_path / "dev3.jsonl"
    pii_corpus_dev3.write(pii_corpus_dev3.generate(), path)
    assert path.read_bytes() == pii_corpus_dev3.OUT.read_bytes(), (
        "python -m devtools.pii_corpus_dev3"
    )


def test_dev3_lines_are_well_formed(dev3: list[dict[str, Any]]) -> None:
    assert len(dev3) >= 800 and len({row["text"] for row in dev3}) == len(dev3)
    counts = pii_corpus_dev3.counts(dev3)
    for category in ("adresse", "genetique_biometrie", "telephone", "personne"):
        assert counts[category] >= 100, (category, counts)
    for row in dev3:
        text = row["text"]
        assert row["split"] == "dev3" and row["template"].startswith("dev3_"), row
        previous_end = 0
        pii: dict[str, list[str]] = {}
        for start, end, category in row["spans"]:
            assert category in CATEGORIES
            assert previous_end <= start < end <= len(text), (start, end, text)
            value = text[start:end]
            assert value == value.strip() and value.strip(".,;:") == value, (value, text)
            previous_end = end
            if category not in TOPICS:
                pii.setdefault(category, []).append(value)
        assert row["pii"] == pii
        json.dumps(row, ensure_ascii=False)


# -- the new rules on hostile text, at the largest message size --------------------------------

THIRD_ROUND_PIECES = [
    "C'est ", "c'est ", "Aa ", "aa ", " qui ", "me ", "Me ", "> ", "a dit que ", "m'a dit ",
    "est en congé ", "a oublié son ", "Gestionnaire RH\n", "Chargée de mission\n", "\n",
    "La Borde\n", "Les ", "76926 Maubeuge", "12345 ", "demeurant ", "appt 17, ", "2ème étage, ",
    " - BP 780 - ", "cs 15477, ", "(standard)", " - accueil", "Tél. : ", "01 23 45 67 89 ",
    "numéro de ", "adresse perso de ", " : ", "je suis ", "je soussigné ", ", gestionnaire ",
    "empreinte de son ", "scanner son iris ", "reconnaissance de l'", "ses empreintes ",
    "a été scanné ", "Aurore, tu ", "Merci à ", "j'ai croisé ", "quartier ", "lieudit ",
    "chemin rural des ", "12 rue Aa", " -", ", ", "Résidence Aa - ", "x@dgfip.fr ",
]  # fmt: skip


@pytest.mark.timeout(120)
@pytest.mark.parametrize("name", ["phones", "addresses", "names_by_rules", "topics"])
@fuzz(examples=8, deadline=10.0)
@given(text=hostile(MESSAGE_MAX, THIRD_ROUND_PIECES))
def test_each_detector_on_the_pieces_of_the_third_round(name: str, text: str) -> None:
    _check_findings(text, DETECTORS[name](text))


@pytest.mark.timeout(120)
@fuzz(examples=8, deadline=15.0)
@given(text=hostile(MESSAGE_MAX, THIRD_ROUND_PIECES))
def test_scan_text_on_the_pieces_of_the_third_round(text: str) -> None:
    scan = scan_text(text)
    _check_findings(text, scan.identifiers)
    _check_findings(text, scan.topics)


# -- sexual life said through a partner of the same gender; dates of birth (dev4) --------------


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Mon collègue vit avec son compagnon depuis dix ans.", "son compagnon"),
        ("elle s'est mariée avec sa compagne en juin", "sa compagne"),
        ("Pour info, Julien Moreau est pacsé avec Karim.", "pacsé avec"),
        ("M. Lefort et son mari viennent d'adopter un enfant.", "son mari"),
        ("Demande de congé : Sophie Durand se pacse avec Amandine en mai.", "pacse avec"),
        ("je suis pacsée avec ma compagne, ai-je droit au congé ?", "ma compagne"),
        ("La stagiaire demande un rapprochement de conjointe.", "conjointe"),
        ("Il a quitté sa femme pour un homme.", "quitté sa femme pour un homme"),
        ("giovanni tahraoui vit avec son petit ami", "son petit ami"),
        ("Pour info, Claire Petit est une femme trans.", "femme trans"),
        ("Ma collègue Sandrine Lopez nous a présenté son épouse hier.", "son épouse"),
        ("Le gardien et son compagnon habitent le logement de fonction.", "son compagnon"),
        ("Mail de Sarah Coulon : « ma copine est mutée à Lyon »", "ma copine"),
        ("Elle est en couple avec une collègue du service.", "en couple avec une collègue"),
        ("Mon agent vit en concubinage avec un homme.", "en concubinage avec un homme"),
        ("Julie et Sophie se sont pacsées en mai.", "se sont pacsées"),
    ],
)
def test_a_partner_of_the_same_gender_is_found(text: str, phrase: str) -> None:
    assert any(phrase in value for value in found(text, "vie_sexuelle")), DETECTOR.scan(text)


@pytest.mark.parametrize(
    "text",
    [
        "Mon collègue vit avec sa compagne depuis dix ans.",
        "elle s'est mariée avec son compagnon en juin",
        "Pour info, Julien Moreau est pacsé avec Sophie.",
        "Mme Lefort et son mari viennent d'adopter un enfant.",
        "Nicolas m'a confié qu'il vit avec sa compagne.",
        "Ma collègue m'a dit que son mari est muté à Lyon.",
        "Elle travaille avec son chef et sa femme.",
        "Elle a salué le maire et sa femme.",
        "Ma cheffe m'a demandé des nouvelles de ma femme.",
        "je suis marié avec Julie depuis 2019",
        "Elle vit avec une amie depuis son divorce.",
        "Il est en relation avec un agent de la préfecture.",
        "Il est marié à une infirmière.",
        "Il m'a présenté la fille de sa compagne.",
        "Elle connaît bien le fils de son compagnon.",
        "Je vis avec mon compagnon, quels papiers pour la CAF ?",  # the writer's gender is unknown
        "Combien de jours de congé pour un PACS dans la fonction publique ?",
        "Le mariage pour tous a été voté en 2013, fais-moi un résumé de la loi.",
        "Le formulaire demande le nom du conjoint ou du partenaire de PACS.",
        "Peut-on refuser un congé pour PACS à un agent contractuel ?",
    ],
)
def test_a_partner_of_the_other_gender_or_no_one_is_not(text: str) -> None:
    assert found(text, "vie_sexuelle") == [], DETECTOR.scan(text)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("igor huet, né le 17 janv. 1994, demande sa reprise d'ancienneté", "17 janv. 1994"),
        ("Fella Girard, n. le 14-11-1960, adjoint technique", "14-11-1960"),
        ("sa date de naissance est le 02/09/1967, il faut la corriger", "02/09/1967"),
        ("Petite question : Né(e) le : 17 mai 1999", "17 mai 1999"),
        ("Me Natacha Benyamina, née Abbes le 14-02-1966", "14-02-1966"),
        ("Nom;Prénom;Date de naissance\nThomas;Simão;2 décembre 1955", "2 décembre 1955"),
        ("| Nom | DDN |\n| Léa Roux | 03/03/85 |", "03/03/85"),
        ("Date et lieu de naissance : 13 sept. 1982 à Saint-Brieuc", "13 sept. 1982"),
        ("La stagiaire est née le 4 oct. 1997, elle est mineure ?", "4 oct. 1997"),
        ("Date de naissance (jj/mm/aaaa) : 03/03/1985", "03/03/1985"),
        ("date de naissance de l'agent : 1er mai 1990", "1er mai 1990"),
    ],
)
def test_dates_of_birth_in_their_forms(text: str, date: str) -> None:
    assert found(text, "date_naissance") == [date], DETECTOR.scan(text)


@pytest.mark.parametrize(
    "text",
    [
        "Le jumelage est né en 1988 d'une amitié entre deux maires.",
        "La médiathèque intercommunale est née le 23-12-2019 du regroupement de bibliothèques.",
        "Le festival, né en 1985, cherche des bénévoles.",
        "Nom;Date de création\nLe Relais;12/03/1985",
        "Commune;Nom;Date\nLyon;Le Relais;12/03/1985",
        "Date limite de dépôt : 15/03/2026",
    ],
)
def test_dates_that_are_no_ones_birth(text: str) -> None:
    assert found(text, "date_naissance") == [], DETECTOR.scan(text)


def test_names_in_a_table_and_a_maiden_name() -> None:
    assert found("Nom;Prénom;Date de naissance\nMaillot;Anis;19/01/1972", "personne") == [
        "Maillot",
        "Anis",
    ]
    assert "Abbes" in found("Mme Benyamina, née Abbes le 14/02/1966", "personne")
    assert found("Commune;Nom\nLyon;Le Relais", "personne") == []


@pytest.mark.parametrize(
    "text",
    [
        "Le contrat de prévoyance couvre-t-il l'invalidité ?",
        "Le service de médecine préventive change d'adresse, préviens les agents.",
        "Rédige une note sur la laïcité dans la fonction publique.",
        "Mon service gère les demandes de salles pour les associations cultuelles.",
    ],
)
def test_health_and_religion_said_of_services(text: str) -> None:
    scan = DETECTOR.scan(text)
    assert not scan.topics, scan


@pytest.fixture(scope="module")
def dev4() -> list[dict[str, Any]]:
    return load_set("dev4")


def test_dev4_is_what_its_generator_writes(tmp_path: Path) -> None:
    import faker

    if faker.VERSION != pii_corpus_dev4.MADE_WITH_FAKER:
        pytest.skip(f"made with faker {pii_corpus_dev4.MADE_WITH_FAKER}, not {faker.VERSION}")
    path = tmp_path / "dev4.jsonl"
    pii_corpus_dev4.write(pii_corpus_dev4.generate(), path)
    assert path.read_bytes() == pii_corpus_dev4.OUT.read_bytes(), (
        "python -m devtools.pii_corpus_dev4"
    )


def test_dev4_lines_are_well_formed(dev4: list[dict[str, Any]]) -> None:
    assert len(dev4) >= 600 and len({row["text"] for row in dev4}) == len(dev4)
    counts = pii_corpus_dev4.counts(dev4)
    assert counts["vie_sexuelle"] >= 120 and counts["date_naissance"] >= 120, counts
    look_alikes = [row for row in dev4 if "_neg" in row["template"] or "_other" in row["template"]]
    assert len(look_alikes) >= 200
    for row in dev4:
        text = row["text"]
        assert row["split"] == "dev4" and row["template"].startswith("dev4_"), row
        previous_end = 0
        pii: dict[str, list[str]] = {}
        for start, end, category in row["spans"]:
            assert category in CATEGORIES
            assert previous_end <= start < end <= len(text), (start, end, text)
            value = text[start:end]
            assert value == value.strip() and value.strip(".,;:") == value, (value, text)
            previous_end = end
            if category not in TOPICS:
                pii.setdefault(category, []).append(value)
        assert row["pii"] == pii
        json.dumps(row, ensure_ascii=False)


FOURTH_ROUND_PIECES = [
    "il ", "elle ", "Il ", "mon collègue ", "ma collègue ", "la stagiaire ", "l'agente ",
    "M. ", "Mme ", "Julien ", "Sophie ", "Aa ", "aa ", "vit avec ", "son compagnon ",
    "sa compagne ", "son mari ", "sa femme ", "pacsé avec ", "pacsée avec ", "se pacse avec ",
    "s'est mariée avec ", "son mariage avec ", "en couple avec ", "un homme ", "une femme ",
    "quitté sa femme pour ", "rapprochement de conjointe ", "est une femme trans ",
    "née ", "née Aa le ", "n. le ", "né(e) le : ", "DDN ", "date de naissance est le ",
    "17 janv. 1994", "03/03/85 ", "1985-03-03", "Nom;Prénom;Date de naissance\n", "Aa;Bb;",
    "| Nom | DDN |\n", "| Aa | ", " | ", ";", "|", "\n", " ", ", ", ". ", " : ", "« ", " »",
    "Le jumelage est né en ", "1988 ", "épouse ", "ép. ", "en couple avec une ", "collègue ",
    "se sont pacsées ", "Date de naissance (jj/mm/aaaa) : ", "date de naissance de l'agent : ",
    "partage sa vie avec ", "et ", "Mail de ",
]  # fmt: skip


@pytest.mark.timeout(120)
@pytest.mark.parametrize("name", ["birth_dates", "names_by_rules", "topics"])
@fuzz(examples=8, deadline=10.0)
@given(text=hostile(MESSAGE_MAX, FOURTH_ROUND_PIECES))
def test_each_detector_on_the_pieces_of_the_fourth_round(name: str, text: str) -> None:
    _check_findings(text, DETECTORS[name](text))


@pytest.mark.timeout(120)
@fuzz(examples=8, deadline=10.0)
@given(text=hostile(MESSAGE_MAX, FOURTH_ROUND_PIECES))
def test_table_cells_on_the_pieces_of_the_fourth_round(text: str) -> None:
    _check_findings(text, find_table_cells(text))


@pytest.mark.timeout(120)
@fuzz(examples=8, deadline=15.0)
@given(text=hostile(MESSAGE_MAX, FOURTH_ROUND_PIECES))
def test_scan_text_on_the_pieces_of_the_fourth_round(text: str) -> None:
    scan = scan_text(text)
    _check_findings(text, scan.identifiers)
    _check_findings(text, scan.topics)


# -- sexual life, orientation and gender identity in writers' own words (dev5) ----------------


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Pour info, Marc est ouvertement lesbienne, euh, gay.", "ouvertement"),
        ("tu savais que mon collègue est homo sexuel ?", "homo"),
        ("c'est un agent homo sexuel", "homo sexuel"),
        ("Ma collègue est sortie du placard l'an dernier.", "sortie du placard"),
        ("Le nouveau fait partie de la communauté LGBTQIA+.", "LGBTQIA+"),
        ("Mon voisin de bureau aime les hommes, il me l'a dit.", "aime les hommes"),
        ("Mon collègue s'est inscrit sur Grindr.", "Grindr"),
        ("La stagiaire est en transition, elle souhaite un autre prénom.", "en transition"),
        ("Mon agent a changé de prénom à l'état civil.", "a changé de prénom"),
        ("Ma collègue se fait mégenrer au guichet.", "mégenrer"),
        ("Il a été traité de pédé devant tout le monde.", "traité de pédé"),
        ("Elle est victime d'homophobie au travail.", "victime d'homophobie"),
        ("Le nouveau subit des insultes homophobes.", "subit des insultes homophobes"),
        ("Théo a deux mamans, quel parent sur la fiche ?", "a deux mamans"),
        ("Ma n+1 vit dans une famille homoparentale.", "une famille homoparentale"),
        ("Mon collègue trompe sa femme avec la comptable.", "trompe sa femme"),
        ("Elle a une relation extraconjugale avec son chef.", "extraconjugale"),
        ("Entretien : il fréquente un club échangiste.", "échangiste"),
        ("Note : elle a fait le choix de l'abstinence sexuelle.", "abstinence sexuelle"),
        ("Mon collègue couche avec sa cheffe.", "couche avec"),
        ("M. Roux vit avec son conjoint à Lyon.", "son conjoint"),
        ("Ma collègue est venue au pot avec sa chérie.", "sa chérie"),
        ("Le gardien part en vacances avec son ami de cœur.", "son ami de cœur"),
        ("Mme Durand est venue avec sa partenaire de PACS.", "sa partenaire de PACS"),
        ("Mon collègue vient d'emménager avec son mec.", "son mec"),
        ("Le nouveau vit avec son petit ami.", "son petit ami"),
        ("Nom : M. Paul Roux\nObservations : vit avec son compagnon", "son compagnon"),
        ("Ma collègue a une compagne depuis dix ans.", "une compagne"),
        ("Elle vit maritalement avec une femme.", "vit maritalement avec une femme"),
        ("elle est en couple avec une nana du service", "en couple avec une nana"),
        ("Mon collègue est PD, tout le monde le sait.", "est PD"),
        ("Mon collègue se travestit le week-end.", "se travestit"),
        ("il parle souvent de sa sexualité", "sa sexualité"),
        ("Il drague tous les hommes du service.", "drague tous les hommes"),
        ("Mon collègue fréquente des prostituées.", "fréquente des prostituées"),
        ("Elle se présente désormais comme homme.", "se présente désormais comme homme"),
        ("Son deadname apparaît encore dans le logiciel.", "deadname"),
        ("Mon agent a été surpris en plein ébat avec sa collègue.", "en plein ébat"),
    ],
)
def test_sexual_life_in_writers_words_is_found(text: str, phrase: str) -> None:
    assert any(phrase in value for value in found(text, "vie_sexuelle")), DETECTOR.scan(text)


@pytest.mark.parametrize(
    "text",
    [
        "Mon collègue couche avec sa fille tous les soirs à 20h.",
        "Il se couche avec un mal de tête.",
        "Il aime les femmes de sa vie : sa mère et sa sœur.",
        "il est sorti du placard à balais avec le seau",
        "Ma collègue est en transition professionnelle.",
        "Elle est en transition vers un poste de cheffe de service.",
        "Le maire et son homme de confiance sont arrivés.",
        "Elle est venue avec son partenaire de PACS.",
        "Il est venu avec sa partenaire de PACS.",
        "Elle a adopté un enfant avec son chéri.",
        "Le fils de ma collègue vient d'emménager avec sa compagne.",
        "Monsieur Petit se marie avec sa chérie en juin.",
        "Guide DGAFP : ne pas mégenrer les usagers au guichet.",
        "Procédure de changement de prénom à l'état civil en mairie.",
        "La marche des fiertés de Lyon aura lieu le 14 juin, fermer la rue.",
        "Formation « accueillir les familles homoparentales » pour la DRH.",
        "Le lycée Gay-Lussac de Lyon ferme le 3 juin.",
        "La maîtresse de CE1 de l'école part en retraite.",
        "La liaison ferroviaire Nantes-Paris est suspendue le 3 mai.",
        "Le formulaire demande le sexe (M/F) et la date d'arrivée.",
        "Quel genre de document faut-il joindre ?",
        "La conseillère d'orientation reçoit les élèves de 3e.",
        "Campagne de dépistage des infections sexuellement transmissibles à Lyon.",
        "Le congé de naissance est-il ouvert à la conjointe de la mère ?",
        "Elle a un compagnon depuis dix ans.",
        "Elle a une femme de ménage deux fois par semaine.",
        "Il a un copain au service informatique.",
        "La sexualité des adolescents : formation des infirmières scolaires.",
        "Le nouveau logiciel est-il compatible ?",
        "Ma collègue se présente comme une femme de terrain.",
        "Il aime les hommes politiques qui tiennent parole.",
        "Ma collègue lit des romans libertins du XVIIIe siècle.",
        "La charte interdit de consulter des sites pornographiques.",
    ],
)
def test_sexual_life_look_alikes_are_not(text: str) -> None:
    assert found(text, "vie_sexuelle") == [], DETECTOR.scan(text)


def test_a_verb_or_a_partner_noun_is_no_name() -> None:
    assert found("ma binome se marie avec son epouse en juin", "personne") == []
    assert found("M. Lefebvre demande trois jours pour se pacser avec son jules.", "personne") == [
        "Lefebvre"
    ]


@pytest.fixture(scope="module")
def dev5() -> list[dict[str, Any]]:
    return load_set("dev5")


def test_dev5_is_what_its_generator_writes(tmp_path: Path) -> None:
    import faker

    if faker.VERSION != pii_corpus_dev5.MADE_WITH_FAKER:
        pytest.skip(f"made with faker {pii_corpus_dev5.MADE_WITH_FAKER}, not {faker.VERSION}")
    path = tmp_path / "dev5.jsonl"
    pii_corpus_dev5.write(pii_corpus_dev5.generate(), path)
    assert path.read_bytes() == pii_corpus_dev5.OUT.read_bytes(), (
        "python -m devtools.pii_corpus_dev5"
    )


def test_dev5_lines_are_well_formed(dev5: list[dict[str, Any]]) -> None:
    assert len(dev5) >= 500 and len({row["text"] for row in dev5}) == len(dev5)
    assert pii_corpus_dev5.counts(dev5)["vie_sexuelle"] >= 250
    look_alikes = [row for row in dev5 if "vie_sexuelle" not in row["topics"]]
    assert len(look_alikes) >= 200
    assert len({row["template"] for row in dev5 if "vie_sexuelle" in row["topics"]}) >= 20
    for row in dev5:
        text = row["text"]
        assert row["split"] == "dev5" and row["template"].startswith("dev5_"), row
        previous_end = 0
        pii: dict[str, list[str]] = {}
        for start, end, category in row["spans"]:
            assert category in CATEGORIES
            assert previous_end <= start < end <= len(text), (start, end, text)
            value = text[start:end]
            assert value == value.strip() and value.strip(".,;:") == value, (value, text)
            previous_end = end
            if category not in TOPICS:
                pii.setdefault(category, []).append(value)
        assert row["pii"] == pii
        json.dumps(row, ensure_ascii=False)


FIFTH_ROUND_PIECES = [
    "il ", "elle ", "mon collègue ", "le nouveau ", "la nouvelle ", "le fils de ", "ma collègue ",
    "M. ", "Mme ", "Aa ", "aa ", "Nom : ", "Observations : ", "\n", "est ", "ouvertement ",
    "homo ", "sexuel ", "lesbiène ", "sortie du placard ", "du placard à ", "aime les hommes ",
    "de ", "sur Grindr ", "inscrit ", "plans ", "en transition ", "en cours de ", "a changé de ",
    "prénom ", "mégenré ", "se fait ", "traité de ", "sale ", "pédé ", "victime d'", "homophobie ",
    "subit des ", "insultes ", "homophobes ", "deux mamans ", "famille homoparentale ",
    "co-mère ", "couche avec ", "sa fille ", "son ", "sa ", "trompe sa femme ", "extraconjugale ",
    "échangisme ", "abstinence sexuelle ", "son conjoint ", "sa chérie ", "son ami de cœur ",
    "sa partenaire de PACS ", "son partenaire de PACS ", "son homme ", "de confiance ",
    "son mec ", "son jules ", "se marie avec ", "un enfant avec ", "LGBTQIA+ ", "+", " ", ", ",
    ". ", " : ", "« ", " »", "a ", "avec ", "a une ", "un compagnon ", "vit maritalement ",
    "une nana ", "est PD ", "se travestit ", "sa sexualité ",
]  # fmt: skip


@pytest.mark.timeout(120)
@pytest.mark.parametrize("name", ["names_by_rules", "topics"])
@fuzz(examples=8, deadline=10.0)
@given(text=hostile(MESSAGE_MAX, FIFTH_ROUND_PIECES))
def test_each_detector_on_the_pieces_of_the_fifth_round(name: str, text: str) -> None:
    _check_findings(text, DETECTORS[name](text))


@pytest.mark.timeout(120)
@fuzz(examples=8, deadline=15.0)
@given(text=hostile(MESSAGE_MAX, FIFTH_ROUND_PIECES))
def test_scan_text_on_the_pieces_of_the_fifth_round(text: str) -> None:
    scan = scan_text(text)
    _check_findings(text, scan.identifiers)
    _check_findings(text, scan.topics)


# -- couples said otherwise, whole addresses, look-alikes of health and religion (dev6) --------


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # Two people named together: the owner's gender from the name before "et".
        ("Natacha Machado et sa concubine Marie viendront au repas.", "sa concubine"),
        ("Invitation envoyée à Gilles et à son partenaire Théophile.", "son partenaire"),
        ("Invitation envoyée à LE DEVAUX Olivier et à son partenaire Antoine.", "son partenaire"),
        # The partner named before the owner.
        ("Jeanne, l'épouse de Francesca Guichard, a appelé.", "l'épouse"),
        ("Mourad, le petit ami de M Pirlot, a appelé.", "le petit ami"),
        ("on a croisé anne, la compagne de mila, à la fête", "la compagne"),
        ("On a croisé Angelina, la concubine de Rose-Marie, hier.", "la concubine"),
        ("Olivier (le mari de mon collègue Paul) est passé.", "le mari"),
        # The owner's gender from an agreement after "est", or a person noun before a name.
        ("Miriam est venue avec sa femme, Patricia, au pot de départ.", "sa femme"),
        ("Dominique est heureux avec son mari, il nous l'a présenté hier.", "son mari"),
        ("Ma collègue Lou vit maritalement avec une femme.", "vit maritalement avec une femme"),
        # Nouns of both genders, friends in a couple frame, another man or woman.
        ("Camille m'a dit qu'il vivait avec son partenaire depuis longtemps.", "son partenaire"),
        ("Marc s'est pacsé avec son ami Julien.", "son ami"),
        ("Claire est en couple avec son amie.", "son amie"),
        ("Narimane est mariée à une autre femme.", "mariée à une autre femme"),
        # Two people joined by a union.
        ("Le mariage de Anthony Rey et Monsieur Mohamed Clément aura lieu en juin.", "mariage de"),
        ("Mlle Carine Jacob et Célestine Pelletier ont signé un PACS.", "ont signé un PACS"),
        ("Mlle Ikhlef a conclu un PACS avec Mlle Pauwels en janvier.", "PACS avec"),
        ("Nadia a épousé Sarah en 2019.", "a épousé"),
        ("Elle a épousé une femme l'an dernier.", "a épousé une femme"),
        ("Claire, l'épouse de Sandrine Morel, travaille à la mairie.", "l'épouse"),
        ("Un agent trans demande à utiliser son prénom d'usage.", "agent trans"),
        # An orientation declared in a form.
        ("Nom : VALETTE Clara\nOrientation sexuelle déclarée : lesbienne", "lesbienne"),
        ("Agent : Sahra Desrosiers - orientation : bi (déclarée)", "bi"),
    ],
)
def test_couples_said_otherwise_are_found(text: str, phrase: str) -> None:
    assert phrase in found(text, "vie_sexuelle"), DETECTOR.scan(text)


@pytest.mark.parametrize(
    "text",
    [
        "Le mari de la boulangère a repris le commerce.",
        "La femme de ménage passe le mardi.",
        "Natacha Machado et son compagnon Marc viendront au repas.",
        "Jeanne, le compagnon de Francesca Guichard, a appelé.",
        "Paul, le mari de Mme Roux, a appelé.",
        "La mairie et son partenaire institutionnel signent la convention.",
        "Paul et sa partenaire de tennis ont gagné le tournoi.",
        "Marc part en vacances avec son ami Julien.",
        "Alix s'est marie avec son epouse cet ete.",
        "Me de la Moreau est en couple avec son épouse et il demande une mutation.",
        "Le mariage de M. Roux et Mme Petit aura lieu en juin.",
        "M. Roux est pacsé avec Mme Lefèvre.",
        "Marc a épousé Sarah en 2019.",
        "Son épouse Sarah est venue.",
        "Les agents trans ont droit au prénom d'usage, rappelle la note.",
        "Quelle orientation donner au projet ? Orientation : sud-est.",
        "Comment déclarer son partenaire de PACS dans le formulaire de la CAF ?",
    ],
)
def test_couples_of_two_genders_and_look_alikes_are_left_alone(text: str) -> None:
    assert found(text, "vie_sexuelle") == [], DETECTOR.scan(text)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "J'habite 98 rue du Lac, BP 68902, 14667 Sainte-Eloïse Cedex depuis mars.",
            "98 rue du Lac, BP 68902, 14667 Sainte-Eloïse Cedex",
        ),
        (
            "VALETTE Rym est domiciliée 36 rue du Puits, CS 4511, 20110 Propriano Cedex.",
            "36 rue du Puits, CS 4511, 20110 Propriano Cedex",
        ),
        (
            "domicile de l'agent : 30 b impasse de l'abbaye - appt 36 - 50858 didier",
            "30 b impasse de l'abbaye - appt 36 - 50858 didier",
        ),
        (
            "mon adresse personnelle : 30 route jacques prévert, apt 40, 82486 lambert",
            "30 route jacques prévert, apt 40, 82486 lambert",
        ),
        (
            "Mon adresse : 12 bis rue des Lilas, Bât. B, Appt 24, 69003 Lyon",
            "12 bis rue des Lilas, Bât. B, Appt 24, 69003 Lyon",
        ),
        (
            "Adresse personnelle : Lotissement Les Hauts, 17 impasse des Pins, 97122 Baie-Mahault",
            "Lotissement Les Hauts, 17 impasse des Pins, 97122 Baie-Mahault",
        ),
        (
            "Domicilié 14 rue Victor Hugo, Résidence du Parc, Esc. 2, 33000 Bordeaux",
            "14 rue Victor Hugo, Résidence du Parc, Esc. 2, 33000 Bordeaux",
        ),
    ],
)
def test_whole_addresses_with_a_box_or_a_door(text: str, address: str) -> None:
    assert found(text, "adresse") == [address], DETECTOR.scan(text)


@pytest.mark.parametrize(
    "text",
    [
        "Envoyez votre dossier à : Caisse d'allocations familiales\n12 rue des Écoles\nCS 12345"
        "\n75000 Paris Cedex",
        "Envoyez votre dossier à : Rectorat\n28 rue des Écoles\nCS 30001\n35000 Rennes Cedex",
        "Nouvelle adresse : 12 rue de la Gare, CS 40001, 35000 Rennes Cedex",
    ],
)
def test_offices_with_a_box_are_no_ones_home(text: str) -> None:
    """Also: the words of a street's name stay on its line ("CS" below is no street name)."""
    scan = DETECTOR.scan(text)
    assert not [f for f in scan.identifiers if f.category in ("adresse", "personne")], scan


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Le congé de Noël commence le 10 décembre pour les écoles.", "personne"),
        ("Le marché de Noël de Pau s'installe sur la place.", "personne"),
        ("On se voit à la Toussaint.", "personne"),
        ("Le congé pour la fête de l'Aïd peut-il être accordé par la DRH ?", "religion"),
        ("Le temple protestant de Nancy est classé monument historique.", "religion"),
        ("La chapelle catholique de l'hôpital est fermée.", "religion"),
    ],
)
def test_feasts_and_buildings_are_no_ones(text: str, category: str) -> None:
    assert found(text, category) == [], DETECTOR.scan(text)


@pytest.mark.parametrize(
    ("text", "category", "phrase"),
    [
        ("J'ai vu Noël Mamère hier.", "personne", "Noël Mamère"),
        ("Zorlu Sarah colle des affiches pour le PS : peut-il siéger ?", "opinion_politique", ""),
        ("monsieur durand a pris sa carte à solidaires.", "syndicat", "carte à solidaires"),
        ("je pense que sandrine est élue sud au csa", "syndicat", "élue sud au csa"),
        ("je pense que mlle bernard milite à l'unsa", "syndicat", "milite à l'unsa"),
        ("Paul prend sa journée : sa femme est hospitalisée.", "sante", "hospitalisée"),
    ],
)
def test_sixth_round_kept_or_found(text: str, category: str, phrase: str) -> None:
    values = found(text, category)
    assert values and (not phrase or phrase in values), DETECTOR.scan(text)


@pytest.fixture(scope="module")
def dev6() -> list[dict[str, Any]]:
    return load_set("dev6")


def test_dev6_is_what_its_generator_writes(tmp_path: Path) -> None:
    import faker

    if faker.VERSION != pii_corpus_dev6.MADE_WITH_FAKER:
        pytest.skip(f"made with faker {pii_corpus_dev6.MADE_WITH_FAKER}, not {faker.VERSION}")
    path = tmp_path / "dev6.jsonl"
    pii_corpus_dev6.write(pii_corpus_dev6.generate(), path)
    assert path.read_bytes() == pii_corpus_dev6.OUT.read_bytes(), (
        "python -m devtools.pii_corpus_dev6"
    )


def test_dev6_lines_are_well_formed(dev6: list[dict[str, Any]]) -> None:
    assert len(dev6) >= 700 and len({row["text"] for row in dev6}) == len(dev6)
    counts = pii_corpus_dev6.counts(dev6)
    assert counts["vie_sexuelle"] >= 200 and counts["adresse"] >= 150
    look_alikes = [row for row in dev6 if "_neg" in row["template"] or "_other" in row["template"]]
    assert len(look_alikes) >= 250
    multiline = 0
    for row in dev6:
        text = row["text"]
        assert row["split"] == "dev6" and row["template"].startswith("dev6_"), row
        previous_end = 0
        pii: dict[str, list[str]] = {}
        for start, end, category in row["spans"]:
            assert category in CATEGORIES
            assert previous_end <= start < end <= len(text), (start, end, text)
            value = text[start:end]
            assert value == value.strip() and value.strip(".,;:") == value, (value, text)
            previous_end = end
            if category not in TOPICS:
                pii.setdefault(category, []).append(value)
            if category == "adresse":
                # Whole addresses: a street or a box, and a postcode with its town.
                assert any(c.isdigit() for c in value[:6]) or value[:1].isalpha(), value
                assert sum(c.isdigit() for c in value) >= 5, value
                multiline += "\n" in value
        assert row["pii"] == pii
        json.dumps(row, ensure_ascii=False)
    assert multiline >= 20


SIXTH_ROUND_PIECES = [
    "Paul ", "paul ", "Marie ", "M. ", "Mme ", "Me ", "Dr ", "LE DEVAUX ", "Rose-Marie ", "de la ",
    " et ", " et à ", " avec ", ", ", " (", ") ", "le compagnon de ", "la compagne de ",
    "l'épouse de ", "le mari de ", "la femme de ", "de ménage ", "le partenaire de ",
    "son partenaire ", "sa partenaire ", "institutionnel ", "de tennis ", "son ami ", "son amie ",
    "s'est pacsé ", "pacsée ", "en couple ", "vit maritalement ", "avec une autre femme ",
    "un homme ", "est venue ", "est heureux ", "heureuse ", "le mariage de ", "le pacs de ",
    "ont signé un PACS ", "se sont pacsés ", "a conclu un PACS avec ", "Orientation sexuelle ",
    "déclarée ", ": ", "lesbienne ", "bi ", "gay ", "qui est ", "ma collègue ", "Lou ",
    "12 rue des Écoles", "\n", "CS 12345", "BP 40", "75000 Paris", " Cedex", "appt 3 ", " - ",
    "domicilié ", "j'habite ", "Caisse ", "Rectorat ", "congé de Noël ", "Noël ", "Toussaint ",
    "peut-il ", "temple protestant ", "carte à solidaires ", "élue sud au csa ", "milite ",
    "a épousé ", "agent trans ", "Lotissement Les Hauts", "Bât. B", "Esc. 2", "2e étage",
    "pacsé avec ", "dany ", "est lesbienne ", "vit en couple ", "Noémi dos Bastin ",
]  # fmt: skip


@pytest.mark.timeout(120)
@pytest.mark.parametrize("name", ["names_by_rules", "topics", "addresses"])
@fuzz(examples=8, deadline=10.0)
@given(text=hostile(MESSAGE_MAX, SIXTH_ROUND_PIECES))
def test_each_detector_on_the_pieces_of_the_sixth_round(name: str, text: str) -> None:
    _check_findings(text, DETECTORS[name](text))


@pytest.mark.timeout(120)
@fuzz(examples=8, deadline=15.0)
@given(text=hostile(MESSAGE_MAX, SIXTH_ROUND_PIECES))
def test_scan_text_on_the_pieces_of_the_sixth_round(text: str) -> None:
    scan = scan_text(text)
    _check_findings(text, scan.identifiers)
    _check_findings(text, scan.topics)


def test_a_list_of_complete_addresses_stays_a_list() -> None:
    text = "Nos adresses perso : 12 rue Nationale 75000 Paris\n14 rue Carnot 69000 Lyon"
    assert found(text, "adresse") == ["12 rue Nationale 75000 Paris", "14 rue Carnot 69000 Lyon"]


# -- seventh round (issue 18, test3 read as dev material) ---------------------------------------


@pytest.mark.parametrize(
    ("text", "card"),
    [
        # "n°" after a card word is the card's, not a file's.
        ("payé avec sa carte bancaire perso n° 5320 6465 0604 2482, à rembourser",
         "5320 6465 0604 2482"),
        ("payé avec sa carte bancaire perso n° 3746 319663 55315 (Amex)", "3746 319663 55315"),
        ("Carte Visa numéro : 4153589534778229", "4153589534778229"),
        ("sa carte : 4532.0151.1283.0366", "4532.0151.1283.0366"),
        # An expiry date or a security code after the number says a card.
        ("réf. commande 4532 0151 1283 0366 exp 03/27", "4532 0151 1283 0366"),
    ],
)  # fmt: skip
def test_card_numbers_in_their_layouts(text: str, card: str) -> None:
    assert found(text, "carte") == [card]


@pytest.mark.parametrize(
    "text",
    [
        "dossier n° 4532 0151 1283 0366 en cours",
        "payé par carte, dossier n° 4532 0151 1283 0366 en cours",
        "Ticket n° 4532.0151.1283.0366 clos.",
    ],
)
def test_file_numbers_that_pass_luhn_stay_out(text: str) -> None:
    assert found(text, "carte") == []


@pytest.mark.parametrize(
    ("text", "personal"),
    [
        ("Transfère la demande à la boîte badges@ville-arles.fr, elle gère les badges.", []),
        ("Transfère à la boîte bdges@prefecture.gouv.fr, c'est elle qui gère.", []),
        ("Les candidatures sont reçues à badges@cd56.fr jusqu'au 2 mars.", []),
        ("Écris sur ma boîte perso jdupont@gmail.com", ["jdupont@gmail.com"]),
        ("Transfère à la boîte marie.dupont@gmail.com", ["marie.dupont@gmail.com"]),
    ],
)
def test_shared_mailboxes_are_not_personal(text: str, personal: list[str]) -> None:
    assert found(text, "email") == personal


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Ma collègue a une translocation chromosomique, l'employeur peut-il le savoir ?",
         "genetique_biometrie"),
        ("Margot a un syndrome de l'X fragile, est-ce conforme au RGPD ?", "genetique_biometrie"),
        ("Mon fils a une trisomie 21, ai-je droit à un aménagement ?", "genetique_biometrie"),
        ("G. Mary a fourni un prélèvement ADN et s'inquiète pour la confidentialité.",
         "genetique_biometrie"),
        ("Mon collègue est en liberté conditionnelle, peut-il garder son poste ?", "infraction"),
        ("Il a un bulletin n° 2 qui n'est pas vierge et demande son permis.", "infraction"),
        ("J'ai appris que Guy Blanchard a été jugé pour recel.", "infraction"),
        ("Mme Roux a été verbalisée pour excès de vitesse.", "infraction"),
        ("entre nous Nathalie doit faire des travaux d'intérêt général", "infraction"),
        ("Ma fille a un problème d'alcool, ai-je droit à des autorisations d'absence ?", "sante"),
        ("Madame LAMY a une tendinite chronique : quels droits ?", "sante"),
        ("Martine a des troubles autistiques, quelles précautions pour son poste ?", "sante"),
        ("l'agente a été condamnée pour détournement de fonds et est bipolaire.", "sante"),
        ("Alexandria a son gabarit dans le système et a la maladie de Crohn.", "sante"),
        ("Sylvie est adepte de la scientologie et me demande de décaler la réunion.", "religion"),
        ("Mon collègue a quitté le PS pour rejoindre LFI, a-t-il le droit d'en parler ?",
         "opinion_politique"),
        ("Mon collègue est proche de Reconquête, a-t-il le droit d'en parler ?",
         "opinion_politique"),
        ("Maya est trésorière de la section locale du MoDem.", "opinion_politique"),
        ("Mme Le Gall siège pour l'UNSA en CAP et demande son dossier.", "syndicat"),
        ("Mme Julien est encartée à la CGT et demande son dossier.", "syndicat"),
        ("entre nous il a une liaison avec son chef et est adhérent du SGEN Bonne journée",
         "syndicat"),
        ("Jean Launay et Adrien Menard vivent ensemble depuis dix ans.", "vie_sexuelle"),
        ("bouchra zeroual et fabienne martin sont pacsées depuis dix ans.", "vie_sexuelle"),
        ("ma collègue élève un enfant avec sa femme, comment éviter les blagues ?",
         "vie_sexuelle"),
        ("Je suis une femme et j'ai épousé ma femme en mai : dois-je le déclarer ?",
         "vie_sexuelle"),
    ],
)  # fmt: skip
def test_seventh_round_topics(text: str, category: str) -> None:
    assert found(text, category), (category, DETECTOR.scan(text))


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Mme Julien est encartée à la CGT et demande son dossier.", "opinion_politique"),
        ("Le service instruit les retraits de permis de construire.", "infraction"),
        ("Il a été arrêté pour la journée.", "infraction"),
        ("Mon collègue fait des travaux dans sa maison.", "infraction"),
        ("La salle est proche de la mairie et du local du PS.", "opinion_politique"),
        ("Le marché est attribué pour des raisons techniques.", "religion"),
        ("Le plan de lutte contre le cancer et la prévention des risques.", "sante"),
        ("Jean Launay et Adrienne Menard vivent ensemble depuis dix ans.", "vie_sexuelle"),
        ("Laura Pierre et Claude Bernard vivent ensemble depuis dix ans.", "vie_sexuelle"),
        ("Je suis un homme et j'ai épousé ma femme en mai.", "vie_sexuelle"),
        ("Thierry élève un enfant avec sa femme.", "vie_sexuelle"),
        ("Expéditeur : Thomas CARLIER, BP 6106, 59400 Chrétien-sur-Blanchet", "religion"),
        ("Quelle est l'histoire du nom de la rue Jean Monnet à Bobigny ?", "adresse"),
    ],
)
def test_seventh_round_look_alikes(text: str, category: str) -> None:
    assert not found(text, category), (category, DETECTOR.scan(text))


@pytest.mark.parametrize(
    ("text", "category", "value"),
    [
        ("Mettre à jour la base : Sylvie Joly ; 07 32 09 46 55", "personne", "Sylvie Joly"),
        ("Rappelle Benjamin au 07 18 19 86 66, il attend.", "personne", "Benjamin"),
        ("Date de naissance de l'agente Henriette Bousquet : 17/11/1971", "date_naissance",
         "17/11/1971"),
        ("J'habite rue Jean Monnet à Bobigny.", "adresse", "rue Jean Monnet à Bobigny"),
    ],
)  # fmt: skip
def test_seventh_round_identifiers(text: str, category: str, value: str) -> None:
    assert value in found(text, category), DETECTOR.scan(text)


SEVENTH_ROUND_PIECES = [
    "carte ", "bancaire ", "perso ", "n° ", "no ", "numéro ", ": ", "4532 0151 1283 0366",
    "4532.0151.1283.0366", "3746 319663 55315", " exp ", "cryptogramme ", "dossier ",
    "la boîte ", "boîte ", "fonctionnelle ", "badges@cd56.fr", "marie.dupont@x.fr", "@",
    "Jean Launay", " et ", "Adrien Menard", "fabienne martin", " vivent ensemble",
    " sont pacsées", " sont ", "Je suis une femme ", "j'ai épousé ma femme ", "élève ",
    "un enfant ", "avec sa femme ", "Date de naissance ", "de l'agente ", "N. ",
    "17/11/1971", "jugé pour ", "recel ", "condamnée pour ", "bulletin n° 2 ",
    "qui n'est pas vierge ", "syndrome de l'X fragile ", "trisomie ", "problème d'alcool ",
    "et est ", "et a ", "fonds ", "système ", "encartée à la CGT ", "proche de ",
    "section locale du ", "MoDem ", "siège pour l'UNSA en CAP ", "la base ", "Rappelle ",
    "rue Jean Monnet", " à Bobigny", "Chrétien-sur-Blanchet ", "BP 6106, 59400 ",
]  # fmt: skip


@pytest.mark.timeout(120)
@pytest.mark.parametrize(
    "name", ["names_by_rules", "topics", "addresses", "cards", "emails", "birth_dates"]
)
@fuzz(examples=8, deadline=10.0)
@given(text=hostile(MESSAGE_MAX, SEVENTH_ROUND_PIECES))
def test_each_detector_on_the_pieces_of_the_seventh_round(name: str, text: str) -> None:
    _check_findings(text, DETECTORS[name](text))


@pytest.mark.timeout(120)
@fuzz(examples=8, deadline=15.0)
@given(text=hostile(MESSAGE_MAX, SEVENTH_ROUND_PIECES))
def test_scan_text_on_the_pieces_of_the_seventh_round(text: str) -> None:
    scan = scan_text(text)
    _check_findings(text, scan.identifiers)
    _check_findings(text, scan.topics)


# -- eighth round (test4 read as dev material): genetics and biometrics of a person, schools'
# mailboxes, typos of institutional words, initials, topics said after "que" ----------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Mon voisin de bureau a enrôlé ses empreintes dans la badgeuse.", "genetique_biometrie"),
        ("Sylvie a enregistré son gabarit vocal pour le serveur.", "genetique_biometrie"),
        ("Mon père a une neurofibromatose héréditaire.", "genetique_biometrie"),
        ("Paul a le diabète dans ses gènes, dit-il.", "genetique_biometrie"),
        ("Mme Perrin a une prédisposition génétique au glaucome.", "genetique_biometrie"),
        ("Mon collègue M. R. Caron est porteur de l'X fragile.", "genetique_biometrie"),
        ("Pour le pot : Ahmed est pentecôtiste.", "religion"),
        ("Laure est de confession protestante.", "religion"),
        ("Je crois que Yanis a voté Zemmour aux dernières élections.", "opinion_politique"),
        ("Mme Colin est déchargée syndicale pour l'UNSA.", "syndicat"),
        ("Notre agent est trésorier du syndicat depuis 2019.", "syndicat"),
        ("L'agresseur avait déjà été condamné pour vol.", "infraction"),
        ("Demande de congé pour M. Leroy : lui et son compagnon adoptent.", "vie_sexuelle"),
    ],
)
def test_eighth_round_topics(text: str, category: str) -> None:
    assert found(text, category), text


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "Faut-il consulter la CNIL pour une serrure à empreinte digitale ?",
            "genetique_biometrie",
        ),
        ("Quels risques liés à une étude génétique sur les vignes ?", "genetique_biometrie"),
        ("Le président du syndicat mixte des eaux a signé.", "syndicat"),
        ("Mme Petit a le gène de la mucoviscidose.", "sante"),
        ("Marc a une prédisposition génétique au cancer du sein.", "sante"),
        ("Le conseil a voté le budget primitif.", "opinion_politique"),
    ],
)
def test_eighth_round_look_alikes(text: str, category: str) -> None:
    assert not found(text, category), text


@pytest.mark.parametrize(
    ("text", "category", "value"),
    [
        ("Réponse attendue à ce.0691234Z@ac-lyon.fr avant vendredi.", "email", ""),
        ("Écrire à acceuil@mairie-brest.fr pour le dossier.", "email", ""),
        ("Écrire à jeanne.roux@ac-lyon.fr pour le dossier.", "email", "jeanne.roux@ac-lyon.fr"),
        (
            "Appelez le 03 20 11 22 33 pour prendre rendez-vous au service des sports.",
            "telephone",
            "",
        ),
        ("Appelle-moi au 03 20 11 22 34 ce soir.", "telephone", "03 20 11 22 34"),
        ("Le conrtat 4437051189007766 arrive à échéance.", "carte", ""),
        ("Ma carte bancaire 4437051189007766, expire en 2027.", "carte", "4437051189007766"),
        ("Numéro de déclaration : 4437051189007766.", "personne", ""),
        ("La réunion aura lieu au collgèe Rosa Parks.", "personne", ""),
        ("E. Lambert est arrivée hier au service.", "personne", "E. Lambert"),
        ("Voir avec Mme D. Le Goff demain.", "personne", "D. Le Goff"),
        ("Elle est baptiste depuis l'enfance.", "personne", ""),
    ],
)
def test_eighth_round_identifiers(text: str, category: str, value: str) -> None:
    assert found(text, category) == ([value] if value else []), text


EIGHTH_ROUND_PIECES = [
    "ce.0691234Z@ac-lyon.fr", "cnotact@x.fr", " pour prendre rendez-vous au service ",
    "Appelez le 03 20 11 22 33", "E. ", "D. Le Goff", "M. R. ", "K.", " a enrôlé son visage ",
    " gabarit facial ", " a une ", " héréditaire ", " génétique ", " dans ses gènes ",
    " prédisposition génétique au ", "cancer du côlon", " est baptiste", "est de confession ",
    " que ", "Riad", " a voté ", "Mélenchon", " soutient ", " déchargée syndicale ",
    " trésorière du syndicat ", "SGP Police", "L'agresseur ", " lui et son mari ",
    "conrtat 4437051189007766", "Numéro de télédéclraation : ", "colèlge ", "maternlele ",
    "hôpital européen ", "passage ",
]  # fmt: skip


@pytest.mark.timeout(120)
@pytest.mark.parametrize(
    "name", ["names_by_rules", "topics", "addresses", "cards", "emails", "birth_dates"]
)
@fuzz(examples=8, deadline=10.0)
@given(text=hostile(MESSAGE_MAX, EIGHTH_ROUND_PIECES))
def test_each_detector_on_the_pieces_of_the_eighth_round(name: str, text: str) -> None:
    _check_findings(text, DETECTORS[name](text))


@pytest.mark.timeout(120)
@fuzz(examples=8, deadline=15.0)
@given(text=hostile(MESSAGE_MAX, EIGHTH_ROUND_PIECES))
def test_scan_text_on_the_pieces_of_the_eighth_round(text: str) -> None:
    scan = scan_text(text)
    _check_findings(text, scan.identifiers)
    _check_findings(text, scan.topics)


# -- ninth round (test5's reading): whole families, names by what is said of them, dev7 --------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Mme Roux représente la CGT au CSA et demande le compte rendu.", "syndicat"),
        ("karine vient d adherer a fo et elle veut consulter son dossier", "syndicat"),
        ("Liste des agents en décharge : Ousmane Sylla (CFTC), MADANI Mehdi (SUD)", "syndicat"),
        ("bon : pauline la deleguee sud veut une reunion", "syndicat"),
        ("Paul Martin tient la permanence de la CFDT le jeudi.", "syndicat"),
        ("mon collegue julian vote rn et il en parle au bureau", "opinion_politique"),
        (
            "Je suis conseiller municipal PS : dois-je prévenir ma hiérarchie ?",
            "opinion_politique",
        ),
        ("Mme Correia soutient ouvertement Europe Écologie.", "opinion_politique"),
        ("Maude Meunier indique être membre des Jeunes communistes.", "opinion_politique"),
        ("mai pham est d extreme droite et ça crée des tensions", "opinion_politique"),
        ("Rudy Marion a demandé une salle pour prier pendant la pause.", "religion"),
        ("Mariama Touré a quitté l'Église l'an dernier.", "religion"),
        ("marina marchand est catho et veut poser un congé", "religion"),
        ("Xiaoli ZHANG me demande un jour pour le Vendredi saint orthodoxe.", "religion"),
        ("Note : Gustavo Reis est suivi en addictologie.", "sante"),
        ("Comment répondre à Renard qui m'a confié sa surdité partielle ?", "sante"),
        ("paul s est cassé la jambe il sera absent toute la semaine", "sante"),
        ("Selma suit un parcours de PMA, elle voudrait un congé.", "sante"),
        (
            "On a enregistré la photo biométrique de Laurent Perret dans le logiciel.",
            "genetique_biometrie",
        ),
        ("La police a prélevé l'ADN de Jean-Baptiste Torres.", "genetique_biometrie"),
        ("Mme Agnès Da Silva refuse de badger avec son visage.", "genetique_biometrie"),
        ("La police a entendu Élise Rolland après son arrestation.", "infraction"),
        ("mon collegue jimmy a pris du sursis et il doit conduire", "infraction"),
        ("rose bensaid a une interdiction de paraitre, on peut la recruter ?", "infraction"),
        ("geoffrey sort avec un mec et il veut pas que ca se sache", "vie_sexuelle"),
        ("roman ledoux-martel est originaire du congo et on lui demande d'où il vient", "origine"),
        ("Sébastien Gomez soutient Marine Le Pen sur les réseaux sociaux.", "opinion_politique"),
        ("re: leo est au syndicat depuis 2 ans, il peut refuser ?", "syndicat"),
        ("j ai vu que sabrina etait sur la liste ecolo aux municipales", "opinion_politique"),
        ("Kader Benyahia fait ses cinq prières quotidiennes au bureau.", "religion"),
        ("Une plainte vise Marc Dubois pour harcèlement.", "infraction"),
        (
            "bonjour, brigitte represente force ouvriere au cse, tu peux lui transmettre ?",
            "syndicat",
        ),
        ("Mon collègue est atteint d'une maladie rare.", "sante"),
    ],
)
def test_ninth_round_topics(text: str, category: str) -> None:
    assert found(text, category), text


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("La CGT appelle à la grève le 12 dans toute la fonction publique.", "syndicat"),
        ("Le RN et LFI ont déposé des amendements sur le budget.", "opinion_politique"),
        ("Le montant est arrêté pour l'année 2025.", "infraction"),
        ("Le guide explique comment accueillir un agent en situation de handicap.", "sante"),
        ("La salle de prière de l'aéroport est fermée pour travaux.", "religion"),
        ("Il faut que je te parle avc tact de ce dossier.", "sante"),
        ("Rédige une réponse à Abdelkader, d'ascendance juive marocaine.", "religion"),
        ("Le rdv est au centre social Paul Bert, salle 2.", "opinion_politique"),
        ("Je dois noter Mouloud Loucif pour son entretien annuel.", "religion"),
        ("Elle milite dans le sud pour la protection des abeilles.", "syndicat"),
        ("Rédige la réponse aux usagers qui demandent leur dossier médical par mail.", "sante"),
        ("PETIT Marie-Thérèse m'a dit être atteinte d'une maladie génétique rare.", "sante"),
    ],
)
def test_ninth_round_look_alikes(text: str, category: str) -> None:
    assert not found(text, category), text


@pytest.mark.parametrize(
    ("text", "category", "value"),
    [
        ("Privet a été condamné pour vol : peut-il rester au guichet ?", "personne", "Privet"),
        ("Note : Diallo est en rémission d'une leucémie.", "personne", "Diallo"),
        (
            "Dans l'équipe, Elif ne mange pas de viande pour des raisons religieuses.",
            "personne",
            "Elif",
        ),
        ("Le médecin indique que Le Guen est inapte au port de charges.", "personne", "Le Guen"),
        ("mon collegue giuseppe est temoin de jehovah", "personne", "giuseppe"),
        (
            "Peux-tu reformuler ce message pour Kathy Regnier qui arrive lundi ?",
            "personne",
            "Kathy Regnier",
        ),
        ("Contacts d'urgence : Delattre (03 35 08 18 84)", "personne", "Delattre"),
        ("floriane rey a ete condamnee pour fraude aux allocs", "personne", "floriane rey"),
        ("Quel est le barème des amendes pour stationnement gênant ?", "personne", ""),
        ("L'agent a obtenu sa RQTH : quelles démarches ?", "personne", ""),
        ("Je serai à la synagogue pour Yom Kippour, merci de valider mon congé.", "personne", ""),
        ("La cheffe reproche à M. Soltani sa décharge syndicale.", "personne", "Soltani"),
        ("comment annoncer a l'equipe que raymond est sourd ?", "personne", "raymond"),
        ("Je suis syndiquée à la CGT, mon chef peut-il me le reprocher ?", "personne", ""),
        ("andreas est gay et il veut pas que ca se sache au bureau", "personne", "andreas"),
        ("elle est malade depuis lundi, je fais quoi ?", "personne", ""),
        ("comment annoncer à mon chef que je suis malvoyante ?", "personne", ""),
        (
            "Signalement RPS\nAgent : voir la pièce jointe\nFaits : propos blessants.",
            "personne",
            "",
        ),
        ("cest au 28 rue paul bert chez mes parents que je serai", "adresse", "28 rue paul bert"),
        (
            "infos : daniel laurent 19/6/1963 01.55.22.99.94 rue de la paix",
            "telephone",
            "01.55.22.99.94",
        ),
        (
            "infos : daniel laurent 19/6/1963 01.55.22.99.94 rue de la paix",
            "date_naissance",
            "19/6/1963",
        ),
        (
            "nadège lemaire 21/01/1991 0697544325 6 allée des tilleuls 13005 marseille",
            "telephone",
            "0697544325",
        ),
    ],
)
def test_ninth_round_identifiers(text: str, category: str, value: str) -> None:
    values = found(text, category)
    assert (value in values) if value else not values, (text, values)


NINTH_ROUND_PIECES = [
    "Privet", " a été condamné ", " est en rémission ", "Dans l'équipe, ", "Elif", " ne mange ",
    "Le Guen", " est inapte ", "mon collegue ", "giuseppe", " est ", " pour ", "Kathy Regnier",
    " qui ", "Delattre (", "03 35 08 18 84", ")", " (CFTC)", " de la cfdt", " la deleguee sud ",
    "floriane rey", " a ete condamnee ", "cest au ", "28 rue paul bert", " chez mes parents ",
    "19/6/1963 ", "01.55.22.99.94 ", "6 allée des tilleuls ", "d origine ", "s est ", " l iris ",
    "vote rn", " soutient ouvertement ", "Europe Écologie", " a demandé une salle pour prier ",
    " photo biometrique ", " prélevé l'ADN ", " a pris du sursis ", " en situation de handicap ",
]  # fmt: skip


@pytest.mark.timeout(120)
@pytest.mark.parametrize(
    "name", ["names_by_rules", "topics", "addresses", "phones", "birth_dates"]
)
@fuzz(examples=8, deadline=10.0)
@given(text=hostile(MESSAGE_MAX, NINTH_ROUND_PIECES))
def test_each_detector_on_the_pieces_of_the_ninth_round(name: str, text: str) -> None:
    _check_findings(text, DETECTORS[name](text))


@pytest.mark.timeout(120)
@fuzz(examples=8, deadline=15.0)
@given(text=hostile(MESSAGE_MAX, NINTH_ROUND_PIECES))
def test_scan_text_on_the_pieces_of_the_ninth_round(text: str) -> None:
    scan = scan_text(text)
    _check_findings(text, scan.identifiers)
    _check_findings(text, scan.topics)


@pytest.fixture(scope="module")
def dev7() -> list[dict[str, Any]]:
    return load_set("dev7")


def test_dev7_is_what_its_generator_writes(tmp_path: Path) -> None:
    path = tmp_path / "dev7.jsonl"
    pii_corpus_dev7.write(pii_corpus_dev7.generate(), path)
    assert path.read_bytes() == pii_corpus_dev7.OUT.read_bytes(), (
        "python -m devtools.pii_corpus_dev7"
    )


def test_dev7_lines_are_well_formed(dev7: list[dict[str, Any]]) -> None:
    assert len(dev7) >= 300 and len({row["text"] for row in dev7}) == len(dev7)
    counts = pii_corpus_dev7.counts(dev7)
    for category in TOPICS:
        assert counts[category] >= 15, (category, counts)
    for row in dev7:
        assert row["split"] == "dev7" and row["template"].startswith("dev7_"), row
        for start, end, category in row["spans"]:
            assert category in CATEGORIES and 0 <= start < end <= len(row["text"]), row
            assert row["text"][start:end].strip() == row["text"][start:end], row


@pytest.mark.parametrize(
    "text",
    [
        "1 rue " + "de" * 30_000,
        "1 Rue " + "De" * 30_000,
        "1 rue " + "d'" * 30_000,
        "cest au 12 rue " + "ab " * 20_000 + "chez mes parents",
        "infos : " + "12/12/1980 " * 5_000,
        "Liste : " + "Ab (" * 15_000,
    ],
)
def test_street_particles_and_records_stay_linear(text: str) -> None:
    """A run of street particles ("dedede…") once made the street regexes quadratic."""
    start = time.process_time()
    scan_text(text)
    assert time.process_time() - start < 5.0


# Fifth round (after test6's reading): whole linguistic families, not phrases.
@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Un de mes agents est kabyle, que faire ?", "origine"),
        ("L'une de nos collègues est queer, que faire ?", "vie_sexuelle"),
        ("Ma collègue Zoé a la peau noire, est-ce un problème ?", "origine"),
        ("Jeanne Baudry est de type africain.", "origine"),
        ("M. Amrouche parle de ses racines kabyles.", "origine"),
        ("Claire Sacré a des parents marocains.", "origine"),
        ("Un usager a traité Denise Pham de « sale Noir » au guichet.", "origine"),
        ("mon collègue Steven est d'origine cap-verdienne", "origine"),
        ("mon collègue Roger est antillais", "origine"),
        ("Mme Muller sera absente jeudi pour une réunion CGT.", "syndicat"),
        ("Paul Martin sera en stage FO mardi.", "syndicat"),
        ("Congé pour mariage de M. Garcia : mariage pour tous.", "vie_sexuelle"),
        ("Mon collègue Amílcar a des relations avec plusieurs partenaires.", "vie_sexuelle"),
        ("Olivier a entamé une transition MtF.", "vie_sexuelle"),
        ("Georges est en arrêt pour une hernie inguinale.", "sante"),
        ("M. Delahaye a perdu la vue d'un œil.", "sante"),
        ("Mme Arnaud : écran adapté (glaucome)", "sante"),
        ("Mme Roy a une fracture du poignet.", "sante"),
    ],
)
def test_fifth_round_families_are_found(text: str, category: str) -> None:
    assert found(text, category), text


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Le mariage pour tous a été voté en 2013, fais-moi un résumé.", "vie_sexuelle"),
        ("Mon service gère les arrêts maladie et les congés longue durée, aide-moi.", "sante"),
        ("La fracture numérique touche mes usagers âgés.", "sante"),
        ("Les agents de type administratif sont concernés, peux-tu m'aider ?", "origine"),
    ],
)
def test_fifth_round_look_alikes_are_not_found(text: str, category: str) -> None:
    assert not found(text, category), text


@pytest.mark.parametrize(
    "text",
    [
        "Un de mes agents " + "est " * 15_000,
        "il a des racines " + "de la " * 10_000,
        "il gère les " + "arrêts " * 8_000 + "maladie",
        "traité de « " * 5_000,
        "ses parents sont " + "marocains " * 6_000,
    ],
)
def test_fifth_round_constructs_stay_linear(text: str) -> None:
    start = time.process_time()
    scan_text(text[:60_000])
    assert time.process_time() - start < 5.0


def test_dev8_is_what_its_generator_writes(tmp_path: Path) -> None:
    path = tmp_path / "dev8.jsonl"
    pii_corpus_dev8.write(pii_corpus_dev8.generate(), path)
    assert path.read_bytes() == pii_corpus_dev8.OUT.read_bytes(), (
        "python -m devtools.pii_corpus_dev8"
    )


def test_dev8_lines_are_well_formed() -> None:
    rows = load_set("dev8")
    assert len(rows) >= 250 and len({row["text"] for row in rows}) == len(rows)
    counts = pii_corpus_dev8.counts(rows)
    for category in ("origine", "vie_sexuelle", "syndicat", "sante", "adresse"):
        assert counts[category] >= 20, (category, counts)
    for row in rows:
        assert row["split"] == "dev8" and row["template"].startswith("dev8_"), row
        for start, end, category in row["spans"]:
            assert category in CATEGORIES and 0 <= start < end <= len(row["text"]), row
            assert row["text"][start:end].strip() == row["text"][start:end], row


# -- eighth round (test7's reading): each topic family in new words ---------------------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # Religion: holidays of every faith, rites, clergy, diet, places of worship.
        ("Ma collègue demande sa journée pour l'Aïd, merci de traiter.", "religion"),
        ("Il sera absent pour Roch Hachana lundi.", "religion"),
        ("Elle fête Diwali avec sa famille, elle pose deux jours.", "religion"),
        ("Mon agent a reçu le baptême adulte à Pâques.", "religion"),
        ("Son fils fait sa bar-mitsva en juin, il pose deux jours.", "religion"),
        ("La candidate Julie Richer a indiqué être imam bénévole.", "religion"),
        ("Ma collègue Eliane Masse est devenue bonne sœur.", "religion"),
        ("L'intéressé est adepte du culte antoiniste.", "religion"),
        ("alfred veut pas manger a la cantine parce que c pas halal", "religion"),
        ("Mon collègue part en pèlerinage à Lourdes en mai.", "religion"),
        ("Il porte la kippa au guichet.", "religion"),
        (
            "Je vous écris car il refuse de serrer la main aux femmes pour raisons religieuses.",
            "religion",
        ),
        ("Demande d'autorisation d'absence\nAgent : Mme Roux\nMotif : Yom Kippour", "religion"),
        ("Elle m'a dit qu'elle est athée.", "religion"),
        # Political opinion: politicians by name, votes, marches, roles, cards, exclusions.
        ("Alyssa a fait campagne pour Hidalgo et le dit à tout le monde.", "opinion_politique"),
        ("Dans son mail, Nicolas Richard se dit libéral et pro-Macron.", "opinion_politique"),
        ("Gaëtan Benali va voter Mélenchon au second tour.", "opinion_politique"),
        ("Loïc vote toujours à droite, ça se sent dans ses mails.", "opinion_politique"),
        ("Le maire adjoint Cécile Leroy a été exclue du PS.", "opinion_politique"),
        ("Ma collègue Alina Anguillara affiche un badge LFI au guichet.", "opinion_politique"),
        ("jcrois que joubert est a fond pour la nupes", "opinion_politique"),
        ("Tristan Traoré sera assesseur pour le RN dimanche.", "opinion_politique"),
        ("Elle a sa carte chez Les Républicains depuis 2015.", "opinion_politique"),
        ("Il est fiché comme militant d'ultragauche.", "opinion_politique"),
        ("Elle a manifesté contre la réforme des retraites samedi.", "opinion_politique"),
        (
            "note rh : il est responsable locale du rn et demande une disponibilité.",
            "opinion_politique",
        ),
        ("Mon collègue parle encore de Mélenchon à la machine à café.", "opinion_politique"),
        ("Elle me parle sans arrêt de son adhésion à Renaissance.", "opinion_politique"),
        # Unions: seats, leave, status, a union after a dash or in brackets, "sud education".
        ("Liste des élus au CST : Binta Sarr — CFE-CGC, Aminata Sow — CGT.", "syndicat"),
        ("Ma collègue Violeta Mendes (CFDT) a demandé la parole en fin de CSA.", "syndicat"),
        ("Heures de délégation de Claudine Giraud au titre de la CGT ?", "syndicat"),
        ("hello arnaude a rejoint le syndicat sud education la semaine dernière", "syndicat"),
        ("Loïc Barbier a une ASA syndicale jeudi, je le note comment ?", "syndicat"),
        ("Nadège Kaya est salariée protégée, peut-on quand même la muter ?", "syndicat"),
        ("Elle siège en CAP pour la FSU.", "syndicat"),
        ("Il est en grève depuis trois jours.", "syndicat"),
        (
            "Heures de délégation de Mme Antonella Maillet pour l'UNSA, comment décompter ?",
            "syndicat",
        ),
        # Sexual life: dating apps, a couple said with a duration, a form's field.
        (
            "Joana Guillot est inscrite sur Tinder et des collègues font des captures.",
            "vie_sexuelle",
        ),
        ("augustin est avec un gars depuis 2 ans", "vie_sexuelle"),
        ("Fanta Kouassi, la pacsée de Annie Leclerc, vient d'être recrutée.", "vie_sexuelle"),
        ("Formulaire : orientation sexuelle — pansexuelle.", "vie_sexuelle"),
        ("dsl mon collègue s'affiche avec sa copine au séminaire", "vie_sexuelle"),
        # Offences: licence points, police slang, release measures, records, prison.
        ("Loïc Benali a perdu six points sur son permis.", "infraction"),
        ("ma collegue s'est fait retirer son permis ce week-end", "infraction"),
        ("mon agent s est fait choper avec du cannabis ce week-end", "infraction"),
        ("leveque est en conditionnelle et il veut revenir bosser", "infraction"),
        ("saadi a un bracelet et elle veut revenir bosser", "infraction"),
        ("Le bulletin n° 2 de Annie Michel mentionne une peine pour violences.", "infraction"),
        (
            "Le conseil de discipline de A. Hubert porte sur le vol de matériel reconnu par le "
            "tribunal.",
            "infraction",
        ),
        ("Il a fait de la prison il y a dix ans.", "infraction"),
        ("Elle comparaît devant le tribunal correctionnel le 12.", "infraction"),
        (
            "La conductrice était Mme Coulibaly : elle a perdu quatre points. Qui paie ?",
            "infraction",
        ),
        ("Le conducteur était M. Aissaoui : il roulait à 92 en ville.", "infraction"),
        ("La conductrice était Mme Martinez : elle a pris 135 € d'amende.", "infraction"),
        # Origin: chat spelling, perception, language, double nationality, slang.
        ("bruno est dorigine marocaine et on lui demande toujours ses papiers", "origine"),
        ("Ma collègue Inès Martineau est originaire d'Haïti.", "origine"),
        ("Le signalement mentionne que Gaston Wagner est perçu comme arabe.", "origine"),
        ("Il parle wolof avec sa famille au téléphone.", "origine"),
        ("Il a la double nationalité franco-algérienne.", "origine"),
        ("elle est asiat et on lui sort des blagues", "origine"),
        # Health: amputation, documents, exams, devices, care, drinking, sexual health.
        ("Peut-on aménager le poste de Güçlü Şeyda, amputée d'une jambe ?", "sante"),
        ("M. Farid Zidane m'a transmis son ordonnance d'insuline.", "sante"),
        ("Mme Iara Oliveira m'a transmis son compte rendu d'IRM.", "sante"),
        ("Je reviens d'un accident vasculaire, comment reprendre ?", "sante"),
        ("Il porte un appareil auditif et n'entend pas le téléphone.", "sante"),
        ("Il a des séances de kiné trois fois par semaine.", "sante"),
        ("Il boit trop et arrive ivre au travail.", "sante"),
        ("Elle a une IST.", "sante"),
        (
            "Déclaration d'accident de service\nVictime : Mr Gomes\nLésions : fracture du poignet",
            "sante",
        ),
        # Genetic data.
        ("Son dossier pénal contient un relevé d'empreintes génétiques.", "genetique_biometrie"),
    ],
)
def test_eighth_round_families_are_found(text: str, category: str) -> None:
    assert found(text, category), text


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("La police municipale a verbalisé 340 véhicules en mars.", "infraction"),
        ("Le calendrier des fêtes religieuses (Kippour, Diwali, Vesak) est en ligne.", "religion"),
        ("Le marché des bracelets électroniques a été attribué en mars.", "infraction"),
        ("Ma collègue a un bracelet en or magnifique.", "infraction"),
        ("Il porte un bracelet et une montre.", "infraction"),
        ("Je dépends bien de votre centre des impôts ?", "opinion_politique"),
        ("Il vote toujours les budgets en retard.", "opinion_politique"),
        ("Le lycée a perdu trois points au classement.", "infraction"),
        ("Ma collègue a perdu deux points de pourcentage sur son indice.", "infraction"),
        ("Rédige la réponse type aux usagers qui demandent leur dossier médical.", "sante"),
        ("Il parle arabe couramment, c'est utile pour l'accueil.", "origine"),
        ("Elle est trans-frontalière.", "vie_sexuelle"),
        ("Il a une enceinte bluetooth au bureau.", "sante"),
        ("Mon collègue est fan de Star Wars.", "opinion_politique"),
        ("Elle passe pour une experte.", "origine"),
        ("Il passe devant la mairie tous les matins.", "infraction"),
        ("La campagne contre les IST commence lundi.", "sante"),
        ("Le pèlerinage de Lourdes attire des milliers de personnes.", "religion"),
        ("La formation sur le droit de grève aura lieu mardi.", "syndicat"),
    ],
)
def test_eighth_round_look_alikes_are_not_found(text: str, category: str) -> None:
    assert not found(text, category), text


def test_eighth_round_keeps_a_phrase_that_goes_on_after_a_name() -> None:
    """A name that took one word too many ("daria s'est") keeps the topic words after it; a topic
    word inside a name stays the name's."""
    from handlers.privacy.pii import Finding, find_topics

    people = [(0, 11)]  # "daria s'est" taken as a name
    text = "daria s'est fait choper avec du cannabis ce week-end"
    found_here = find_topics(text, [Finding("personne", 0, 11, text[:11])])
    assert [f.value for f in found_here if f.category == "infraction"] == ["fait choper"], (
        people,
        found_here,
    )
    name = "Bernard Chrétien"
    text = f"{name} arrive lundi."
    assert not find_topics(text, [Finding("personne", 0, len(name), name)])


@pytest.mark.parametrize(
    "text",
    [
        "Heures de délégation " + "de la " * 10_000 + "CGT",
        "il a perdu " + "six " * 15_000 + "points",
        "il est perçu comme " * 3_000,
        "il s'est fait " * 5_000,
        "son compte rendu " * 4_000,
        "(CGT " * 12_000,
        "— " * 25_000 + "CGT",
        "orientation sexuelle : " * 3_000,
        "heures de délégation de " + "a. " * 15_000 + "pour l'UNSA",
        "la pacsée de " * 5_000,
    ],
)
def test_eighth_round_constructs_stay_linear(text: str) -> None:
    start = time.process_time()
    scan_text(text[:60_000])
    assert time.process_time() - start < 5.0


def test_dev9_is_what_its_generator_writes(tmp_path: Path) -> None:
    from devtools import pii_corpus_dev9

    path = tmp_path / "dev9.jsonl"
    pii_corpus_dev9.write(pii_corpus_dev9.generate(), path)
    assert path.read_bytes() == pii_corpus_dev9.OUT.read_bytes(), (
        "python -m devtools.pii_corpus_dev9"
    )


def test_dev9_lines_are_well_formed() -> None:
    from devtools import pii_corpus_dev9

    rows = load_set("dev9")
    assert len(rows) >= 250 and len({row["text"] for row in rows}) == len(rows)
    counts = pii_corpus_dev9.counts(rows)
    for category in TOPICS:
        assert counts[category] >= 10, (category, counts)
    for row in rows:
        assert row["split"] == "dev9" and row["template"].startswith("dev9_"), row
        for start, end, category in row["spans"]:
            assert category in CATEGORIES and 0 <= start < end <= len(row["text"]), row
            assert row["text"][start:end].strip() == row["text"][start:end], row


# -- names8 round (test7's reading): names, addresses and dates of birth, each family whole ----


@pytest.mark.parametrize(
    ("text", "category", "value"),
    [
        # faker's name lists (Maghreb, Turkey, Portugal, Italy, Vietnam, Eastern Europe).
        ("Dans son courrier, Houda Mahmoudi précise sa demande.", "personne", "Houda Mahmoudi"),
        ("Liste des élus au CST : Binta Sarr et Zhou Wei.", "personne", "Binta Sarr"),
        ("Dans le dossier de Trọng Trần figure un relevé.", "personne", "Trọng Trần"),
        ("Réunion avec Łukasz Kowalski demain.", "personne", "Łukasz Kowalski"),
        ("Oksana LEFÈVRE habite à Lyon.", "personne", "Oksana LEFÈVRE"),
        # A family name alone at a subject's place, any case, with its particles.
        ("rousset est a la cgt donc il va bloquer", "personne", "rousset"),
        ("jcrois que joubert est souverainiste", "personne", "joubert"),
        ("de la giraud a fait son coming out au seminaire", "personne", "de la giraud"),
        ("Entre nous : Morin cotise à la CGT depuis vingt ans.", "personne", "Morin"),
        # After a noun of what is someone's, before "et", after a role or a word of a file.
        ("Re: dossier Lamy", "personne", "Lamy"),
        (
            "Pour info, Lucy et Christelle ont validé, reste l'avis de Delaunay.",
            "personne",
            "Lucy",
        ),
        (
            "Pour info, Lucy et Christelle ont validé, reste l'avis de Delaunay.",
            "personne",
            "Delaunay",
        ),
        ("D'après Zerbib, le dossier est complet.", "personne", "Zerbib"),
        ("Entretien annuel : évaluatrice Oksana BENHAMOU.", "personne", "Oksana BENHAMOU"),
        # Initials, compound initials, particles in any case, a name that does not run on.
        ("Le courrier a été signé par P.-Y. Kerbrat.", "personne", "P.-Y. Kerbrat"),
        ("Le courrier a été signé par Y. de La Roche.", "personne", "Y. de La Roche"),
        ("présents : tous ; excusé : L. Chevrolet.", "personne", "L. Chevrolet"),
        (
            "Nom : Maëlys DA SILVA\nAdresse : 3 rue des Pins\n20000 Ajaccio",
            "personne",
            "Maëlys DA SILVA",
        ),
        ("Stp identité\nnom: RUIZ\nPrénom : Micheline", "personne", "RUIZ"),
        ("To: Ngozi Okafor; Cc: Dang Van Minh", "personne", "Ngozi Okafor"),
        ("To: Ngozi Okafor; Cc: Dang Van Minh", "personne", "Dang Van Minh"),
        ("congés : Hao 12 jours, Samir 8 jours, Ana 5 jours.", "personne", "Hao"),
        ("Violeta Mendes (CFDT) a demandé la parole.", "personne", "Violeta Mendes"),
        ("charlotte est encore en arret, sa tendinite s'est aggravee", "personne", "charlotte"),
        (
            "| Nom | Prénom | Service |\n|---|---|---|\n| FERREIRA | Bintou | Accueil |",
            "personne",
            "FERREIRA",
        ),
        # Addresses whole: a door right before the number, "à" in a street's name, "r.", a
        # Cedex address after a person's whole name or "l'adresse de correspondance de l'agent".
        (
            "L'usager habite Appartement 29 28 avenue des Lilas 68000 Colmar.",
            "adresse",
            "Appartement 29 28 avenue des Lilas 68000 Colmar",
        ),
        (
            "on habite 10, cours du Four à Pain, 51100 Reims, merci",
            "adresse",
            "10, cours du Four à Pain, 51100 Reims",
        ),
        (
            "Envoyer chez Quentin Wójcik, bât. B, esc. 2, 46 r. du Général Leclerc – 97411 "
            "Saint-Paul.",
            "adresse",
            "bât. B, esc. 2, 46 r. du Général Leclerc – 97411 Saint-Paul",
        ),
        (
            "débiteur : MICHEL Aimé, 23 avenue des Rosiers, BP 193, 49000 Angers Cedex, merci",
            "adresse",
            "23 avenue des Rosiers, BP 193, 49000 Angers Cedex",
        ),
        (
            "Adresse de correspondance de l'agent : 162 rue des Jardins, BP 225, 64000 Pau Cedex",
            "adresse",
            "162 rue des Jardins, BP 225, 64000 Pau Cedex",
        ),
        (
            "rés. Les Pins, bât. B, 4 r. de la Paix 13001 Marseille",
            "adresse",
            "rés. Les Pins, bât. B, 4 r. de la Paix 13001 Marseille",
        ),
        # Dates of birth after a copula, or a pronoun after an address.
        ("ma date de naissance c'est le 7 sept. 1992 pas le 12", "date_naissance", "7 sept. 1992"),
        ("ma ddn = 1997-03-10", "date_naissance", "1997-03-10"),
        (
            "elle habite 29, rue de la mairie, 29000 quimper et elle est nee le 11 mai 1964",
            "date_naissance",
            "11 mai 1964",
        ),
    ],
)
def test_names8_round_finds_each_family_whole(text: str, category: str, value: str) -> None:
    assert value in found(text, category), (text, found(text, category))


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Quel est le délai de recours contre une décision implicite de rejet ?", "personne"),
        ("Quels partis ont déposé des listes aux municipales de Bonifacio ?", "personne"),
        (
            "La commune nouvelle de Bonifacio, née le 1er janvier 2019, a un code INSEE.",
            "date_naissance",
        ),
        (
            "Le courrier doit être adressé à : Prféecture, 33, rue Joséphine Baker\n34500 Béziers "
            "Cedex 5",
            "adresse",
        ),
        ("Préfecture du Nord, 12 rue Jean sans Peur, CS 20003, 59039 Lille Cedex", "adresse"),
        ("Peux-tu vérifier la clé de cet iban : fr76 4880 9679 1930 5159 6891 743 ?", "personne"),
        ("Nom;Service;Téléphone\nMairie;Accueil;0102030405", "personne"),
        ("Le lycée Jean Moulin ferme à 18 h pendant les vacances.", "personne"),
        ("Voir l'art. L. 1234-5 du code du travail.", "personne"),
        ("Le dossier Chorus est clos.", "personne"),
        ("france est en arret depuis lundi", "personne"),
        # A family name after "Dr" tells no gender: no same-gender couple read from it.
        ("Dr Marino vit avec son compagnon rémy mahieu, doit-on le déclarer ?", "vie_sexuelle"),
    ],
)
def test_names8_round_look_alikes_are_not_found(text: str, category: str) -> None:
    assert not found(text, category), (text, found(text, category))


def test_names8_a_list_of_figures_needs_half_its_words_known() -> None:
    assert found("Stock : Pommes 12 kg, Poires 8 kg, Samir 3 kg", "personne") == ["Samir"]
    assert found("congés : Hao 12 jours, Samir 8 jours, Ana 5 jours.", "personne") == [
        "Hao",
        "Samir",
        "Ana",
    ]


def test_names8_name_lists_hold_no_ordinary_word() -> None:
    """faker's lists (handlers/privacy/pii_names.py) without the words the guard or French
    use otherwise, and with the genders they tell."""
    from handlers.privacy import pii_keywords as kw
    from handlers.privacy import pii_names

    assert len(pii_names.GIVEN_NAMES) > 3000 and len(pii_names.FAMILY_NAMES) > 3000
    words = {"iban", "nir", "rue", "mairie", "service", "bonjour", "merci", "dossier", "mai"}
    words |= {"rose", "pierre", "france", "suite", "colis", "quel", "bises", "paris"}
    assert not words & (pii_names.GIVEN_NAMES | pii_names.FAMILY_NAMES)
    assert {"abderaouf", "houda", "massinissa", "ferreira", "popescu", "esposito"} <= (
        kw.FIRST_NAMES | kw.COMMON_SURNAMES
    )
    assert "dilcan" in kw.FEMALE_NAMES_IN_CONSONANT and "luca" in kw.MALE_NAMES_IN_E


NAMES8_PIECES = [
    "rousset ", "est ", "que ", "de la ", "De La ", "DE LA ", "dossier ", "l'avis de ", "Roche ",
    "Lucy ", " et ", ", ", "P.-Y. ", "Y. ", "L. ", "Kerbrat", ".", "Appartement 29 ", "28 ",
    "avenue des Lilas ", "à ", "Four ", "Pain", ", 51100 Reims", " BP 12,", " Cedex", "r. ",
    "date de naissance ", "c'est le ", "= ", "elle est née le ", "7 sept. 1992", "| ", "|---",
    "Nom ", "Prénom ", "nom: ", "RUIZ", "\n", "Trọng ", "Trần ", "Łukasz ", "LEFÈVRE ",
]  # fmt: skip


@pytest.mark.timeout(120)
@pytest.mark.parametrize("name", ["addresses", "birth_dates", "names_by_rules"])
@fuzz(examples=8, deadline=10.0)
@given(text=hostile(MESSAGE_MAX, NAMES8_PIECES))
def test_each_detector_on_the_pieces_of_the_names8_round(name: str, text: str) -> None:
    _check_findings(text, DETECTORS[name](text))


@pytest.mark.parametrize(
    "text",
    [
        "rousset est " * 6_000,
        "que de la " * 7_000 + "giraud a",
        "dossier " * 8_000 + "Roche",
        "Lucy et " * 8_000 + "Christelle",
        "P.-Y. de La " * 6_000 + "Kerbrat",
        "Appartement 29 " * 5_000 + "28 avenue des Lilas 68000 Colmar",
        "12 rue du Four" + " à Pain" * 8_000 + ", 51100 Reims",
        "date de naissance c'est le = " * 2_500 + "7 sept. 1992",
        "| Nom | Prénom | Service |\n" + "| RUIZ | Ana | Accueil |\n" * 2_000,
        "Oksana LEFÈVRE " * 4_000,
    ],
)
def test_names8_round_constructs_stay_linear(text: str) -> None:
    start = time.process_time()
    scan_text(text[:60_000])
    assert time.process_time() - start < 5.0


def test_dev10_is_what_its_generator_writes(tmp_path: Path) -> None:
    from devtools import pii_corpus_dev10

    path = tmp_path / "dev10.jsonl"
    pii_corpus_dev10.write(pii_corpus_dev10.generate(), path)
    assert path.read_bytes() == pii_corpus_dev10.OUT.read_bytes(), (
        "python -m devtools.pii_corpus_dev10"
    )


def test_dev10_lines_are_well_formed() -> None:
    from devtools import pii_corpus_dev10

    rows = load_set("dev10")
    assert len(rows) >= 250 and len({row["text"] for row in rows}) == len(rows)
    counts = pii_corpus_dev10.counts(rows)
    for category, least in (("personne", 200), ("adresse", 40), ("date_naissance", 30)):
        assert counts[category] >= least, (category, counts)
    for row in rows:
        assert row["split"] == "dev10" and row["template"].startswith("dev10_"), row
        for start, end, category in row["spans"]:
            assert category in CATEGORIES and 0 <= start < end <= len(row["text"]), row
            assert row["text"][start:end].strip() == row["text"][start:end], row


# -- topics9 round (test8's reading): art. 9/10 families whole, and their look-alikes ---------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # Religion: clothing wanted or worn, a religious reason, prayer times, a holiday after
        # "fête de" or a colon, a pilgrimage come back from, a philosophical belief.
        ("Mme Hubert a indiqué vouloir porter le foulard au guichet.", "religion"),
        ("M. Sow mettra la kippa pour la cérémonie.", "religion"),
        ("M. Garnier refuse la main aux femmes pour des raisons religieuses.", "religion"),
        ("Mme Roux refuse ce poste par conviction religieuse.", "religion"),
        ("Vu ses horaires de prière, M. Girard décale sa pause.", "religion"),
        ("M. Amrani s'absente pour prier le vendredi.", "religion"),
        ("Absence de M. Benali le 10 avril : fête de l'Aïd el-Fitr", "religion"),
        ("Absence de Mme Cohen le 14 avril : Pessah.", "religion"),
        ("M. Diallo revient du hajj et reprend lundi.", "religion"),
        ("M. Leclerc est franc-maçon.", "religion"),
        # Politics: an opposition seat, a party in lower case after an engagement or a list,
        # campaign work for a politician, "est à lfi" in chat.
        ("M. Boubacar siège dans l'opposition municipale.", "opinion_politique"),
        ("Mme Leroy est élue de la majorité municipale.", "opinion_politique"),
        (
            "Dans le cadre de son engagement au rn, M. Guichard demande un congé.",
            "opinion_politique",
        ),
        ("M. Mendès va aux réunions du MoDem.", "opinion_politique"),
        ("Mme Hamdani a fait la campagne de Glucksmann.", "opinion_politique"),
        ("ma cheffe est à lfi depuis 2017", "opinion_politique"),
        # Unions: a permanence held, a union in a table cell or in brackets of a delegation,
        # a compound union name, a regional secretary, "est à la sud" in chat.
        ("Mme Chauvet tient la permanence syndicale le lundi.", "syndicat"),
        ("Nom | Organisation\nDUPONT Simone | CFDT\nBAHLOUL Lucas | FSU", "syndicat"),
        ("nom | organisation\namara anis | cfdt\ndumas michelle | fsu", "syndicat"),
        ("Délégation reçue : MARTIN (SUD), GAUTHIER (CGT), HAMON (UNSA)", "syndicat"),
        ("Tableau des décharges : SIMON Agathe – SNUipp-FSU – 25 %", "syndicat"),
        ("Préavis déposé par Lucy Rivière, secrétaire régionale de la CGT.", "syndicat"),
        ("bastien est à la sud depuis vingt ans", "syndicat"),
        ("M. Roger est sur la liste FO aux élections professionnelles.", "syndicat"),
        # Sexual life: a partner of the same sex, an adjective between the possessive and the
        # partner, a transition begun.
        ("Mme Lambert est en couple avec une personne du même sexe.", "vie_sexuelle"),
        ("RDV PACS : Mme Combo et sa future partenaire de PACS Claudia Camanni.", "vie_sexuelle"),
        ("Elle a entamé une transition et souhaite changer de prénom.", "vie_sexuelle"),
        ("Marine Carré fait une transition de genre.", "vie_sexuelle"),
        (
            "Fiche famille – agent : SAADI Cécile ; conjointe (PACS) : COURTOIS Anaïs",
            "vie_sexuelle",
        ),
        ("Nom : DURAND Marc\nConjoint : PETIT Julien\nEnfants : 2", "vie_sexuelle"),
        # Offences: an act of violence or damage owned to or charged.
        ("PV d'audition : M. Amri reconnaît avoir frappé son voisin.", "infraction"),
        ("Rapport d'incident : M. Ruelle a dégradé sa cellule.", "infraction"),
        ("M. Petit aurait agressé un surveillant.", "infraction"),
        # Health: a follow-up named by its specialty, procedures, HIV in chat.
        ("Agent : Tonia Pulci | Motif : suivi oncologique", "sante"),
        ("M. Roy a un rendez-vous cardiologique jeudi.", "sante"),
        ("M. Guérin est en soins palliatifs.", "sante"),
        ("il est séropo depuis 2010", "sante"),
        # Genetics: a DNA sample, a genetic disease.
        ("Prélèvement ADN de Lucy Mathieu le 14 juillet.", "genetique_biometrie"),
        ("M. Carpentier a la mucoviscidose.", "genetique_biometrie"),
    ],
)
def test_topics9_round_families_are_found(text: str, category: str) -> None:
    assert found(text, category), text


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Que faire si un usager fait un malaise dans la salle d'attente ?", "sante"),
        ("C'est quoi la procédure quand un détenu demande à voir l'aumônier ?", "infraction"),
        ("Plainte pour discrimination : Mme Belkheir dit avoir été écartée.", "infraction"),
        ("Conseil génétique : une consultation par mois à l'hôpital.", "genetique_biometrie"),
        ("Le comité d'entreprise organise la fête de l'Aïd.", "religion"),
        ("La fête de l'Aïd est-elle un jour férié ?", "religion"),
        ("Mme Martin a entamé une transition professionnelle.", "vie_sexuelle"),
        ("Les syndicats signataires (CFDT, FO) et non signataires (CGT) sont reçus.", "syndicat"),
        ("La fédération (CGT) et la confédération (CFDT) ont signé.", "syndicat"),
        ("M. Martin est sur la liste des élections professionnelles.", "opinion_politique"),
        ("La permanence syndicale du lundi est déplacée en salle B.", "syndicat"),
        ("Le calendrier interreligieux (Pessah, Vesak, Aïd el-Kébir) est affiché.", "religion"),
        ("Nord | Sud | Est\nDUPONT Jean | Sud | Ouest", "syndicat"),
        ("Fiche famille – agent : SAADI Paul ; conjointe (PACS) : COURTOIS Anaïs", "vie_sexuelle"),
        ("Agent : Mme Roux ; conjoint : M. Petit", "vie_sexuelle"),
    ],
)
def test_topics9_round_look_alikes_are_not_found(text: str, category: str) -> None:
    assert not found(text, category), text


TOPICS9_PIECES = [
    "MARTIN ", "(CGT)", "(SUD), ", "| ", "|", "CFDT ", "cfdt ", "\n", "; ", "\t", "porter ",
    "le foulard ", "pour des raisons ", "religieuses ", "fête de ", "l'Aïd ", ": ", "Pessah",
    "revient du ", "pèlerinage ", "son engagement ", "au rn ", "siège dans ", "l'opposition ",
    "tient la ", "permanence syndicale ", "du même sexe ", "sa future ", "partenaire de PACS ",
    "a entamé une ", "transition ", "reconnaît avoir ", "frappé ", "son voisin ", "suivi ",
    "oncologique ", "si un ", "usager ", "fait un malaise ", "Mme ", "Carré ", "est à ",
]  # fmt: skip


@pytest.mark.timeout(120)
@fuzz(examples=12, deadline=10.0)
@given(text=hostile(MESSAGE_MAX, TOPICS9_PIECES))
def test_topics_on_the_pieces_of_the_topics9_round(text: str) -> None:
    _check_findings(text, DETECTORS["topics"](text))


@pytest.mark.parametrize(
    "text",
    [
        "MARTIN (CGT), " * 4_000,
        "DUPONT Jean | CFDT | " * 3_000,
        "|" * 60_000,
        "(" * 30_000 + "CGT)",
        "Z" * 59_990 + " (CGT)",
        "si un " * 10_000 + "usager fait un malaise",
        "quand un usager " * 4_000 + "est malade",
        "porter le foulard pour des raisons " * 1_500,
        "fête de " * 7_000 + "l'Aïd",
        ": " * 25_000 + "Pessah",
        "son engagement au " * 3_000 + "rn",
        "a entamé une " * 4_000 + "transition",
        "reconnaît avoir " * 3_500 + "frappé son voisin",
        "suivi " * 9_000 + "oncologique",
        "Mme Carré " * 5_000 + "fait une transition",
        "agent : Mme Roux ; conjointe : " * 2_000,
        "conjointe (PACS) : " * 3_000 + "Anaïs Roux",
    ],
)
def test_topics9_round_constructs_stay_linear(text: str) -> None:
    start = time.process_time()
    scan_text(text[:60_000])
    assert time.process_time() - start < 5.0


def test_dev11_is_what_its_generator_writes(tmp_path: Path) -> None:
    from devtools import pii_corpus_dev11

    path = tmp_path / "dev11.jsonl"
    pii_corpus_dev11.write(pii_corpus_dev11.generate(), path)
    assert path.read_bytes() == pii_corpus_dev11.OUT.read_bytes(), (
        "python -m devtools.pii_corpus_dev11"
    )


def test_dev11_lines_are_well_formed() -> None:
    from devtools import pii_corpus_dev11

    rows = load_set("dev11")
    assert len(rows) >= 250 and len({row["text"] for row in rows}) == len(rows)
    counts = pii_corpus_dev11.counts(rows)
    for category in TOPICS:
        assert counts[category] >= 10, (category, counts)
    for row in rows:
        assert row["split"] == "dev11" and row["template"].startswith("dev11_"), row
        for start, end, category in row["spans"]:
            assert category in CATEGORIES and 0 <= start < end <= len(row["text"]), row
            assert row["text"][start:end].strip() == row["text"][start:end], row


# -- names9 round (test8's reading): ranks, exports, lower-case streets, eight-digit dates -----


@pytest.mark.parametrize(
    ("text", "category", "value"),
    [
        # A rank or a trade before a family name, with or without an article, any particle.
        ("Le sergent-chef MASSON est de garde ce soir.", "personne", "MASSON"),
        ("L'adjudant BA et le maréchal des logis LE GOFF escortent.", "personne", "LE GOFF"),
        ("L'adjudant BA et le maréchal des logis LE GOFF escortent.", "personne", "BA"),
        ("La gardienne de la paix SISSOKO est en congé.", "personne", "SISSOKO"),
        ("Le légionnaire DE GILLET demande une permission.", "personne", "DE GILLET"),
        ("Réserviste MARTIN : absent à l'appel.", "personne", "MARTIN"),
        ("l'agent bamba a rendu son badge", "personne", "bamba"),
        ("la famille Le Floch arrive lundi", "personne", "Le Floch"),
        # Lists with a union in brackets, plannings, exports, headerless records.
        ("Délégation : PETIT (SUD), DIJOUX (CGT), ALLAL (UNSA)", "personne", "PETIT"),
        ("Délégation : PETIT (SUD), VAN DER BERG (CFDT)", "personne", "VAN DER BERG"),
        ("Planning\nMirador 1 | ATTIA | surveillant\nPCI | FONTAINE | surveillant", "personne",
         "ATTIA"),
        ('{"nom": "LARBI", "prenom": "Noël", "naissance": "05.10.70"}', "personne", "LARBI"),
        ('{"nom": "LARBI", "prenom": "Noël", "naissance": "05.10.70"}', "date_naissance",
         "05.10.70"),
        ("nom,prenom,date_naissance\nRODRIGUES,Jacqueline,14111987", "date_naissance",
         "14111987"),
        ("nom,prenom,date_naissance\nRODRIGUES,Jacqueline,14111987", "personne", "RODRIGUES"),
        ("DOĞAN;Solène;14 avr. 1961;06.67.91.47.08;solene.dogan55@hotmail.fr", "personne",
         "DOĞAN"),
        ("DOĞAN;Solène;14 avr. 1961;06.67.91.47.08;solene.dogan55@hotmail.fr", "date_naissance",
         "14 avr. 1961"),
        ("> De : laurent grondin <laurentgrondin9@icloud.com>", "personne", "laurent grondin"),
        # Dates of birth as eight digits.
        ("Identité vérifiée : DAVID Paul, né le 16071995.", "date_naissance", "16071995"),
        ("Agent : Chantal Leclerc — né(e) le 10121967 — matricule 9746418", "date_naissance",
         "10121967"),
        # Streets after a verb of residence, lower case, with or without number and postcode.
        ("jhabite 3 ter rue de la croix blanche depuis 2 ans", "adresse",
         "3 ter rue de la croix blanche"),
        ("les époux habitent rue des cerisiers - 65000 tarbes, la visite est lundi", "adresse",
         "rue des cerisiers - 65000 tarbes"),
        ("adresse : chez sa mère, place des hirondelles, 68100 mulhouse", "adresse",
         "place des hirondelles, 68100 mulhouse"),
        ("elle réside au 45 ter chemin des près depuis mars", "adresse", "45 ter chemin des près"),
        ("Adresse de l'enfant : chez sa mère, BP 399 - 97110 Pointe-à-Pitre", "adresse",
         "BP 399 - 97110 Pointe-à-Pitre"),
        ("agent : m chevallier\nadresse : allée gambetta - 95500 gonesse\ntél. : 0752618478",
         "adresse", "allée gambetta - 95500 gonesse"),
        # A card's number after its words and a colon.
        ("Carte corporate perdue : n° 5407-1480-7204-7983, porteur BLIN Honoré.", "carte",
         "5407-1480-7204-7983"),
        ("carte perdue : n° 379200140419085, porteur raymond", "carte", "379200140419085"),
    ],
)  # fmt: skip
def test_names9_round_families_are_found(text: str, category: str, value: str) -> None:
    assert value in found(text, category), (text, found(text, category))


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Le capitaine de gendarmerie tiendra une permanence.", "personne"),
        ("Surveillant Pénitentiaire : poste à pourvoir.", "personne"),
        ("Le surveillant principal signe le registre.", "personne"),
        ("Liste des syndicats : CGT (12 sièges), FO (8 sièges).", "personne"),
        ("Service | Étage | Horaire\nAccueil | RDC | 8h-12h\nCGT | 2e | 14h-18h", "personne"),
        ("De : Service RH <rh@mairie-lille.fr>", "personne"),
        ("Mairie de Lille, BP 667 - 59033 Lille Cedex", "adresse"),
        ("Préfecture - adresse : place de la préfecture, 86000 poitiers", "adresse"),
        ("Pour toute question, écrivez à spip.75@justice.fr.", "email"),
        ("Contact : inspection.travail.ut973@dreets.gouv.fr", "email"),
        ("Le service est né le 01012015 de la fusion de deux bureaux.", "date_naissance"),
        ("Commande n° 12032019 livrée le 14 mars.", "date_naissance"),
        ("Dossier n° 4532015112830366 transmis au greffe.", "carte"),
    ],
)
def test_names9_round_look_alikes_are_not_found(text: str, category: str) -> None:
    assert found(text, category) == [], (text, found(text, category))


NAMES9_PIECES = [
    "le ", "sergent-chef ", "caporal ", "LE ", "GOFF ", "DE ", "| ", "ATTIA ", ";", ",", "\n",
    '{"nom": "', '", ', '"naissance": "', "14111987", "05.10.70 ", "jhabite ", "habite ",
    "chez sa mère, ", "12 ", "rue ", "de la ", "croix ", " - ", "65000 ", "tarbes ", "(CGT) ",
    "PETIT ", "De : ", "laurent ", "<", "a@b.fr", ">", "né le ", "carte ", "n° ", ": ",
    "4539 5789 1234 5674 ", "réserviste ", "MARTIN ",
]  # fmt: skip


@pytest.mark.timeout(120)
@fuzz(examples=12, deadline=10.0)
@given(text=hostile(MESSAGE_MAX, NAMES9_PIECES))
def test_names_on_the_pieces_of_the_names9_round(text: str) -> None:
    _check_findings(text, DETECTORS["names_by_rules"](text))
    _check_findings(text, DETECTORS["addresses"](text))
    _check_findings(text, find_table_cells(text))


@pytest.mark.parametrize(
    "text",
    [
        "le sergent-chef " * 3_500,
        "LE " * 20_000,
        "| ATTIA " * 7_000,
        '{"nom": "' * 6_000,
        "PETIT (CGT), " * 4_500,
        "jhabite rue de la " * 3_300,
        "habite " * 8_000 + "12 rue",
        "DOĞAN;Solène;" * 4_000 + "a@b.fr",
        "De : laurent " * 4_500 + "<a@b.fr>",
        "nom,prenom,ddn\n" + "A,B,14111987\n" * 4_000,
    ],
)
def test_names9_round_constructs_stay_linear(text: str) -> None:
    start = time.process_time()
    scan_text(text[:60_000])
    assert time.process_time() - start < 5.0


def test_dev12_is_what_its_generator_writes(tmp_path: Path) -> None:
    from devtools import pii_corpus_dev12

    path = tmp_path / "dev12.jsonl"
    pii_corpus_dev12.write(pii_corpus_dev12.generate(), path)
    assert path.read_bytes() == pii_corpus_dev12.OUT.read_bytes(), (
        "python -m devtools.pii_corpus_dev12"
    )


def test_dev12_lines_are_well_formed() -> None:
    from devtools import pii_corpus_dev12

    rows = load_set("dev12")
    assert len(rows) >= 250 and len({row["text"] for row in rows}) == len(rows)
    counts = pii_corpus_dev12.counts(rows)
    for category in ("personne", "adresse", "date_naissance", "telephone", "email", "carte"):
        assert counts[category] >= 10, (category, counts)
    for row in rows:
        assert row["split"] == "dev12" and row["template"].startswith("dev12_"), row
        for start, end, category in row["spans"]:
            assert category in CATEGORIES and 0 <= start < end <= len(row["text"]), row
            assert row["text"][start:end].strip() == row["text"][start:end], row


# -- names10 round (after test9's reading): names, addresses, dates, phones, precision -------


@pytest.mark.parametrize(
    ("text", "category", "value"),
    [
        ("la soldate Monnier a pris son poste.", "personne", "Monnier"),
        ("L'adjudante-cheffe RIVIÈRE signe le registre.", "personne", "RIVIÈRE"),
        ("Le détenu DOS SANTOS demande un parloir.", "personne", "DOS SANTOS"),
        ("rdv avec Diesbach ce matin pour son avancement", "personne", "Diesbach"),
        ("Pendant la pause Jenny nous a parlé du projet.", "personne", "Jenny"),
        ("Au guichet, Nicolas Martin attendait depuis une heure.", "personne", "Nicolas Martin"),
        ("ma date de naissance c le 24/1/90 pq le site dit erreur", "date_naissance", "24/1/90"),
        ("pour le covoit au CHU appelle moi au 09-23-50-15-61", "telephone", "09-23-50-15-61"),
        (
            "fiche Luca Pereira 24 août 2003 +33133889493 21 rue de la Gare, 49100 Angers",
            "telephone",
            "+33133889493",
        ),
        (
            "Pour l'enquête, la visite à domicile aura lieu 4 rue des écoles, 59000 lille mardi.",
            "adresse",
            "4 rue des écoles, 59000 lille",
        ),
        (
            "lieu de vie de l'adolescent : 8 rue des Lilas, BP 97 - 20137 Porto-Vecchio Cedex",
            "adresse",
            "8 rue des Lilas, BP 97 - 20137 Porto-Vecchio Cedex",
        ),
    ],
)
def test_names10_people_homes_dates_and_phones(text: str, category: str, value: str) -> None:
    assert value in found(text, category)


@pytest.mark.parametrize(
    "text",
    [
        "Le tribunal judiciaire de Lille déménage : nouvelle adresse 14 rue Jean Moulin, CS "
        "78120, 39000 Lons-le-Saunier Cedex.",
        "Merci d'envoyer le dossier au SGAMI, 28 boulevard Jean-Baptiste Clément, 80000 Amiens.",
        "La formation aura lieu 20 avenue de Ségur, 75007 Paris.",
        "Le CFA Paul Langevin de Nantes ouvre ses inscriptions le 28 mai 2022.",
        "Combien de demandes ont été déposées au guichet unique de Bonifacio ?",
        "Le quartier Jean Moulin bénéficie du programme de renouvellement urbain.",
        "Mon supérieur répète à tout le monde que le dossier est prioritaire.",
        "Le stagiaire ENA a rendu son rapport, le stagiaire IRA aussi.",
        "Pour toute question, écrivez à dsden2a@ac-corse.fr ou consulat.dakar@diplomatie.gouv.fr.",
    ],
)
def test_names10_look_alikes_find_nothing(text: str) -> None:
    scan = DETECTOR.scan(text)
    assert not scan.identifiers, [(f.category, f.value) for f in scan.identifiers]


def test_names10_a_person_s_mailbox_with_digits_stays_personal() -> None:
    text = "écrivez à lea2a@gmail.com ou à dupont13@free.fr"
    assert found(text, "email") == ["lea2a@gmail.com", "dupont13@free.fr"]


NAMES10_PIECES = (
    "la soldate ", "Le détenu ", "rdv avec ", "DOS SANTOS ", "c le 24/1/90 ", "appelle moi au ",
    "06 12 34 56 78 ", "24 août 2003 +33133889493 ", "aura lieu ", "visite à domicile ",
    "déménage : nouvelle adresse ", "12 rue des Lilas, ", "59000 lille ", "Cedex ", "dsden2a@",
    "ac-corse.fr ", "guichet unique de ", "Au guichet, ", "répète à ", "lieu de vie ",
)  # fmt: skip


@pytest.mark.timeout(120)
@fuzz(examples=8, deadline=15.0)
@given(text=hostile(MESSAGE_MAX, NAMES10_PIECES))
def test_scan_text_on_the_pieces_of_the_names10_round(text: str) -> None:
    scan = scan_text(text)
    _check_findings(text, scan.identifiers)
    _check_findings(text, scan.topics)


@pytest.mark.parametrize(
    "text",
    [
        "aura lieu " * 6_000,
        "déménage : nouvelle adresse " * 2_200,
        "24 août 2003 +33133889493 " * 2_300,
        "a" * 59_990 + "2a@x.fr",
        "Au guichet, " * 5_000,
    ],
)
def test_names10_round_constructs_stay_linear(text: str) -> None:
    start = time.process_time()
    scan_text(text[:60_000])
    assert time.process_time() - start < 5.0


def test_dev14_is_what_its_generator_writes(tmp_path: Path) -> None:
    from devtools import pii_corpus_dev14

    path = tmp_path / "dev14.jsonl"
    pii_corpus_dev14.write(pii_corpus_dev14.generate(), path)
    assert path.read_bytes() == pii_corpus_dev14.OUT.read_bytes(), (
        "python -m devtools.pii_corpus_dev14"
    )


def test_dev14_lines_are_well_formed() -> None:
    from devtools import pii_corpus_dev14

    rows = load_set("dev14")
    assert len(rows) >= 150 and len({row["text"] for row in rows}) == len(rows)
    assert 2 * sum(not row["spans"] for row in rows) >= len(rows)  # half look-alikes
    counts = pii_corpus_dev14.counts(rows)
    for category in ("personne", "adresse", "date_naissance", "telephone"):
        assert counts[category] >= 10, (category, counts)
    for row in rows:
        assert row["split"] == "dev14" and row["template"].startswith("dev14_"), row
        for start, end, category in row["spans"]:
            assert category in CATEGORIES and 0 <= start < end <= len(row["text"]), row
            assert row["text"][start:end].strip() == row["text"][start:end], row


# -- topics, tenth round (issue 18, after test9's reading) -----------------------------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Paul Martin a été transféré en réanimation cette nuit.", "sante"),
        ("Chloé Mercier a été admise aux urgences hier soir.", "sante"),
        ("l'aide-soignant Da Costa est sous Lexomil.", "sante"),
        ("Nadia Haddad est sous chimio depuis mars.", "sante"),
        ("wsh sofia benali est dialysée trois fois par semaine", "sante"),
        ("Note : la surveillante Leroy est au bureau de la section SNEPAP-FSU.", "syndicat"),
        ("Paul Martin milite à l'UFAP-UNSA Justice.", "syndicat"),
        ("marie leclerc est mandatée par alliance police nationale", "syndicat"),
        ("Hubert Morel est défenseur syndical à la CFDT.", "syndicat"),
        ("iris laurent est déléguée de circonscription du modem", "opinion_politique"),
        ("Karim Haddad fréquente les milieux anarchistes.", "opinion_politique"),
        ("le fils de Paul Martin a été arrêté pour deal devant le lycée", "infraction"),
        ("Paul Martin fait des TIG le samedi.", "infraction"),
        ("Stagiaire Walid Benyahia : fiche de recherche pour vol aggravé.", "infraction"),
        ("Paul Martin s'est fait retirer 6 points pour téléphone au volant.", "infraction"),
        ("Paul Martin a accepté une composition pénale.", "infraction"),
        ("Lucie Morel a envoyé sa salive à 23andMe.", "genetique_biometrie"),
        ("Lucie Morel est porteuse saine de la drépanocytose.", "genetique_biometrie"),
        ("Rosalie Hamdani parle le wolof à la maison.", "origine"),
        ("Un usager a dit à Nour Cissé qu'elle était « une négresse ».", "origine"),
    ],
)
def test_topics10_families_are_found(text: str, category: str) -> None:
    assert found(text, category), text


@pytest.mark.parametrize(
    "text",
    [
        # A question about any agent, a definition, a procedure: no one in particular.
        "Comment déclarer un accident de service pour un agent qui s'est blessé en intervention ?",
        "Quelle est la procédure pr un agent en arrêt maladie de plus de six mois ?",
        "tu peux m'expliquer ce qu'est une rqth en deux phrases ?",
        "c'est quoi un congé longue durée exactement ?",
        "Un fonctionnaire en garde à vue doit-il prévenir son employeur ?",
        "Un agent condamné pénalement peut-il rester en poste ?",
        "Quelle est la durée d'une décharge syndicale pour un délégué ?",
        "Peut-on refuser un congé pour fête religieuse à un stagiaire ?",
        # A victim, a workplace, a note on a subject.
        "Fatoumata Ribeiro a porté plainte pour le vol de son vélo.",
        "Mehdi Le Goff est surveillant au centre de détention de Muret.",
        "Bastien Benali rédige la note sur la laïcité et le port du voile à l'école.",
    ],
)
def test_topics10_look_alikes_stay_quiet(text: str) -> None:
    scan = DETECTOR.scan(text)
    assert not scan.topics, (text, scan.topics)


@pytest.mark.parametrize(
    "text",
    [
        # Said of a concrete person, they stay found.
        "Une stagiaire porte le voile : quelles règles de neutralité s'appliquent à elle ?",
        "Urgent : une agente a fait une fausse couche, faut-il saisir le conseil médical ?",
        "Mon collègue Paul Martin va faire sa transition : comment changer son prénom ?",
        "M. Marty fait l'objet d'une plainte pour agression sexuelle ; quelles mesures ?",
    ],
)
def test_topics10_people_in_questions_stay_found(text: str) -> None:
    assert DETECTOR.scan(text).topics, text


TOPICS10_PIECES = (
    "comment déclarer un ", "pour un agent qui ", "pr une agente en ", "ce qu'est une ",
    "c'est quoi un ", "Un fonctionnaire en ", " peut-il ", " doit-elle ", "la durée d'une ",
    "admise aux urgences ", "est sous Lexomil ", "sous chimio ", "dialysée ", "23andMe ",
    "porteuse saine ", "gabarit biométrique ", "arrêté pour deal ", "fait des tig ",
    "fiche de recherche pour ", "retirer 6 points ", "une mention pour vol ",
    "composition pénale ", "déléguée de circonscription ", "fréquente les milieux ",
    "se dit royaliste ", "défenseure syndicale ", "l'UFAP-UNSA Justice ", "SNEPAP-FSU ",
    "alliance police nationale ", "a porté plainte pour ", "surveillant au centre de détention ",
    "parle le wolof à la maison ", "était « une négresse » ", "Paul Martin ", "? ",
)  # fmt: skip


@pytest.mark.timeout(120)
@fuzz(examples=8, deadline=15.0)
@given(text=hostile(MESSAGE_MAX, TOPICS10_PIECES))
def test_scan_text_on_the_pieces_of_the_topics10_round(text: str) -> None:
    scan = scan_text(text)
    _check_findings(text, scan.identifiers)
    _check_findings(text, scan.topics)


@pytest.mark.parametrize(
    "text",
    [
        "pour un agent qui " * 3_400,
        "un agent " * 6_600 + "peut-il ?",
        "sous " * 12_000,
        "comment déclarer un " * 3_000,
        "fiche de recherche pour " * 2_500,
    ],
)
def test_topics10_round_constructs_stay_linear(text: str) -> None:
    start = time.process_time()
    scan_text(text[:60_000])
    assert time.process_time() - start < 5.0


def test_dev13_is_what_its_generator_writes(tmp_path: Path) -> None:
    from devtools import pii_corpus_dev13

    path = tmp_path / "dev13.jsonl"
    pii_corpus_dev13.write(pii_corpus_dev13.generate(), path)
    assert path.read_bytes() == pii_corpus_dev13.OUT.read_bytes(), (
        "python -m devtools.pii_corpus_dev13"
    )


def test_dev13_lines_are_well_formed() -> None:
    from devtools import pii_corpus_dev13

    rows = load_set("dev13")
    assert len(rows) >= 150 and len({row["text"] for row in rows}) == len(rows)
    look_alikes = sum(row["template"].startswith(("dev13_neg", "dev13_none")) for row in rows)
    assert 2 * look_alikes >= 0.85 * len(rows)  # about half look-alikes
    counts = pii_corpus_dev13.counts(rows)
    for category in TOPICS:
        assert counts[category] >= 10, (category, counts)
    for row in rows:
        assert row["split"] == "dev13" and row["template"].startswith("dev13_"), row
        for start, end, category in row["spans"]:
            assert category in CATEGORIES and 0 <= start < end <= len(row["text"]), row
            if row["template"].startswith(("dev13_neg", "dev13_none")):
                assert category == "personne", row


# After test10's reading: a card number said to be the card's wins over an order word in the
# clause between, and "date naiss" is a birth date's label like "date de naiss.".

CARD_AND_BIRTH_FOUND = [
    ("Voici le numéro de carte utilisé pour la commande litigieuse : 4621936563674056.", "carte"),
    ("n° de sa carte pour le remboursement de la facture : 4557 6230 4381 8929", "carte"),
    ("numéro de CB utilisé lors de la réservation du dossier : 5908 1341 9665 7109", "carte"),
    ("date naiss 25.09.67 lieu Pamandzi", "date_naissance"),
    ("date naiss 2 octobre 1975 lieu Laval", "date_naissance"),
    ("Date de naiss. : 01/02/1976", "date_naissance"),
]
CARD_LOOK_ALIKES = [
    "dossier n° 4532 0151 1283 0366 à traiter",
    "numéro de commande : 4532015112830366",
]


@pytest.mark.parametrize(("text", "category"), CARD_AND_BIRTH_FOUND)
def test_cards_and_birth_dates_after_test10(text: str, category: str) -> None:
    found = {f.category for f in PiiDetector(ner="off").scan(text).identifiers}
    assert category in found, (text, found)


@pytest.mark.parametrize("text", CARD_LOOK_ALIKES)
def test_order_numbers_stay_references_after_test10(text: str) -> None:
    found = {f.category for f in PiiDetector(ner="off").scan(text).identifiers}
    assert "carte" not in found, (text, found)


def test_the_card_lead_stays_linear() -> None:
    text = ("numéro de carte " + "mot " * 6) * 5_000
    start = time.process_time()
    scan_text(text[:60_000])
    assert time.process_time() - start < 5.0


# -- names11 round 11 (after test10's reading) ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "category", "value"),
    [
        ("La prof Kerdraon est absente jeudi.", "personne", "Kerdraon"),
        ("Le greffier QUÉMÉNER a transmis la minute.", "personne", "QUÉMÉNER"),
        ("le surveillant du Prat conteste la note de service", "personne", "du Prat"),
        ("L'usager de la Lagarde attend sa carte.", "personne", "de la Lagarde"),
        ("Merci de prévenir Madame Avril avant midi.", "personne", "Avril"),
        ("Yann Juin rejoindra l'équipe lundi.", "personne", "Yann Juin"),
        ("slt jsuis claire etchegaray du bureau des pensions", "personne", "claire etchegaray"),
        (
            "Le 3 mars 2025, anaïs hakobyan <anais.hakobyan@free.fr> a écrit :",
            "personne",
            "anaïs hakobyan",
        ),
        ("Écrire à Sophie Arrouays, qui est déléguée CGT.", "personne", "Sophie Arrouays"),
        (
            "Courrier revenu de l'adresse indiquée : BP 4521, 12000 RODEZ Cedex",
            "adresse",
            "BP 4521, 12000 RODEZ Cedex",
        ),
        ("Adresse de la mère : Kerbrat, 29200 Brest", "adresse", "Kerbrat, 29200 Brest"),
        (
            "Adresse du tuteur : 8 impasse des Tilleuls, 87000 Limoges",
            "adresse",
            "8 impasse des Tilleuls, 87000 Limoges",
        ),
        (
            "Adresse du mineur suivi par la PJJ : 3 rue du Lavoir, 11100 Narbonne",
            "adresse",
            "3 rue du Lavoir, 11100 Narbonne",
        ),
    ],
)
def test_names11_people_and_homes(text: str, category: str, value: str) -> None:
    assert value in found(text, category)


@pytest.mark.parametrize(
    "text",
    [
        "Le palais des sports Colette Besson ferme ses portes le lundi.",
        "Rendez-vous devant le quartier militaire Pierre Brossolette à 9 h.",
        "Le palais de justice Jean Moulin ouvre à 8 h 30.",
        "La maison des associations Louise Weiss accueille le forum.",
        "La base aérienne Georges Guynemer recrute des mécaniciens.",
        "Adresse de la DGAFP : 12 rue Aimé Césaire, 64100 Bayonne",
        "Envoyez vos pièces à la DREES, 40 avenue Simone Veil, 35000 Rennes.",
        "Tableau des contacts : la SGDSN ; 01 42 75 80 00 ; courrier@gouv.fr",
        "Papier à en-tête : la DINUM — 5 place Jean Moulin, 20000 Ajaccio — 04 95 11 12 13",
        "Transmettre à la ANCT le bilan annuel avant le 12/03/2026.",
        "Réunion du comité le 3 Mai en salle 4.",
        "Le 3 mars 2025, Service RH <rh@interieur.gouv.fr> a écrit :",
        "jsuis pas dispo demain, on décale ?",
        "Le gardien du Louvre ouvre à 9 h.",
        "La prof d'Histoire remplace sa collègue.",
    ],
)
def test_names11_look_alikes_find_nothing(text: str) -> None:
    scan = DETECTOR.scan(text)
    assert not scan.identifiers, [(f.category, f.value) for f in scan.identifiers]


def test_names11_an_agent_s_own_line_under_an_acronym_stays_hers() -> None:
    # An acronym counts on the number's own line only, as an administration's word does.
    text = "Jean Kerdraon\nChargé de mission à la DGOS\n01 23 45 67 89"
    assert found(text, "telephone") == ["01 23 45 67 89"]


@pytest.mark.parametrize(
    "text",
    [
        "à la DGOS, " * 6_000,
        "le greffier du Prat " * 3_000,
        "Madame Avril " * 4_500,
        "Le 3 mars, a b <x@y.fr> " * 2_500,
        "Yann Juin " * 6_000,
    ],
)
def test_names11_round_constructs_stay_linear(text: str) -> None:
    start = time.process_time()
    scan_text(text[:60_000])
    assert time.process_time() - start < 5.0


def test_dev16_is_what_its_generator_writes(tmp_path: Path) -> None:
    from devtools import pii_corpus_dev16

    path = tmp_path / "dev16.jsonl"
    pii_corpus_dev16.write(pii_corpus_dev16.generate(), path)
    assert path.read_bytes() == pii_corpus_dev16.OUT.read_bytes(), (
        "python -m devtools.pii_corpus_dev16"
    )


def test_dev16_lines_are_well_formed() -> None:
    from devtools import pii_corpus_dev16

    rows = load_set("dev16")
    assert len(rows) >= 150 and len({row["text"] for row in rows}) == len(rows)
    assert 2 * sum(not row["spans"] for row in rows) >= len(rows) * 0.9  # about half
    counts = pii_corpus_dev16.counts(rows)
    for category in ("personne", "adresse", "date_naissance", "telephone", "email"):
        assert counts[category] >= 7, (category, counts)
    for row in rows:
        assert row["split"] == "dev16" and row["template"].startswith("dev16_"), row
        for start, end, category in row["spans"]:
            assert category in CATEGORIES and 0 <= start < end <= len(row["text"]), row
            assert row["text"][start:end].strip() == row["text"][start:end], row


# -- topics11 round 11 (after test10's reading) ---------------------------------------------
# "à" opens a place, not the verb "a"; prison units and databases are places and systems; what a
# document is about, in the plural; questions about any case; a gene of predisposition with its
# disease is genetic data only; independence said of someone; a partner's owner told by a rank,
# an apposition or the greeting of the message that quotes them; affairs; "épouse" between names.


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Paul Morel est au quartier de semi-liberté depuis avril.", "infraction"),
        ("Inès Roux a été écrouée à la maison d'arrêt de Laval.", "infraction"),
        ("Karim Haddad est militant autonomiste.", "opinion_politique"),
        ("ma collègue est sympathisante indépendantiste, je fais quoi ?", "opinion_politique"),
        ("Le lieutenant Morel part en vacances avec son compagnon.", "vie_sexuelle"),
        ("La commandante Yilmaz viendra avec sa compagne.", "vie_sexuelle"),
        ("Mme Lefort a une liaison depuis l'an dernier.", "vie_sexuelle"),
        ("Paul Morel a refait sa vie avec Julien Garnier.", "vie_sexuelle"),
        ("Sophie Morel élève ses enfants avec son amie.", "vie_sexuelle"),
        (
            "Visite de Léa Roux, la compagne de PETIT Camille, détenue au bâtiment A.",
            "vie_sexuelle",
        ),
        ("on dit que claire morel épouse Julie Garnier en mai", "vie_sexuelle"),
        (
            "Bonjour Clémence,\nTu m'as écrit : « je vis avec ma compagne à Brest ».\nPaul Roux",
            "vie_sexuelle",
        ),
        (
            "Paul Morel a un gène de prédisposition au cancer du côlon.",
            "genetique_biometrie",
        ),
    ],
)
def test_topics11_families_are_found(text: str, category: str) -> None:
    assert found(text, category), text


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # The disease a gene predisposes to is genetic data, not health.
        ("Paul Morel a un gène de prédisposition au cancer du côlon.", "sante"),
        ("Mme Roux est porteuse d'un gène de prédisposition à la maladie d'Alzheimer.", "sante"),
        # A partner of the other gender; a married name; a link between offices.
        ("La commandante Yilmaz viendra avec son mari.", "vie_sexuelle"),
        ("Mme Claire Morel épouse Garnier a déposé son dossier.", "vie_sexuelle"),
        ("Paul Morel assure la liaison avec la préfecture.", "vie_sexuelle"),
        ("Paul Morel a une liaison directe avec le standard.", "vie_sexuelle"),
        (
            "Bonjour Julien,\nTu m'as écrit : « je vis avec ma compagne à Brest ».\nPaul Roux",
            "vie_sexuelle",
        ),
        # Detainees in general, the places where they are.
        ("Paul Morel soigne des détenus âgés à la maison d'arrêt de Caen.", "infraction"),
        ("Léa Roux dirige le quartier de semi-liberté de Lyon.", "infraction"),
        ("Paul Morel présente la circulaire relative aux détenus en semi-liberté.", "infraction"),
        ("Léa Roux prépare un dossier sur le courant indépendantiste.", "opinion_politique"),
        ("Paul Morel administre la base biométrique des titres.", "genetique_biometrie"),
    ],
)
def test_topics11_look_alikes_with_a_name_stay_quiet(text: str, category: str) -> None:
    assert not found(text, category), text


@pytest.mark.parametrize(
    "text",
    [
        "Sujet : la prise en charge des détenus diabétiques à la maison d'arrêt de Gap.",
        "Pouvez-vous me donner la procédure pour le quartier de semi-liberté ?",
        "Pouvez-vous me donner la procédure pour la base biométrique des titres ?",
        "Peux-tu me préparer une note sur les arrêts maladie de longue durée ?",
        "Combien de jours de carence pour un arrêt maladie d'un contractuel ?",
        "Quel délai de carence en cas d'arrêt maladie ?",
        "Je cherche la circulaire concernant les détenus radicalisés.",
        "Peux-tu me résumer l'histoire du courant indépendantiste ?",
        "La liaison ferroviaire entre Brest et Quimper est coupée.",
    ],
)
def test_topics11_look_alikes_without_a_name_stay_quiet(text: str) -> None:
    scan = DETECTOR.scan(text)
    assert not scan.topics, (text, scan.topics)


@pytest.mark.parametrize(
    "text",
    [
        "Bonjour Léa,\n" + "Tu m'as écrit : « je vis avec ma compagne » " * 1_300,
        "la compagne de PETIT Camille, " * 2_000,
        "des détenus âgés à la maison d'arrêt " * 1_500,
        "a un gène de prédisposition au cancer du côlon " * 1_200,
        "X épouse Julie Garnier " * 2_700,
    ],
)
def test_topics11_round_constructs_stay_linear(text: str) -> None:
    start = time.process_time()
    scan_text(text[:60_000])
    assert time.process_time() - start < 5.0


def test_dev15_is_what_its_generator_writes(tmp_path: Path) -> None:
    from devtools import pii_corpus_dev15

    path = tmp_path / "dev15.jsonl"
    pii_corpus_dev15.write(pii_corpus_dev15.generate(), path)
    assert path.read_bytes() == pii_corpus_dev15.OUT.read_bytes(), (
        "python -m devtools.pii_corpus_dev15"
    )


def test_dev15_lines_are_well_formed() -> None:
    from devtools import pii_corpus_dev15

    rows = load_set("dev15")
    assert len(rows) >= 150 and len({row["text"] for row in rows}) == len(rows)
    look_alikes = sum(row["template"].startswith(("dev15_neg", "dev15_none")) for row in rows)
    assert 2 * look_alikes >= 0.75 * len(rows)  # about half look-alikes
    counts = pii_corpus_dev15.counts(rows)
    for category in TOPICS:
        assert counts[category] >= 10, (category, counts)
    for row in rows:
        assert row["split"] == "dev15" and row["template"].startswith("dev15_"), row
        for start, end, category in row["spans"]:
            assert category in CATEGORIES and 0 <= start < end <= len(row["text"]), row
            assert row["text"][start:end].strip() == row["text"][start:end], row
            if row["template"].startswith(("dev15_neg", "dev15_none")):
                assert category == "personne", row


# -- ids12 round 12 (after test11's reading) ---------------------------------------------------

_TREASURY_IBAN = "FR76 1007 1721 7000 0000 4399 560"


@pytest.mark.parametrize(
    ("text", "category", "value"),
    [
        (
            "Mme Odile Renaud, née le 4 déc. 88, demande un duplicata.",
            "date_naissance",
            "4 déc. 88",
        ),
        ("M. Armand Perrin, né le 17 août 61, est convoqué.", "date_naissance", "17 août 61"),
        ("DDN 19850412 pour le dossier de paie.", "date_naissance", "19850412"),
        ("Date de naissance (AAAAMMJJ) : 20070910", "date_naissance", "20070910"),
        ("Léa Roux, 19771203, 3 rue des Lilas, 29200 Brest", "date_naissance", "19771203"),
        (
            "Selon l'état civil, elle est née en avril 1961 à Vannes.",
            "date_naissance",
            "avril 1961",
        ),
        (
            "On m'a demandé ma date de naissance au guichet (12/03/1975).",
            "date_naissance",
            "12/03/1975",
        ),
        ("Date de naissance de mon fils : 8 janvier 21", "date_naissance", "8 janvier 21"),
        ("Mon fils est né le 20230514, quels papiers ?", "date_naissance", "20230514"),
        ("Joindre Mme Tauru sur son portable au 78.45.12 le soir.", "telephone", "78.45.12"),
        ("Tél. : 25 12 34 (domicile)", "telephone", "25 12 34"),
        ("rappelez-moi au 87.41.55.29 svp", "telephone", "87.41.55.29"),
        ("tel de Teiki Lacroix : 89 97 86 44", "telephone", "89 97 86 44"),
        (
            "Emma ((689) 87 14 10 50) propose d'héberger le stagiaire.",
            "telephone",
            "(689) 87 14 10 50",
        ),
        (
            "L'infirmière d'astreinte ce soir : Vaiana, 01 23 45 67 89.",
            "telephone",
            "01 23 45 67 89",
        ),
        (
            "La régie rembourse Mme Diallo sur son compte : " + _TREASURY_IBAN,
            "iban",
            _TREASURY_IBAN,
        ),
        ("Mon RIB pour le remboursement de la régie : " + _TREASURY_IBAN, "iban", _TREASURY_IBAN),
        ("La trésorerie a reçu le RIB de l'usager : " + _TREASURY_IBAN, "iban", _TREASURY_IBAN),
        ("La régie a remboursé Jean Dupont, IBAN " + _TREASURY_IBAN, "iban", _TREASURY_IBAN),
    ],
)
def test_ids12_identifiers_said_otherwise(text: str, category: str, value: str) -> None:
    assert value in found(text, category)


@pytest.mark.parametrize(
    "text",
    [
        "IBAN de la régie de recettes (Trésor public) : " + _TREASURY_IBAN,
        "RIB de la trésorerie de Brest : " + _TREASURY_IBAN,
        "Compte de dépôt de fonds de la régie d'avances : " + _TREASURY_IBAN,
        "Coordonnées bancaires du comptable public : " + _TREASURY_IBAN,
        "Coordonnées bancaires de la DDFiP 29 — " + _TREASURY_IBAN,
        "Virement sur le compte de la commune : " + _TREASURY_IBAN,
        "Le RIB de l'établissement figure sur la facture : " + _TREASURY_IBAN,
        "Virement à l'ordre du Trésor public, IBAN FR76 1007 1150 7856 8952 3762 448",
        "Pour toute question, écrire à admissions@ch-lens.fr.",
        "Les factures sont à adresser à facturation@chu-nantes.fr.",
        "La réunion du 12.03.24 se termine à 23.59.59.",
        "Mettre à jour le logiciel en version 40.12.01.02 avant lundi.",
        "Standard d'astreinte de la mairie : 79.79.79",
        "Astreinte du service : 25 12 34",
        "Délibération n° 20240312 du conseil municipal.",
        "Réunion du comité le 12 mars 26 à 10 h.",
        "La commune nouvelle est née en mars 2016 de la fusion de trois villages.",
    ],
)
def test_ids12_look_alikes_stay_unflagged(text: str) -> None:
    identifiers = {f.category for f in DETECTOR.scan(text).identifiers}
    assert not identifiers & {"iban", "nir", "carte", "email", "telephone", "date_naissance"}


def test_dev19_is_what_its_generator_writes(tmp_path: Path) -> None:
    from devtools import pii_corpus_dev19

    path = tmp_path / "dev19.jsonl"
    pii_corpus_dev19.write(pii_corpus_dev19.generate(), path)
    assert path.read_bytes() == pii_corpus_dev19.OUT.read_bytes(), (
        "python -m devtools.pii_corpus_dev19"
    )


def test_dev19_lines_are_well_formed() -> None:
    from devtools import pii_corpus_dev19

    rows = load_set("dev19")
    assert len(rows) >= 150 and len({row["text"] for row in rows}) == len(rows)
    look_alikes = sum(row["template"].startswith("dev19_neg") for row in rows)
    assert 2 * look_alikes >= 0.75 * len(rows)  # about half look-alikes
    assert all(not row["spans"] for row in rows if row["template"].startswith("dev19_neg"))
    counts = pii_corpus_dev19.counts(rows)
    for category in ("iban", "date_naissance", "telephone", "email", "personne"):
        assert counts[category] >= 10, (category, counts)


# -- topics12 round 12 (after test11's reading) ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Je suis adhérente de la FDSEA depuis mon installation.", "syndicat"),
        ("Mon voisin milite à la Confédération paysanne.", "syndicat"),
        ("La gérante du camping bénéficie d'une décharge syndicale.", "syndicat"),
        ("Mon collègue tenait le stand LFI à la braderie.", "opinion_politique"),
        ("Ma voisine distribue des tracts du RN le samedi.", "opinion_politique"),
        ("Je lis l'évangile à la messe de ma paroisse.", "religion"),
        ("Ma cheffe a fait un typage HLA pour un don de moelle.", "genetique_biometrie"),
        ("Il a donné un prélèvement de sang pour une étude génétique.", "genetique_biometrie"),
        ("Ma collègue a fait rectifier la mention de son sexe à l'état civil.", "vie_sexuelle"),
        ("J'ai fait changer mon sexe sur mon acte de naissance.", "vie_sexuelle"),
        ("Mon voisin s'est fait saisir du tabac de contrebande par la douane.", "infraction"),
        ("Ma cousine a payé une amende douanière à Roissy.", "infraction"),
        ("L'éleveur a été surpris en flagrant délit de vol.", "infraction"),
        ("Mon beau-père possède aussi la nationalité algérienne.", "origine"),
    ],
)
def test_topics12_families_are_found(text: str, category: str) -> None:
    assert found(text, category), text


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Mme Sow a sa visite médicale de reprise jeudi, qui la conduit ?", "sante"),
        ("Bonjour, c'est Baptiste. Je serai en retard.", "religion"),
        ("Moi c'est Baptiste, je remplace Lucie à l'accueil.", "religion"),
        ("Paul Durand coordonne les tests ADN sur les chiens de race.", "genetique_biometrie"),
        ("Lina Faure dirige le laboratoire HLA du CHU.", "genetique_biometrie"),
        ("Marc Petit installe le stand de la mairie au forum.", "opinion_politique"),
    ],
)
def test_topics12_look_alikes_with_a_name_stay_quiet(text: str, category: str) -> None:
    assert category not in [f.category for f in DETECTOR.scan(text).topics], text


@pytest.mark.parametrize(
    "text",
    [
        "Si une collègue fait une crise d'asthme, comment adapter le poste ?",
        "Lorsqu'un agent doit suivre une chimiothérapie, qui prévenir ?",
        "Si quelqu'un est mis en examen, l'employeur est-il informé ?",
        "Un agent public peut-il porter la kippa au guichet ?",
        "Une enseignante peut-elle prier pendant la pause ?",
        "Un fonctionnaire peut-il être candidat aux élections régionales ?",
        "Un agent non syndiqué peut-il assister à l'heure d'information ?",
        "Un militaire peut-il adhérer au RN ?",
        "Le laboratoire vétérinaire fait des analyses génétiques des bovins.",
        "La brigade a interpellé trois individus la nuit dernière.",
        "La douane a confisqué 300 cartouches de contrebande au port.",
        "Comment faire modifier la mention du sexe à l'état civil ?",
        "La visite médicale de reprise est obligatoire après trente jours d'arrêt.",
        "Le stand du PS sera installé place de la mairie.",
    ],
)
def test_topics12_look_alikes_without_a_name_stay_quiet(text: str) -> None:
    scan = DETECTOR.scan(text)
    assert not scan.topics, (text, scan.topics)


@pytest.mark.parametrize(
    "text",
    [
        "si une collègue a une crise de " * 2_000,
        "Un agent public peut-il porter " * 2_000,
        "analyses génétiques des bovins " * 2_000,
        "s'est fait saisir du tabac " * 2_200,
    ],
)
def test_topics12_round_constructs_stay_linear(text: str) -> None:
    start = time.process_time()
    scan_text(text[:60_000])
    assert time.process_time() - start < 5.0


def test_dev17_is_what_its_generator_writes(tmp_path: Path) -> None:
    from devtools import pii_corpus_dev17

    path = tmp_path / "dev17.jsonl"
    pii_corpus_dev17.write(pii_corpus_dev17.generate(), path)
    assert path.read_bytes() == pii_corpus_dev17.OUT.read_bytes(), (
        "python -m devtools.pii_corpus_dev17"
    )


def test_dev17_lines_are_well_formed() -> None:
    from devtools import pii_corpus_dev17

    rows = load_set("dev17")
    assert len(rows) >= 150 and len({row["text"] for row in rows}) == len(rows)
    look_alikes = sum(row["template"].startswith(("dev17_neg", "dev17_none")) for row in rows)
    assert 2 * look_alikes >= 0.75 * len(rows)  # about half look-alikes
    counts = pii_corpus_dev17.counts(rows)
    for category in TOPICS:
        assert counts[category] >= 10, (category, counts)
    for row in rows:
        assert row["split"] == "dev17" and row["template"].startswith("dev17_"), row
        for start, end, category in row["spans"]:
            assert category in CATEGORIES and 0 <= start < end <= len(row["text"]), row
            assert row["text"][start:end].strip() == row["text"][start:end], row
            if row["template"].startswith(("dev17_neg", "dev17_none")):
                assert category == "personne", row


# -- names12 round 12 (after test11's reading) ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Le contribuable Haristoy conteste la pénalité de retard.", "Haristoy"),
        ("L'éleveuse Teriitehau demande un report du contrôle.", "Teriitehau"),
        ("La juge Ainhoa Iturralde attend la note lundi.", "Ainhoa Iturralde"),
        ("Notre secrétaire de mairie Quillivic est en congé.", "Quillivic"),
        ("La surveillante d'internat Vaiana Tetuanui arrive à 7 h.", "Vaiana Tetuanui"),
        ("Bureau n° 4 : présidente Lou Santoni, assesseurs Wapotro et Naisseline.", "Wapotro"),
        ("Procuration — mandant Bernadac ; mandataire Rindra Jaouen.", "Rindra Jaouen"),
        ("Merci de rappeler Mai Razafindrakoto au sujet de sa bourse.", "Mai Razafindrakoto"),
        ("dossier 88412 nom ELISSALDE", "ELISSALDE"),
        ("euh donc Teiki Gouriou porte les dossiers au greffe", "Teiki Gouriou"),
        ("Dans sa réponse, Zanetti indique qu'elle a déjà payé.", "Zanetti"),
        ("Visite chez Mme LE DU mardi après-midi.", "LE DU"),
        ("Courrier à adresser à Kaena Haristoy Résidence Les Alizés - Bât C", "Kaena Haristoy"),
        ("Je soussignée Soizic Quillivic atteste sur l'honneur.", "Soizic Quillivic"),
        ("slt je mapelle Manutea Wapotro j'ai pas eu mon avis", "Manutea Wapotro"),
        ("Merci de décaler le créneau en sous-préfecture de Maëlle.", "Maëlle"),
        ("Fiche : Goulven Jaouen, né le 3 mars 1961, à rappeler.", "Goulven Jaouen"),
    ],
)
def test_names12_names_said_by_role_and_form(text: str, name: str) -> None:
    assert name in found(text, "personne")


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Nouvelle adresse de Mme Santoni : 12 ch. des Salines, 29200 Brest", None),
        ("M. Jaouen, chem. de la Croix-Blanche, 22300 Lannion", None),
        ("M. Jaouen, 4 rte. de Plouaret 22300 Lannion", None),
        ("Mme Elissalde, qu. de la Fosse, 40100 Dax", None),
        ("M. Gouriou, r. des Tanneurs, 56000 Vannes", None),
        (
            "Teiki Santoni habite PK 12,4 côté mer, 98718 Punaauia.",
            "PK 12,4 côté mer, 98718 Punaauia",
        ),
        (
            "Pour la famille Haristoy : maison Haranea, quartier Amotz, 64310 Ascain.",
            "maison Haranea, quartier Amotz, 64310 Ascain",
        ),
        (
            "Xan Bernadac a signalé son changement d'adresse à la CPAM : 8 rue des Goélands, "
            "29200 Brest.",
            "8 rue des Goélands, 29200 Brest",
        ),
        (
            "adresse perso : 7 rue du 11-novembre-1918 40100 dax",
            "7 rue du 11-novembre-1918 40100 dax",
        ),
        (
            "Fiche : Xan Zanetti, né le 21 septembre 1974, lieu-dit Kerhuel, 20250 Corte.",
            "lieu-dit Kerhuel, 20250 Corte",
        ),
    ],
)
def test_names12_homes_without_the_usual_shape(text: str, address: str | None) -> None:
    addresses = found(text, "adresse")
    if address is None:  # the street and its town, whatever comes before
        assert len(addresses) == 1 and addresses[0].endswith(text.rsplit(", ", 1)[-1]), addresses
    else:
        assert address in addresses


@pytest.mark.parametrize(
    "text",
    [
        "La douane du Robert a intercepté 12 kg de tabac.",
        "Le marché du samedi au Marin est déplacé.",
        "SAS Menuiserie du Léon, marché de travaux du gymnase.",
        "La douane de Nancy recrute des vacataires.",
        "Exposition sur Victor Schœlcher à la bibliothèque jusqu'au 3 mai.",
        "Conférence sur Olympe de Gouges samedi à l'auditorium.",
        "Le référent LGBTQIA+ du rectorat tient une permanence.",
        "Mme Durand a la double nationalité franco-italienne.",
        "Le facteur V Leiden est recherché dans ce bilan.",
        "Le CCAS a transmis son changement d'adresse à la préfecture : 3 av. de la Gare, "
        "56000 Vannes.",
        "Travaux au PK 14,5 de la RN 2 : circulation alternée.",
        "Visite de la Maison Carrée, quartier Écusson, 30000 Nîmes, pour les stagiaires.",
        "Le rendez-vous en préfecture de Vannes est décalé.",
        "Bureau de vote : président de séance et assesseurs restent à désigner.",
        "Dans sa circulaire, la DGFiP précise que le délai est prolongé.",
    ],
)
def test_names12_look_alikes_stay_unflagged(text: str) -> None:
    scan = DETECTOR.scan(text)
    flagged = [f for f in scan.identifiers if f.category in ("personne", "adresse")]
    assert [f.value for f in flagged if f.value not in ("Durand",)] == [], flagged


@pytest.mark.parametrize(
    "text",
    [
        "maison Haranea, quartier Amotz " * 2_000,
        "PK 12,4 côté mer, " * 3_000,
        ": Haritz Teriitehau, né " * 2_500,
        "son changement d'adresse a la " * 2_000,
        "r. des r. du ch. de " * 3_000,
        "bon ben Mai Mai Mai " * 3_000,
    ],
)
def test_names12_round_constructs_stay_linear(text: str) -> None:
    start = time.process_time()
    scan_text(text[:60_000])
    assert time.process_time() - start < 5.0


def test_dev18_is_what_its_generator_writes(tmp_path: Path) -> None:
    from devtools import pii_corpus_dev18

    path = tmp_path / "dev18.jsonl"
    pii_corpus_dev18.write(pii_corpus_dev18.generate(), path)
    assert path.read_bytes() == pii_corpus_dev18.OUT.read_bytes(), (
        "python -m devtools.pii_corpus_dev18"
    )


def test_dev18_lines_are_well_formed() -> None:
    from devtools import pii_corpus_dev18

    rows = load_set("dev18")
    assert len(rows) >= 150 and len({row["text"] for row in rows}) == len(rows)
    look_alikes = sum(row["template"].startswith("dev18_neg") for row in rows)
    assert 2 * look_alikes >= 0.75 * len(rows)  # about half look-alikes
    counts = pii_corpus_dev18.counts(rows)
    assert counts["personne"] >= 100 and counts["adresse"] >= 30, counts
    for row in rows:
        assert row["split"] == "dev18" and row["template"].startswith("dev18_"), row
        for start, end, category in row["spans"]:
            assert category in CATEGORIES and 0 <= start < end <= len(row["text"]), row
            assert row["text"][start:end].strip() == row["text"][start:end], row
            if row["template"].startswith("dev18_neg"):
                raise AssertionError(row)


# -- topics13 round 13 (after test12's reading) ---


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Mon frère a été hospitalisé sous contrainte le mois dernier.", "sante"),
        ("Ma voisine a été admise en soins psychiatriques sans consentement.", "sante"),
        ("Mon chef a été opéré du cœur en mai.", "sante"),
        ("Mon oncle était gilet jaune à Rouen.", "opinion_politique"),
        ("Mon collègue a voté contre l'indépendance au référendum.", "opinion_politique"),
        ("Ma sœur participe aux actions d'Extinction Rebellion.", "opinion_politique"),
        ("Mon collègue est adhérent du SNUPFEN.", "syndicat"),
        ("La substitute est membre de l'USM.", "syndicat"),
        ("Mon voisin est kali'na.", "origine"),
        ("Je suis bushinengué et je cherche un logement.", "origine"),
        ("Ma collègue est fille de pieds-noirs.", "origine"),
        ("Mon voisin pratique le BDSM.", "vie_sexuelle"),
        ("Mon collègue mène une double vie.", "vie_sexuelle"),
        (
            "Ma collègue a demandé le changement de la mention du sexe à l'état civil.",
            "vie_sexuelle",
        ),
        ("Ma collègue a enrôlé sa voix pour l'authentification.", "genetique_biometrie"),
        ("Ferrand K. a une trisomie 21, faut-il un consentement ?", "genetique_biometrie"),
        ("Mon collègue est suivi par le SPIP.", "infraction"),
        ("Mon voisin a conduit sans permis.", "infraction"),
        ("Le gérant a été redressé pour travail dissimulé.", "infraction"),
        ("Mon locataire a un casier pour vol.", "infraction"),
        ("Le mineur fait l'objet d'une mesure éducative judiciaire pénale.", "infraction"),
    ],
)
def test_topics13_families_are_found(text: str, category: str) -> None:
    assert found(text, category), text


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Mme Roux, victime d'une escroquerie en ligne, demande une attestation.", "infraction"),
        ("Transmissions du service de psychiatrie : Paul Roux sort demain.", "sante"),
        ("Mme Roux anime la plateforme de séquençage du CHU.", "genetique_biometrie"),
        ("Paul Roux a fait un test ADN d'ascendance, est-ce légal ?", "origine"),
        ("L'élève Léa est atteinte du syndrome de Marfan.", "sante"),
        ("Paul Roux doit porter un gilet jaune sur le chantier.", "opinion_politique"),
        ("Paul Roux a un casier au vestiaire du gymnase.", "infraction"),
        ("Lina Faure milite au SNPES-PJJ.", "opinion_politique"),
    ],
)
def test_topics13_look_alikes_with_a_name_stay_quiet(text: str, category: str) -> None:
    assert category not in [f.category for f in DETECTOR.scan(text).topics], text


@pytest.mark.parametrize(
    "text",
    [
        "Petite question : un agent public peut-il porter le voile en classe ?",
        "Pour une note : un fonctionnaire peut-il être candidat aux municipales ?",
        "Un agent peut-il refuser de dire s'il est syndiqué ? Question générale.",
        "Fiche sur les droits d'un agent en burn-out, cas général.",
        "Statistiques 2023 : jours d'arrêt maladie par site, fais-moi un graphique.",
        "Combien de lits en psychiatrie dans le département ? Trouve-moi la source.",
        "Combien d'infractions routières en 2024 ? Donne-moi la source.",
        "Combien d'heures de décharge syndicale pour 50 agents ? Aide-moi.",
        "Les harkis et leurs enfants ont droit à une réparation.",
        "Le syndrome de Turner touche une fille sur 2 500.",
        "La conduite sans permis est un délit : rédige l'affiche.",
    ],
)
def test_topics13_look_alikes_without_a_name_stay_quiet(text: str) -> None:
    scan = DETECTOR.scan(text)
    assert not scan.topics, (text, scan.topics)


def test_dev20_is_what_its_generator_writes(tmp_path: Path) -> None:
    from devtools import pii_corpus_dev20

    path = tmp_path / "dev20.jsonl"
    pii_corpus_dev20.write(pii_corpus_dev20.generate(), path)
    assert path.read_bytes() == pii_corpus_dev20.OUT.read_bytes(), (
        "python -m devtools.pii_corpus_dev20"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Statistiques : combien de " * 2_500,
        "victime d'une escroquerie et " * 2_000,
        "les harkis touchent un sur " * 2_500,
        "Koné L. a une trisomie " * 2_500,
    ],
)
def test_topics13_round_constructs_stay_linear(text: str) -> None:
    start = time.process_time()
    scan_text(text[:60_000])
    assert time.process_time() - start < 5.0


# -- names13 round 13 (after test12's reading) ---


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Le militaire Etchegaray est absent lundi.", "Etchegaray"),
        ("La mineure Teura sera entendue jeudi.", "Teura"),
        ("Le chercheur associé Paolantoni demande un accès.", "Paolantoni"),
        ("La proviseure adjointe Kerbrat part en formation.", "Kerbrat"),
        ("L'agent patrimonial Quiniou signe le registre.", "Quiniou"),
        ("Le maire, Massoni, ouvre la séance.", "Massoni"),
        ("L'enfant Mahina arrive au foyer demain.", "Mahina"),
        ("Liste d'appel : Tehei K., présent le matin.", "Tehei K."),
        ("À l'internat, Hoani (15 ans) a fugué.", "Hoani"),
        ("Peut-on verser au dossier RH de Wamytan le compte rendu ?", "Wamytan"),
        ("Dossier de Arrieta : il manque un avis.", "Arrieta"),
        ("Fiche / nom OULEDI / prénom Anli — à vérifier", "OULEDI"),
        ("Comment justifier mon absence de mardi ? Nolwenn Quiniou", "Nolwenn Quiniou"),
        ("Indemnités de changement de résidence du major Harriet : quel barème ?", "Harriet"),
        ('Export :\n"MASSONI","Ewen","1979-04-02","06 11 22 33 44"', "MASSONI"),
    ],
)
def test_names13_names_said_by_role_field_and_age(text: str, name: str) -> None:
    assert name in found(text, "personne")


@pytest.mark.parametrize(
    "text",
    [
        "Vite fait : combien de jours de congé pour un mariage ?",
        "Petite question : la Banque de France demande quel justificatif ?",
        "Le stage se fera au consulat général de France à Québec.",
        "Voir l'Article L. 123 et l'Annexe B. du règlement.",
        "La jeune femme reçue hier n'a pas donné son nom.",
        "Le maire de Lannion inaugure la médiathèque.",
        "Présents : Joseph Maillard, Brahim Lemaire\nExcusé : Bonnin",
    ],
)
def test_names13_look_alikes_name_no_one_wrongly(text: str) -> None:
    names = found(text, "personne")
    assert not any(n in ("Vite", "Petite", "France", "Article", "Annexe", "Excusé") for n in names)
    assert not any(n.startswith(("femme", "Lannion")) for n in names), names


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Mme Trân demeure Rua Augusta 40, 1100-048 Lisboa.", "Rua Augusta 40, 1100-048 Lisboa"),
        ("Adresse de M. Arrieta : Calle Mayor 8, 28013 Madrid", "Calle Mayor 8, 28013 Madrid"),
        ("M. Kerbrat vit Kaiserstraße 12, 60311 Frankfurt.", "Kaiserstraße 12, 60311 Frankfurt"),
        ("Adresse de Mme Tehei : 9 Mill Lane, Oxford OX1 2AB", "9 Mill Lane, Oxford OX1 2AB"),
        (
            "Mme Trân habite 21 phố Lý Thường Kiệt, Hoàn Kiếm, Hà Nội.",
            "21 phố Lý Thường Kiệt, Hoàn Kiếm, Hà Nội",
        ),
        (
            "M. Quiniou habite 55 rue Saint-Denis, Montréal (Québec) H2X 3K8.",
            "55 rue Saint-Denis, Montréal (Québec) H2X 3K8",
        ),
        (
            "M. Wamytan habite 4 rue Pasteur, Montravel, 98800 Nouméa.",
            "4 rue Pasteur, Montravel, 98800 Nouméa",
        ),
        (
            "Convocation de Mme Ouledi\nrue des Tamaris, quartier Tsoundzou, 97600 Mamoudzou",
            "rue des Tamaris, quartier Tsoundzou, 97600 Mamoudzou",
        ),
        ("nouvelle adresse de Ewen Quiniou : 3 karrer ar Feunteun, 29200 Brest", None),
        ("Puis installation cité des Mimosas, 97600 Mamoudzou pour M. Anli.", None),
        ("Voici l'adresse perso de l'infirmière : 8 rue Pasteur, 22300 Lannion", None),
    ],
)
def test_names13_homes_abroad_and_districts(text: str, address: str | None) -> None:
    addresses = found(text, "adresse")
    if address is None:
        assert len(addresses) == 1, addresses
    else:
        assert address in addresses


@pytest.mark.parametrize(
    "text",
    [
        "Adresse de la structure : 12 quai de la Douane, 29200 Brest.",
        "Livraison au magasin de la régie, 3 place du Marché, 22300 Lannion.",
        "Le consulat de France est situé Rua Santos-o-Velho 5, 1200-811 Lisboa.",
    ],
)
def test_names13_offices_addresses_stay_unflagged(text: str) -> None:
    assert not found(text, "adresse")


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("la DDN de Anli Ouledi est 19750302 mais le passeport dit 02/04/1976.", 2),
        ("Carte de Mme Tehei (naissance le 3 mai 1981 à Brest) : pièce manquante.", 1),
        ("Note : Arrieta J. (14/02/1966) demande un logement.", 1),
    ],
)
def test_names13_birth_dates_said_otherwise(text: str, dates: int) -> None:
    assert len(found(text, "date_naissance")) == dates


@pytest.mark.parametrize(
    ("text", "personal"),
    [
        ("Mon portable pendant l'astreinte : 06 12 34 56 78. Ewen", True),
        ("Ligne directe de Mme Arrieta au service des sports : 05 59 12 34 56", True),
        ("Le numéro de l'astreinte technique est le 02 98 12 34 56.", False),
        ("Ligne directe du service de l'état civil : 02 98 12 34 56.", False),
        ("Le consulat général se joint au +351 21 393 1234.", False),
        ("N° d'avis d'échéance 0298855805 : le loyer est impayé.", False),
    ],
)
def test_names13_whose_phone_line(text: str, personal: bool) -> None:
    assert bool(found(text, "telephone")) is personal


@pytest.mark.parametrize(
    "text",
    [
        "Écrire à capitainerie@port-lannion.fr pour la place au port.",
        "Le comité répond sur cfe@region-bretagne.fr.",
        "Les candidatures vont à essais-cliniques@chu-brest.fr.",
    ],
)
def test_names13_service_mailboxes_stay_unflagged(text: str) -> None:
    assert not found(text, "email")


def test_dev21_is_what_its_generator_writes(tmp_path: Path) -> None:
    from devtools import pii_corpus_dev21

    path = tmp_path / "dev21.jsonl"
    pii_corpus_dev21.write(pii_corpus_dev21.generate(), path)
    assert path.read_bytes() == pii_corpus_dev21.OUT.read_bytes(), (
        "python -m devtools.pii_corpus_dev21"
    )


# -- names14 round 14 (after test13's reading) ---


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Le marin-pêcheur Larrieu embarque lundi.", "Larrieu"),
        ("La patronne pêcheuse Tauraa rentre au port.", "Tauraa"),
        ("Convention : la conservatrice Albane Quéré prête deux toiles.", "Albane Quéré"),
        ("Qui signe pour le conseiller Pennanéach ?", "Pennanéach"),
        ("Permission refusée pour le sergent de Kersauson.", "de Kersauson"),
        ("La visite du matelot d'Aubigné est reportée.", "d'Aubigné"),
        ("La lieutenante de La Morinière est en mission.", "de La Morinière"),
        ("Médaille pour Gaëlle Toumelin, née Cadiou, au CCAS.", "Cadiou"),
        ("Le livret de Soizic Mokrani épouse Salaün est à scanner.", "Soizic Mokrani"),
        ("Le livret de Soizic Mokrani épouse Salaün est à scanner.", "Salaün"),
        ("C'est Moreau qui ferme la salle ou c'est Le Guennec ?", "Le Guennec"),
        ("Hinatea Susini, technicienne de laboratoire, présentera le bilan.", "Hinatea Susini"),
        ("Comité : Iban Larrieu, gestionnaire de paie au SGC, siègera.", "Iban Larrieu"),
        ("bon alors gurvan cadiou est témoin de Jéhovah donc on voit", "gurvan cadiou"),
        ("Un mot pour le pot de départ de Chevalier vendredi ?", "Chevalier"),
    ],
)
def test_names14_names_by_trade_birth_name_and_apposition(text: str, name: str) -> None:
    assert name in found(text, "personne")


@pytest.mark.parametrize(
    "text",
    [
        "Le sergent de garde ouvre la barrière à 7 h.",
        "Le matelot de quart signe le registre à minuit.",
        "Le vaccin contre l'hépatite B. Quel calendrier pour les agents ?",
        "Le planning familial de Nancy demande une subvention.",
        "Les Jeunes Agriculteurs organisent un marché ; chez les Jeunes Agriculteurs.",
        "C'est la mairie qui ferme la salle ou c'est le gardien ?",
        "Rédige l'annonce : le musée recrute un conservateur du patrimoine.",
        "Le Service Social, né Bureau des aides, déménage.",
        "Le lieu-dit Pen ar Hoat est inscrit au cadastre de Plogoff.",
    ],
)
def test_names14_look_alikes_name_no_one(text: str) -> None:
    assert not found(text, "personne")


@pytest.mark.parametrize(
    ("text", "category", "value"),
    [
        ("D.N. 1er juin 1975 | CADIOU Erwan | licence", "date_naissance", "1er juin 1975"),
        ("Numéro de la famille d'accueil : 06 12 34 56 78.", "telephone", "06 12 34 56 78"),
        (
            "Mme Quéré s'installe à La Réunion : 12 rue des Cordiers, 97410 Saint-Pierre.",
            "adresse",
            "12 rue des Cordiers, 97410 Saint-Pierre",
        ),
        (
            "Adresse déclarée par Iban Susini : lieu-dit Pen ar Hoat, 29770 Plogoff",
            "adresse",
            "lieu-dit Pen ar Hoat, 29770 Plogoff",
        ),
        (
            "Nouvelle adresse de Raiarii Tauraa : village de Vailala, 98600 Hihifo.",
            "adresse",
            "village de Vailala, 98600 Hihifo",
        ),
    ],
)
def test_names14_identifiers_said_otherwise(text: str, category: str, value: str) -> None:
    assert value in found(text, category)


@pytest.mark.parametrize(
    "text",
    [
        "Écrivez à cultes@ac-rennes.fr pour les associations cultuelles.",
        "Le service répond sur antidopage@chu-bayonne.fr.",
        "Pour les visites, écrire à medecine.preventive@ac-rennes.fr.",
        "Les rôles vont à affaires.maritimes@ddtm-finistere.gouv.fr.",
        "Numéro de l'accueil : 02 98 12 34 56, ouvert le matin.",
        "La réunion de jeudi se tiendra au 3 quai de la Douane, 29200 Brest, salle 4.",
    ],
)
def test_names14_service_contacts_stay_unflagged(text: str) -> None:
    assert not (found(text, "email") or found(text, "telephone") or found(text, "adresse"))


def test_dev23_is_what_its_generator_writes(tmp_path: Path) -> None:
    from devtools import pii_corpus_dev23

    path = tmp_path / "dev23.jsonl"
    pii_corpus_dev23.write(pii_corpus_dev23.generate(), path)
    assert path.read_bytes() == pii_corpus_dev23.OUT.read_bytes(), (
        "python -m devtools.pii_corpus_dev23"
    )


# -- topics14 round 14 (after test13's reading) ---


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Mon collègue a reçu une greffe de rein l'an dernier.", "sante"),
        ("Ma collègue a été déclarée inapte par le médecin de prévention.", "sante"),
        ("Ma voisine est atteinte d'une thalassémie.", "genetique_biometrie"),
        ("Mon frère souffre d'hémophilie.", "genetique_biometrie"),
        ("Mon chef a une maladie de Steinert.", "genetique_biometrie"),
        ("J'ai une mutation du gène HFE.", "genetique_biometrie"),
        ("Ma sœur a un profil génétique à haut risque de cancer du sein.", "genetique_biometrie"),
        ("Mon voisin a fraudé à la CAF pendant deux ans.", "infraction"),
        ("Mon fils a été condamné par le tribunal correctionnel pour vol.", "infraction"),
        ("Mon collègue est tenu de pointer à la gendarmerie.", "infraction"),
        ("Ma collègue est candidate sur la liste écologiste.", "opinion_politique"),
        ("Mon voisin milite pour la cause indépendantiste.", "opinion_politique"),
        ("Mon collègue est membre du FLNKS.", "opinion_politique"),
        ("Ma collègue est tahitienne.", "origine"),
        ("Mon voisin est zoreil.", "origine"),
        ("Je parle lingala avec mes parents.", "origine"),
        ("Mon collègue a adhéré à la CNT.", "syndicat"),
        ("Ma collègue cotise au SNPTES.", "syndicat"),
        ("Ma voisine a des partenaires multiples.", "vie_sexuelle"),
        ("Mon collègue fréquente un sauna gay.", "vie_sexuelle"),
        ("Je m'appelle Paul Roux et je vis avec mon compagnon.", "vie_sexuelle"),
    ],
)
def test_topics14_families_are_found(text: str, category: str) -> None:
    assert found(text, category), text


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Mme Roux est adjointe au greffe du tribunal judiciaire.", "sante"),
        ("M. Roux est atteint de drépanocytose.", "sante"),
        ("Mme Roux a un profil génétique à risque de cancer du côlon.", "sante"),
        ("Paul Roux présente le nouveau scanner d'empreintes.", "genetique_biometrie"),
        ("L'hémophilie se transmet par la mère : fais une fiche.", "genetique_biometrie"),
        ("Paul Roux pilote la lutte contre la fraude aux prestations.", "infraction"),
        ("Paul Roux doit pointer à la badgeuse chaque matin.", "infraction"),
        ("Les candidats sur une liste de droite déclarent-ils leurs dons ?", "opinion_politique"),
        ("Le mouvement indépendantiste a appelé à manifester.", "opinion_politique"),
        ("Mme Roux anime l'atelier de danse tahitienne.", "origine"),
        ("La CNT appelle à la grève jeudi.", "syndicat"),
        ("Le bar gay de la place a fermé en juin.", "vie_sexuelle"),
        ("Je m'appelle Paul Roux et je vis avec ma compagne.", "vie_sexuelle"),
        ("Je m'appelle Paul Roux, votre compagnon a appelé.", "vie_sexuelle"),
    ],
)
def test_topics14_look_alikes_stay_unflagged(text: str, category: str) -> None:
    assert not found(text, category), text


def test_dev22_is_what_its_generator_writes(tmp_path: Path) -> None:
    from devtools import pii_corpus_dev22

    path = tmp_path / "dev22.jsonl"
    pii_corpus_dev22.write(pii_corpus_dev22.generate(), path)
    assert path.read_bytes() == pii_corpus_dev22.OUT.read_bytes(), (
        "python -m devtools.pii_corpus_dev22"
    )

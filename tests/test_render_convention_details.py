"""The draft agreement (render/convention.py), clause by clause: what the sheet fills in, what is marked
« à compléter » and listed, which clauses each level and each sheet gets, and how it is written as
Markdown, HTML and Word.

Written from the mutation run of render/convention.py (docs/testing.md): each test pins, word for word in
French and English, one part of the draft the partners read and sign.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from docx.enum.text import WD_COLOR_INDEX

from coopwizard.audit.engine import audit
from coopwizard.guide.load import load_checklist
from coopwizard.guide.model import Checklist
from coopwizard.render.convention import (
    Agreement,
    Article,
    Paragraph,
    _joined,
    _lower_first,
    _sentence,
    agreement_document,
    agreement_docx,
    agreement_html,
    agreement_markdown,
    build_agreement,
    clauses,
    clauses_path,
)
from coopwizard.render.html import TEMPLATES
from coopwizard.sheet.parse import parse_sheet
from tests.conftest import ROOT
from tests.helpers import french
from tests.sheets import example

TODAY = dt.date(2026, 10, 1)


@pytest.fixture(autouse=True)
def empty_render_caches() -> Iterator[None]:
    """mutmut forks each mutant from a process that ran the tests once (docs/testing.md): no cached
    answer of the clean code may stand in for the code under test."""
    from coopwizard.render import convention, html

    caches = (convention.clauses, html.environment, html.stylesheet)
    for cached in caches:
        cached.cache_clear()
    yield
    for cached in caches:
        cached.cache_clear()


def agreement_of(data: dict[str, Any], checklist: Checklist, lang: str) -> Agreement:
    sheet, issues = parse_sheet(data, checklist, "fiche.yaml")
    assert not issues
    return build_agreement(sheet, checklist, audit(sheet, checklist, issues, TODAY), lang)


def article(agreement: Agreement, number: int | None) -> Article:
    if number is None:
        return agreement.preamble
    found = agreement.articles[number - 1]
    assert found.number == number
    return found


def texts(agreement: Agreement, number: int | None) -> list[str]:
    """An article's paragraphs as plain text."""
    return [p.plain for p in article(agreement, number).paragraphs]


# -- the preamble ---------------------------------------------------------------------------------


REASON = (
    "Le quartier manque de lieux où voisins, jeunes et familles se rencontrent ; chacune de nos associations le "
    "constate de son côté."
)  # the sheet's words, written as typed (only the clauses' own text is spaced the French way)


@pytest.mark.parametrize(
    ("lang", "first"),
    [
        (
            "fr",
            french("Les parties souhaitent mener ensemble le projet « Jardins et fêtes des Linandes ». Elles le font ")
            + french("pour la raison suivante : ")
            + REASON,
        ),
        (
            "en",
            'The parties wish to carry out together the project "Jardins et fêtes des Linandes". They do so '
            "for the following reason: " + REASON,
        ),
    ],
)
def test_a_sheet_with_no_territory_names_none_and_leaves_no_gap(lang: str, first: str, checklist: Checklist) -> None:
    data = example()
    del data["project"]["territory"]
    agreement = agreement_of(data, checklist, lang)
    assert texts(agreement, None)[0] == first
    assert not [s for s in article(agreement, None).paragraphs[0].segments if s.todo]
    assert not [t for t in agreement.todos if "territory" in t.what]


@pytest.mark.parametrize(
    ("lang", "party", "what"),
    [
        (
            "fr",
            french(
                "[à compléter : nom de l'association], association régie par la loi du 1er juillet 1901, dont le "
                "siège est situé [à compléter : adresse du siège], représentée par [à compléter : nom du "
                "représentant], en sa qualité de [à compléter : fonction du représentant (président·e, "
                "co-président·e…)], ci-après dénommée « [à compléter : nom de l'association] »,"
            ),
            "nom de l'association",
        ),
        (
            "en",
            "[to complete: the association's name], an association under the French law of 1 July 1901, whose "
            "registered office is at [to complete: registered office address], represented by [to complete: name "
            "of the representative], acting as [to complete: the representative's role (chair, co-chair…)], "
            'hereinafter "[to complete: the association\'s name]",',
            "the association's name",
        ),
    ],
)
def test_a_sheet_with_no_partner_leaves_one_party_to_name_in_words(
    lang: str, party: str, what: str, checklist: Checklist
) -> None:
    data = example()
    data["partners"] = []
    del data["topics"]["responsibilities"]["missions"]
    del data["topics"]["human_resources"]["skills"]
    del data["topics"]["human_resources"]["availability"]
    agreement = agreement_of(data, checklist, lang)
    assert [p.plain for p in agreement.parties] == [party]
    assert [p.item for p in agreement.parties] == [True]
    between = "Entre les soussignées" if lang == "fr" else "Between the undersigned"
    assert [t.what for t in agreement.todos if t.where == between][::4] == [what, what]
    no_partner = (
        french("[à compléter : les associations partenaires]")
        if lang == "fr"
        else ("[to complete: the partner associations]")
    )
    assert texts(agreement, 3)[1] == texts(agreement, 4)[1] == no_partner
    assert [(p.item, [s.todo for s in p.segments]) for p in article(agreement, 3).paragraphs[1:2]] == [(True, [True])]
    assert agreement.place_date.plain.endswith(
        french("en [à compléter : nombre d'exemplaires] exemplaires originaux.")
        if lang == "fr"
        else "in [to complete: number of copies] original copies."
    )
    assert agreement.signatures == []


# -- the whole agreement of the example sheet ----------------------------------------------------


def outline(agreement: Agreement) -> list[tuple[str, str]]:
    """The agreement in reading order, as the three renderers lay it out: (kind of block, plain text)."""
    a = agreement

    def block(paragraphs: list[Paragraph]) -> list[tuple[str, str]]:
        return [("li" if p.item else "p", p.plain) for p in paragraphs]

    out = [("kind", a.kind), ("project", a.project), ("notice", a.notice), ("p", a.between)]
    out += [*block(a.parties), ("p", a.parties_end), ("h", a.preamble.heading), *block(a.preamble.paragraphs)]
    out.append(("p", a.agreed))
    for numbered in a.articles:
        out += [("h", numbered.heading), *block(numbered.paragraphs)]
    out += [("h", a.signature_title), *block([a.place_date]), *block(a.signatures)]
    if a.annex is not None:
        out += [("h", a.annex.heading), *block(a.annex.paragraphs)]
    return out


EXAMPLE_EN = [
    ("kind", "Cooperation agreement"),
    ("project", "Jardins et fêtes des Linandes"),
    (
        "notice",
        "Draft agreement made from the project sheet, to be read, completed and adapted together before anyone "
        "signs. This "
        "document is not legal advice: if in doubt, ask the town's associative-life service or a lawyer.",
    ),
    ("p", "Between the undersigned:"),
    (
        "li",
        "Les Potagers des Linandes, an association under the French law of 1 July 1901, whose registered office is "
        "at [to "
        "complete: registered office address], represented by Awa Diallo, acting as [to complete: the representative's "
        'role (chair, co-chair…)], hereinafter "Les Potagers des Linandes",',
    ),
    (
        "li",
        "Club Ados Linandes, an association under the French law of 1 July 1901, whose registered office is at [to "
        "complete: registered office address], represented by Karim Benali, acting as [to complete: the "
        "representative's "
        'role (chair, co-chair…)], hereinafter "Club Ados Linandes",',
    ),
    (
        "li",
        "Cuisine du Monde Cergy, an association under the French law of 1 July 1901, whose registered office is at [to "
        "complete: registered office address], represented by Lucia Ferreira, acting as [to complete: the "
        "representative's "
        'role (chair, co-chair…)], hereinafter "Cuisine du Monde Cergy",',
    ),
    ("p", 'hereinafter together "the parties".'),
    ("h", "Preamble"),
    (
        "p",
        'The parties wish to carry out together the project "Jardins et fêtes des Linandes" (Quartier des Linandes, '
        "Cergy). They do so for the following reason: Le quartier manque de lieux où voisins, jeunes et familles se "
        "rencontrent ; chacune de nos associations le constate de son côté.",
    ),
    (
        "p",
        "Their approach: Des chantiers ouverts le samedi matin, parce que c'est le moment où les familles sont "
        "disponibles "
        "; une fête par saison pour montrer le travail.",
    ),
    (
        "p",
        "They share the following values: solidarity, openness, ecology, conviviality. Une charte du jardin, "
        "signée par "
        "les trois associations.",
    ),
    (
        "li",
        "The purpose of Les Potagers des Linandes is [to complete: the association's purpose as stated in its "
        "articles].",
    ),
    ("li", "The purpose of Club Ados Linandes is [to complete: the association's purpose as stated in its articles]."),
    (
        "li",
        "The purpose of Cuisine du Monde Cergy is [to complete: the association's purpose as stated in its articles].",
    ),
    (
        "p",
        'This agreement belongs to the level of sharing "Cooperation" described by the Cergy guide to '
        "inter-association "
        "cooperation: a shared organisation of technical and human means, to carry a project through over time, "
        "beyond one "
        "particular event.",
    ),
    ("p", "The following has been agreed."),
    ("h", "Article 1 — Purpose of the agreement"),
    (
        "p",
        'This agreement sets the terms on which the parties carry out together the project "Jardins et fêtes des '
        'Linandes": Un jardin partagé qui rassemble le quartier, saison après saison.',
    ),
    ("p", "The objectives sought are the following:"),
    ("li", "Cultiver ensemble un jardin ouvert à tous les habitants"),
    ("li", "Faire une fête des récoltes à chaque saison"),
    ("li", "Faire participer les jeunes du quartier à toutes les étapes"),
    (
        "p",
        "The parties organise their technical and human means in common, over time, beyond one particular event. This "
        "cooperation creates no new legal entity; any formal rapprochement (an ad hoc grouping) will need a separate "
        "decision of each party.",
    ),
    ("h", "Article 2 — Duration and schedule"),
    ("p", "This agreement takes effect on the date it is signed. It runs until 25 September 2027."),
    ("p", "The main milestones of the project are:"),
    ("li", "13 October 2026: Signature de la charte et premier comité"),
    ("li", "7 November 2026: Premier chantier ouvert au jardin"),
    ("li", "21 March 2027: Fête du printemps"),
    ("li", "25 September 2027: Fête des récoltes et bilan de la première année"),
    ("h", "Article 3 — Commitments of the parties"),
    ("p", "Each party undertakes to carry out its own mission and to keep the others informed of its progress:"),
    ("li", "Les Potagers des Linandes: Le jardin, les outils, la formation des nouveaux jardiniers"),
    ("li", "Club Ados Linandes: Les affiches, la sono et l'installation des fêtes"),
    ("li", "Cuisine du Monde Cergy: Les repas des fêtes, préparés avec les récoltes"),
    (
        "p",
        "No party acts as a service provider to another: the cooperation rests on shared contributions and "
        "missions, not "
        'on a "client" and "provider" relationship.',
    ),
    (
        "p",
        "Municipal staff involved: L'agent de développement de la Maison de quartier, deux demi-journées par saison.",
    ),
    ("h", "Article 4 — Contributions and provision of means"),
    ("p", "Each party brings to the project:"),
    (
        "li",
        "Les Potagers des Linandes — material means: parcelle de 400 m², outils de jardinage, cabane de rangement; "
        "money: "
        "€800; people and skills: 12 jardiniers bénévoles, une animatrice compost.",
    ),
    (
        "li",
        "Club Ados Linandes — material means: barnums, sono; money: €300; people and skills: 8 jeunes et 2 animateurs, "
        "atelier graphisme.",
    ),
    (
        "li",
        "Cuisine du Monde Cergy — material means: cuisine mobile, vaisselle réutilisable pour 150 personnes; "
        "money: none; "
        "people and skills: cuisinières et cuisiniers de six pays, accueil du public.",
    ),
    (
        "p",
        "Premises and equipment made available are described in the annexed inventory, drawn up together when they are "
        "handed over and when they are returned. The party receiving them uses them for the project only, keeps "
        "them in "
        "good order and returns them in the state received. For premises, an occupancy agreement sets out the "
        "days, hours "
        "and safety rules where needed.",
    ),
    ("h", "Article 5 — Financial provisions"),
    (
        "p",
        "The project's provisional budget is as follows: existing resources €1,600, costed needs €750, still to "
        "fund €0.",
    ),
    (
        "p",
        "Pricing agreed: pay what you can. Les fêtes sont gratuites ; une boîte à participation libre pour les repas.",
    ),
    (
        "p",
        "Any surplus will be reinvested in the common project. Tout excédent des repas sert aux graines de la saison "
        "suivante.",
    ),
    (
        "p",
        "Each party keeps the accounts of its own spending and income for the project; a joint financial report is "
        "presented [to complete: when the financial report is presented (at each milestone, once a year…)].",
    ),
    ("h", "Article 6 — Governance"),
    (
        "p",
        "Decisions about the project are taken by: Le comité du jardin, un représentant et un suppléant par "
        "association. "
        "They are taken by consent (no strong objection), after exchanging arguments and studying every idea.",
    ),
    (
        "p",
        "A steering committee brings together one representative of each party (and a deputy). It sets priorities, "
        "follows "
        "the schedule and the budget, and prepares the review. It meets as follows: Une réunion par mois, le premier "
        "mardi, à la Maison de quartier.",
    ),
    ("li", "Contact person for Les Potagers des Linandes: Awa Diallo (potagers.linandes@example.org)."),
    ("li", "Contact person for Club Ados Linandes: Karim Benali (06 12 34 56 78)."),
    ("li", "Contact person for Cuisine du Monde Cergy: Lucia Ferreira (cuisinedumonde@example.org)."),
    ("h", "Article 7 — Communication"),
    (
        "p",
        "Between the parties, information flows as follows: Le comité mensuel, un groupe de messagerie et un "
        "compte rendu "
        "partagé après chaque réunion.",
    ),
    ("p", "To the public: Affiches du Club Ados, page de la Maison de quartier, stand au forum des associations."),
    ("p", "Channels used: meetings, instant messaging, shared documents, posters and leaflets, social media."),
    (
        "p",
        "Any communication about the project names all the parties and, where relevant, their logos, which no "
        "party uses "
        "without its owner's consent.",
    ),
    ("h", "Article 8 — Insurance and liability"),
    (
        "p",
        "Each party remains responsible for its own activities, volunteers and staff, and declares that it holds civil "
        "liability insurance for the project's activities ([to complete: each party's insurer and policy number]).",
    ),
    (
        "p",
        "The party receiving premises or equipment checks that its insurance covers any damage it might cause to them.",
    ),
    ("h", "Article 9 — Intellectual property and personal data"),
    (
        "p",
        "Material created together (posters, texts, photographs, tools) may be used by each party to present the "
        "project, "
        "naming the other parties. Each party keeps ownership of what it brings.",
    ),
    (
        "p",
        "Personal data collected for the project (participants, volunteers) are used for the project only, limited "
        "to what "
        "is needed and processed in line with the General Data Protection Regulation (GDPR); people may access "
        "them and "
        "have them corrected or erased. Consent to the use of a person's image is obtained in writing before "
        "anything is "
        "published.",
    ),
    ("h", "Article 10 — Evaluation"),
    ("p", "The parties evaluate the project together against the following success criteria:"),
    ("li", "Fréquentation des fêtes — measured by: Nombre de repas servis (objectif 150 par fête)"),
    ("li", "Qualité des échanges — measured by: Un mur de mots à chaque fête et un bilan en comité"),
    ("li", "Participation des jeunes — measured by: Nombre de jeunes présents aux chantiers"),
    ("p", "A shared review is drawn up after each major milestone and when the agreement ends."),
    ("h", "Article 11 — Renewal"),
    (
        "p",
        "For what comes next, the parties consider: other actions in cooperation. The agreement may be renewed by an "
        "amendment signed by all the parties, in the light of the review.",
    ),
    ("li", "Ouvrir le jardin aux écoles du quartier"),
    ("li", "Étudier un groupement ad hoc pour demander une subvention pluriannuelle"),
    ("h", "Article 12 — A partner leaving, and termination"),
    (
        "p",
        "A party may withdraw from the project by telling the others in writing, with [to complete: notice period (for "
        "instance one month)] notice. It honours the commitments already made and takes back what it made "
        "available; the "
        "agreement continues between the other parties.",
    ),
    (
        "p",
        "If a party seriously fails its commitments, the others may, after a meeting that brings no remedy, end its "
        "participation in writing.",
    ),
    ("h", "Article 13 — Settling disputes"),
    (
        "p",
        "If the parties disagree on how this agreement applies, they first seek an amicable solution, at a meeting "
        "of the "
        "representatives, then if need be with a mediator chosen together (for instance the town's associative-life "
        "service). Failing agreement, the dispute is brought before the competent court.",
    ),
    ("h", "Signatures"),
    ("p", "Done at [to complete: place of signature], on [to complete: date of signature], in 3 original copies."),
    (
        "p",
        "For Les Potagers des Linandes: Awa Diallo, [to complete: the representative's role (chair, co-chair…)] — "
        'signature preceded by the words "read and approved"',
    ),
    (
        "p",
        "For Club Ados Linandes: Karim Benali, [to complete: the representative's role (chair, co-chair…)] — signature "
        'preceded by the words "read and approved"',
    ),
    (
        "p",
        "For Cuisine du Monde Cergy: Lucia Ferreira, [to complete: the representative's role (chair, co-chair…)] — "
        'signature preceded by the words "read and approved"',
    ),
    ("h", "Annex — Inventory of what is made available"),
    ("p", "To be filled in together when things are handed over and returned."),
]

EXAMPLE_FR = [
    ("kind", "Convention de coopération"),
    ("project", "Jardins et fêtes des Linandes"),
    (
        "notice",
        "Projet de convention établi à partir de la fiche projet, à relire, compléter et adapter ensemble avant toute "
        "signature. Ce document n'est pas un avis juridique\xa0: en cas de doute, demandez conseil au service de "
        "la vie "
        "associative ou à un juriste.",
    ),
    ("p", "Entre les soussignées\xa0:"),
    (
        "li",
        "Les Potagers des Linandes, association régie par la loi du 1er juillet 1901, dont le siège est situé [à "
        "compléter\xa0: adresse du siège], représentée par Awa Diallo, en sa qualité de [à compléter\xa0: fonction du "
        "représentant (président·e, co-président·e…)], ci-après dénommée «\u202fLes Potagers des Linandes\u202f»,",
    ),
    (
        "li",
        "Club Ados Linandes, association régie par la loi du 1er juillet 1901, dont le siège est situé [à "
        "compléter\xa0: "
        "adresse du siège], représentée par Karim Benali, en sa qualité de [à compléter\xa0: fonction du représentant "
        "(président·e, co-président·e…)], ci-après dénommée «\u202fClub Ados Linandes\u202f»,",
    ),
    (
        "li",
        "Cuisine du Monde Cergy, association régie par la loi du 1er juillet 1901, dont le siège est situé [à "
        "compléter\xa0"
        ": adresse du siège], représentée par Lucia Ferreira, en sa qualité de [à compléter\xa0: fonction du "
        "représentant "
        "(président·e, co-président·e…)], ci-après dénommée «\u202fCuisine du Monde Cergy\u202f»,",
    ),
    ("p", "ci-après ensemble dénommées «\u202fles parties\u202f»."),
    ("h", "Préambule"),
    (
        "p",
        "Les parties souhaitent mener ensemble le projet «\u202fJardins et fêtes des Linandes\u202f» (Quartier des "
        "Linandes, Cergy). Elles le font pour la raison suivante\xa0: Le quartier manque de lieux où voisins, "
        "jeunes et "
        "familles se rencontrent ; chacune de nos associations le constate de son côté.",
    ),
    (
        "p",
        "Leur approche\xa0: Des chantiers ouverts le samedi matin, parce que c'est le moment où les familles sont "
        "disponibles ; une fête par saison pour montrer le travail.",
    ),
    (
        "p",
        "Elles partagent les valeurs suivantes\xa0: solidarité, ouverture, écologie, convivialité. Une charte du "
        "jardin, "
        "signée par les trois associations.",
    ),
    (
        "li",
        "Les Potagers des Linandes a pour objet [à compléter\xa0: objet de l'association tel qu'il figure dans ses "
        "statuts].",
    ),
    (
        "li",
        "Club Ados Linandes a pour objet [à compléter\xa0: objet de l'association tel qu'il figure dans ses statuts].",
    ),
    (
        "li",
        "Cuisine du Monde Cergy a pour objet [à compléter\xa0: objet de l'association tel qu'il figure dans ses "
        "statuts].",
    ),
    (
        "p",
        "Cette convention s'inscrit dans le niveau de partage «\u202fCoopération\u202f» décrit par le guide de la "
        "coopération inter-associative cergyssoise\xa0: une organisation partagée des moyens techniques et humains "
        "dans le "
        "but de mener à bien un projet dans la durée, au-delà d'un événement particulier.",
    ),
    ("p", "Il a été convenu ce qui suit."),
    ("h", "Article 1 — Objet"),
    (
        "p",
        "La présente convention a pour objet de définir les conditions dans lesquelles les parties mènent ensemble le "
        "projet «\u202fJardins et fêtes des Linandes\u202f»\xa0: Un jardin partagé qui rassemble le quartier, "
        "saison après "
        "saison.",
    ),
    ("p", "Les objectifs recherchés sont les suivants\xa0:"),
    ("li", "Cultiver ensemble un jardin ouvert à tous les habitants"),
    ("li", "Faire une fête des récoltes à chaque saison"),
    ("li", "Faire participer les jeunes du quartier à toutes les étapes"),
    (
        "p",
        "Les parties organisent en commun leurs moyens techniques et humains, dans la durée, au-delà d'un événement "
        "particulier. Cette coopération ne crée pas de personne morale nouvelle\u202f; tout rapprochement formel (un "
        "groupement «\u202fad hoc\u202f») fera l'objet d'une décision distincte de chacune des parties.",
    ),
    ("h", "Article 2 — Durée et échéancier"),
    ("p", "La présente convention prend effet à la date de sa signature. Elle est conclue jusqu'au 25 septembre 2027."),
    ("p", "Les principales étapes du projet sont\xa0:"),
    ("li", "13 octobre 2026\xa0: Signature de la charte et premier comité"),
    ("li", "7 novembre 2026\xa0: Premier chantier ouvert au jardin"),
    ("li", "21 mars 2027\xa0: Fête du printemps"),
    ("li", "25 septembre 2027\xa0: Fête des récoltes et bilan de la première année"),
    ("h", "Article 3 — Engagements des parties"),
    (
        "p",
        "Chaque partie s'engage à réaliser la mission qui lui revient et à tenir les autres informées de son "
        "avancement\xa0"
        ":",
    ),
    ("li", "Les Potagers des Linandes\xa0: Le jardin, les outils, la formation des nouveaux jardiniers"),
    ("li", "Club Ados Linandes\xa0: Les affiches, la sono et l'installation des fêtes"),
    ("li", "Cuisine du Monde Cergy\xa0: Les repas des fêtes, préparés avec les récoltes"),
    (
        "p",
        "Aucune partie n'agit comme prestataire d'une autre\xa0: la coopération repose sur des apports et des missions "
        "partagés, non sur une relation de «\u202fdemandeur\u202f» à «\u202fprestataire\u202f».",
    ),
    (
        "p",
        "Les agents municipaux mobilisés\xa0: L'agent de développement de la Maison de quartier, deux "
        "demi-journées par "
        "saison.",
    ),
    ("h", "Article 4 — Apports et mise à disposition"),
    ("p", "Chaque partie apporte au projet\xa0:"),
    (
        "li",
        "Les Potagers des Linandes — moyens matériels\xa0: parcelle de 400 m², outils de jardinage, cabane de "
        "rangement\u202f; argent\xa0: 800\xa0€\u202f; personnes et compétences\xa0: 12 jardiniers bénévoles, une "
        "animatrice compost.",
    ),
    (
        "li",
        "Club Ados Linandes — moyens matériels\xa0: barnums, sono\u202f; argent\xa0: 300\xa0€\u202f; personnes et "
        "compétences\xa0: 8 jeunes et 2 animateurs, atelier graphisme.",
    ),
    (
        "li",
        "Cuisine du Monde Cergy — moyens matériels\xa0: cuisine mobile, vaisselle réutilisable pour 150 "
        "personnes\u202f; "
        "argent\xa0: aucun\u202f; personnes et compétences\xa0: cuisinières et cuisiniers de six pays, accueil du "
        "public.",
    ),
    (
        "p",
        "Les locaux et le matériel mis à disposition sont décrits dans l'inventaire annexé, établi "
        "contradictoirement à "
        "leur remise et à leur restitution. La partie qui les reçoit les utilise pour le seul projet, en bon état "
        "d'entretien, et les restitue dans l'état où elle les a reçus. Pour des locaux, une convention d'occupation "
        "précise au besoin les jours, les horaires et les règles de sécurité.",
    ),
    ("h", "Article 5 — Dispositions financières"),
    (
        "p",
        "Le budget prévisionnel du projet s'établit comme suit\xa0: ressources existantes 1\u202f600\xa0€, besoins "
        "chiffrés 750\xa0€, reste à financer 0\xa0€.",
    ),
    (
        "p",
        "Tarification retenue\xa0: participation libre. Les fêtes sont gratuites ; une boîte à participation libre "
        "pour "
        "les repas.",
    ),
    (
        "p",
        "Un éventuel excédent sera réinvesti dans le projet commun. Tout excédent des repas sert aux graines de la "
        "saison "
        "suivante.",
    ),
    (
        "p",
        "Chaque partie tient la comptabilité de ses propres dépenses et recettes liées au projet\u202f; un bilan "
        "financier "
        "commun est présenté [à compléter\xa0: quand le bilan financier est présenté (à chaque étape, une fois par "
        "an…)].",
    ),
    ("h", "Article 6 — Gouvernance"),
    (
        "p",
        "Les décisions relatives au projet sont prises par\xa0: Le comité du jardin, un représentant et un "
        "suppléant par "
        "association. Elles sont prises au consentement (pas d'objection forte), après avoir échangé les arguments et "
        "étudié toutes les idées.",
    ),
    (
        "p",
        "Un comité de pilotage réunit un représentant de chaque partie (et un suppléant). Il fixe les priorités, suit "
        "l'échéancier et le budget, et prépare le bilan. Il se réunit selon le rythme suivant\xa0: Une réunion par "
        "mois, "
        "le premier mardi, à la Maison de quartier.",
    ),
    ("li", "Interlocuteur de Les Potagers des Linandes\xa0: Awa Diallo (potagers.linandes@example.org)."),
    ("li", "Interlocuteur de Club Ados Linandes\xa0: Karim Benali (06 12 34 56 78)."),
    ("li", "Interlocuteur de Cuisine du Monde Cergy\xa0: Lucia Ferreira (cuisinedumonde@example.org)."),
    ("h", "Article 7 — Communication"),
    (
        "p",
        "Entre les parties, l'information circule ainsi\xa0: Le comité mensuel, un groupe de messagerie et un "
        "compte rendu "
        "partagé après chaque réunion.",
    ),
    (
        "p",
        "Auprès du public\xa0: Affiches du Club Ados, page de la Maison de quartier, stand au forum des associations.",
    ),
    (
        "p",
        "Moyens utilisés\xa0: réunions, messagerie instantanée, documents partagés, affiches et tracts, réseaux "
        "sociaux.",
    ),
    (
        "p",
        "Toute communication sur le projet mentionne l'ensemble des parties et, le cas échéant, leurs logos, qu'aucune "
        "partie n'utilise sans l'accord de celle à qui il appartient.",
    ),
    ("h", "Article 8 — Assurances et responsabilités"),
    (
        "p",
        "Chaque partie demeure responsable de ses activités, de ses bénévoles et de ses salariés, et déclare être "
        "couverte "
        "par une assurance responsabilité civile pour les activités du projet ([à compléter\xa0: assureur et numéro de "
        "contrat de chaque partie]).",
    ),
    (
        "p",
        "La partie qui reçoit des locaux ou du matériel vérifie que son assurance couvre les dommages qu'elle pourrait "
        "leur causer.",
    ),
    ("h", "Article 9 — Propriété intellectuelle et données personnelles"),
    (
        "p",
        "Les supports créés en commun (affiches, textes, photographies, outils) peuvent être utilisés par chaque "
        "partie "
        "pour présenter le projet, en citant les autres parties. Chaque partie reste propriétaire de ce qu'elle "
        "apporte.",
    ),
    (
        "p",
        "Les données personnelles recueillies pour le projet (participants, bénévoles) ne servent qu'au projet, sont "
        "limitées au nécessaire et traitées conformément au règlement général sur la protection des données "
        "(RGPD)\u202f; "
        "les personnes peuvent y accéder et les faire rectifier ou effacer. Le droit à l'image est recueilli par écrit "
        "avant toute diffusion.",
    ),
    ("h", "Article 10 — Évaluation"),
    ("p", "Les parties évaluent ensemble le projet à partir des critères de réussite suivants\xa0:"),
    ("li", "Fréquentation des fêtes — mesure\xa0: Nombre de repas servis (objectif 150 par fête)"),
    ("li", "Qualité des échanges — mesure\xa0: Un mur de mots à chaque fête et un bilan en comité"),
    ("li", "Participation des jeunes — mesure\xa0: Nombre de jeunes présents aux chantiers"),
    ("p", "Un bilan partagé est établi à l'issue de chaque étape importante et à l'échéance de la convention."),
    ("h", "Article 11 — Renouvellement"),
    (
        "p",
        "Pour la suite, les parties envisagent\xa0: d'autres actions en coopération. La convention peut être "
        "renouvelée "
        "par avenant signé de toutes les parties, au vu du bilan.",
    ),
    ("li", "Ouvrir le jardin aux écoles du quartier"),
    ("li", "Étudier un groupement ad hoc pour demander une subvention pluriannuelle"),
    ("h", "Article 12 — Sortie d'un partenaire et résiliation"),
    (
        "p",
        "Une partie peut se retirer du projet en prévenant les autres par écrit avec un préavis de [à "
        "compléter\xa0: durée "
        "du préavis (par exemple un mois)]. Elle honore les engagements déjà pris et récupère les biens qu'elle a "
        "mis à "
        "disposition\u202f; la convention se poursuit entre les autres parties.",
    ),
    (
        "p",
        "En cas de manquement grave d'une partie à ses engagements, les autres peuvent, après une rencontre restée "
        "sans "
        "suite, mettre fin à sa participation par écrit.",
    ),
    ("h", "Article 13 — Règlement des litiges"),
    (
        "p",
        "En cas de désaccord sur l'application de la présente convention, les parties recherchent d'abord une solution "
        "amiable, en réunion des représentants, puis le cas échéant avec l'aide d'un médiateur choisi d'un commun "
        "accord "
        "(par exemple le service de la vie associative de la ville). À défaut d'accord, le litige est porté devant le "
        "tribunal compétent.",
    ),
    ("h", "Signatures"),
    (
        "p",
        "Fait à [à compléter\xa0: lieu de signature], le [à compléter\xa0: date de signature], en 3 exemplaires "
        "originaux.",
    ),
    (
        "p",
        "Pour Les Potagers des Linandes\xa0: Awa Diallo, [à compléter\xa0: fonction du représentant (président·e, "
        "co-président·e…)] — signature précédée de la mention «\u202flu et approuvé\u202f»",
    ),
    (
        "p",
        "Pour Club Ados Linandes\xa0: Karim Benali, [à compléter\xa0: fonction du représentant (président·e, "
        "co-président·e…)] — signature précédée de la mention «\u202flu et approuvé\u202f»",
    ),
    (
        "p",
        "Pour Cuisine du Monde Cergy\xa0: Lucia Ferreira, [à compléter\xa0: fonction du représentant (président·e, "
        "co-président·e…)] — signature précédée de la mention «\u202flu et approuvé\u202f»",
    ),
    ("h", "Annexe — Inventaire des biens mis à disposition"),
    ("p", "À remplir ensemble à la remise et à la restitution des biens."),
]

# Where each gap of the example's agreement is, and what to write there: what `coop convention` says on stderr.
EXAMPLE_TODOS_EN = [
    ("Between the undersigned — Les Potagers des Linandes", "registered office address"),
    ("Between the undersigned — Les Potagers des Linandes", "the representative's role (chair, co-chair…)"),
    ("Between the undersigned — Club Ados Linandes", "registered office address"),
    ("Between the undersigned — Club Ados Linandes", "the representative's role (chair, co-chair…)"),
    ("Between the undersigned — Cuisine du Monde Cergy", "registered office address"),
    ("Between the undersigned — Cuisine du Monde Cergy", "the representative's role (chair, co-chair…)"),
    ("Preamble", "the association's purpose as stated in its articles"),
    ("Preamble", "the association's purpose as stated in its articles"),
    ("Preamble", "the association's purpose as stated in its articles"),
    ("Article 5 — Financial provisions", "when the financial report is presented (at each milestone, once a year…)"),
    ("Article 8 — Insurance and liability", "each party's insurer and policy number"),
    ("Article 12 — A partner leaving, and termination", "notice period (for instance one month)"),
    ("Signatures", "place of signature"),
    ("Signatures", "date of signature"),
    ("Signatures — Les Potagers des Linandes", "the representative's role (chair, co-chair…)"),
    ("Signatures — Club Ados Linandes", "the representative's role (chair, co-chair…)"),
    ("Signatures — Cuisine du Monde Cergy", "the representative's role (chair, co-chair…)"),
]

EXAMPLE_TODOS_FR = [
    ("Entre les soussignées — Les Potagers des Linandes", "adresse du siège"),
    ("Entre les soussignées — Les Potagers des Linandes", "fonction du représentant (président·e, co-président·e…)"),
    ("Entre les soussignées — Club Ados Linandes", "adresse du siège"),
    ("Entre les soussignées — Club Ados Linandes", "fonction du représentant (président·e, co-président·e…)"),
    ("Entre les soussignées — Cuisine du Monde Cergy", "adresse du siège"),
    ("Entre les soussignées — Cuisine du Monde Cergy", "fonction du représentant (président·e, co-président·e…)"),
    ("Préambule", "objet de l'association tel qu'il figure dans ses statuts"),
    ("Préambule", "objet de l'association tel qu'il figure dans ses statuts"),
    ("Préambule", "objet de l'association tel qu'il figure dans ses statuts"),
    (
        "Article 5 — Dispositions financières",
        "quand le bilan financier est présenté (à chaque étape, une fois par an…)",
    ),
    ("Article 8 — Assurances et responsabilités", "assureur et numéro de contrat de chaque partie"),
    ("Article 12 — Sortie d'un partenaire et résiliation", "durée du préavis (par exemple un mois)"),
    ("Signatures", "lieu de signature"),
    ("Signatures", "date de signature"),
    ("Signatures — Les Potagers des Linandes", "fonction du représentant (président·e, co-président·e…)"),
    ("Signatures — Club Ados Linandes", "fonction du représentant (président·e, co-président·e…)"),
    ("Signatures — Cuisine du Monde Cergy", "fonction du représentant (président·e, co-président·e…)"),
]

LENT = [
    ("parcelle de 400 m²", "Les Potagers des Linandes"),
    ("outils de jardinage", "Les Potagers des Linandes"),
    ("cabane de rangement", "Les Potagers des Linandes"),
    ("barnums", "Club Ados Linandes"),
    ("sono", "Club Ados Linandes"),
    ("cuisine mobile", "Cuisine du Monde Cergy"),
    ("vaisselle réutilisable pour 150 personnes", "Cuisine du Monde Cergy"),
]


@pytest.mark.parametrize(
    ("lang", "expected", "todos"), [("en", EXAMPLE_EN, EXAMPLE_TODOS_EN), ("fr", EXAMPLE_FR, EXAMPLE_TODOS_FR)]
)
def test_the_example_s_agreement_word_for_word(
    lang: str, expected: list[tuple[str, str]], todos: list[tuple[str, str]], checklist: Checklist
) -> None:
    """A cooperation that lends material: every article, the cooperation's and the lending's clauses, the annex.
    The French text keeps its no-break spaces (U+00A0 before « : », U+202F inside « » and before « ; »), in the
    clauses only: the sheet's own words are written as typed."""
    agreement = agreement_of(example(), checklist, lang)
    assert agreement.lang == lang
    assert outline(agreement) == expected
    assert [(t.where, t.what) for t in agreement.todos] == todos
    gap = "[à compléter\u00a0: " if lang == "fr" else "[to complete: "
    assert agreement.todo_word == ("à compléter" if lang == "fr" else "to complete")
    segments = [
        s
        for p in [*agreement.parties, agreement.place_date, *agreement.signatures]
        + [p for a in [agreement.preamble, *agreement.articles] for p in a.paragraphs]
        for s in p.segments
    ]
    assert [s for s in segments if s.todo] == [s for s in segments if s.text.startswith(gap)]
    assert all(s.text.endswith("]") for s in segments if s.todo)
    assert agreement.annex_rows == [[item, name, "", ""] for item, name in LENT]
    assert agreement.annex_columns == (
        ["Item", "Made available by", "Condition when handed over", "Condition when returned"]
        if lang == "en"
        else ["Bien", "Mis à disposition par", "État à la remise", "État à la restitution"]
    )


# -- what the sheet does not give -----------------------------------------------------------------

ONLY_NAMES_EN = [
    ("kind", "Partnership agreement"),
    ("project", "T"),
    (
        "notice",
        "Draft agreement made from the project sheet, to be read, completed and adapted together before anyone "
        "signs. This "
        "document is not legal advice: if in doubt, ask the town's associative-life service or a lawyer.",
    ),
    ("p", "Between the undersigned:"),
    (
        "li",
        "A, an association under the French law of 1 July 1901, whose registered office is at [to complete: registered "
        "office address], represented by [to complete: name of the representative], acting as [to complete: the "
        'representative\'s role (chair, co-chair…)], hereinafter "A",',
    ),
    (
        "li",
        "B, an association under the French law of 1 July 1901, whose registered office is at [to complete: registered "
        "office address], represented by [to complete: name of the representative], acting as [to complete: the "
        'representative\'s role (chair, co-chair…)], hereinafter "B",',
    ),
    ("p", 'hereinafter together "the parties".'),
    ("h", "Preamble"),
    (
        "p",
        'The parties wish to carry out together the project "T". They do so for the following reason: [to '
        "complete: the "
        "reason for the project (checklist: purpose and objectives)]",
    ),
    ("p", "They share the following values: [to complete: the shared values]."),
    ("li", "The purpose of A is [to complete: the association's purpose as stated in its articles]."),
    ("li", "The purpose of B is [to complete: the association's purpose as stated in its articles]."),
    (
        "p",
        'This agreement belongs to the level of sharing "[to complete: level of sharing (answer the classification '
        'questions)]" described by the Cergy guide to inter-association cooperation: [to complete: what the '
        "associations "
        "share].",
    ),
    ("p", "The following has been agreed."),
    ("h", "Article 1 — Purpose of the agreement"),
    (
        "p",
        'This agreement sets the terms on which the parties carry out together the project "T": [to complete: the '
        "object "
        "of the cooperation in one sentence].",
    ),
    ("p", "The objectives sought are the following:"),
    ("li", "[to complete: the objectives sought]"),
    ("h", "Article 2 — Duration and schedule"),
    (
        "p",
        "This agreement takes effect on the date it is signed. It runs until [to complete: the agreement's end date].",
    ),
    ("p", "The main milestones of the project are:"),
    ("li", "[to complete: the dated milestones (checklist: timeline)]"),
    ("h", "Article 3 — Commitments of the parties"),
    ("p", "Each party undertakes to carry out its own mission and to keep the others informed of its progress:"),
    ("li", "A: [to complete: this association's mission]"),
    ("li", "B: [to complete: this association's mission]"),
    (
        "p",
        "No party acts as a service provider to another: the cooperation rests on shared contributions and "
        "missions, not "
        'on a "client" and "provider" relationship.',
    ),
    ("h", "Article 4 — Contributions and provision of means"),
    ("p", "Each party brings to the project:"),
    (
        "li",
        'A — material means: [to complete: material means brought, or "none"]; money: [to complete: money brought, or '
        '"none"]; people and skills: [to complete: people and skills brought, or "none"].',
    ),
    (
        "li",
        'B — material means: [to complete: material means brought, or "none"]; money: [to complete: money brought, or '
        '"none"]; people and skills: [to complete: people and skills brought, or "none"].',
    ),
    ("h", "Article 5 — Financial provisions"),
    (
        "p",
        "The project's provisional budget is as follows: existing resources [to complete: amount of the existing "
        "resources], costed needs [to complete: amount of the needs], still to fund [to complete: amount still to "
        "fund].",
    ),
    ("p", "Pricing agreed: [to complete: the pricing (free, single price, sliding scale…)]."),
    ("p", "Any surplus will be [to complete: what becomes of any surplus]."),
    (
        "p",
        "Each party keeps the accounts of its own spending and income for the project; a joint financial report is "
        "presented [to complete: when the financial report is presented (at each milestone, once a year…)].",
    ),
    ("h", "Article 6 — Governance"),
    (
        "p",
        "Decisions about the project are taken by: [to complete: who takes the decisions]. They are taken [to "
        "complete: "
        "how decisions are taken (consensus, consent, vote)], after exchanging arguments and studying every idea.",
    ),
    ("p", "The parties' representatives meet as follows: [to complete: how often you meet]."),
    ("li", "Contact person for A: [to complete: name of the representative] ([to complete: email or phone])."),
    ("li", "Contact person for B: [to complete: name of the representative] ([to complete: email or phone])."),
    ("h", "Article 7 — Communication"),
    (
        "p",
        "Between the parties, information flows as follows: [to complete: how information flows between the "
        "associations]",
    ),
    ("p", "To the public: [to complete: how the project is presented to the public]"),
    (
        "p",
        "Any communication about the project names all the parties and, where relevant, their logos, which no "
        "party uses "
        "without its owner's consent.",
    ),
    ("h", "Article 8 — Insurance and liability"),
    (
        "p",
        "Each party remains responsible for its own activities, volunteers and staff, and declares that it holds civil "
        "liability insurance for the project's activities ([to complete: each party's insurer and policy number]).",
    ),
    ("h", "Article 9 — Intellectual property and personal data"),
    (
        "p",
        "Material created together (posters, texts, photographs, tools) may be used by each party to present the "
        "project, "
        "naming the other parties. Each party keeps ownership of what it brings.",
    ),
    (
        "p",
        "Personal data collected for the project (participants, volunteers) are used for the project only, limited "
        "to what "
        "is needed and processed in line with the General Data Protection Regulation (GDPR); people may access "
        "them and "
        "have them corrected or erased. Consent to the use of a person's image is obtained in writing before "
        "anything is "
        "published.",
    ),
    ("h", "Article 10 — Evaluation"),
    ("p", "The parties evaluate the project together against the following success criteria:"),
    ("li", "[to complete: the success criteria and how to measure them]"),
    ("p", "A shared review is drawn up after each major milestone and when the agreement ends."),
    ("h", "Article 11 — Renewal"),
    (
        "p",
        "For what comes next, the parties consider: [to complete: what the parties consider after the project]. The "
        "agreement may be renewed by an amendment signed by all the parties, in the light of the review.",
    ),
    ("h", "Article 12 — A partner leaving, and termination"),
    (
        "p",
        "A party may withdraw from the project by telling the others in writing, with [to complete: notice period (for "
        "instance one month)] notice. It honours the commitments already made and takes back what it made "
        "available; the "
        "agreement continues between the other parties.",
    ),
    (
        "p",
        "If a party seriously fails its commitments, the others may, after a meeting that brings no remedy, end its "
        "participation in writing.",
    ),
    ("h", "Article 13 — Settling disputes"),
    (
        "p",
        "If the parties disagree on how this agreement applies, they first seek an amicable solution, at a meeting "
        "of the "
        "representatives, then if need be with a mediator chosen together (for instance the town's associative-life "
        "service). Failing agreement, the dispute is brought before the competent court.",
    ),
    ("h", "Signatures"),
    ("p", "Done at [to complete: place of signature], on [to complete: date of signature], in 2 original copies."),
    (
        "p",
        "For A: [to complete: name of the representative], [to complete: the representative's role (chair, "
        "co-chair…)] — "
        'signature preceded by the words "read and approved"',
    ),
    (
        "p",
        "For B: [to complete: name of the representative], [to complete: the representative's role (chair, "
        "co-chair…)] — "
        'signature preceded by the words "read and approved"',
    ),
]

ONLY_NAMES_TODOS_EN = [
    ("Between the undersigned — A", "registered office address"),
    ("Between the undersigned — A", "name of the representative"),
    ("Between the undersigned — A", "the representative's role (chair, co-chair…)"),
    ("Between the undersigned — B", "registered office address"),
    ("Between the undersigned — B", "name of the representative"),
    ("Between the undersigned — B", "the representative's role (chair, co-chair…)"),
    ("Preamble", "the reason for the project (checklist: purpose and objectives)"),
    ("Preamble", "the shared values"),
    ("Preamble", "the association's purpose as stated in its articles"),
    ("Preamble", "the association's purpose as stated in its articles"),
    ("Preamble", "level of sharing (answer the classification questions)"),
    ("Preamble", "what the associations share"),
    ("Article 1 — Purpose of the agreement", "the object of the cooperation in one sentence"),
    ("Article 1 — Purpose of the agreement", "the objectives sought"),
    ("Article 2 — Duration and schedule", "the agreement's end date"),
    ("Article 2 — Duration and schedule", "the dated milestones (checklist: timeline)"),
    ("Article 3 — Commitments of the parties", "this association's mission"),
    ("Article 3 — Commitments of the parties", "this association's mission"),
    ("Article 4 — Contributions and provision of means", 'material means brought, or "none"'),
    ("Article 4 — Contributions and provision of means", 'money brought, or "none"'),
    ("Article 4 — Contributions and provision of means", 'people and skills brought, or "none"'),
    ("Article 4 — Contributions and provision of means", 'material means brought, or "none"'),
    ("Article 4 — Contributions and provision of means", 'money brought, or "none"'),
    ("Article 4 — Contributions and provision of means", 'people and skills brought, or "none"'),
    ("Article 5 — Financial provisions", "amount of the existing resources"),
    ("Article 5 — Financial provisions", "amount of the needs"),
    ("Article 5 — Financial provisions", "amount still to fund"),
    ("Article 5 — Financial provisions", "the pricing (free, single price, sliding scale…)"),
    ("Article 5 — Financial provisions", "what becomes of any surplus"),
    ("Article 5 — Financial provisions", "when the financial report is presented (at each milestone, once a year…)"),
    ("Article 6 — Governance", "who takes the decisions"),
    ("Article 6 — Governance", "how decisions are taken (consensus, consent, vote)"),
    ("Article 6 — Governance", "how often you meet"),
    ("Article 6 — Governance", "name of the representative"),
    ("Article 6 — Governance", "email or phone"),
    ("Article 6 — Governance", "name of the representative"),
    ("Article 6 — Governance", "email or phone"),
    ("Article 7 — Communication", "how information flows between the associations"),
    ("Article 7 — Communication", "how the project is presented to the public"),
    ("Article 8 — Insurance and liability", "each party's insurer and policy number"),
    ("Article 10 — Evaluation", "the success criteria and how to measure them"),
    ("Article 11 — Renewal", "what the parties consider after the project"),
    ("Article 12 — A partner leaving, and termination", "notice period (for instance one month)"),
    ("Signatures", "place of signature"),
    ("Signatures", "date of signature"),
    ("Signatures — A", "name of the representative"),
    ("Signatures — A", "the representative's role (chair, co-chair…)"),
    ("Signatures — B", "name of the representative"),
    ("Signatures — B", "the representative's role (chair, co-chair…)"),
]


def test_a_sheet_with_only_its_partners_names_leaves_every_answer_to_complete(checklist: Checklist) -> None:
    """No level reached: the partnership agreement, with the representatives' meetings (not a committee), no
    optional clause, a gap for every answer and for every empty list, and the copies counted from the partners."""
    agreement = agreement_of(
        {"format": 1, "project": {"title": "T"}, "partners": [{"name": "A"}, {"name": "B"}]}, checklist, "en"
    )
    assert outline(agreement) == ONLY_NAMES_EN
    assert [(t.where, t.what) for t in agreement.todos] == ONLY_NAMES_TODOS_EN
    assert agreement.annex is None and agreement.annex_rows == []
    lists = [p for a in agreement.articles for p in a.paragraphs if p.plain.startswith("[")]
    assert [(p.item, [s.todo for s in p.segments]) for p in lists] == [(True, [True])] * 3


# -- the partners ---------------------------------------------------------------------------------


def _partners_sheet() -> dict[str, Any]:
    return {
        "format": 1,
        "project": {"title": "T"},
        "partners": [
            {"name": "A", "representative": "Awa", "contact": "a@example.org", "brings_people": ["deux bénévoles"]},
            {"name": "B", "brings_material": ["une salle", "des tables"]},
            {"name": "C", "brings_money": 250.5},
        ],
    }


@pytest.mark.parametrize(
    ("lang", "brings", "contacts"),
    [
        (
            "en",
            [
                'A — material means: [to complete: material means brought, or "none"]; money: none; people and '
                "skills: deux bénévoles.",
                "B — material means: une salle, des tables; money: none; people and skills: [to complete: people and "
                'skills brought, or "none"].',
                'C — material means: [to complete: material means brought, or "none"]; money: €250.50; people and '
                'skills: [to complete: people and skills brought, or "none"].',
            ],
            [
                "Contact person for A: Awa (a@example.org).",
                "Contact person for B: [to complete: name of the representative] ([to complete: email or phone]).",
                "Contact person for C: [to complete: name of the representative] ([to complete: email or phone]).",
            ],
        ),
        (
            "fr",
            [
                french(
                    "A — moyens matériels : [à compléter : moyens matériels apportés, ou « aucun »] ; argent : aucun ; "
                    "personnes et compétences : deux bénévoles."
                ),
                french(
                    "B — moyens matériels : une salle, des tables ; argent : aucun ; personnes et compétences : "
                    "[à compléter : personnes et compétences apportées, ou « aucune »]."
                ),
                french(
                    "C — moyens matériels : [à compléter : moyens matériels apportés, ou « aucun »] ; argent : "
                    "250,50\u00a0€ ; personnes et compétences : [à compléter : personnes et compétences apportées, "
                    "ou « aucune »]."
                ),
            ],
            [
                french("Interlocuteur de A : Awa (a@example.org)."),
                french(
                    "Interlocuteur de B : [à compléter : nom du représentant] ([à compléter : courriel ou téléphone])."
                ),
                french(
                    "Interlocuteur de C : [à compléter : nom du représentant] ([à compléter : courriel ou téléphone])."
                ),
            ],
        ),
    ],
)
def test_what_each_partner_brings_and_who_speaks_for_it(
    lang: str, brings: list[str], contacts: list[str], checklist: Checklist
) -> None:
    """Money « aucun » / "none" when a partner brings something else, a gap when it brings nothing said."""
    agreement = agreement_of(_partners_sheet(), checklist, lang)
    assert texts(agreement, 4)[1:4] == brings
    assert [p.item for p in article(agreement, 4).paragraphs] == [False, True, True, True, False]
    assert texts(agreement, 6)[-3:] == contacts
    assert agreement.parties[0].plain.startswith("A, ")
    assert agreement.place_date.plain.endswith(("in 3 original copies.", french("en 3 exemplaires originaux.")))
    assert [s.plain.split(":")[0].split("\u00a0")[0] for s in agreement.signatures] == (
        ["For A", "For B", "For C"] if lang == "en" else ["Pour A", "Pour B", "Pour C"]
    )


def test_what_the_partners_lend_is_in_the_annex_in_their_order(checklist: Checklist) -> None:
    agreement = agreement_of(_partners_sheet(), checklist, "en")
    assert agreement.annex is not None
    assert agreement.annex.number is None and agreement.annex.title == "Annex — Inventory of what is made available"
    assert [p.plain for p in agreement.annex.paragraphs] == [
        "To be filled in together when things are handed over and returned."
    ]
    assert agreement.annex_rows == [["une salle", "B", "", ""], ["des tables", "B", "", ""]]
    assert texts(agreement, 4)[-1].startswith("Premises and equipment made available are described")
    assert texts(agreement, 8) == [
        "Each party remains responsible for its own activities, volunteers and staff, and declares that it holds "
        "civil liability insurance for the project's activities ([to complete: each party's insurer and policy "
        "number]).",
        "The party receiving premises or equipment checks that its insurance covers any damage it might cause to them.",
    ]


def test_partners_who_lend_nothing_get_no_annex_and_no_lending_clause(checklist: Checklist) -> None:
    data = example()
    for partner in data["partners"]:
        del partner["brings_material"]
    agreement = agreement_of(data, checklist, "en")
    assert agreement.annex is None and agreement.annex_rows == []
    assert [p.plain[:40] for p in article(agreement, 4).paragraphs] == [
        "Each party brings to the project:",
        "Les Potagers des Linandes — material mea",
        "Club Ados Linandes — material means: [to",
        "Cuisine du Monde Cergy — material means:",
    ]
    assert len(texts(agreement, 8)) == 1


# -- the agreement as Markdown ----------------------------------------------------------------------

MARKDOWN_HEAD_EN = (
    "# Cooperation agreement\n"
    "\n"
    "## Jardins et fêtes des Linandes\n"
    "\n"
    "> Draft agreement made from the project sheet, to be read, completed and adapted together before anyone "
    "signs. This document is not legal advice: if in doubt, ask the town's associative-life service or a lawyer.\n"
    "\n"
    "Between the undersigned:\n"
    "\n"
    "- Les Potagers des Linandes, an association under the French law of 1 July 1901, whose registered office is "
    "at **\\[to complete: registered office address\\]**, represented by Awa Diallo, acting as **\\[to complete: "
    'the representative\'s role (chair, co-chair…)\\]**, hereinafter "Les Potagers des Linandes",\n'
    "- Club Ados Linandes, an association under the French law of 1 July 1901, whose registered office is at "
    "**\\[to complete: registered office address\\]**, represented by Karim Benali, acting as **\\[to complete: "
    'the representative\'s role (chair, co-chair…)\\]**, hereinafter "Club Ados Linandes",\n'
    "- Cuisine du Monde Cergy, an association under the French law of 1 July 1901, whose registered office is at "
    "**\\[to complete: registered office address\\]**, represented by Lucia Ferreira, acting as **\\[to complete: "
    'the representative\'s role (chair, co-chair…)\\]**, hereinafter "Cuisine du Monde Cergy",\n'
    "\n"
    'hereinafter together "the parties".\n'
    "\n"
    "## Preamble\n"
    "\n"
    'The parties wish to carry out together the project "Jardins et fêtes des Linandes" (Quartier des Linandes, '
    "Cergy). They do so for the following reason: Le quartier manque de lieux où voisins, jeunes et familles se "
    "rencontrent ; chacune de nos associations le constate de son côté.\n"
    "\n"
    "Their approach: Des chantiers ouverts le samedi matin, parce que c'est le moment où les familles sont "
    "disponibles ; une fête par saison pour montrer le travail.\n"
    "\n"
    "They share the following values: solidarity, openness, ecology, conviviality. Une charte du jardin, signée "
    "par les trois associations.\n"
    "\n"
    "- The purpose of Les Potagers des Linandes is **\\[to complete: the association's purpose as stated in its "
    "articles\\]**.\n"
    "- The purpose of Club Ados Linandes is **\\[to complete: the association's purpose as stated in its "
    "articles\\]**.\n"
    "- The purpose of Cuisine du Monde Cergy is **\\[to complete: the association's purpose as stated in its "
    "articles\\]**.\n"
    "\n"
    'This agreement belongs to the level of sharing "Cooperation" described by the Cergy guide to '
    "inter-association cooperation: a shared organisation of technical and human means, to carry a project through "
    "over time, beyond one particular event.\n"
    "\n"
    "The following has been agreed.\n"
    "\n"
)

MARKDOWN_ARTICLE_3_EN = (
    "## Article 3 — Commitments of the parties\n"
    "\n"
    "Each party undertakes to carry out its own mission and to keep the others informed of its progress:\n"
    "\n"
    "- Les Potagers des Linandes: Le jardin, les outils, la formation des nouveaux jardiniers\n"
    "- Club Ados Linandes: Les affiches, la sono et l'installation des fêtes\n"
    "- Cuisine du Monde Cergy: Les repas des fêtes, préparés avec les récoltes\n"
    "\n"
    "No party acts as a service provider to another: the cooperation rests on shared contributions and missions, "
    'not on a "client" and "provider" relationship.\n'
    "\n"
    "Municipal staff involved: L'agent de développement de la Maison de quartier, deux demi-journées par saison.\n"
    "\n"
)

MARKDOWN_END_EN = (
    "## Signatures\n"
    "\n"
    "Done at **\\[to complete: place of signature\\]**, on **\\[to complete: date of signature\\]**, in 3 original "
    "copies.\n"
    "\n"
    "For Les Potagers des Linandes: Awa Diallo, **\\[to complete: the representative's role (chair, "
    'co-chair…)\\]** — signature preceded by the words "read and approved"\n'
    "\n"
    "&nbsp;\n"
    "\n"
    "For Club Ados Linandes: Karim Benali, **\\[to complete: the representative's role (chair, co-chair…)\\]** — "
    'signature preceded by the words "read and approved"\n'
    "\n"
    "&nbsp;\n"
    "\n"
    "For Cuisine du Monde Cergy: Lucia Ferreira, **\\[to complete: the representative's role (chair, "
    'co-chair…)\\]** — signature preceded by the words "read and approved"\n'
    "\n"
    "&nbsp;\n"
    "\n"
    "## Annex — Inventory of what is made available\n"
    "\n"
    "To be filled in together when things are handed over and returned.\n"
    "\n"
    "| Item | Made available by | Condition when handed over | Condition when returned |\n"
    "|---|---|---|---|\n"
    "| parcelle de 400 m² | Les Potagers des Linandes |  |  |\n"
    "| outils de jardinage | Les Potagers des Linandes |  |  |\n"
    "| cabane de rangement | Les Potagers des Linandes |  |  |\n"
    "| barnums | Club Ados Linandes |  |  |\n"
    "| sono | Club Ados Linandes |  |  |\n"
    "| cuisine mobile | Cuisine du Monde Cergy |  |  |\n"
    "| vaisselle réutilisable pour 150 personnes | Cuisine du Monde Cergy |  |  |\n"
)


def test_the_agreement_as_markdown(checklist: Checklist) -> None:
    """Headings, the notice as a quote, the gaps in bold with their brackets escaped, a list's items one after the
    other and a blank line around it, room after each signature, the annex as a table, one final newline."""
    text = agreement_markdown(agreement_of(example(), checklist, "en"))
    assert text[: text.index("## Article 1")] == MARKDOWN_HEAD_EN
    assert text[text.index("## Article 3") : text.index("## Article 4")] == MARKDOWN_ARTICLE_3_EN
    assert text[text.index("## Signatures") :] == MARKDOWN_END_EN
    headings = [line for line in text.split("\n") if line.startswith("## Article")]
    assert headings[0] == "## Article 1 — Purpose of the agreement" and len(headings) == 13


def test_a_paragraph_in_markdown_keeps_its_own_first_and_last_letters(checklist: Checklist) -> None:
    data = example()
    data["topics"]["purpose"]["objectives"] = ["X-Games au quartier, tous les ans en mai X"]
    text = agreement_markdown(agreement_of(data, checklist, "en"))
    assert "\n\n- X-Games au quartier, tous les ans en mai X\n\n" in text


# -- the agreement as HTML and Word --------------------------------------------------------------------


class _Blocks(HTMLParser):
    """The page's blocks in order, as (tag, text), read by the standard library's parser; the gaps (`mark`)
    apart; the page's language, title and stylesheet."""

    BLOCKS = ("title", "h1", "h2", "p", "li", "th", "td")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []
        self.marks: list[str] = []
        self.lang: str | None = None
        self.style = ""
        self.divs: list[str] = []
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.lang = values.get("lang")
        if tag in self.BLOCKS:
            self.blocks.append((tag if not values.get("class") else f"{tag}.{values['class']}", ""))
        if tag == "mark":
            assert values.get("class") == "todo"
            self.marks.append("")
        if tag == "div" and values.get("class") == "signature":
            self.divs.append("")
        if tag != "meta":
            self._open.append("signature" if tag == "div" and values.get("class") == "signature" else tag)

    def handle_endtag(self, tag: str) -> None:
        while self._open and self._open.pop() not in (tag, "signature" if tag == "div" else tag):
            pass

    def handle_data(self, data: str) -> None:
        if "style" in self._open:
            self.style += data
        if any(t in self.BLOCKS for t in self._open) and self.blocks:
            tag, text = self.blocks[-1]
            self.blocks[-1] = (tag, text + data)
        if "mark" in self._open:
            self.marks[-1] += data
        if "signature" in self._open:
            self.divs[-1] += data


def test_the_agreement_as_html(checklist: Checklist) -> None:
    """The same blocks as the agreement, a gap as a `mark`, the signatures apart, the annex as a table; the page
    titled with the kind and the project, in the agreement's language, with its own stylesheet."""
    agreement = agreement_of(example(), checklist, "fr")
    page = _Blocks()
    page.feed(agreement_html(agreement))
    page.close()
    assert page.lang == "fr"
    assert page.style.strip() == (TEMPLATES / "style.css").read_text(encoding="utf-8").strip()
    expected = [("title", "Convention de coopération — Jardins et fêtes des Linandes")]
    expected += [("h1", EXAMPLE_FR[0][1]), ("p.lead", EXAMPLE_FR[1][1]), ("p.draft-note", EXAMPLE_FR[2][1])]
    expected += [("h2" if kind == "h" else kind, text) for kind, text in EXAMPLE_FR[3:-5]]
    signatures = [text for _kind, text in EXAMPLE_FR[-5:-2]]
    expected += [("h2", "Annexe — Inventaire des biens mis à disposition"), EXAMPLE_FR[-1]]
    expected += [("th", c) for c in agreement.annex_columns]
    expected += [("td", c) for row in agreement.annex_rows for c in row]
    assert page.blocks == expected
    assert page.divs == signatures
    assert page.marks == [s.text for p in _all_paragraphs(agreement) for s in p.segments if s.todo]


def _all_paragraphs(agreement: Agreement) -> list[Paragraph]:
    return [
        *agreement.parties,
        *agreement.preamble.paragraphs,
        *[p for a in agreement.articles for p in a.paragraphs],
        agreement.place_date,
        *agreement.signatures,
    ]


def test_the_agreement_as_word(checklist: Checklist) -> None:
    """Read back by python-docx: the kind as the title, the project as the first heading, the notice as an
    italic quote, list items as bullets, each gap a bold run highlighted in yellow, room to sign after each
    signature, then a page break and the annex with its table."""
    agreement = agreement_of(example(), checklist, "en")
    document = docx.Document(io.BytesIO(agreement_docx(agreement)))
    assert document.core_properties.title == "Cooperation agreement — Jardins et fêtes des Linandes"
    assert document.core_properties.language == "en-GB"
    styles = {"kind": "Title", "project": "Heading 1", "notice": "Intense Quote", "h": "Heading 2"}
    expected = [(styles.get(kind, "List Bullet" if kind == "li" else "Normal"), text) for kind, text in EXAMPLE_EN]
    at = expected.index(("Heading 2", "Annex — Inventory of what is made available"))
    signatures = at - 3
    for end in (signatures + 3, signatures + 2, signatures + 1):  # after each signature, three empty paragraphs
        expected[end:end] = [("Normal", "")] * 3
    at = expected.index(("Heading 2", "Annex — Inventory of what is made available"))
    expected[at:at] = [("Normal", "")]  # the page break
    expected.append(("Normal", ""))  # after the table
    paragraphs = document.paragraphs
    assert [(p.style.name, p.text) for p in paragraphs] == expected
    assert "w:br" in paragraphs[at]._p.xml and 'w:type="page"' in paragraphs[at]._p.xml
    assert [run.italic for run in paragraphs[2].runs] == [True]
    written = [p for p in paragraphs if p.style.name in ("Normal", "List Bullet") and p.text]
    by_text = {p.plain: p for p in _all_paragraphs(agreement)}
    for paragraph in written:
        source = by_text.get(paragraph.text)
        if source is None:
            continue  # the agreement's own lines: between, parties_end, agreed, the annex's intro
        assert [run.text for run in paragraph.runs] == [s.text for s in source.segments]
        assert [run.bold for run in paragraph.runs] == [True if s.todo else None for s in source.segments]
        assert [run.font.highlight_color for run in paragraph.runs] == [
            WD_COLOR_INDEX.YELLOW if s.todo else None for s in source.segments
        ]
    assert sum(1 for p in written if p.text in by_text) == len(by_text)
    (table,) = document.tables
    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        agreement.annex_columns,
        *agreement.annex_rows,
    ]


def test_an_agreement_with_nothing_lent_has_no_annex_in_word(checklist: Checklist) -> None:
    data = example()
    for partner in data["partners"]:
        del partner["brings_material"]
    document = docx.Document(io.BytesIO(agreement_docx(agreement_of(data, checklist, "fr"))))
    assert document.tables == []
    assert "w:br" not in "".join(p._p.xml for p in document.paragraphs)
    assert [p.text for p in document.paragraphs][-4:] == [
        french("Pour Cuisine du Monde Cergy : Lucia Ferreira, ")
        + french("[à compléter : fonction du représentant (président·e, co-président·e…)] — signature précédée de la ")
        + french("mention « lu et approuvé »"),
        "",
        "",
        "",
    ]


# -- the level's clauses ----------------------------------------------------------------------------

POOLING = {"shares_resources": True}
SHARED_WORK = {"shares_resources": True, "shares_work": True}
COOPERATION = {**SHARED_WORK, "shared_organisation": True, "beyond_one_event": True}
MEET_EN = "The parties' representatives meet as follows: [to complete: how often you meet]."
MEET_FR = french(
    "Les représentants des parties se réunissent selon le rythme suivant : [à compléter : le rythme des réunions]."
)
COMMITTEE_EN = (
    "A steering committee brings together one representative of each party (and a deputy). It sets priorities, "
    "follows the schedule and the budget, and prepares the review. It meets as follows: [to complete: how often "
    "you meet]."
)
COMMITTEE_FR = french(
    "Un comité de pilotage réunit un représentant de chaque partie (et un suppléant). Il fixe les priorités, suit "
    "l'échéancier et le budget, et prépare le bilan. Il se réunit selon le rythme suivant : [à compléter : le rythme "
    "des réunions]."
)


def _cooperating(rapprochement: str, lang: str) -> str:
    if lang == "fr":
        return french(
            "Les parties organisent en commun leurs moyens techniques et humains, dans la durée, au-delà d'un "
            "événement particulier. Cette coopération ne crée pas de personne morale nouvelle ; tout rapprochement "
            f"formel ({rapprochement}) fera l'objet d'une décision distincte de chacune des parties."
        )
    return (
        "The parties organise their technical and human means in common, over time, beyond one particular event. "
        f"This cooperation creates no new legal entity; any formal rapprochement ({rapprochement}) will need a "
        "separate decision of each party."
    )


@pytest.mark.parametrize(
    ("classification", "lang", "kind", "level", "purpose", "meetings"),
    [
        (
            POOLING,
            "en",
            "Agreement on making resources available",
            "Pooling",
            [
                "It organises the mutual provision of non-human means (premises, equipment, logistics) between the "
                "parties; each remains responsible for its own activities."
            ],
            MEET_EN,
        ),
        (
            POOLING,
            "fr",
            "Convention de mise à disposition",
            "Mutualisation",
            [
                french(
                    "Elle organise la mise à disposition réciproque de moyens non humains (locaux, matériel, "
                    "logistique) entre les parties ; chacune reste responsable de ses propres activités."
                )
            ],
            MEET_FR,
        ),
        (SHARED_WORK, "en", "Partnership agreement", "Collaboration", [], MEET_EN),
        (SHARED_WORK, "fr", "Convention de partenariat", "Collaboration", [], MEET_FR),
        (COOPERATION, "en", "Cooperation agreement", "Cooperation", [_cooperating("none", "en")], COMMITTEE_EN),
        (COOPERATION, "fr", "Convention de coopération", "Coopération", [_cooperating("aucun", "fr")], COMMITTEE_FR),
        (
            {**COOPERATION, "formal_rapprochement": "none"},
            "fr",
            "Convention de coopération",
            "Coopération",
            [_cooperating("aucun", "fr")],
            COMMITTEE_FR,
        ),
        (
            {**COOPERATION, "formal_rapprochement": "merger"},
            "en",
            "Cooperation agreement",
            "Cooperation",
            [_cooperating("a merger", "en")],
            COMMITTEE_EN,
        ),
        (
            {**COOPERATION, "formal_rapprochement": "merger"},
            "fr",
            "Convention de coopération",
            "Coopération",
            [_cooperating("une fusion", "fr")],
            COMMITTEE_FR,
        ),
    ],
)
def test_the_level_reached_chooses_the_kind_and_its_clauses(
    classification: dict[str, Any],
    lang: str,
    kind: str,
    level: str,
    purpose: list[str],
    meetings: str,
    checklist: Checklist,
) -> None:
    """Pooling, collaboration or cooperation: the agreement's kind, the level named in the preamble, the purpose's
    own clause (the rapprochement considered, in lower case, or « aucun » / "none") and who meets."""
    data = {"format": 1, "project": {"title": "T"}, "partners": [{"name": "A"}], "classification": classification}
    agreement = agreement_of(data, checklist, lang)
    assert agreement.kind == kind
    preamble = texts(agreement, None)[-1]
    assert preamble.startswith(
        f'This agreement belongs to the level of sharing "{level}" described'
        if lang == "en"
        else french(f"Cette convention s'inscrit dans le niveau de partage « {level} » décrit")
    )
    assert texts(agreement, 1)[3:] == purpose
    assert texts(agreement, 6)[1:-1] == [meetings]


# -- the sheet's answers in the clauses ---------------------------------------------------------------


def test_answers_typed_as_sentences_end_each_clause_with_one_full_stop(checklist: Checklist) -> None:
    """The clauses put a full stop after the main objective, who decides, the meetings and the municipal staff:
    an answer typed with its own full stop does not make it two."""
    data = example()
    data["topics"]["purpose"]["main_objective"] = "Un jardin partagé."
    data["topics"]["governance"]["decision_makers"] = "Le comité du jardin."
    data["topics"]["governance"]["meetings"] = "Une réunion par mois..."
    data["topics"]["human_resources"]["municipal_staff"] = "Un agent de la Maison de quartier."
    agreement = agreement_of(data, checklist, "en")
    assert texts(agreement, 1)[0] == (
        'This agreement sets the terms on which the parties carry out together the project "Jardins et fêtes des '
        'Linandes": Un jardin partagé.'
    )
    assert texts(agreement, 6)[:2] == [
        "Decisions about the project are taken by: Le comité du jardin. They are taken by consent (no strong "
        "objection), after exchanging arguments and studying every idea.",
        "A steering committee brings together one representative of each party (and a deputy). It sets priorities, "
        "follows the schedule and the budget, and prepares the review. It meets as follows: Une réunion par mois.",
    ]
    assert texts(agreement, 3)[-1] == "Municipal staff involved: Un agent de la Maison de quartier."


def _with_issues(data: dict[str, Any], checklist: Checklist, lang: str) -> Agreement:
    """An agreement from a sheet that `coop check` would also report on (a milestone with no date…)."""
    sheet, issues = parse_sheet(data, checklist, "fiche.yaml")
    return build_agreement(sheet, checklist, audit(sheet, checklist, issues, TODAY), lang)


OWN_WORDS = {
    "format": 1,
    "project": {"title": "T"},
    "partners": [{"name": "A"}],
    "topics": {
        "purpose": {"reason": "Pourquoi pas  ?\n Parce que", "objectives": ["Réparer"]},
        "values": {"other": "  Une charte.  "},
        "pricing": {"details": "Gratuit."},
        "surplus": {"distribution": "reinvested"},
        "governance": {"decision_rule": "undecided", "decision_makers": "Tous"},
        "timeline": {
            "milestones": [{"date": "2026-10-13", "label": "Début"}, {"label": "Plus tard"}, {"date": "2026-11-01"}]
        },
        "success_criteria": {"criteria": [{"criterion": "Venue"}, {"measure": "Compter"}]},
        "outlook": {"renewal": "other_actions"},
        "communication": {"internal": "Un groupe !", "external": "Des affiches…"},
        "material_resources": {"needed": [{"item": "Graines", "amount": 300}]},
    },
}


def test_a_sheet_s_own_words_in_the_clauses(checklist: Checklist) -> None:
    """A reason on two lines made one sentence; a value, a pricing or a surplus alone; « undecided » a gap; the end
    date the last dated milestone, a milestone or a criterion with a part missing; the budget with needs only; and
    the optional clauses (approach, municipal staff, channels, next actions) left out when unanswered."""
    agreement = _with_issues(OWN_WORDS, checklist, "en")
    assert texts(agreement, None)[:2] == [
        'The parties wish to carry out together the project "T". They do so for the following reason: Pourquoi pas ? '
        "Parce que.",
        "They share the following values: Une charte.",
    ]
    assert texts(agreement, 2) == [
        "This agreement takes effect on the date it is signed. It runs until 1 November 2026.",
        "The main milestones of the project are:",
        "13 October 2026: Début",
        "1 November 2026: [to complete: milestone]",
        "[to complete: date]: Plus tard",
    ]
    assert len(texts(agreement, 3)) == 3  # no municipal staff
    assert texts(agreement, 5)[:3] == [
        "The project's provisional budget is as follows: existing resources €0, costed needs €300, still to fund €300.",
        "Pricing agreed: Gratuit.",
        "Any surplus will be reinvested in the common project.",
    ]
    assert texts(agreement, 6)[0] == (
        "Decisions about the project are taken by: Tous. They are taken [to complete: how decisions are taken "
        "(consensus, consent, vote)], after exchanging arguments and studying every idea."
    )
    assert texts(agreement, 7)[:3] == [
        "Between the parties, information flows as follows: Un groupe !",
        "To the public: Des affiches…",
        "Any communication about the project names all the parties and, where relevant, their logos, which no party "
        "uses without its owner's consent.",
    ]
    assert texts(agreement, 10)[1:3] == [
        "Venue — measured by: [to complete: how to measure it]",
        "[to complete: success criterion] — measured by: Compter",
    ]
    assert texts(agreement, 11) == [
        "For what comes next, the parties consider: other actions in cooperation. The agreement may be renewed by an "
        "amendment signed by all the parties, in the light of the review."
    ]
    where = [t.where for t in agreement.todos]
    assert where.count("Article 2 — Duration and schedule") == 2 and "Article 11 — Renewal" not in where


@pytest.mark.parametrize(
    ("value", "sentence"),
    [
        (None, None),
        ("", None),
        ("Un jardin", "Un jardin."),
        ("Un jardin.", "Un jardin."),
        ("Un jardin !", "Un jardin !"),
        ("Un jardin?", "Un jardin?"),
        ("Un jardin…", "Un jardin…"),
        ("  Un\n jardin\t partagé  ", "Un jardin partagé."),
        (12, "12."),
    ],
)
def test_an_answer_as_the_end_of_a_sentence(value: Any, sentence: str | None) -> None:
    assert _sentence(value) == sentence


@pytest.mark.parametrize(
    ("parts", "joined"),
    [
        ((None, None), None),
        (("", "  "), None),
        (("participation libre", "Les fêtes sont gratuites."), "participation libre. Les fêtes sont gratuites"),
        ((None, " Gratuit.. "), "Gratuit"),
        (("réinvesti. ", None), "réinvesti"),
        (("Tarif X.", "Groupe XX"), "Tarif X. Groupe XX"),
    ],
)
def test_answers_joined_as_sentences_without_the_last_full_stop(
    parts: tuple[str | None, ...], joined: str | None
) -> None:
    assert _joined(*parts) == joined


@pytest.mark.parametrize(
    ("text", "lowered"), [("Une fusion", "une fusion"), ("É", "é"), ("", ""), ("UN GIE", "uN GIE")]
)
def test_only_the_first_letter_is_lowered(text: str, lowered: str) -> None:
    assert _lower_first(text) == lowered


# -- where the clauses are read, and the one call for every format -------------------------------------


def test_the_clauses_are_read_from_the_package_when_installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Installed, the clauses are shipped inside the package (`coopwizard/checklists/documents`); in a checkout,
    they are the repository's `checklists/documents`, three folders above the package's `render`."""
    from coopwizard.render import convention

    package = tmp_path / "site" / "coopwizard"
    (package / "render").mkdir(parents=True)
    monkeypatch.setattr(convention, "__file__", str(package / "render" / "convention.py"))
    assert convention.clauses_path() == tmp_path / "checklists" / "documents" / "convention.yaml"
    shipped = package / "checklists" / "documents" / "convention.yaml"
    shipped.parent.mkdir(parents=True)
    shipped.write_text("format: 1\n", encoding="utf-8")
    assert convention.clauses_path() == shipped
    (tmp_path / "checklists" / "documents").mkdir(parents=True)
    (tmp_path / "checklists" / "documents" / "convention.yaml").write_text("format: 2\n", encoding="utf-8")
    assert convention.clauses_path() == shipped
    assert convention.clauses() == {"format": 1}


def test_the_checkout_s_clauses_are_the_ones_read() -> None:
    path = clauses_path()
    checkout = Path(__file__).resolve().parents[1] / "checklists" / "documents" / "convention.yaml"
    import coopwizard.render.convention as convention_module

    wheel = Path(convention_module.__file__).parents[1] / "checklists" / "documents" / "convention.yaml"
    assert path == (wheel if wheel.is_file() else checkout)  # the wheel's copy when installed, else the checkout's
    assert path.read_bytes() == checkout.read_bytes()
    assert clauses() == yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_agreement_document_in_each_format(lang: str, checklist: Checklist) -> None:
    sheet, issues = parse_sheet(example(), checklist, "fiche.yaml")
    result = audit(sheet, checklist, issues, TODAY)
    agreement = build_agreement(sheet, checklist, result, lang)
    assert agreement_document(agreement, "md") == agreement_markdown(agreement)
    assert agreement_document(agreement, "html") == agreement_html(agreement)
    word = agreement_document(agreement, "docx")
    assert isinstance(word, bytes)
    document = docx.Document(io.BytesIO(word))
    assert [p.text for p in document.paragraphs][:2] == [agreement.kind, "Jardins et fêtes des Linandes"]
    assert document.core_properties.language == ("fr-FR" if lang == "fr" else "en-GB")


@pytest.mark.parametrize(
    ("lang", "gap"), [("fr", "[à compléter\u00a0: insurer_name]"), ("en", "[to complete: insurer_name]")]
)
def test_a_clause_naming_an_answer_with_no_guidance_asks_for_it_by_its_name(
    lang: str, gap: str, checklist: Checklist, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The clauses are data: one edited to name an answer that has no guidance under `todos` still marks the gap,
    with the answer's name, and lists it."""
    from coopwizard.render import convention

    data = copy.deepcopy(clauses())
    data["articles"][7]["paragraphs"][0]["text"] = {
        "fr": "Assureur : {insurer_name}.",
        "en": "Insurer: {insurer_name}.",
    }
    monkeypatch.setattr(convention, "clauses", lambda: data)
    agreement = agreement_of(example(), checklist, lang)
    assert texts(agreement, 8)[0] == (french("Assureur : ") if lang == "fr" else "Insurer: ") + gap + "."
    assert [t.what for t in agreement.todos if t.where.startswith("Article 8")] == ["insurer_name"]


def test_a_rapprochement_left_at_the_checklist_s_default_is_none(tmp_path: Path) -> None:
    """« aucun » / "none" whatever the checklist calls its default choice: a rapprochement is only named when one
    is considered."""
    data = yaml.safe_load((ROOT / "checklists" / "default.yaml").read_text(encoding="utf-8"))
    question = next(q for q in data["classification"] if q["id"] == "formal_rapprochement")
    question["choices"][0]["label"] = {"fr": "Pas envisagé", "en": "Not considered"}
    path = tmp_path / "custom.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    custom = load_checklist(path)
    sheet = {
        "format": 1,
        "project": {"title": "T"},
        "partners": [{"name": "A"}],
        "classification": {**COOPERATION, "formal_rapprochement": "none"},
    }
    assert texts(agreement_of(sheet, custom, "fr"), 1)[3:] == [_cooperating("aucun", "fr")]
    assert texts(agreement_of(sheet, custom, "en"), 1)[3:] == [_cooperating("none", "en")]


def test_an_optional_clause_repeated_for_each_partner_leaves_out_the_partners_it_cannot_fill(
    checklist: Checklist, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The clauses are data: `each` with `optional` writes the line for the partners that give its answers only,
    and no gap (the shipped clauses use it for the next actions, which are never blank)."""
    from coopwizard.render import convention

    data = copy.deepcopy(clauses())
    data["articles"][6]["paragraphs"].append(
        {
            "each": "partners",
            "optional": True,
            "text": {"fr": "Courriel de {name} : {contact}", "en": "{name}: {contact}"},
        }
    )
    monkeypatch.setattr(convention, "clauses", lambda: data)
    agreement = agreement_of(_partners_sheet(), checklist, "en")
    assert texts(agreement, 7)[-1] == "A: a@example.org"
    assert [p.item for p in article(agreement, 7).paragraphs][-2:] == [False, True]
    assert not [t for t in agreement.todos if t.where == "Article 7 — Communication" and t.what == "email or phone"]


def test_criteria_with_no_measure_field_leave_the_measure_to_complete(tmp_path: Path) -> None:
    """A checklist of one's own whose success criteria have no measure: each criterion keeps its line, with the
    measure as a gap."""
    data = yaml.safe_load((ROOT / "checklists" / "default.yaml").read_text(encoding="utf-8"))
    topic = next(t for t in data["topics"] if t["id"] == "success_criteria")
    topic["questions"][0]["fields"] = topic["questions"][0]["fields"][:1]
    path = tmp_path / "custom.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    sheet = example()
    sheet["topics"]["success_criteria"]["criteria"] = [{"criterion": "Fréquentation des fêtes"}]
    agreement = agreement_of(sheet, load_checklist(path), "en")
    assert texts(agreement, 10)[1] == "Fréquentation des fêtes — measured by: [to complete: how to measure it]"

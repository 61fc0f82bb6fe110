"""The Word sheet (render/docx.py), read back by python-docx paragraph by paragraph: each heading, labelled
answer, table and finding in its place and style, with its bold and italic runs, in French and English.

Written from the mutation run of render/docx.py (docs/testing.md): the golden files are Markdown and HTML,
and the Word tests before checked a few headings and tables only.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from coopwizard.audit.engine import audit
from coopwizard.guide.load import load_checklist
from coopwizard.guide.model import Checklist
from coopwizard.render.docx import WordWriter, clean_text, render_docx
from coopwizard.sheet.model import Sheet
from coopwizard.sheet.parse import parse_sheet
from tests.conftest import ROOT
from tests.golden import HALF
from tests.sheets import example

TODAY = dt.date(2026, 10, 1)

Run = tuple[str, bool | None, bool | None]
Block = tuple[str, Any]


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


def word_of(data: dict[str, Any] | Sheet, checklist: Checklist, lang: str) -> Any:
    if isinstance(data, Sheet):
        sheet, issues = data, []
    else:
        sheet, issues = parse_sheet(data, checklist, "fiche.yaml")
        assert not issues
    return docx.Document(io.BytesIO(render_docx(sheet, checklist, audit(sheet, checklist, issues, TODAY), lang)))


def blocks(document: Any) -> list[Block]:
    """The document's body in order: each paragraph as its style and runs (text, bold, italic), each table as its
    cells (text, and the bold of the cell's runs)."""
    out: list[Block] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            out.append((paragraph.style.name, [(r.text, r.bold, r.italic) for r in paragraph.runs]))
        elif tag == "tbl":
            table = Table(child, document)
            out.append(
                (
                    "table",
                    [
                        [(cell.text, [r.bold for p in cell.paragraphs for r in p.runs]) for cell in row.cells]
                        for row in table.rows
                    ],
                )
            )
    return out


# -- whole sheets ---------------------------------------------------------------------------------------

EXAMPLE_EN: list[Block] = [
    ("Title", [("Jardins et fêtes des Linandes", None, None)]),
    (
        "Normal",
        [
            (
                "Trois associations du quartier des Linandes font vivre ensemble un jardin partagé et une fête des "
                "récoltes à "
                "chaque saison, pendant trois ans.",
                None,
                False,
            )
        ],
    ),
    ("Normal", [("Territory: ", True, None), ("Quartier des Linandes, Cergy", None, False)]),
    ("Normal", [("Scale: ", True, None), ("territorial, thematic", None, False)]),
    ("Normal", [("Theme: ", True, None), ("Alimentation durable et lien entre voisins", None, False)]),
    ("Normal", [("Sheet created on: ", True, None), ("14 September 2026", None, False)]),
    ("Heading 1", [("Partner associations", None, None)]),
    (
        "table",
        [
            [
                ("Association", [None, True]),
                ("Representative", [None, True]),
                ("Contact", [None, True]),
                ("Each association's mission", [None, True]),
            ],
            [
                ("Les Potagers des Linandes", [None, False]),
                ("Awa Diallo", [None, False]),
                ("potagers.linandes@example.org", [None, False]),
                ("Le jardin, les outils, la formation des nouveaux jardiniers", [None, False]),
            ],
            [
                ("Club Ados Linandes", [None, False]),
                ("Karim Benali", [None, False]),
                ("06 12 34 56 78", [None, False]),
                ("Les affiches, la sono et l'installation des fêtes", [None, False]),
            ],
            [
                ("Cuisine du Monde Cergy", [None, False]),
                ("Lucia Ferreira", [None, False]),
                ("cuisinedumonde@example.org", [None, False]),
                ("Les repas des fêtes, préparés avec les récoltes", [None, False]),
            ],
        ],
    ),
    ("Normal", []),
    ("Heading 2", [("Who brings what", None, None)]),
    (
        "table",
        [
            [
                ("Association", [None, True]),
                ("Material brought", [None, True]),
                ("Money brought", [None, True]),
                ("People brought", [None, True]),
            ],
            [
                ("Les Potagers des Linandes", [None, False]),
                ("parcelle de 400 m²\noutils de jardinage\ncabane de rangement", [None, False]),
                ("€800", [None, False]),
                ("12 jardiniers bénévoles\nune animatrice compost", [None, False]),
            ],
            [
                ("Club Ados Linandes", [None, False]),
                ("barnums\nsono", [None, False]),
                ("€300", [None, False]),
                ("8 jeunes et 2 animateurs\natelier graphisme", [None, False]),
            ],
            [
                ("Cuisine du Monde Cergy", [None, False]),
                ("cuisine mobile\nvaisselle réutilisable pour 150 personnes", [None, False]),
                ("", [None, False]),
                ("cuisinières et cuisiniers de six pays\naccueil du public", [None, False]),
            ],
        ],
    ),
    ("Normal", []),
    ("Heading 1", [("Level of sharing, as the guide defines it", None, None)]),
    (
        "table",
        [
            [("1. Pooling", [None, True]), ("2. Collaboration", [None, True]), ("3. Cooperation", [None, True])],
            [
                ("mutual facilitation", [None, False]),
                ("working together", [None, False]),
                ("building a common work", [None, False]),
            ],
            [("reached", [None, False]), ("reached", [None, False]), ("reached", [None, False])],
        ],
    ),
    ("Normal", []),
    ("Normal", [("Cooperation — “building a common work”", True, None)]),
    (
        "Normal",
        [
            (
                "A shared organisation of technical and human means, to carry a project through over time, beyond "
                "one particular "
                "event.",
                None,
                False,
            )
        ],
    ),
    ("Normal", [("Level recorded on the sheet: ", True, None), ("Cooperation", None, False)]),
    ("Normal", [("Non-human means shared: ", True, None), ("yes", None, False)]),
    ("Normal", [("Shared work: ", True, None), ("yes", None, False)]),
    ("Normal", [("Common organisation of means: ", True, None), ("yes", None, False)]),
    ("Normal", [("Over time: ", True, None), ("yes", None, False)]),
    ("Normal", [("Formal rapprochement considered: ", True, None), ("An ad hoc grouping", None, False)]),
    ("Quote", [("Pooling and collaboration are not mutually exclusive.", None, True)]),
    (
        "Quote",
        [
            (
                "Only once the notion of cooperation has been examined, and only at that stage, should any "
                "desirable formal "
                "rapprochement between organisations be considered, studied and built — mergers of course, but "
                "rather short of "
                "that, ad hoc groupings for instance.",
                None,
                True,
            )
        ],
    ),
    ("Heading 1", [("Progress", None, None)]),
    ("Normal", [("12 of 12 topics settled.", None, False)]),
    ("Heading 1", [("Points to discuss", None, None)]),
    ("Normal", [("Nothing to report: the sheet shows none of the pitfalls.", None, False)]),
    ("Heading 1", [("Timeline", None, None)]),
    (
        "table",
        [
            [("Date", [None, True]), ("Milestone", [None, True])],
            [("13 October 2026", [None, False]), ("Signature de la charte et premier comité", [None, False])],
            [("7 November 2026", [None, False]), ("Premier chantier ouvert au jardin", [None, False])],
            [("21 March 2027", [None, False]), ("Fête du printemps", [None, False])],
            [("25 September 2027", [None, False]), ("Fête des récoltes et bilan de la première année", [None, False])],
        ],
    ),
    ("Normal", []),
    ("Heading 1", [("Budget", None, None)]),
    (
        "table",
        [
            [("Item", [None, True]), ("Amount", [None, True]), ("Provided by, or expected source", [None, True])],
            [
                ("Brought by an association — Les Potagers des Linandes", [None, False]),
                ("€800", [None, False]),
                ("", [None, False]),
            ],
            [
                ("Brought by an association — Club Ados Linandes", [None, False]),
                ("€300", [None, False]),
                ("", [None, False]),
            ],
            [
                ("Existing resource — Subvention « Fonds d'initiatives habitants » 2026", [None, False]),
                ("€500", [None, False]),
                ("Ville de Cergy, obtenue en juin", [None, False]),
            ],
            [("Total existing resources", [None, True]), ("€1,600", [None, True]), ("", [None, True])],
            [
                ("Need — Récupérateur d'eau de pluie", [None, False]),
                ("€450", [None, False]),
                ("Budget participatif de Cergy", [None, False]),
            ],
            [
                ("Need — Graines et plants pour la première année", [None, False]),
                ("€300", [None, False]),
                ("Apports des associations", [None, False]),
            ],
            [("Total of the costed needs", [None, True]), ("€750", [None, True]), ("", [None, True])],
            [("Still to fund", [None, True]), ("€0", [None, True]), ("", [None, True])],
        ],
    ),
    ("Normal", []),
    ("Heading 1", [("The checklist", None, None)]),
    ("Heading 2", [("1. Purpose and objectives — settled", None, None)]),
    ("Normal", [("the reason for the cooperation project and its objectives", None, True)]),
    (
        "Normal",
        [
            ("Reason for the project: ", True, None),
            (
                "Le quartier manque de lieux où voisins, jeunes et familles se rencontrent ; chacune de nos "
                "associations le "
                "constate de son côté.",
                None,
                False,
            ),
        ],
    ),
    ("Normal", [("Objectives", True, None)]),
    ("List Bullet", [("Cultiver ensemble un jardin ouvert à tous les habitants", None, None)]),
    ("List Bullet", [("Faire une fête des récoltes à chaque saison", None, None)]),
    ("List Bullet", [("Faire participer les jeunes du quartier à toutes les étapes", None, None)]),
    (
        "Normal",
        [
            ("Object of the cooperation: ", True, None),
            ("Un jardin partagé qui rassemble le quartier, saison après saison", None, False),
        ],
    ),
    (
        "Normal",
        [
            ("Context and approach: ", True, None),
            (
                "Des chantiers ouverts le samedi matin, parce que c'est le moment où les familles sont disponibles "
                "; une fête "
                "par saison pour montrer le travail.",
                None,
                False,
            ),
        ],
    ),
    ("Heading 2", [("2. Shared values — settled", None, None)]),
    ("Normal", [("the values shared by the cooperating associations", None, True)]),
    ("Normal", [("Shared values: ", True, None), ("solidarity, openness, ecology, conviviality", None, False)]),
    (
        "Normal",
        [
            ("Other values, charter: ", True, None),
            ("Une charte du jardin, signée par les trois associations", None, False),
        ],
    ),
    ("Heading 2", [("3. Who does what — settled", None, None)]),
    ("Normal", [("who does what: the sharing of missions between associations", None, True)]),
    ("Normal", [("Each association's mission", True, None)]),
    (
        "table",
        [
            [("Association", [None, True]), ("Each association's mission", [None, True])],
            [
                ("Les Potagers des Linandes", [None, False]),
                ("Le jardin, les outils, la formation des nouveaux jardiniers", [None, False]),
            ],
            [
                ("Club Ados Linandes", [None, False]),
                ("Les affiches, la sono et l'installation des fêtes", [None, False]),
            ],
            [
                ("Cuisine du Monde Cergy", [None, False]),
                ("Les repas des fêtes, préparés avec les récoltes", [None, False]),
            ],
        ],
    ),
    ("Normal", []),
    ("Normal", [("Paid service between associations: ", True, None), ("no", None, False)]),
    ("Heading 2", [("4. Governance — settled", None, None)]),
    ("Normal", [("governance (who takes the decisions, and how?)", None, True)]),
    (
        "Normal",
        [
            ("Who decides: ", True, None),
            ("Le comité du jardin, un représentant et un suppléant par association", None, False),
        ],
    ),
    ("Normal", [("How decisions are taken: ", True, None), ("by consent (no strong objection)", None, False)]),
    ("Normal", [("Local organising committee: ", True, None), ("yes", None, False)]),
    (
        "Normal",
        [
            ("How often you meet: ", True, None),
            ("Une réunion par mois, le premier mardi, à la Maison de quartier", None, False),
        ],
    ),
    ("Heading 2", [("5. Human resources — settled", None, None)]),
    (
        "Normal",
        [("human resources (experience and skills, availability of your members, of municipal staff)", None, True)],
    ),
    ("Normal", [("Experience and skills", True, None)]),
    (
        "table",
        [
            [("Association", [None, True]), ("Experience and skills", [None, True])],
            [
                ("Les Potagers des Linandes", [None, False]),
                ("Maraîchage, compost, accueil des débutants", [None, False]),
            ],
            [("Club Ados Linandes", [None, False]), ("Graphisme, son, logistique d'événement", [None, False])],
            [("Cuisine du Monde Cergy", [None, False]), ("Cuisine collective, hygiène alimentaire", [None, False])],
        ],
    ),
    ("Normal", []),
    ("Normal", [("Availability", True, None)]),
    (
        "table",
        [
            [("Association", [None, True]), ("Availability", [None, True])],
            [("Les Potagers des Linandes", [None, False]), ("Tous les samedis matin", [None, False])],
            [("Club Ados Linandes", [None, False]), ("Mercredis et vacances scolaires", [None, False])],
            [("Cuisine du Monde Cergy", [None, False]), ("Les week-ends de fête", [None, False])],
        ],
    ),
    ("Normal", []),
    (
        "Normal",
        [
            ("Municipal staff: ", True, None),
            ("L'agent de développement de la Maison de quartier, deux demi-journées par saison", None, False),
        ],
    ),
    ("Normal", [("People or skills still missing", True, None)]),
    (
        "table",
        [
            [("Need", [None, True]), ("Where to find them", [None, True])],
            [
                ("Un référent sécurité pour les fêtes", [None, False]),
                ("Formation PSC1 proposée par la ville", [None, False]),
            ],
        ],
    ),
    ("Normal", []),
    ("Heading 2", [("6. Material and financial resources — settled", None, None)]),
    ("Normal", [("material and financial resources (existing, needed)", None, True)]),
    ("Normal", [("Existing resources", True, None)]),
    (
        "table",
        [
            [("Resource", [None, True]), ("Amount", [None, True]), ("Provided by", [None, True])],
            [
                ("Parcelle, outils et cabane", [None, False]),
                ("", [None, False]),
                ("Les Potagers des Linandes", [None, False]),
            ],
            [
                ("Subvention « Fonds d'initiatives habitants » 2026", [None, False]),
                ("€500", [None, False]),
                ("Ville de Cergy, obtenue en juin", [None, False]),
            ],
        ],
    ),
    ("Normal", []),
    ("Normal", [("Resources still missing", True, None)]),
    (
        "table",
        [
            [("Resource", [None, True]), ("Amount", [None, True]), ("Expected source", [None, True])],
            [
                ("Récupérateur d'eau de pluie", [None, False]),
                ("€450", [None, False]),
                ("Budget participatif de Cergy", [None, False]),
            ],
            [
                ("Graines et plants pour la première année", [None, False]),
                ("€300", [None, False]),
                ("Apports des associations", [None, False]),
            ],
        ],
    ),
    ("Normal", []),
    ("Heading 2", [("7. Timeline — settled", None, None)]),
    ("Normal", [("the schedule for carrying it out", None, True)]),
    ("Heading 2", [("8. Communication — settled", None, None)]),
    ("Normal", [("communication (external, sharing information between organisations)", None, True)]),
    (
        "Normal",
        [
            ("Between the associations: ", True, None),
            ("Le comité mensuel, un groupe de messagerie et un compte rendu partagé après chaque réunion", None, False),
        ],
    ),
    (
        "Normal",
        [
            ("To the public: ", True, None),
            ("Affiches du Club Ados, page de la Maison de quartier, stand au forum des associations", None, False),
        ],
    ),
    (
        "Normal",
        [
            ("Channels used: ", True, None),
            ("meetings, instant messaging, shared documents, posters and leaflets, social media", None, False),
        ],
    ),
    ("Heading 2", [("9. Pricing — settled", None, None)]),
    ("Normal", [("pricing (single price, or free, or a sliding scale, …)", None, True)]),
    ("Normal", [("Pricing: ", True, None), ("pay what you can", None, False)]),
    (
        "Normal",
        [
            ("Details: ", True, None),
            ("Les fêtes sont gratuites ; une boîte à participation libre pour les repas", None, False),
        ],
    ),
    ("Heading 2", [("10. Sharing any surplus — settled", None, None)]),
    ("Normal", [("the sharing of any surplus", None, True)]),
    ("Normal", [("Any surplus: ", True, None), ("reinvested in the common project", None, False)]),
    (
        "Normal",
        [("Details: ", True, None), ("Tout excédent des repas sert aux graines de la saison suivante", None, False)],
    ),
    ("Heading 2", [("11. Success criteria — settled", None, None)]),
    ("Normal", [("the success criteria (attendance, quality of exchanges, etc.)", None, True)]),
    ("Normal", [("Success criteria", True, None)]),
    (
        "table",
        [
            [("Criterion", [None, True]), ("Measure", [None, True])],
            [
                ("Fréquentation des fêtes", [None, False]),
                ("Nombre de repas servis (objectif 150 par fête)", [None, False]),
            ],
            [
                ("Qualité des échanges", [None, False]),
                ("Un mur de mots à chaque fête et un bilan en comité", [None, False]),
            ],
            [("Participation des jeunes", [None, False]), ("Nombre de jeunes présents aux chantiers", [None, False])],
        ],
    ),
    ("Normal", []),
    ("Heading 2", [("12. Outlook — settled", None, None)]),
    ("Normal", [("the outlook (renewing the action, or other actions in cooperation)", None, True)]),
    ("Normal", [("Afterwards: ", True, None), ("other actions in cooperation", None, False)]),
    ("Normal", [("Next actions", True, None)]),
    ("List Bullet", [("Ouvrir le jardin aux écoles du quartier", None, None)]),
    ("List Bullet", [("Étudier un groupement ad hoc pour demander une subvention pluriannuelle", None, None)]),
    (
        "Normal",
        [("Sheet made with coopwizard, from “A very small guide for a big inter-association project”.", None, True)],
    ),
]

HALF_DECLARED_FR: list[Block] = [
    ("Title", [("Repair café de l'Axe majeur", None, None)]),
    ("Normal", [("Deux associations ouvrent un atelier de réparation un samedi par mois.", None, False)]),
    ("Normal", [("Territoire\xa0: ", True, None), ("Cergy-Préfecture", None, False)]),
    ("Normal", [("Échelle\xa0: ", True, None), ("territoriale", None, False)]),
    ("Normal", [("Fiche créée le\xa0: ", True, None), ("20 novembre 2026", None, False)]),
    ("Heading 1", [("Associations partenaires", None, None)]),
    (
        "table",
        [
            [
                ("Association", [None, True]),
                ("Représentant", [None, True]),
                ("Contact", [None, True]),
                ("Mission de chaque association", [None, True]),
            ],
            [
                ("Les Bricoleurs du Ponceau", [None, False]),
                ("Jeanne Martin", [None, False]),
                ("bricoleurs@example.org", [None, False]),
                ("Encadrer les réparations", [None, False]),
            ],
            [
                ("Maison des Jeunes de Cergy", [None, False]),
                ("", [None, False]),
                ("", [None, False]),
                ("", [None, False]),
            ],
        ],
    ),
    ("Normal", []),
    ("Heading 2", [("Qui apporte quoi", None, None)]),
    (
        "table",
        [
            [
                ("Association", [None, True]),
                ("Apport matériel", [None, True]),
                ("Apport en argent", [None, True]),
                ("Apport en personnes", [None, True]),
            ],
            [
                ("Les Bricoleurs du Ponceau", [None, False]),
                ("outillage\ndeux établis", [None, False]),
                ("150\xa0€", [None, False]),
                ("quatre réparateurs bénévoles", [None, False]),
            ],
            [
                ("Maison des Jeunes de Cergy", [None, False]),
                ("la grande salle\nun samedi par mois", [None, False]),
                ("", [None, False]),
                ("", [None, False]),
            ],
        ],
    ),
    ("Normal", []),
    ("Heading 1", [("Niveau de partage selon le guide", None, None)]),
    (
        "table",
        [
            [("1. Mutualisation", [None, True]), ("2. Collaboration", [None, True]), ("3. Coopération", [None, True])],
            [
                ("facilitation réciproque", [None, False]),
                ("travailler ensemble", [None, False]),
                ("faire œuvre commune", [None, False]),
            ],
            [("atteint", [None, False]), ("pas encore", [None, False]), ("pas encore", [None, False])],
        ],
    ),
    ("Normal", []),
    ("Normal", [("Mutualisation — «\u202ffacilitation réciproque\u202f»", True, None)]),
    (
        "Normal",
        [
            (
                "Les ressources non humaines (locaux, moyens techniques, logistiques, éventuellement financiers, "
                "etc.).",
                None,
                False,
            )
        ],
    ),
    (
        "Normal",
        [
            ("Niveau inscrit sur la fiche\xa0: ", True, None),
            ("Coopération (les réponses de classement indiquent «\u202fMutualisation\u202f»)", None, False),
        ],
    ),
    ("Normal", [("Mise en commun de moyens non humains\xa0: ", True, None), ("oui", None, False)]),
    ("Normal", [("Travail partagé\xa0: ", True, None), ("oui", None, False)]),
    ("Normal", [("Organisation commune des moyens\xa0: ", True, None), ("non", None, False)]),
    ("Normal", [("Dans la durée\xa0: ", True, None), ("oui", None, False)]),
    ("Normal", [("Rapprochement formel envisagé\xa0: ", True, None), ("Une fusion", None, False)]),
    ("Normal", [("Pour passer à «\u202fCollaboration\u202f»\xa0: ", True, None)]),
    ("List Bullet", [("Partager le travail lui-même entre les membres des associations.", None, None)]),
    ("Quote", [("La mutualisation et la collaboration ne sont pas exclusives l'une de l'autre.", None, True)]),
    (
        "Quote",
        [
            (
                "C'est à partir de l'interrogation de la notion de coopération, et à ce stade seulement, que "
                "doivent être "
                "envisagées, étudiées et construites toutes les perspectives souhaitables de rapprochements "
                "formels entre "
                "structures — fusions bien sûr, mais plutôt en deçà\xa0: groupements «\u202fad hoc\u202f» par exemple.",
                None,
                True,
            )
        ],
    ),
    ("Heading 1", [("Avancement", None, None)]),
    ("Normal", [("2 sujets réglés sur 12.", None, False)]),
    (
        "Normal",
        [
            ("À compléter\xa0: ", True, None),
            ("Qui fait quoi, Gouvernance, Ressources matérielles et financières", None, False),
        ],
    ),
    (
        "Normal",
        [
            ("Pas encore abordés\xa0: ", True, None),
            (
                "Valeurs partagées, Ressources humaines, Communication, Tarification, Répartition des excédents, "
                "Critères de "
                "réussite, Perspectives",
                None,
                False,
            ),
        ],
    ),
    ("Heading 1", [("Points à discuter", None, None)]),
    ("Heading 2", [("Incohérences", None, None)]),
    (
        "List Bullet",
        [("Vous l'appelez «\u202fCoopération\u202f»\u202f; la fiche montre «\u202fMutualisation\u202f»", None, False)],
    ),
    (
        "List Bullet 2",
        [
            (
                "«\u202foui\u202f» à «\u202fDes membres de plusieurs associations travaillent-ils ensemble sur "
                "l'action (travail "
                "partagé ou organisé de concert)\u202f?\u202f», que la fiche contredit\xa0:",
                None,
                True,
            )
        ],
    ),
    (
        "List Bullet 2",
        [
            (
                "toutes les missions sont à Les Bricoleurs du Ponceau\u202f; Maison des Jeunes de Cergy n'en porte "
                "aucune",
                None,
                True,
            )
        ],
    ),
    (
        "List Bullet 2",
        [
            (
                "pas de «\u202foui\u202f» à\xa0: Les associations organisent-elles ensemble leurs moyens "
                "techniques et humains "
                "(une organisation commune, pas seulement côte à côte)\u202f?",
                None,
                True,
            )
        ],
    ),
    (
        "List Bullet",
        [
            (
                "«\u202foui\u202f» à «\u202fDes membres de plusieurs associations travaillent-ils ensemble sur "
                "l'action (travail "
                "partagé ou organisé de concert)\u202f?\u202f», mais le travail n'est pas partagé",
                None,
                False,
            )
        ],
    ),
    (
        "List Bullet 2",
        [
            (
                "toutes les missions sont à Les Bricoleurs du Ponceau\u202f; Maison des Jeunes de Cergy n'en porte "
                "aucune",
                None,
                True,
            )
        ],
    ),
    (
        "List Bullet 2",
        [
            ("Conseil\xa0: ", True, None),
            (
                "Le guide\xa0: «\u202fCollaboration\u202f» s'applique à\xa0: les ressources humaines, au travail "
                "partagé (ou "
                "organisé de concert).",
                None,
                False,
            ),
        ],
    ),
    ("List Bullet", [("Un rapprochement formel est envisagé avant le stade de la Coopération", None, False)]),
    (
        "List Bullet 2",
        [
            ("Conseil\xa0: ", True, None),
            (
                "C'est à partir de l'interrogation de la notion de coopération, et à ce stade seulement, que "
                "doivent être "
                "envisagées, étudiées et construites toutes les perspectives souhaitables de rapprochements "
                "formels entre "
                "structures — fusions bien sûr, mais plutôt en deçà\xa0: groupements «\u202fad hoc\u202f» par exemple.",
                None,
                False,
            ),
        ],
    ),
    ("Heading 2", [("Écueils", None, None)]),
    ("List Bullet", [("Ne pas différencier envies et réalités matérielles", None, False)]),
    (
        "List Bullet 2",
        [
            (
                "400\xa0€ nécessaires, 150\xa0€ apportés, et aucune source pour\xa0: Pièces détachées et consommables",
                None,
                True,
            )
        ],
    ),
    (
        "List Bullet 2",
        [
            ("Conseil\xa0: ", True, None),
            (
                "Faites le diagnostic des ressources et nommez une source pour chaque besoin qui dépasse ce que "
                "les associations "
                "apportent.",
                None,
                False,
            ),
        ],
    ),
    ("List Bullet 2", [("Conseil\xa0: ", True, None), ("Faire le diagnostic des ressources", None, False)]),
    ("List Bullet 2", [("Conseil\xa0: ", True, None), ("Prioriser les actions et s'organiser", None, False)]),
    ("Heading 2", [("Bonnes pratiques à tester", None, None)]),
    ("List Bullet", [("Agir localement et penser globalement… et réciproquement", None, False)]),
    ("List Bullet 2", [("à préciser\xa0: Les prochaines actions envisagées", None, True)]),
    ("List Bullet", [("Choisir l'approche/méthode d'action en fonction du contexte", None, False)]),
    ("List Bullet 2", [("à préciser\xa0: Le contexte et l'approche choisie", None, True)]),
    (
        "List Bullet",
        [("Créer un comité local d'organisation, y désigner les représentants de chaque entité", None, False)],
    ),
    (
        "List Bullet 2",
        [
            (
                "à préciser\xa0: Un comité local d'organisation réunit-il les représentants de chaque "
                "association\u202f?",
                None,
                True,
            )
        ],
    ),
    (
        "List Bullet",
        [("Désigner les interlocuteurs qui communiquent/échangent au cours de la coopération", None, False)],
    ),
    ("List Bullet 2", [("à préciser\xa0: Son représentant (l'interlocuteur du projet)", None, True)]),
    (
        "List Bullet",
        [
            (
                "Échanger les arguments pour décider\xa0: étudier toutes les idées et prendre les décisions "
                "démocratiquement",
                None,
                False,
            )
        ],
    ),
    ("List Bullet 2", [("pas encore décidé\xa0: le guide demande une prise de décision démocratique", None, True)]),
    (
        "List Bullet",
        [("Faire en sorte que les participants se sentent concernés par le projet de coopération", None, False)],
    ),
    ("List Bullet 2", [("à préciser\xa0: La mission de chaque association", None, True)]),
    ("List Bullet", [("Faire le diagnostic des ressources", None, False)]),
    (
        "List Bullet 2",
        [
            (
                "à préciser\xa0: Les ressources existantes, Les expériences et compétences de chaque association",
                None,
                True,
            )
        ],
    ),
    ("Heading 1", [("Échéancier", None, None)]),
    (
        "table",
        [
            [("Date", [None, True]), ("Étape", [None, True])],
            [("5 décembre 2026", [None, False]), ("Premier atelier à la Maison des Jeunes", [None, False])],
            [("9 janvier 2027", [None, False]), ("Bilan du premier trimestre avec la mairie", [None, False])],
        ],
    ),
    ("Normal", []),
    ("Heading 1", [("Budget", None, None)]),
    (
        "table",
        [
            [("Poste", [None, True]), ("Montant", [None, True]), ("Provenance ou source envisagée", [None, True])],
            [
                ("Apport d'une association — Les Bricoleurs du Ponceau", [None, False]),
                ("150\xa0€", [None, False]),
                ("", [None, False]),
            ],
            [("Total des ressources existantes", [None, True]), ("150\xa0€", [None, True]), ("", [None, True])],
            [
                ("Besoin — Pièces détachées et consommables", [None, False]),
                ("400\xa0€", [None, False]),
                ("", [None, False]),
            ],
            [("Total des besoins chiffrés", [None, True]), ("400\xa0€", [None, True]), ("", [None, True])],
            [("Reste à financer", [None, True]), ("250\xa0€", [None, True]), ("", [None, True])],
        ],
    ),
    ("Normal", []),
    ("Normal", [("Besoins sans source envisagée\xa0: Pièces détachées et consommables.", None, False)]),
    ("Heading 1", [("Le pense-bête", None, None)]),
    ("Heading 2", [("1. Raison et objectifs — réglé", None, None)]),
    ("Normal", [("la raison du projet de coopération et ses objectifs", None, True)]),
    (
        "Normal",
        [
            ("Raison du projet\xa0: ", True, None),
            ("Beaucoup d'objets finissent à la benne faute de savoir les réparer.", None, False),
        ],
    ),
    ("Normal", [("Objectifs", True, None)]),
    ("List Bullet", [("Réparer ensemble plutôt que jeter", None, None)]),
    ("List Bullet", [("Transmettre les gestes aux jeunes", None, None)]),
    ("Heading 2", [("2. Valeurs partagées — pas encore abordé", None, None)]),
    ("Normal", [("les valeurs partagées par les associations coopérantes", None, True)]),
    ("Heading 2", [("3. Qui fait quoi — à compléter", None, None)]),
    ("Normal", [("qui fait quoi\xa0: la répartition des missions entre associations", None, True)]),
    ("Normal", [("Mission de chaque association", True, None)]),
    (
        "table",
        [
            [("Association", [None, True]), ("Mission de chaque association", [None, True])],
            [("Les Bricoleurs du Ponceau", [None, False]), ("Encadrer les réparations", [None, False])],
        ],
    ),
    ("Normal", []),
    ("Heading 2", [("4. Gouvernance — à compléter", None, None)]),
    ("Normal", [("la gouvernance (qui prend les décisions et comment\u202f?)", None, True)]),
    ("Normal", [("Mode de décision\xa0: ", True, None), ("pas encore décidé", None, False)]),
    ("Heading 2", [("5. Ressources humaines — pas encore abordé", None, None)]),
    (
        "Normal",
        [
            (
                "les ressources humaines (expériences et compétences, disponibilités de vos membres, des agents "
                "municipaux)",
                None,
                True,
            )
        ],
    ),
    ("Heading 2", [("6. Ressources matérielles et financières — à compléter", None, None)]),
    ("Normal", [("les ressources matérielles et financières (existantes, nécessaires)", None, True)]),
    ("Normal", [("Ressources manquantes", True, None)]),
    (
        "table",
        [
            [("Ressource", [None, True]), ("Montant", [None, True]), ("Source envisagée", [None, True])],
            [("Pièces détachées et consommables", [None, False]), ("400\xa0€", [None, False]), ("", [None, False])],
        ],
    ),
    ("Normal", []),
    ("Heading 2", [("7. Échéancier — réglé", None, None)]),
    ("Normal", [("l'échéancier de réalisation", None, True)]),
    ("Heading 2", [("8. Communication — pas encore abordé", None, None)]),
    ("Normal", [("la communication (externe, partage de l'information entre entités)", None, True)]),
    ("Heading 2", [("9. Tarification — pas encore abordé", None, None)]),
    ("Normal", [("la tarification (tarif unique ou gratuité ou barème dégressif, …)", None, True)]),
    ("Heading 2", [("10. Répartition des excédents — pas encore abordé", None, None)]),
    ("Normal", [("la répartition des éventuels excédents", None, True)]),
    ("Heading 2", [("11. Critères de réussite — pas encore abordé", None, None)]),
    ("Normal", [("les critères de réussite (fréquentation, qualité des échanges, etc.)", None, True)]),
    ("Heading 2", [("12. Perspectives — pas encore abordé", None, None)]),
    ("Normal", [("les perspectives (renouvellement de l'action ou autres actions en coopération)", None, True)]),
    (
        "Normal",
        [
            (
                "Fiche établie avec coopwizard, d'après «\u202fTout petit guide pour grand projet "
                "inter-associatif\u202f».",
                None,
                True,
            )
        ],
    ),
]

SPARSE_EN: list[Block] = [
    ("Title", [("T", None, None)]),
    ("Heading 1", [("Partner associations", None, None)]),
    ("Normal", [("No association yet.", None, False)]),
    ("Heading 1", [("Level of sharing, as the guide defines it", None, None)]),
    (
        "table",
        [
            [("1. Pooling", [None, True]), ("2. Collaboration", [None, True]), ("3. Cooperation", [None, True])],
            [
                ("mutual facilitation", [None, False]),
                ("working together", [None, False]),
                ("building a common work", [None, False]),
            ],
            [("not yet", [None, False]), ("not yet", [None, False]), ("not yet", [None, False])],
        ],
    ),
    ("Normal", []),
    ("Normal", [("Not stated (answer the classification questions)", True, None)]),
    (
        "Normal",
        [
            ("Level recorded on the sheet: ", True, None),
            ("Collaboration (the classification answers point to “—”)", None, False),
        ],
    ),
    ("Normal", [("To reach “Pooling”: ", True, None)]),
    ("List Bullet", [("Share non-human means (premises, equipment, logistics).", None, None)]),
    ("Quote", [("Pooling and collaboration are not mutually exclusive.", None, True)]),
    (
        "Quote",
        [
            (
                "Only once the notion of cooperation has been examined, and only at that stage, should any "
                "desirable formal "
                "rapprochement between organisations be considered, studied and built — mergers of course, but "
                "rather short of "
                "that, ad hoc groupings for instance.",
                None,
                True,
            )
        ],
    ),
    ("Heading 1", [("Progress", None, None)]),
    ("Normal", [("0 of 12 topics settled.", None, False)]),
    ("Normal", [("To complete: ", True, None), ("Shared values", None, False)]),
    (
        "Normal",
        [
            ("Not yet discussed: ", True, None),
            (
                "Purpose and objectives, Who does what, Governance, Human resources, Material and financial "
                "resources, Timeline, "
                "Communication, Pricing, Sharing any surplus, Success criteria, Outlook",
                None,
                False,
            ),
        ],
    ),
    ("Heading 1", [("Points to discuss", None, None)]),
    ("Heading 2", [("Inconsistencies", None, None)]),
    ("List Bullet", [('You call it "Collaboration"; the sheet shows no sharing yet', None, False)]),
    (
        "List Bullet 2",
        [
            (
                'no "yes" to: Do members of several associations work together on the action (shared work, or work '
                "organised in "
                "concert)?",
                None,
                True,
            )
        ],
    ),
    ("Heading 2", [("Good practices to try", None, None)]),
    ("List Bullet", [("Act locally and think globally… and the other way round", None, False)]),
    (
        "List Bullet 2",
        [
            (
                "to settle: Territory of action (neighbourhood, town, conurbation…), The next actions considered",
                None,
                True,
            )
        ],
    ),
    ("List Bullet", [("Choose to cooperate at territorial and/or thematic level", None, False)]),
    ("List Bullet 2", [("to settle: At what scale do you cooperate (territory, theme, or both)?", None, True)]),
    ("List Bullet", [("Define the territory of action", None, False)]),
    ("List Bullet 2", [("to settle: Territory of action (neighbourhood, town, conurbation…)", None, True)]),
    (
        "List Bullet",
        [("Designate the contact persons who communicate and exchange during the cooperation", None, False)],
    ),
    ("List Bullet 2", [("to settle: Its representative (the project's contact person)", None, True)]),
    ("Heading 1", [("Timeline", None, None)]),
    ("Normal", [("No dated milestone yet.", None, False)]),
    ("Heading 1", [("The checklist", None, None)]),
    ("Heading 2", [("1. Purpose and objectives — not yet discussed", None, None)]),
    ("Normal", [("the reason for the cooperation project and its objectives", None, True)]),
    ("Heading 2", [("2. Shared values — to complete", None, None)]),
    ("Normal", [("the values shared by the cooperating associations", None, True)]),
    ("Normal", [("Notes: ", True, None), ("À revoir en comité", None, False)]),
    ("Heading 2", [("3. Who does what — not yet discussed", None, None)]),
    ("Normal", [("who does what: the sharing of missions between associations", None, True)]),
    ("Heading 2", [("4. Governance — not yet discussed", None, None)]),
    ("Normal", [("governance (who takes the decisions, and how?)", None, True)]),
    ("Heading 2", [("5. Human resources — not yet discussed", None, None)]),
    (
        "Normal",
        [("human resources (experience and skills, availability of your members, of municipal staff)", None, True)],
    ),
    ("Heading 2", [("6. Material and financial resources — not yet discussed", None, None)]),
    ("Normal", [("material and financial resources (existing, needed)", None, True)]),
    ("Heading 2", [("7. Timeline — not yet discussed", None, None)]),
    ("Normal", [("the schedule for carrying it out", None, True)]),
    ("Heading 2", [("8. Communication — not yet discussed", None, None)]),
    ("Normal", [("communication (external, sharing information between organisations)", None, True)]),
    ("Heading 2", [("9. Pricing — not yet discussed", None, None)]),
    ("Normal", [("pricing (single price, or free, or a sliding scale, …)", None, True)]),
    ("Heading 2", [("10. Sharing any surplus — not yet discussed", None, None)]),
    ("Normal", [("the sharing of any surplus", None, True)]),
    ("Heading 2", [("11. Success criteria — not yet discussed", None, None)]),
    ("Normal", [("the success criteria (attendance, quality of exchanges, etc.)", None, True)]),
    ("Heading 2", [("12. Outlook — not yet discussed", None, None)]),
    ("Normal", [("the outlook (renewing the action, or other actions in cooperation)", None, True)]),
    (
        "Normal",
        [("Sheet made with coopwizard, from “A very small guide for a big inter-association project”.", None, True)],
    ),
]


def test_the_example_sheet_in_word_in_english(checklist: Checklist) -> None:
    """A complete sheet: its facts, the partners and who brings what, the level reached with the guide's notes,
    progress, nothing to report, the timeline, the budget with its totals in bold, then each topic's answers
    (lists as bullets, records and per-partner answers as tables, the timeline not twice) and the footer."""
    assert blocks(word_of(example(), checklist, "en")) == EXAMPLE_EN


def test_a_half_filled_sheet_that_declares_a_level_in_word_in_french(checklist: Checklist) -> None:
    """The declared level beside the one the answers support, the step to the next level, the topics to complete
    and not started, the findings by group with their reasons (italic) and advice (« Conseil : » in bold), the
    needs with no source."""
    data = yaml.safe_load(HALF.read_text(encoding="utf-8"))
    data["classification"]["level"] = "cooperation"
    assert blocks(word_of(data, checklist, "fr")) == HALF_DECLARED_FR


def test_a_sheet_with_only_a_title_and_a_level_in_word(checklist: Checklist) -> None:
    """No partner, no level reached (the declared one said against « — »), no milestone, no budget, and a topic's
    notes."""
    data = {
        "format": 1,
        "project": {"title": "T"},
        "classification": {"level": "collaboration"},
        "topics": {"values": {"status": "to_complete", "notes": "À revoir en comité"}},
    }
    assert blocks(word_of(data, checklist, "en")) == SPARSE_EN


# -- the page and the writer --------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "word_lang"), [("fr", "fr-FR"), ("en", "en-GB"), ("de", "en-GB")])
def test_an_a4_page_in_the_document_s_language(lang: str, word_lang: str) -> None:
    """A4 with 20 mm side and 18 mm top and bottom margins, Liberation Sans 10.5 pt, the text's language set on
    the Normal style (spell-checking) and in the properties, the title without control characters."""
    writer = WordWriter(lang, "Fiche \x1b[1mT\x07")
    document = docx.Document(io.BytesIO(writer.to_bytes()))
    section = document.sections[0]
    assert [round(v.mm, 1) for v in (section.page_width, section.page_height)] == [210.0, 297.0]
    assert [round(v.mm, 1) for v in (section.left_margin, section.right_margin)] == [20.0, 20.0]
    assert [round(v.mm, 1) for v in (section.top_margin, section.bottom_margin)] == [18.0, 18.0]
    normal = document.styles["Normal"]
    assert normal.font.name == "Liberation Sans" and normal.font.size.pt == 10.5
    languages = normal.element.rPr.findall(qn("w:lang"))
    assert [element.get(qn("w:val")) for element in languages] == [word_lang]
    properties = document.core_properties
    assert (properties.title, properties.language, properties.author) == ("Fiche [1mT", word_lang, "coopwizard")


def test_the_writer_s_blocks(checklist: Checklist) -> None:
    writer = WordWriter("fr", "T")
    writer.numbered(["un", "deux\x00"])
    writer.bullets(["a\x1b"])
    writer.labelled("Contact", "x@example.org")
    writer.para()
    writer.para("texte", bold="Gras ", italic=True, style="Quote")
    writer.table(["A", "B"], [["1", "2\x07"], ["3", "4"]], bold_rows=[1])
    document = docx.Document(io.BytesIO(writer.to_bytes()))
    assert blocks(document) == [
        ("List Number", [("un", None, None)]),
        ("List Number", [("deux", None, None)]),
        ("List Bullet", [("a", None, None)]),
        ("Normal", [("Contact\u00a0: ", True, None), ("x@example.org", None, False)]),
        ("Normal", []),
        ("Quote", [("Gras ", True, None), ("texte", None, True)]),
        (
            "table",
            [
                [("A", [None, True]), ("B", [None, True])],
                [("1", [None, False]), ("2", [None, False])],
                [("3", [None, True]), ("4", [None, True])],
            ],
        ),
        ("Normal", []),
    ]
    (table,) = document.tables
    assert table.style.name == "Table Grid"
    headers = [row._tr.trPr.findall(qn("w:tblHeader")) if row._tr.trPr is not None else [] for row in table.rows]
    assert [[h.get(qn("w:val")) for h in found] for found in headers] == [["true"], [], []]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("a\x00b\x08c\x0bd\x0ce\x0ef\x1fg\x7fh\x80i\x9fj", "abcdefghij"),
        ("tab\tline\nreturn\r", "tab\tline\nreturn\r"),
        ("é « » \u00a0\u202f🌱", "é « » \u00a0\u202f🌱"),
        (12, "12"),
    ],
)
def test_clean_text_drops_what_xml_cannot_hold_and_only_that(text: Any, kept: str) -> None:
    assert clean_text(text) == kept


def test_the_sheet_s_title_is_the_document_s(checklist: Checklist) -> None:
    document = word_of(example(), checklist, "fr")
    assert document.core_properties.title == "Jardins et fêtes des Linandes"
    assert document.core_properties.language == "fr-FR"


def test_only_the_milestones_are_left_out_of_the_timeline_topic(tmp_path: Path) -> None:
    """The milestones are shown once, as the timeline; another answer of that topic (a checklist of one's own) is
    shown with the topic, in its place."""
    data = yaml.safe_load((ROOT / "checklists" / "default.yaml").read_text(encoding="utf-8"))
    timeline = next(t for t in data["topics"] if t["id"] == "timeline")
    timeline["questions"].append(
        {
            "id": "rhythm",
            "type": "text",
            "label": {"fr": "Rythme", "en": "Rhythm"},
            "text": {"fr": "Rythme", "en": "Rhythm"},
        }
    )
    path = tmp_path / "custom.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    custom = load_checklist(path)
    sheet = example()
    sheet["topics"]["timeline"]["rhythm"] = "Un chantier par mois"
    document = blocks(word_of(sheet, custom, "en"))
    at = document.index(("Heading 2", [("7. Timeline — settled", None, None)]))
    assert document[at : at + 4] == [
        ("Heading 2", [("7. Timeline — settled", None, None)]),
        ("Normal", [("the schedule for carrying it out", None, True)]),
        ("Normal", [("Rhythm: ", True, None), ("Un chantier par mois", None, False)]),
        ("Heading 2", [("8. Communication — settled", None, None)]),
    ]


def test_every_need_with_no_source_is_named_after_the_budget(checklist: Checklist) -> None:
    data = example()
    data["topics"]["material_resources"]["needed"] = [
        {"item": "Graines", "amount": 300},
        {"item": "Récupérateur", "amount": 450, "source": "Budget participatif"},
        {"item": "Bâche", "amount": 80},
    ]
    document = blocks(word_of(data, checklist, "fr"))
    at = document.index(("Heading 1", [("Le pense-bête", None, None)]))
    assert document[at - 1] == (
        "Normal",
        [("Besoins sans source envisagée\u00a0: Graines, Bâche.", None, False)],
    )


@pytest.mark.parametrize("row", [["1"], ["1", "2", "3"]])
def test_a_table_row_of_another_length_than_the_head_is_refused(row: list[str]) -> None:
    with pytest.raises(ValueError, match="zip"):
        WordWriter("fr", "T").table(["A", "B"], [row])

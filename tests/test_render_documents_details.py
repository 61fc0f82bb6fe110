"""The smaller documents and the choice of a format, detail by detail: the reviews' lines of `coop check`
(render/reviews.py), the iCalendar file (render/calendar.py), the agenda (render/agenda.py), `coop compare`'s
agenda and JSON (render/compare.py), and the output formats (render/formats.py).

Written for the mutation run over these modules (docs/testing.md): each test pins, with exact values and
messages in French and English, what a user reads or what a script gets.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import icalendar
import pytest

from coopwizard.audit.engine import audit
from coopwizard.audit.findings import Audit
from coopwizard.core.errors import UsageError
from coopwizard.guide.model import Checklist
from coopwizard.render.calendar import PRODID, milestone_uid, render_calendar
from coopwizard.render.formats import (
    FORMATS,
    RENDER_FORMATS,
    SHEET_EXTENSIONS,
    SHEET_FORMATS,
    choose_format,
    choose_sheet_format,
    render_sheet,
)
from coopwizard.render.reviews import number, review_lines, score_bar, signed
from coopwizard.sheet.model import Sheet
from coopwizard.sheet.parse import parse_sheet
from tests.sheets import example

TODAY = dt.date(2026, 12, 1)
POTAGERS, ADOS, CUISINE = "Les Potagers des Linandes", "Club Ados Linandes", "Cuisine du Monde Cergy"
NBSP, NNBSP = "\u00a0", "\u202f"
STAMP = dt.datetime(2026, 12, 1, 8, 30, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def empty_caches() -> None:
    """mutmut forks each mutant from a process that ran the tests once (docs/testing.md): no cached
    answer of the clean code may stand in for the code under test."""
    from coopwizard.render import convention, html

    for cached in (convention.clauses, html.environment, html.stylesheet):
        cached.cache_clear()


def audited(data: dict[str, Any], checklist: Checklist) -> tuple[Sheet, Audit]:
    sheet, issues = parse_sheet(data, checklist, "fiche.yaml")
    assert not issues
    return sheet, audit(sheet, checklist, issues, TODAY)


# -- the reviews in `coop check` (render/reviews.py) ------------------------------------------------


@pytest.mark.parametrize(
    ("value", "fr", "en"),
    [(4.33, "4,3", "4.3"), (4.0, "4", "4"), (3, "3", "3"), (0.25, "0,2", "0.2"), (2.75, "2,8", "2.8")],
)
def test_a_score_is_written_with_one_decimal_at_most(value: float, fr: str, en: str) -> None:
    assert (number(value, "fr"), number(value, "en")) == (fr, en)


@pytest.mark.parametrize(
    ("value", "fr", "en"),
    [(0, "=", "="), (0.0, "=", "="), (1.5, "+1,5", "+1.5"), (-1, "−1", "−1"), (-0.5, "−0,5", "−0.5")],
)
def test_a_trend_is_signed_and_no_change_is_an_equals_sign(value: float, fr: str, en: str) -> None:
    assert (signed(value, "fr"), signed(value, "en")) == (fr, en)


@pytest.mark.parametrize(
    ("score", "scale", "bar"),
    [(5, 5, "█████"), (0, 5, "░░░░░"), (3.33, 5, "███░░"), (3.5, 5, "████░"), (2.5, 5, "██░░░"), (1, 0, "░░░░░")],
)
def test_the_score_bar_has_five_cells(score: float, scale: int, bar: str) -> None:
    assert score_bar(score, scale) == bar


REVIEWS = [
    {
        "partner": POTAGERS,
        "date": dt.date(2026, 3, 1),
        "scores": {"ideas_heard": 5, "decisions_shared": 5, "purpose_clear": 2, "informed": 4},
    },
    {
        "partner": POTAGERS,
        "date": dt.date(2026, 9, 1),
        "scores": {"ideas_heard": 4, "decisions_shared": 4, "purpose_clear": 3, "informed": 4},
        "criteria": [
            {"criterion": "Fréquentation des fêtes", "rating": "partly"},
            {"criterion": "Qualité des échanges", "rating": "met"},
        ],
    },
    {
        "partner": ADOS,
        "date": dt.date(2026, 9, 2),
        "scores": {"ideas_heard": 3, "decisions_shared": 1, "purpose_clear": 3},
        "criteria": [{"criterion": "Fréquentation des fêtes", "rating": "not_met"}],
    },
    {
        "partner": CUISINE,
        "date": dt.date(2026, 9, 3),
        "scores": {"ideas_heard": 3, "decisions_shared": 4, "purpose_clear": 4},
    },
]


def test_the_reviews_lines_of_the_report_word_for_word(checklist: Checklist) -> None:
    data = example()
    data["reviews"] = REVIEWS
    _, result = audited(data, checklist)
    assert result.reviews is not None
    assert review_lines(result.reviews, checklist, "fr") == [
        f"  Bilans{NBSP}: 4 bilans de 3 associations, le dernier le 2026-09-03",
        "    Une raison et des objectifs partagés   [green]███░░[/] 3,3/5  écart 1  évolution +1",
        "    Des décisions prises démocratiquement  [green]███░░[/] 3,2/5  écart 2  évolution −1  "
        "[bold magenta]à discuter[/]",
        "    Une communication fluide               [green]████░[/] 4/5  écart 0  évolution =",
        f"    Critère «{NNBSP}Fréquentation des fêtes{NNBSP}»{NBSP}: en partie ({POTAGERS}), pas atteint ({ADOS})",
        f"    Critère «{NNBSP}Qualité des échanges{NNBSP}»{NBSP}: atteint ({POTAGERS})",
    ]
    assert review_lines(result.reviews, checklist, "en") == [
        "  Reviews: 4 reviews by 3 partners, the latest on 2026-09-03",
        "    A shared reason and objectives  [green]███░░[/] 3.3/5  spread 1  trend +1",
        "    Decisions taken democratically  [green]███░░[/] 3.2/5  spread 2  trend −1  [bold magenta]to discuss[/]",
        "    Fluid communication             [green]████░[/] 4/5  spread 0  trend =",
        f'    Criterion "Fréquentation des fêtes": partly met ({POTAGERS}), not met ({ADOS})',
        f'    Criterion "Qualité des échanges": met ({POTAGERS})',
    ]


def test_a_first_review_has_no_trend_and_user_text_is_escaped(checklist: Checklist) -> None:
    data = example()
    data["partners"][0]["name"] = "[bold]Potagers[/]"
    data["topics"]["responsibilities"]["missions"] = {
        "[bold]Potagers[/]": "Le jardin",
        ADOS: "Les affiches",
        CUISINE: "Les repas",
    }
    data["topics"]["human_resources"]["skills"] = {"[bold]Potagers[/]": "Maraîchage"}
    data["topics"]["human_resources"]["availability"] = {"[bold]Potagers[/]": "Le samedi"}
    data["reviews"] = [
        {
            "partner": "[bold]Potagers[/]",
            "date": dt.date(2026, 9, 1),
            "scores": {"ideas_heard": 4},
            "criteria": [{"criterion": "[red]Fréquentation[/]", "rating": "met"}],
        }
    ]
    _, result = audited(data, checklist)
    assert result.reviews is not None
    assert review_lines(result.reviews, checklist, "en") == [
        "  Reviews: 1 review by 1 partner, the latest on 2026-09-01",
        "    Decisions taken democratically  [green]████░[/] 4/5  spread 0",
        '    Criterion "\\[red]Fréquentation\\[/]": met (\\[bold]Potagers\\[/])',
    ]


def test_a_rating_the_checklist_does_not_know_is_said_by_its_id(checklist: Checklist) -> None:
    import dataclasses

    data = example()
    data["reviews"] = REVIEWS[1:2]
    _, result = audited(data, checklist)
    assert result.reviews is not None
    no_review = dataclasses.replace(checklist, review=None)
    assert review_lines(result.reviews, no_review, "en")[-2:] == [
        f'    Criterion "Fréquentation des fêtes": partly ({POTAGERS})',
        f'    Criterion "Qualité des échanges": met ({POTAGERS})',
    ]


# -- the calendar (render/calendar.py) --------------------------------------------------------------


def test_a_milestone_s_uid_is_derived_from_the_project_its_date_and_its_label() -> None:
    uid = milestone_uid(
        "Jardins et fêtes des Linandes", dt.date(2026, 10, 13), "Signature de la charte et premier comité"
    )
    assert uid == "7430f083267c87197ff071f75da34f88@coopwizard"
    assert milestone_uid("a", dt.date(2026, 1, 1), "bc") != milestone_uid("ab", dt.date(2026, 1, 1), "c")


def test_the_calendar_has_one_all_day_event_per_dated_milestone_said_in_the_language(checklist: Checklist) -> None:
    data = example()
    data["topics"]["timeline"]["milestones"].append({"label": "Un jour"})  # no date: no event
    data["topics"]["timeline"]["milestones"][1]["date"] = None
    sheet, issues = parse_sheet(data, checklist, "fiche.yaml")
    result = audit(sheet, checklist, issues, TODAY)
    raw = render_calendar(sheet, checklist, result, "fr", STAMP)
    calendar = icalendar.Calendar.from_ical(raw)
    assert [(k, str(v)) for k, v in calendar.items()] == [
        ("VERSION", "2.0"),
        ("PRODID", PRODID),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"),
        ("X-WR-CALNAME", "Jardins et fêtes des Linandes"),
    ]
    assert PRODID.startswith("-//coopwizard//coopwizard ") and PRODID.endswith("//FR")
    events = list(calendar.walk("VEVENT"))
    assert [(e.decoded("DTSTART"), e.decoded("DTEND")) for e in events] == [
        (dt.date(2026, 10, 13), dt.date(2026, 10, 14)),
        (dt.date(2027, 3, 21), dt.date(2027, 3, 22)),
        (dt.date(2027, 9, 25), dt.date(2027, 9, 26)),
    ]
    first = events[0]
    assert str(first["SUMMARY"]) == "Signature de la charte et premier comité — Jardins et fêtes des Linandes"
    assert str(first["UID"]) == "7430f083267c87197ff071f75da34f88@coopwizard"
    assert first.decoded("DTSTAMP") == STAMP
    assert str(first["TRANSP"]) == "TRANSPARENT"
    assert str(first["DESCRIPTION"]) == (
        f"Projet{NBSP}: Jardins et fêtes des Linandes\nAssociations partenaires{NBSP}: {POTAGERS}, {ADOS}, {CUISINE}"
    )
    assert b"DTSTART;VALUE=DATE:20261013\r\nDTEND;VALUE=DATE:20261014\r\n" in raw
    english = icalendar.Calendar.from_ical(render_calendar(sheet, checklist, result, "en", STAMP))
    assert str(next(iter(english.walk("VEVENT")))["DESCRIPTION"]) == (
        f"Project: Jardins et fêtes des Linandes\nPartner associations: {POTAGERS}, {ADOS}, {CUISINE}"
    )


def test_a_calendar_with_no_partner_says_only_the_project_and_is_stamped_now(checklist: Checklist) -> None:
    data = example()
    data["partners"] = []
    del data["topics"]["responsibilities"]["missions"]
    del data["topics"]["human_resources"]["skills"]
    del data["topics"]["human_resources"]["availability"]
    sheet, result = audited(data, checklist)
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    events = list(icalendar.Calendar.from_ical(render_calendar(sheet, checklist, result, "en")).walk("VEVENT"))
    after = dt.datetime.now(dt.UTC)
    assert str(events[0]["DESCRIPTION"]) == "Project: Jardins et fêtes des Linandes"
    stamp = events[0].decoded("DTSTAMP")
    assert before <= stamp <= after and stamp.microsecond == 0 and stamp.tzinfo is not None
    assert stamp.utcoffset() == dt.timedelta(0)


# -- the output formats (render/formats.py) ---------------------------------------------------------


def test_the_formats_their_extensions_and_which_read_back_as_sheets() -> None:
    assert [(f.name, f.extensions, f.binary, f.sheet) for f in FORMATS.values()] == [
        ("yaml", (".yaml", ".yml"), False, True),
        ("md", (".md", ".markdown"), False, True),
        ("html", (".html", ".htm"), False, False),
        ("docx", (".docx",), True, False),
    ]
    assert RENDER_FORMATS == ("yaml", "md", "html", "docx")
    assert SHEET_FORMATS == ("yaml", "md")
    assert SHEET_EXTENSIONS == {".yaml": "yaml", ".yml": "yaml", ".md": "md", ".markdown": "md"}


@pytest.mark.parametrize(
    ("option", "output", "chosen"),
    [
        (None, None, "html"),  # the default
        (None, "-", "html"),
        ("docx", None, "docx"),
        ("md", "-", "md"),
        (None, "fiche.YML", "yaml"),
        (None, "dossier.v2/fiche.markdown", "md"),
        (None, "page.htm", "html"),
        ("docx", "fiche.docx", "docx"),
    ],
)
def test_the_format_is_the_option_else_the_extension_else_the_default(
    option: str | None, output: str | None, chosen: str
) -> None:
    assert choose_format(option, output, RENDER_FORMATS, "html").name == chosen


@pytest.mark.parametrize(
    ("option", "output", "allowed", "key", "params"),
    [
        ("pdf", None, RENDER_FORMATS, "cli.bad_format", {"value": "pdf", "allowed": "yaml, md, html, docx"}),
        ("html", "fiche.html", SHEET_FORMATS, "cli.bad_format", {"value": "html", "allowed": "yaml, md"}),
        (None, "", SHEET_FORMATS, "output.empty", {"allowed": ".yaml, .yml, .md, .markdown"}),
        ("md", "", SHEET_FORMATS, "output.empty", {"allowed": ".yaml, .yml, .md, .markdown"}),
        (None, "fiche.pdf", RENDER_FORMATS, "cli.no_pdf", {}),
        (None, "fiche.PDF", SHEET_FORMATS, "cli.no_pdf", {}),
        (None, "fiche.docx", SHEET_FORMATS, "cli.bad_format", {"value": "docx", "allowed": "yaml, md"}),
        (
            None,
            "fiche.txt",
            SHEET_FORMATS,
            "output.unknown_extension",
            {"file": "fiche.txt", "suffix": ".txt", "allowed": ".yaml, .yml, .md, .markdown"},
        ),
        (
            None,
            "fiche",
            ("html",),
            "output.unknown_extension",
            {"file": "fiche", "suffix": '""', "allowed": ".html, .htm"},
        ),
        (
            "yaml",
            "fiche.md",
            SHEET_FORMATS,
            "output.format_mismatch",
            {"file": "fiche.md", "format": "yaml", "expected": "md"},
        ),
    ],
)
def test_a_format_that_cannot_be_chosen_is_refused_with_what_to_do(
    option: str | None, output: str | None, allowed: tuple[str, ...], key: str, params: dict[str, str]
) -> None:
    with pytest.raises(UsageError) as raised:
        choose_format(option, output, allowed, "yaml")
    assert (raised.value.key, raised.value.params) == (key, params)


@pytest.mark.parametrize(
    ("option", "output", "chosen"),
    [(None, None, "yaml"), (None, "-", "yaml"), ("md", None, "md"), (None, "fiche.md", "md"), (None, "f.yml", "yaml")],
)
def test_a_sheet_is_written_as_the_option_or_extension_says_yaml_otherwise(
    option: str | None, output: str | None, chosen: str
) -> None:
    assert choose_sheet_format(option, output) == chosen


def test_the_sheet_is_written_back_as_yaml_with_its_modeline_or_as_markdown(
    checklist: Checklist, monkeypatch: pytest.MonkeyPatch
) -> None:
    sheet, result = audited(example(), checklist)
    yaml_text = render_sheet(sheet, checklist, result, "yaml", "fr")
    assert yaml_text.startswith("---\n# yaml-language-server: $schema=./coopwizard.schema.json\nformat: 1\n")
    assert "\n  title: Jardins et fêtes des Linandes\n" in yaml_text
    # A format that is not a sheet's (a document) gives the sheet as YAML.
    assert render_sheet(sheet, checklist, result, "html", "fr") == yaml_text
    markdown = render_sheet(sheet, checklist, result, "md", "en")
    assert markdown.startswith("---\n") and "\n# Jardins et fêtes des Linandes\n" in markdown
    assert "## Partner associations" in markdown
    monkeypatch.setenv("COOP_SCHEMA", "none")
    assert render_sheet(sheet, checklist, result, "yaml", "fr").startswith("---\nformat: 1\n")


def test_each_format_renders_the_sheet_as_its_kind(checklist: Checklist) -> None:
    sheet, result = audited(example(), checklist)
    html = FORMATS["html"].render(sheet, checklist, result, "fr")
    assert isinstance(html, str) and html.startswith("<!DOCTYPE html>") and 'lang="fr"' in html
    docx = FORMATS["docx"].render(sheet, checklist, result, "en")
    assert isinstance(docx, bytes) and docx.startswith(b"PK")
    markdown = FORMATS["md"].render(sheet, checklist, result, "fr")
    assert isinstance(markdown, str) and "## Associations partenaires" in markdown


# -- the agenda (render/agenda.py) ------------------------------------------------------------------


def test_the_agenda_of_a_settled_sheet_with_reviews_word_for_word(checklist: Checklist) -> None:
    from coopwizard.render.agenda import build_agenda, render_agenda_markdown

    data = example()
    data["reviews"] = REVIEWS
    del data["partners"][1]["representative"]
    data["topics"]["timeline"]["milestones"].append({"label": "Un jour"})
    sheet, issues = parse_sheet(data, checklist, "fiche.yaml")
    result = audit(sheet, checklist, issues, TODAY)
    day = dt.date(2026, 11, 7)  # a milestone that day is still to come; the one before is past
    agenda = build_agenda(sheet, checklist, result, "fr", day)
    assert agenda.topics == ()
    assert [g.kind for g in agenda.discuss] == ["inconsistency", "pitfall"]  # not the suggestions
    assert [m.label for m in agenda.coming] == [
        "Premier chantier ouvert au jardin",
        "Fête du printemps",
        "Fête des récoltes et bilan de la première année",
        "Un jour",
    ]
    said = f"«{NNBSP}Des décisions prises démocratiquement{NNBSP}»"
    assert render_agenda_markdown(sheet, checklist, result, "fr", day).split("\n") == [
        "# Ordre du jour — Jardins et fêtes des Linandes",
        "",
        f"- **Date et heure**{NBSP}: ",
        f"- **Lieu**{NBSP}: ",
        f"- **Associations invitées**{NBSP}: {POTAGERS} (Awa Diallo), {ADOS}, {CUISINE} (Lucia Ferreira)",
        "",
        "## Sujets à régler",
        "",
        "Tous les sujets du pense-bête sont réglés.",
        "",
        "## Points à discuter",
        "",
        "### Incohérences",
        "",
        f"- Les notes des associations sur {said} vont de 2 ({ADOS}) à 4 ({POTAGERS}){NBSP}: "
        "un point à discuter ensemble",
        "",
        "### Écueils",
        "",
        f"- Dispersion des participants, faible concentration autour de «{NNBSP}l'objet{NNBSP}» de la coopération",
        f"  - pas de représentant pour{NBSP}: {ADOS}",
        "",
        "## Bilans des partenaires",
        "",
        "4 bilans de 3 associations, le dernier le 3 septembre 2026",
        "",
        f"- Une raison et des objectifs partagés{NBSP}: 3,33/5 (écart 1 · évolution +1)",
        f"- Des décisions prises démocratiquement{NBSP}: 3,17/5 (écart 2 · évolution −1) · **à discuter**",
        f"- Une communication fluide{NBSP}: 4/5 (écart 0 · évolution =)",
        "",
        "## Prochaines étapes",
        "",
        "- **7 novembre 2026** — Premier chantier ouvert au jardin",
        "- **21 mars 2027** — Fête du printemps",
        "- **25 septembre 2027** — Fête des récoltes et bilan de la première année",
        "- Un jour",
        "",
        "## Questions diverses",
        "",
    ]
    english = render_agenda_markdown(sheet, checklist, result, "en", day)
    assert english.startswith("# Agenda — Jardins et fêtes des Linandes\n\n- **Date and time**: \n- **Place**: \n")
    assert "\n## Topics to settle\n\nEvery topic of the checklist is settled.\n\n## Points to discuss\n" in english
    assert "\n- A shared reason and objectives: 3\\.33/5 (spread 1 · trend +1)\n" in english
    assert english.endswith("\n- Un jour\n\n## Any other business\n")


def test_the_agenda_of_a_sheet_with_no_partner_nothing_to_discuss_and_no_milestone(checklist: Checklist) -> None:
    from coopwizard.render.agenda import render_agenda_markdown

    data = example()
    data["topics"]["timeline"] = {"status": "to_complete"}
    data["topics"]["pricing"] = {"status": "to_complete", "model": "free"}
    sheet, result = audited(data, checklist)
    text = render_agenda_markdown(sheet, checklist, result, "fr", TODAY)
    assert text.split("\n")[5:] == [
        "",
        "## Sujets à régler",
        "",
        "### 1. Échéancier (à compléter)",
        "",
        "*l'échéancier de réalisation*",
        "",
        "- Les étapes, avec leur date — essentiel",
        "",
        "### 2. Tarification (à compléter)",
        "",
        "*la tarification (tarif unique ou gratuité ou barème dégressif, …)*",
        "",
        "- Précisions (montants, publics concernés)",
        "",
        "## Points à discuter",
        "",
        "Aucun écueil ni incohérence relevé.",
        "",
        "## Prochaines étapes",
        "",
        "Aucune étape datée pour l'instant.",
        "",
        "## Questions diverses",
        "",
    ]
    data["partners"] = []
    del data["topics"]["responsibilities"]["missions"]
    del data["topics"]["human_resources"]["skills"]
    del data["topics"]["human_resources"]["availability"]
    sheet, issues = parse_sheet(data, checklist, "fiche.yaml")
    alone = render_agenda_markdown(sheet, checklist, audit(sheet, checklist, issues, TODAY), "en", TODAY)
    assert alone.split("\n")[:5] == [
        "# Agenda — Jardins et fêtes des Linandes",
        "",
        "- **Date and time**: ",
        "- **Place**: ",
        "",
    ]


def test_the_agenda_page_is_titled_with_the_sheet(checklist: Checklist) -> None:
    from coopwizard.render.agenda import render_agenda_html

    sheet, result = audited(example(), checklist)
    page = render_agenda_html(sheet, checklist, result, "fr", TODAY)
    assert "<title>Ordre du jour — Jardins et fêtes des Linandes</title>" in page
    assert page.count("Ordre du jour — Jardins et fêtes des Linandes") == 2  # the title and the heading


# -- `coop compare` (render/compare.py) -------------------------------------------------------------


def two_versions(checklist: Checklist) -> Any:
    """The example sheet as the Potagers and as the Ados wrote it, neither with an outlook."""
    from coopwizard.sheet.compare import compare_sheets

    potagers, ados = example(), example()
    ados["project"]["title"] = "Le jardin [des] Linandes"
    ados["partners"][2]["brings_money"] = 150
    ados["topics"]["purpose"]["objectives"] = [*ados["topics"]["purpose"]["objectives"][:2], "Un objectif à nous"]
    ados["topics"]["timeline"]["milestones"][1]["date"] = dt.date(2026, 11, 14)
    ados["topics"]["material_resources"]["needed"][0]["amount"] = 600
    ados["topics"]["governance"]["decision_rule"] = "majority_vote"
    del ados["topics"]["pricing"]["details"]
    del potagers["topics"]["outlook"], ados["topics"]["outlook"]
    sheets = []
    for label, data in (("potagers", potagers), ("ados", ados)):
        sheet, issues = parse_sheet(data, checklist, "fiche.yaml")
        assert not issues
        sheets.append((label, sheet))
    return compare_sheets(sheets, checklist)


AGREED_PARTNERS = ", ".join(
    [
        "{partners}",
        *(
            f"{{{field}}} — {name}"
            for name in (POTAGERS, ADOS)
            for field in ("representative", "contact", "material", "money", "people")
        ),
        *(f"{{{field}}} — {CUISINE}" for field in ("representative", "contact", "material", "people")),
    ]
)


def test_the_agenda_of_disagreements_in_french_word_for_word(checklist: Checklist) -> None:
    from coopwizard.render.compare import render_compare_text

    text = render_compare_text(two_versions(checklist), ["a.yaml", "b.yaml"], checklist, "fr")
    agreed_partners = AGREED_PARTNERS.format(
        partners="Les associations partenaires",
        representative="Représentant",
        contact="Contact",
        material="Apport matériel",
        money="Apport en argent",
        people="Apport en personnes",
    )
    s = NBSP + ":"
    assert text.split("\n") == [
        f"2 fiches comparées{s} [bold]potagers[/] (a.yaml, «{NNBSP}Jardins et fêtes des Linandes{NNBSP}»), "
        f"[bold]ados[/] (b.yaml, «{NNBSP}Le jardin \\[des] Linandes{NNBSP}»)",
        f"D'accord{s} 54 · Différent{s} 5 · Répondu par certaines seulement{s} 2",
        "",
        "[bold]Ordre du jour des désaccords, dans l'ordre du guide[/]",
        "1. [bold]Le projet[/] — à discuter",
        "   Titre [magenta](différent)[/]",
        f"     potagers{s} Jardins et fêtes des Linandes",
        f"     ados{s} Le jardin \\[des] Linandes",
        f"   [green]d'accord (4)[/]{s} Résumé, Territoire, Échelle, Thème",
        "2. [bold]Les partenaires[/] — à compléter",
        f"   Apport en argent — {CUISINE} [yellow](répondu par certaines seulement)[/]",
        f"     potagers{s} (pas de réponse)",
        f"     ados{s} 150{NBSP}€",
        f"   [green]d'accord (15)[/]{s} {agreed_partners}",
        "3. [bold]Raison et objectifs[/] — à discuter",
        "   Objectifs [magenta](différent)[/]",
        f"     toutes{s} Cultiver ensemble un jardin ouvert à tous les habitants{NNBSP}; "
        "Faire une fête des récoltes à chaque saison",
        f"     seulement potagers{s} Faire participer les jeunes du quartier à toutes les étapes",
        f"     seulement ados{s} Un objectif à nous",
        f"   [green]d'accord (3)[/]{s} Raison du projet, Objet de la coopération, Contexte et approche",
        "4. [bold]Gouvernance[/] — à discuter",
        "   Mode de décision [magenta](différent)[/]",
        f"     potagers{s} au consentement (pas d'objection forte)",
        f"     ados{s} au vote à la majorité",
        f"   [green]d'accord (3)[/]{s} Qui décide, Comité local d'organisation, Rythme des réunions",
        "5. [bold]Ressources matérielles et financières[/] — à discuter",
        "   Ressources manquantes [magenta](différent)[/]",
        f"     toutes{s} Graines et plants pour la première année, 300{NBSP}€, Apports des associations",
        f"     «{NNBSP}Récupérateur d'eau de pluie{NNBSP}», écrit autrement",
        f"       potagers{s} Récupérateur d'eau de pluie, 450{NBSP}€, Budget participatif de Cergy",
        f"       ados{s} Récupérateur d'eau de pluie, 600{NBSP}€, Budget participatif de Cergy",
        f"     totaux{s} 750{NBSP}€ (potagers), 900{NBSP}€ (ados)",
        f"   [green]d'accord (1)[/]{s} Ressources existantes",
        "6. [bold]Échéancier[/] — à discuter",
        "   Étapes [magenta](différent)[/]",
        f"     toutes{s} 2026-10-13, Signature de la charte et premier comité{NNBSP}; 2027-03-21, Fête du printemps"
        f"{NNBSP}; 2027-09-25, Fête des récoltes et bilan de la première année",
        f"     «{NNBSP}Premier chantier ouvert au jardin{NNBSP}», écrit autrement",
        f"       potagers{s} 2026-11-07, Premier chantier ouvert au jardin",
        f"       ados{s} 2026-11-14, Premier chantier ouvert au jardin",
        "7. [bold]Tarification[/] — à compléter",
        "   Précisions [yellow](répondu par certaines seulement)[/]",
        f"     potagers{s} Les fêtes sont gratuites ; une boîte à participation libre pour les repas",
        f"     ados{s} (pas de réponse)",
        f"   [green]d'accord (1)[/]{s} Tarification",
        "",
        f"[green]D'accord sur tout[/]{s} Le niveau de partage, Valeurs partagées, Qui fait quoi, Ressources humaines, "
        "Communication, Répartition des excédents, Critères de réussite",
        f"[dim]Sans réponse dans aucune fiche[/]{s} Perspectives",
        "",
    ]


def test_the_agenda_of_disagreements_in_english(checklist: Checklist) -> None:
    from coopwizard.render.compare import render_compare_text

    text = render_compare_text(two_versions(checklist), ["a.yaml", "b.yaml"], checklist, "en")
    lines = text.split("\n")
    assert lines[:6] == [
        "2 sheets compared: [bold]potagers[/] (a.yaml, “Jardins et fêtes des Linandes”), "
        "[bold]ados[/] (b.yaml, “Le jardin \\[des] Linandes”)",
        "Agreed: 54 · Different: 5 · Answered by only some: 2",
        "",
        "[bold]Agenda of disagreements, in the guide's order[/]",
        "1. [bold]The project[/] — to discuss",
        "   Title [magenta](different)[/]",
    ]
    assert "   Money brought — Cuisine du Monde Cergy [yellow](answered by only some)[/]" in lines
    assert "     potagers: (no answer)" in lines and "     ados: €150" in lines
    assert "     everyone: Graines et plants pour la première année, €300, Apports des associations" in lines
    assert "     “Récupérateur d'eau de pluie”, written differently" in lines
    assert "     only ados: Un objectif à nous" in lines
    assert "     totals: €750 (potagers), €900 (ados)" in lines
    assert lines[-3:] == [
        "[green]Agreed on everything[/]: The level of sharing, Shared values, Who does what, Human resources, "
        "Communication, Sharing any surplus, Success criteria",
        "[dim]Answered by no sheet[/]: Outlook",
        "",
    ]


def test_sheets_that_agree_on_everything_say_so(checklist: Checklist) -> None:
    from coopwizard.render.compare import render_compare_text
    from coopwizard.sheet.compare import compare_sheets

    sheet, _ = audited(example(), checklist)
    untitled = Sheet(project={"territory": "Cergy"})
    same = compare_sheets([("a", untitled), ("b", untitled)], checklist)
    text = render_compare_text(same, ["a.yaml", "-"], checklist, "en")
    assert text.split("\n")[:5] == [
        "2 sheets compared: [bold]a[/] (a.yaml), [bold]b[/] (-)",
        "Agreed: 1 · Different: 0 · Answered by only some: 0",
        "",
        "[green]The sheets agree on every answer.[/]",
        "",
    ]
    assert compare_sheets([("a", sheet), ("b", sheet)], checklist).agree


def test_the_totals_are_written_as_the_language_writes_money(checklist: Checklist) -> None:
    """The totals of a list of resources read like every other amount of the agenda: « 1 200,50 € » with no
    break before the €, "€1,200.50" (render/compare.py wrote « 750 € » with a plain space, in English too)."""
    from coopwizard.render.compare import render_compare_text

    comparison = two_versions(checklist)
    english = render_compare_text(comparison, ["a.yaml", "b.yaml"], checklist, "en").split("\n")
    french = render_compare_text(comparison, ["a.yaml", "b.yaml"], checklist, "fr").split("\n")
    assert "     totals: €750 (potagers), €900 (ados)" in english
    assert f"     totaux{NBSP}: 750{NBSP}€ (potagers), 900{NBSP}€ (ados)" in french


def test_the_comparison_as_json(checklist: Checklist) -> None:
    import json

    from coopwizard import __version__
    from coopwizard.render.compare import render_compare_json

    text = render_compare_json(two_versions(checklist), ["a.yaml", "b.yaml"], checklist, "fr")
    assert text.startswith('{\n  "format": 1,\n  "tool": "coopwizard",\n')  # indented by two
    assert text.endswith("\n}\n") and '"title": "Jardins et fêtes des Linandes"' in text  # UTF-8, not escaped
    document = json.loads(text)
    assert {k: v for k, v in document.items() if k != "sections"} == {
        "format": 1,
        "tool": "coopwizard",
        "version": __version__,
        "lang": "fr",
        "checklist": {"id": "cergy-cooperation", "version": 1},
        "sheets": [
            {"label": "potagers", "path": "a.yaml", "title": "Jardins et fêtes des Linandes"},
            {"label": "ados", "path": "b.yaml", "title": "Le jardin [des] Linandes"},
        ],
        "agree": False,
        "counts": {"agree": 54, "differ": 5, "partial": 2},
        "silent": ["outlook"],
    }
    sections = {s["id"]: s for s in document["sections"]}
    assert [(s["id"], s["label"], s["status"]) for s in document["sections"]][:4] == [
        ("project", "Le projet", "differ"),
        ("partners", "Les partenaires", "partial"),
        ("classification", "Le niveau de partage", "agree"),
        ("purpose", "Raison et objectifs", "differ"),
    ]
    points = {p["path"]: p for s in document["sections"] for p in s["points"]}
    assert points["project.title"] == {
        "path": "project.title",
        "what": "answer",
        "question": "title",
        "partner": None,
        "label": "Titre",
        "status": "differ",
        "versions": [
            {"by": "potagers", "value": "Jardins et fêtes des Linandes"},
            {"by": "ados", "value": "Le jardin [des] Linandes"},
        ],
        "common": None,
        "only": None,
        "totals": None,
        "changed": None,
    }
    money = points[f"partners.{CUISINE}.brings_money"]
    assert (money["partner"], money["label"], money["status"], money["versions"]) == (
        CUISINE,
        f"Apport en argent — {CUISINE}",
        "partial",
        [{"by": "potagers", "value": None}, {"by": "ados", "value": 150}],
    )
    objectives = points["topics.purpose.objectives"]
    assert objectives["common"] == [
        "Cultiver ensemble un jardin ouvert à tous les habitants",
        "Faire une fête des récoltes à chaque saison",
    ]
    assert objectives["only"] == [
        {"value": "Faire participer les jeunes du quartier à toutes les étapes", "by": ["potagers"]},
        {"value": "Un objectif à nous", "by": ["ados"]},
    ]
    assert (objectives["totals"], objectives["changed"]) == (None, None)
    needed = points["topics.material_resources.needed"]
    assert needed["totals"] == [{"by": "potagers", "total": 750}, {"by": "ados", "total": 900}]
    assert needed["changed"] == [
        {
            "item": "Récupérateur d'eau de pluie",
            "versions": [
                {
                    "by": "potagers",
                    "value": {
                        "item": "Récupérateur d'eau de pluie",
                        "amount": 450,
                        "source": "Budget participatif de Cergy",
                    },
                },
                {
                    "by": "ados",
                    "value": {
                        "item": "Récupérateur d'eau de pluie",
                        "amount": 600,
                        "source": "Budget participatif de Cergy",
                    },
                },
            ],
        }
    ]
    milestones = points["topics.timeline.milestones"]
    assert milestones["changed"][0]["versions"][1] == {
        "by": "ados",
        "value": {"date": "2026-11-14", "label": "Premier chantier ouvert au jardin"},
    }
    assert milestones["versions"][0]["value"][0] == {
        "date": "2026-10-13",
        "label": "Signature de la charte et premier comité",
    }
    assert milestones["totals"] is None
    assert sections["timeline"]["label"] == "Échéancier"
    english = json.loads(render_compare_json(two_versions(checklist), ["a.yaml", "b.yaml"], checklist, "en"))
    assert english["lang"] == "en"
    assert [s["label"] for s in english["sections"]][:4] == [
        "The project",
        "The partners",
        "The level of sharing",
        "Purpose and objectives",
    ]


def test_a_section_is_named_by_the_catalog_the_checklist_or_its_id(checklist: Checklist) -> None:
    from coopwizard.render.compare import section_label

    assert [section_label(s, checklist, "fr") for s in ("project", "partners", "classification", "pricing")] == [
        "Le projet",
        "Les partenaires",
        "Le niveau de partage",
        "Tarification",
    ]
    assert section_label("pricing", checklist, "en") == "Pricing"
    assert section_label("nowhere", checklist, "en") == "nowhere"


# -- after the first run: what its survivors showed ------------------------------------------------


def test_a_spread_of_half_points_and_a_review_with_no_score(checklist: Checklist) -> None:
    data = example()
    data["reviews"] = [
        {"partner": POTAGERS, "date": dt.date(2026, 9, 1), "scores": {"ideas_heard": 4, "decisions_shared": 3}},
        {"partner": ADOS, "date": dt.date(2026, 9, 2), "scores": {"ideas_heard": 2}},
        {
            "partner": CUISINE,
            "date": dt.date(2026, 9, 3),
            "criteria": [{"criterion": "Fréquentation des fêtes", "rating": "met"}],
        },
    ]
    _, result = audited(data, checklist)
    assert result.reviews is not None
    assert review_lines(result.reviews, checklist, "fr")[1] == (
        "    Des décisions prises démocratiquement  [green]███░░[/] 2,8/5  écart 1,5"
    )
    data["reviews"] = data["reviews"][2:]  # criteria only: no concern scored
    _, result = audited(data, checklist)
    assert result.reviews is not None
    assert review_lines(result.reviews, checklist, "en") == [
        "  Reviews: 1 review by 1 partner, the latest on 2026-09-03",
        f'    Criterion "Fréquentation des fêtes": met ({CUISINE})',
    ]


def test_the_agenda_says_no_trend_for_a_first_review(checklist: Checklist) -> None:
    from coopwizard.render.agenda import render_agenda_markdown

    data = example()
    data["reviews"] = [
        {"partner": POTAGERS, "date": dt.date(2026, 9, 1), "scores": {"ideas_heard": 4, "decisions_shared": 3}}
    ]
    sheet, result = audited(data, checklist)
    text = render_agenda_markdown(sheet, checklist, result, "fr", TODAY)
    assert f"\n- Des décisions prises démocratiquement{NBSP}: 3,5/5 (écart 0)\n" in text


def test_the_calendar_is_stamped_in_utc_whatever_the_local_time_zone(
    checklist: Checklist, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    sheet, result = audited(example(), checklist)
    with monkeypatch.context() as local:
        local.setenv("TZ", "Pacific/Auckland")
        time.tzset()
        try:
            before = dt.datetime.now(dt.UTC).replace(microsecond=0)
            raw = render_calendar(sheet, checklist, result, "fr")
            after = dt.datetime.now(dt.UTC)
        finally:
            local.undo()
            time.tzset()
    stamp = next(iter(icalendar.Calendar.from_ical(raw).walk("VEVENT"))).decoded("DTSTAMP")
    assert before <= stamp <= after


def test_a_record_one_sheet_lacks_is_said_unanswered_there_and_equal_totals_are_not_said(checklist: Checklist) -> None:
    from coopwizard.render.compare import render_compare_text
    from coopwizard.sheet.compare import compare_sheets

    potagers, ados, cuisine = example(), example(), example()
    ados["topics"]["material_resources"]["needed"][0]["source"] = "La ville"  # the same sums, another source
    del cuisine["topics"]["material_resources"]["needed"][0]
    sheets = []
    for label, data in (("potagers", potagers), ("ados", ados), ("cuisine", cuisine)):
        sheet, issues = parse_sheet(data, checklist, "fiche.yaml")
        assert not issues
        sheets.append((label, sheet))
    text = render_compare_text(compare_sheets(sheets, checklist), ["a", "b", "c"], checklist, "en")
    part = text[text.index("   Resources still missing") : text.index("   [green]agreed (1)[/]: Existing resources")]
    assert part.split("\n") == [
        "   Resources still missing [magenta](different)[/]",
        "     everyone: Graines et plants pour la première année, €300, Apports des associations",
        "     “Récupérateur d'eau de pluie”, written differently",
        "       potagers: Récupérateur d'eau de pluie, €450, Budget participatif de Cergy",
        "       ados: Récupérateur d'eau de pluie, €450, La ville",
        "       cuisine: (no answer)",
        "     totals: €750 (potagers), €750 (ados), €300 (cuisine)",
        "",
    ]
    del cuisine["topics"]["material_resources"]
    sheets[2] = ("cuisine", parse_sheet(cuisine, checklist, "fiche.yaml")[0])
    two = render_compare_text(compare_sheets(sheets[:2], checklist), ["a", "b"], checklist, "en")
    assert "totals" not in two  # both sheets need €750

"""`coop compare` and `coop merge` on the separate sheets two associations wrote of the same festival.

docs/examples/fete-potagers.yaml and fete-ados.yaml are written the way each
delegate wrote them: one in flow style, the other in blocks, "oui" for true,
"300 €" for 300, another case and spacing; they agree on much and differ on the
objectives, the Club Ados' mission, how to decide, the budget, the festival's
date and the level they state.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import ROOT
from tests.helpers import coop
from tests.sheets import as_yaml, example

POTAGERS = str(ROOT / "docs" / "examples" / "fete-potagers.yaml")
ADOS = str(ROOT / "docs" / "examples" / "fete-ados.yaml")


def _points(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {p["path"]: p for s in document["sections"] for p in s["points"]}


def test_the_agenda_of_disagreements_in_french() -> None:
    run = coop("compare", POTAGERS, ADOS, "--lang", "fr")
    assert run.code == 1
    assert run.err == ""
    out = run.out.replace("\u00a0", " ").replace("\u202f", " ")
    assert out.startswith(
        f"2 fiches comparées : fete-potagers ({POTAGERS}, « Fête des récoltes des Linandes »), "
        f"fete-ados ({ADOS}, « fête des récoltes des Linandes »)\n"
        "D'accord : 20 · Différent : 7 · Répondu par certaines seulement : 8\n\n"
        "Ordre du jour des désaccords, dans l'ordre du guide\n"
        "1. Le projet — à discuter\n"
        "   Résumé (différent)\n"
        "     fete-potagers : Une fête au jardin partagé pour fêter les récoltes avec le quartier.\n"
        "     fete-ados : Une fête au jardin avec un concert des jeunes du quartier.\n"
        "   d'accord (3) : Titre, Territoire, Échelle\n"
    )
    assert (
        "4. Raison et objectifs — à discuter\n"
        "   Objectifs (différent)\n"
        "     toutes : Créer du lien entre voisins\n"
        "     seulement fete-potagers : Faire connaître le jardin partagé\n"
        "     seulement fete-ados : Donner une place aux jeunes du quartier\n"
        "   d'accord (1) : Raison du projet\n"
        "5. Qui fait quoi — à discuter\n"
        "   Mission de chaque association — Club Ados Linandes (différent)\n"
        "     fete-potagers : Les affiches et la sono\n"
        "     fete-ados : Les affiches, la sono et un concert des jeunes\n"
    ) in out
    assert (
        "   Ressources manquantes (différent)\n"
        "     toutes : Location de tables, 150 €, Apports des associations\n"
        "     seulement fete-ados : Scène pour le concert, 400 €, Subvention de la ville\n"
        "     totaux : 150 € (fete-potagers), 550 € (fete-ados)\n"
    ) in out
    assert "   Le niveau indiqué par la fiche (différent)\n     fete-potagers : Collaboration\n" in out
    assert (
        "8. Échéancier — à discuter\n"
        "   Étapes (différent)\n"
        "     toutes : 2027-06-05, Réunion de préparation\n"
        "     « Fête des récoltes », écrit autrement\n"
        "       fete-potagers : 2027-09-25, Fête des récoltes\n"
        "       fete-ados : 2027-10-02, Fête des récoltes\n"
    ) in out
    assert out.endswith(
        "D'accord sur tout : Valeurs partagées, Tarification\n"
        "Sans réponse dans aucune fiche : Ressources humaines, Perspectives\n"
    )


def test_labels_name_whose_version_is_whose() -> None:
    run = coop("compare", POTAGERS, ADOS, "--label", "Potagers", "--label", "Club Ados")
    assert run.code == 1
    assert "     only Club Ados: Donner une place aux jeunes du quartier\n" in run.out
    assert "     Potagers: by consensus\n     Club Ados: by majority vote\n" in run.out


def test_the_json_document() -> None:
    run = coop("compare", "--format", "json", POTAGERS, ADOS, "-n", "potagers", "-n", "ados")
    assert run.code == 1
    document = json.loads(run.out)
    assert document["format"] == 1 and document["agree"] is False
    assert document["sheets"][1] == {"label": "ados", "path": ADOS, "title": "fête des récoltes des Linandes"}
    assert document["counts"] == {"agree": 20, "differ": 7, "partial": 8}
    assert document["silent"] == ["human_resources", "outlook"]
    points = _points(document)
    objectives = points["topics.purpose.objectives"]
    assert objectives["status"] == "differ"
    assert objectives["common"] == ["Créer du lien entre voisins"]
    assert objectives["only"] == [
        {"value": "Faire connaître le jardin partagé", "by": ["potagers"]},
        {"value": "Donner une place aux jeunes du quartier", "by": ["ados"]},
    ]
    mission = points["topics.responsibilities.missions.Club Ados Linandes"]
    assert mission["partner"] == "Club Ados Linandes"
    assert [v["value"] for v in mission["versions"]] == [
        "Les affiches et la sono",
        "Les affiches, la sono et un concert des jeunes",
    ]
    assert points["topics.responsibilities.missions.Les Potagers des Linandes"]["status"] == "agree"
    # "300 €" and 300 are the same sum; 100 given by one sheet only.
    assert points["partners.Les Potagers des Linandes.brings_money"]["status"] == "agree"
    money = points["partners.Club Ados Linandes.brings_money"]
    assert money["status"] == "partial"
    assert money["versions"] == [{"by": "potagers", "value": None}, {"by": "ados", "value": 100}]
    assert points["topics.material_resources.needed"]["totals"] == [
        {"by": "potagers", "total": 150},
        {"by": "ados", "total": 550},
    ]
    assert points["classification.level"]["versions"] == [
        {"by": "potagers", "value": "collaboration"},
        {"by": "ados", "value": "cooperation"},
    ]
    assert points["classification.reached"]["status"] == "agree"  # both reach collaboration
    # Case, spacing, order and "oui" do not make a difference.
    for agreed in ("project.title", "project.territory", "topics.purpose.reason", "topics.values.shared"):
        assert points[agreed]["status"] == "agree", agreed
    assert points["classification.shares_work"]["status"] == "agree"
    milestones = points["topics.timeline.milestones"]
    assert milestones["only"] == []  # the festival is in both sheets, on another day
    assert milestones["changed"] == [
        {
            "item": "Fête des récoltes",
            "versions": [
                {"by": "potagers", "value": {"date": "2027-09-25", "label": "Fête des récoltes"}},
                {"by": "ados", "value": {"date": "2027-10-02", "label": "Fête des récoltes"}},
            ],
        }
    ]
    assert points["topics.purpose.objectives"]["changed"] is None
    assert points["topics.surplus.distribution"]["status"] == "partial"


def test_the_same_answers_agree(write: Callable[..., Path]) -> None:
    sheet = write("a.yaml", as_yaml(example()))
    data = example()
    data["topics"]["purpose"]["reason"] = data["topics"]["purpose"]["reason"].upper()
    data["partners"].reverse()
    other = write("b.yaml", as_yaml(data))
    run = coop("compare", str(sheet), str(other))
    assert run.code == 0
    assert "The sheets agree on every answer.\n" in run.out
    assert json.loads(coop("compare", "-f", "json", str(sheet), str(other)).out)["agree"] is True


def test_three_sheets_say_who_has_what(write: Callable[..., Path]) -> None:
    names = []
    for label, extra in (("potagers", None), ("ados", "Un concert des jeunes"), ("cuisine", "Un concert des jeunes")):
        data = example()
        if extra:
            data["topics"]["purpose"]["objectives"].append(extra)
        names.append(str(write(f"{label}.yaml", as_yaml(data))))
    run = coop("compare", *names)
    assert run.code == 1
    assert "     only ados, cuisine: Un concert des jeunes\n" in run.out


def test_an_answers_file_compares_with_a_sheet(write: Callable[..., Path]) -> None:
    data = example()
    del data["format"]
    answers = write("reponses.yaml", as_yaml(data))
    run = coop("compare", str(answers), str(ROOT / "docs" / "examples" / "linandes.yaml"))
    assert (run.code, run.err) == (0, "")


def test_problems_in_a_sheet_are_said_and_left_out(write: Callable[..., Path]) -> None:
    data = example()
    data["topics"]["pricing"]["model"] = "gratuit"
    bad = write("bad.yaml", as_yaml(data))
    run = coop("compare", str(bad), str(ROOT / "docs" / "examples" / "linandes.yaml"))
    assert run.code == 1
    assert run.err == f"{bad}: 1 problem in the sheet, left out of the comparison (coop check {bad} lists them).\n"
    assert "   Pricing (answered by only some)\n" in run.out


def test_bad_input_is_one_line_and_exit_2(write: Callable[..., Path]) -> None:
    one = coop("compare", POTAGERS)
    assert (one.code, one.out) == (2, "")
    assert one.err == "Error: give at least two sheets to compare (one per association).\n"
    missing = coop("compare", POTAGERS, "nowhere.yaml")
    assert (missing.code, missing.err) == (2, "Error: nowhere.yaml: no such file; check the path.\n")
    assert missing.out == ""
    same = coop("compare", POTAGERS, POTAGERS)
    assert same.code == 2 and same.err.startswith('Error: two sheets are both named "fete-potagers"')
    count = coop("compare", POTAGERS, ADOS, "--label", "Potagers")
    assert count.err == "Error: 1 --label for 2 sheets: give one per sheet, in the same order.\n"
    broken = write("broken.yaml", "format: 1\nproject: [\n")
    run = coop("compare", str(broken), POTAGERS)
    assert run.code == 2 and run.err.count("\n") == 1 and "Traceback" not in run.err
    fmt = coop("compare", POTAGERS, ADOS, "--format", "xml")
    assert fmt.code == 2 and fmt.out == ""


def test_stdin_is_one_of_the_sheets() -> None:
    run = coop("compare", "-", ADOS, stdin=Path(POTAGERS).read_text(encoding="utf-8"))
    assert run.code == 1
    assert "     only stdin: Faire connaître le jardin partagé\n" in run.out


# -- merge ----------------------------------------------------------------------------


def test_the_common_sheet_decides_nothing_for_them(tmp_path: Path) -> None:
    target = tmp_path / "commune.yaml"
    run = coop("merge", POTAGERS, ADOS, "-n", "Potagers", "-n", "Club Ados", "-o", str(target), "--lang", "fr")
    assert run.code == 1
    assert run.out == ""
    assert run.err.replace("\u00a0", " ").splitlines() == [
        f"Fiche écrite : {target}",
        "15 réponses sur lesquelles les fiches diffèrent, laissées à compléter avec chaque version dans les notes : "
        "Raison et objectifs, Qui fait quoi, Gouvernance, Ressources matérielles et financières, Échéancier, "
        "Communication, Répartition des excédents, Critères de réussite",
    ]
    merged = yaml.safe_load(target.read_text(encoding="utf-8"))
    topics = merged["topics"]
    # What agrees is taken, in the first sheet's words.
    assert merged["project"]["title"] == "Fête des récoltes des Linandes"
    assert topics["purpose"]["reason"] == "Faire se rencontrer les voisins autour du jardin"
    assert topics["values"] == {"status": "settled", "shared": ["solidarity", "ecology", "conviviality"]}
    assert topics["pricing"] == {"status": "settled", "model": "free"}
    # What differs is not chosen: left to complete, each version in the notes with whose it is.
    assert topics["purpose"]["objectives"] == ["Créer du lien entre voisins"]
    assert topics["purpose"]["status"] == "to_complete"
    assert "decision_rule" not in topics["governance"] and "committee" not in topics["governance"]
    assert topics["governance"]["notes"].replace("\u00a0", " ").splitlines() == [
        f"À trancher ensemble (coop merge, {_today()}) :",
        "- Mode de décision",
        "  - Potagers : au consensus",
        "  - Club Ados : au vote à la majorité",
        "- Comité local d'organisation",
        "  - Potagers : oui",
        "  - Club Ados : (pas de réponse)",
        "Notes de Potagers : On se voit le premier mardi du mois.",
    ]
    assert topics["responsibilities"]["missions"] == {
        "Les Potagers des Linandes": "L'accueil au jardin et les ateliers compost"
    }
    assert "  - Club Ados : Les affiches, la sono et un concert des jeunes" in topics["responsibilities"][
        "notes"
    ].replace("\u00a0", " ")
    assert "level" not in merged["classification"]  # one states collaboration, the other cooperation
    assert "Le niveau indiqué par la fiche" in topics["purpose"]["notes"]
    ados = next(p for p in merged["partners"] if p["name"] == "Club Ados Linandes")
    assert "brings_money" not in ados and "contact" not in ados
    assert topics["surplus"]["status"] == "to_complete" and "distribution" not in topics["surplus"]


def _today() -> str:
    import datetime as dt

    return dt.date.today().isoformat()


def test_the_common_sheet_reads_back_and_round_trips(tmp_path: Path) -> None:
    target = tmp_path / "commune.yaml"
    assert coop("merge", POTAGERS, ADOS, "-o", str(target)).code == 1
    report = json.loads(coop("check", "--format", "json", str(target)).out)
    entry = report["files"][0]
    assert entry["counts"]["schema"] == 0
    assert entry["coverage"]["settled_topics"] == ["values", "pricing"]
    text = target.read_text(encoding="utf-8")
    assert coop("render", str(target)).out == text
    markdown = coop("merge", POTAGERS, ADOS, "--format", "md")
    assert markdown.code == 1 and markdown.out.startswith("---\nformat: 1\n")


def test_agreeing_sheets_merge_clean(write: Callable[..., Path]) -> None:
    sheet = write("a.yaml", as_yaml(example()))
    other = write("b.yaml", as_yaml(example()))
    run = coop("merge", str(sheet), str(other))
    assert run.code == 0
    assert run.err == "The sheets agree on every answer.\n"
    assert run.out == coop("render", str(sheet)).out


def test_a_partner_only_one_sheet_lists_is_not_added(write: Callable[..., Path]) -> None:
    sheet = write("a.yaml", as_yaml(example()))
    data = example()
    data["partners"].append({"name": "Maison de quartier", "representative": "Inès Roux", "brings_money": 200})
    other = write("b.yaml", as_yaml(data))
    run = coop("merge", str(sheet), str(other), "-n", "A", "-n", "B")
    assert run.code == 1
    merged = yaml.safe_load(run.out)
    assert [p["name"] for p in merged["partners"]] == [
        "Les Potagers des Linandes",
        "Club Ados Linandes",
        "Cuisine du Monde Cergy",
    ]
    notes = merged["topics"]["responsibilities"]["notes"]
    assert "  - only B: Maison de quartier\n" in notes
    assert "  - B: Maison de quartier — Representative: Inès Roux; Money brought: €200" in notes


def test_merge_refuses_to_overwrite(write: Callable[..., Path]) -> None:
    target = write("commune.yaml", "keep me\n")
    run = coop("merge", POTAGERS, ADOS, "-o", str(target))
    assert run.code == 2
    assert target.read_text(encoding="utf-8") == "keep me\n"
    assert coop("merge", POTAGERS).code == 2


def test_the_documented_agenda_is_the_real_one() -> None:
    """Every line of the agenda shown in docs/compare-merge-review.md is in the command's output."""
    doc = (ROOT / "docs" / "compare-merge-review.md").read_text(encoding="utf-8")
    block = doc.split("begins:\n\n```text\n", 1)[1].split("```", 1)[0]
    examples = "docs/examples/"
    run = coop("compare", examples + "fete-potagers.yaml", examples + "fete-ados.yaml", "--lang", "fr")
    out = run.out.replace("\u00a0", " ").replace("\u202f", " ").splitlines()
    for line in block.splitlines():
        if line != "…":
            assert line in out, line


def test_the_merged_notes_keep_both_dates(tmp_path: Path) -> None:
    run = coop("merge", POTAGERS, ADOS, "-n", "Potagers", "-n", "Club Ados")
    notes = yaml.safe_load(run.out)["topics"]["timeline"]["notes"].replace("\u00a0", " ").replace("\u202f", " ")
    assert notes.splitlines()[1:] == [
        "- Milestones",
        "  - everyone: 2027-06-05, Réunion de préparation",
        "  - “Fête des récoltes”, written differently",
        "    - Potagers: 2027-09-25, Fête des récoltes",
        "    - Club Ados: 2027-10-02, Fête des récoltes",
    ]


def test_the_documented_json_is_the_real_one() -> None:
    doc = (ROOT / "docs" / "json-output.md").read_text(encoding="utf-8")
    part = doc.split("## `coop compare --format json`", 1)[1]
    documented = json.loads(part.split("```json\n", 1)[1].split("```", 1)[0])
    examples = "docs/examples/"
    run = coop("compare", "-f", "json", examples + "fete-potagers.yaml", examples + "fete-ados.yaml", "-n", "potagers")
    assert run.code == 2  # one label for two sheets
    run = coop(
        "compare",
        "-f",
        "json",
        examples + "fete-potagers.yaml",
        examples + "fete-ados.yaml",
        "-n",
        "potagers",
        "-n",
        "ados",
    )
    real = json.loads(run.out)
    real["sections"] = [s for s in real["sections"] if s["id"] == "purpose"]
    real["version"] = documented["version"]
    assert real == documented

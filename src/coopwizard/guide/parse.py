"""Validating a checklist as it is loaded: the first problem stops it, with its file, line and key.

A checklist is untrusted input (another network may have adapted it), so every
key is checked: types, ids, languages, the answer paths and parameters that the
rules read, and unknown keys, with a "did you mean" where it helps.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any, cast

from coopwizard.core.errors import CoopError, InvalidChecklistError
from coopwizard.core.localized import Localized
from coopwizard.core.message import PathPart
from coopwizard.guide.model import (
    CHECKLIST_FORMAT,
    FIELD_TYPES,
    LANGS,
    Checklist,
    Choice,
    Condition,
    Consistency,
    Level,
    Note,
    Pitfall,
    Practice,
    PracticeCheck,
    Prefill,
    Question,
    ReviewConcern,
    ReviewGuide,
    ReviewRating,
    ReviewStatement,
    Topic,
    TypeName,
)
from coopwizard.guide.paths import (
    RESERVED_CLASSIFICATION_KEYS,
    RESERVED_PROJECT_KEYS,
    RESERVED_TOPIC_KEYS,
    SECTIONS,
    AnswerPath,
)
from coopwizard.guide.rule_specs import RULE_SPECS, Param, RuleKind, rules_of
from coopwizard.guide.types import QUESTION_TYPES
from coopwizard.i18n.typography import typeset
from coopwizard.io.yamlio import LoadedYaml


def _one_of(value: Any, known: set[Any]) -> bool:
    """Whether `value` is in `known`; a list or a mapping (unhashable) never is, instead of raising TypeError."""
    try:
        return value in known
    except TypeError:
        return False


def keys_of(record: type, *, without: Sequence[str] = (), extra: Sequence[str] = ()) -> tuple[str, ...]:
    """The keys a checklist entry may hold: its dataclass's fields (the model is the one description)."""
    names = [f.name for f in dataclasses.fields(record) if f.name not in without and f.name != "origin"]
    return (*names, *extra)


class ChecklistParser:
    """Turns checklist data into the model; the first problem stops it, with its line."""

    def __init__(self, loaded: LoadedYaml, name: str) -> None:
        self.loaded = loaded
        self.name = name
        # Checked once every question is known (a condition may name a question of another section).
        self.conditions: list[tuple[str, tuple[Any, ...], list[PathPart]]] = []
        self.prefills: list[tuple[str, list[PathPart]]] = []

    def fail(self, path: Sequence[PathPart], key: str, **params: Any) -> CoopError:
        line, _ = self.loaded.locate(path)
        dotted = ".".join(str(p) for p in path) or "(document)"
        return InvalidChecklistError(key, file=self.name, line=line, key_path=dotted, **params)

    def known(self, entry: Mapping[str, Any], allowed: Sequence[str], path: Sequence[PathPart]) -> None:
        """A misspelt key would be silently ignored: refuse it, with a suggestion."""
        from coopwizard.core.text import suggest  # answers imports this module

        for key in entry:
            if str(key) not in allowed:
                raise self.fail([*path, str(key)], "checklist.unknown_key", suggestion=suggest(str(key), allowed))

    # -- typed access ---------------------------------------------------------
    def mapping(self, value: Any, path: Sequence[PathPart]) -> Mapping[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(path, "checklist.not_mapping")
        return cast(Mapping[str, Any], value)

    def items(self, data: Mapping[str, Any], key: str, path: Sequence[PathPart]) -> list[Any]:
        value = data.get(key)
        if not isinstance(value, list) or not value:
            raise self.fail([*path, key], "checklist.not_list")
        return value

    def string(self, data: Mapping[str, Any], key: str, path: Sequence[PathPart]) -> str:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail([*path, key], "checklist.not_text")
        return value

    def ident(self, data: Mapping[str, Any], path: Sequence[PathPart]) -> str:
        value = self.string(data, "id", path)
        if not value.replace("_", "").replace("-", "").isalnum() or not value.isascii():
            raise self.fail([*path, "id"], "checklist.bad_id", value=value)
        return value

    def localized(self, data: Mapping[str, Any], key: str, path: Sequence[PathPart]) -> Localized:
        value = self.mapping(data.get(key), [*path, key])
        for extra in value:
            if extra not in LANGS:
                raise self.fail([*path, key, str(extra)], "checklist.unknown_language", value=str(extra))
        texts = {}
        for lang in LANGS:
            text = value.get(lang)
            if not isinstance(text, str) or not text.strip():
                raise self.fail([*path, key, lang], "checklist.missing_language", lang=lang)
            texts[lang] = typeset(text, lang)  # the guide's French, spaced the French way
        return Localized(**texts)

    def optional_localized(self, data: Mapping[str, Any], key: str, path: Sequence[PathPart]) -> Localized | None:
        return self.localized(data, key, path) if key in data else None

    def unique(self, ids: list[str], path: Sequence[PathPart]) -> None:
        seen: set[str] = set()
        for index, ident in enumerate(ids):
            if ident in seen:
                raise self.fail([*path, index, "id"], "checklist.duplicate_id", value=ident)
            seen.add(ident)

    # -- the parts --------------------------------------------------------------
    def parse(self) -> Checklist:
        data = self.mapping(self.loaded.data, [])
        self.known(data, keys_of(Checklist, extra=("format",)), [])
        if data.get("format") != CHECKLIST_FORMAT:
            raise self.fail(["format"], "checklist.bad_format", expected=CHECKLIST_FORMAT)
        version = data.get("version")
        if not isinstance(version, int) or isinstance(version, bool):
            raise self.fail(["version"], "checklist.not_integer")
        classification = self.questions(data, "classification", ["classification"], allow_lists=False)
        checklist = Checklist(
            id=self.ident(data, []),
            version=version,
            title=self.localized(data, "title", []),
            source=self.localized(data, "source", []),
            levels=self.levels(data, {q.id for q in classification}),
            level_notes=self.notes(data),
            classification=classification,
            project=self.questions(data, "project", ["project"], allow_lists=True),
            partner=self.questions(data, "partner", ["partner"], allow_lists=True),
            topics=self.topics(data),
            pitfalls=(),
            practices=(),
            origin=self.name,
        )
        self.check_references(checklist)
        # The report names a sheet by its title and a partner by its name.
        if checklist.project[0].id != "title" or checklist.project[0].type != "text":
            raise self.fail(["project", 0, "id"], "checklist.title_first")
        if not any(q.id == "name" and q.type == "text" for q in checklist.partner):
            raise self.fail(["partner"], "checklist.partner_name")
        pitfalls = self.pitfalls(data, checklist)
        practices = self.practices(data, checklist)
        consistency = self.consistency(data, checklist)
        known = {p.id for p in practices}
        for index, pitfall in enumerate(pitfalls):
            for practice_id in pitfall.practices:
                if practice_id not in known:
                    raise self.fail(["pitfalls", index, "practices"], "checklist.unknown_practice", value=practice_id)
        checklist = dataclasses.replace(
            checklist,
            pitfalls=pitfalls,
            practices=practices,
            consistency=consistency,
            placeholders=self.phrases(data.get("placeholders"), ["placeholders"]) if "placeholders" in data else (),
        )
        return dataclasses.replace(checklist, review=self.review(data, checklist))

    def phrases(self, value: Any, path: list[PathPart]) -> tuple[str, ...]:
        """Phrases in both languages, {fr: [...], en: [...]}: one list, French first (matching ignores it)."""
        entry = self.mapping(value, path)
        for extra in entry:
            if extra not in LANGS:
                raise self.fail([*path, str(extra)], "checklist.unknown_language", value=str(extra))
        result: list[str] = []
        for lang in LANGS:
            items = entry.get(lang)
            if not isinstance(items, list) or not items:
                raise self.fail([*path, lang], "checklist.not_list")
            for pos, item in enumerate(items):
                if not isinstance(item, str) or not item.strip():
                    raise self.fail([*path, lang, pos], "checklist.not_text")
                result.append(item)
        return tuple(result)

    def review(self, data: Mapping[str, Any], checklist: Checklist) -> ReviewGuide | None:
        """The health check (`review:`): its scale, ratings, and concerns of statements tied to pitfalls."""
        if data.get("review") is None:
            return None
        path: list[PathPart] = ["review"]
        entry = self.mapping(data["review"], path)
        self.known(entry, keys_of(ReviewGuide), path)
        scale = tuple(
            self.localized({"label": item}, "label", ["review", "scale", index])
            for index, item in enumerate(self.items(entry, "scale", path))
        )
        if len(scale) < 2:
            raise self.fail(["review", "scale"], "checklist.not_list")
        ratings = []
        for index, raw in enumerate(self.items(entry, "ratings", path)):
            where: list[PathPart] = ["review", "ratings", index]
            rating = self.mapping(raw, where)
            self.known(rating, keys_of(ReviewRating), where)
            ratings.append(ReviewRating(self.ident(rating, where), self.localized(rating, "label", where)))
        self.unique([r.id for r in ratings], ["review", "ratings"])
        pitfall_ids = {p.id for p in checklist.pitfalls}
        practice_ids = {p.id for p in checklist.practices}
        concerns = []
        statement_ids: list[str] = []
        for index, raw in enumerate(self.items(entry, "concerns", path)):
            where = ["review", "concerns", index]
            concern = self.mapping(raw, where)
            self.known(concern, keys_of(ReviewConcern), where)
            statements = []
            for pos, raw_statement in enumerate(self.items(concern, "statements", where)):
                at: list[PathPart] = [*where, "statements", pos]
                statement = self.mapping(raw_statement, at)
                self.known(statement, keys_of(ReviewStatement), at)
                statements.append(ReviewStatement(self.ident(statement, at), self.localized(statement, "text", at)))
                if statements[-1].id in statement_ids:
                    raise self.fail([*at, "id"], "checklist.duplicate_id", value=statements[-1].id)
                statement_ids.append(statements[-1].id)
            concerns.append(
                ReviewConcern(
                    id=self.ident(concern, where),
                    label=self.localized(concern, "label", where),
                    statements=tuple(statements),
                    pitfalls=self.known_ids(concern, "pitfalls", where, pitfall_ids, "checklist.unknown_pitfall"),
                    practices=self.known_ids(concern, "practices", where, practice_ids, "checklist.unknown_practice"),
                )
            )
        self.unique([c.id for c in concerns], ["review", "concerns"])
        return ReviewGuide(
            scale=scale,
            concerns=tuple(concerns),
            ratings=tuple(ratings),
            due_months=self.positive(entry, "due_months", path, 12),
            gap=self.positive(entry, "gap", path, 2),
        )

    def known_ids(
        self, entry: Mapping[str, Any], key: str, path: list[PathPart], known: set[str], error: str
    ) -> tuple[str, ...]:
        values = entry.get(key, [])
        if not isinstance(values, list):
            raise self.fail([*path, key], "checklist.not_list")
        for pos, value in enumerate(values):
            if not _one_of(value, known):
                raise self.fail([*path, key, pos], error, value=value)
        return tuple(str(v) for v in values)

    def positive(self, entry: Mapping[str, Any], key: str, path: list[PathPart], default: int) -> int:
        value = entry.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise self.fail([*path, key], "checklist.not_integer")
        return value

    def notes(self, data: Mapping[str, Any]) -> tuple[Note, ...]:
        notes = []
        for index, raw in enumerate(self.items(data, "level_notes", [])):
            path: list[PathPart] = ["level_notes", index]
            entry = self.mapping(raw, path)
            self.known(entry, keys_of(Note), path)
            shown = entry.get("shown")
            if shown not in (None, "several_modes"):
                raise self.fail([*path, "shown"], "checklist.bad_type", value=shown, allowed="several_modes")
            notes.append(Note(self.ident(entry, path), self.localized(entry, "text", path), shown))
        return tuple(notes)

    def levels(self, data: Mapping[str, Any], classification_ids: set[str]) -> tuple[Level, ...]:
        levels = []
        for index, raw in enumerate(self.items(data, "levels", [])):
            path: list[PathPart] = ["levels", index]
            entry = self.mapping(raw, path)
            self.known(entry, keys_of(Level, without=("rank",)), path)
            requires = entry.get("requires")
            if not isinstance(requires, list) or not requires:
                raise self.fail([*path, "requires"], "checklist.not_list")
            for pos, question_id in enumerate(requires):
                if not _one_of(question_id, classification_ids):
                    raise self.fail([*path, "requires", pos], "checklist.unknown_question", value=question_id)
            levels.append(
                Level(
                    id=self.ident(entry, path),
                    rank=index + 1,
                    name=self.localized(entry, "name", path),
                    motto=self.localized(entry, "motto", path),
                    applies_to=self.localized(entry, "applies_to", path),
                    requires=tuple(requires),
                )
            )
        self.unique([lv.id for lv in levels], ["levels"])
        return tuple(levels)

    def questions(
        self,
        data: Mapping[str, Any],
        key: str,
        path: list[PathPart],
        *,
        allow_lists: bool,
        reserved: tuple[str, ...] = (),
    ) -> tuple[Question, ...]:
        result = []
        for index, raw in enumerate(self.items(data, key, path[:-1])):
            result.append(
                self.question(raw, [*path, index], tuple(QUESTION_TYPES) if allow_lists else ("yes_no", "choice"))
            )
        self.unique([q.id for q in result], path)
        for index, question in enumerate(result):
            sheet_keys = {"project": RESERVED_PROJECT_KEYS, "classification": RESERVED_CLASSIFICATION_KEYS}.get(key, ())
            if question.id in reserved or question.id in sheet_keys:
                raise self.fail([*path, index, "id"], "checklist.reserved_id", value=question.id)
        return tuple(result)

    def question(self, raw: Any, path: list[PathPart], types: Sequence[str]) -> Question:
        entry = self.mapping(raw, path)
        self.known(entry, keys_of(Question), path)
        kind = entry.get("type")
        if kind not in types:
            raise self.fail([*path, "type"], "checklist.bad_type", value=kind, allowed=", ".join(types))
        choices: tuple[Choice, ...] = ()
        if kind in ("choice", "multi_choice"):
            choices = tuple(
                Choice(
                    self.ident(self.mapping(c, [*path, "choices", i]), [*path, "choices", i]),
                    self.localized(c, "label", [*path, "choices", i]),
                )
                for i, c in enumerate(self.items(entry, "choices", path))
            )
            self.unique([c.id for c in choices], [*path, "choices"])
        fields: tuple[Question, ...] = ()
        if kind == "list" and "fields" in entry:
            fields = tuple(
                self.question(f, [*path, "fields", i], FIELD_TYPES)
                for i, f in enumerate(self.items(entry, "fields", path))
            )
            self.unique([f.id for f in fields], [*path, "fields"])
        required = entry.get("required", False)
        if not isinstance(required, bool):
            raise self.fail([*path, "required"], "checklist.not_boolean")
        question = Question(
            id=self.ident(entry, path),
            type=cast(TypeName, kind),
            text=self.localized(entry, "text", path),
            help=self.optional_localized(entry, "help", path),
            required=required,
            default=entry.get("default"),
            choices=choices,
            fields=fields,
            to_reach=self.optional_localized(entry, "to_reach", path),
            label=self.optional_localized(entry, "label", path),
        )
        if question.default is not None and choices and question.choice(str(question.default)) is None:
            raise self.fail([*path, "default"], "checklist.unknown_choice", value=question.default)
        if "when" in entry:
            question.when = self.condition(entry["when"], [*path, "when"])
        if "prefill" in entry:
            question.prefill = self.prefill(entry["prefill"], question, [*path, "prefill"])
        return question

    def condition(self, raw: Any, path: list[PathPart]) -> Condition:
        """`when: {answer: project.scope, any_of: [thematic]}`; the answer is checked once every question is known."""
        entry = self.mapping(raw, path)
        self.known(entry, keys_of(Condition), path)
        answer = self.string(entry, "answer", path)
        where = AnswerPath.parse(answer)
        if where is None or where.is_partner:
            raise self.fail([*path, "answer"], "checklist.unknown_answer_path", value=answer)
        values = entry.get("any_of")
        if not isinstance(values, list) or not values:
            raise self.fail([*path, "any_of"], "checklist.not_list")
        self.conditions.append((answer, tuple(values), [*path, "answer"]))
        return Condition(answer, tuple(values))

    def prefill(self, raw: Any, question: Question, path: list[PathPart]) -> Prefill:
        """`prefill: {source: partner.brings_material, partner_field: provided_by}`."""
        entry = self.mapping(raw, path)
        self.known(entry, keys_of(Prefill), path)
        source = self.string(entry, "source", path)
        where = AnswerPath.parse(source)
        if where is None or not where.is_partner or question.type not in ("per_partner", "list"):
            raise self.fail([*path, "source"], "checklist.bad_prefill", value=source)
        field = entry.get("partner_field")
        if field is not None and not _one_of(field, {f.id for f in question.fields}):
            raise self.fail([*path, "partner_field"], "checklist.missing_field", value=source, field=field)
        self.prefills.append((source, [*path, "source"]))
        return Prefill(source, field)

    def check_references(self, checklist: Checklist) -> None:
        """Conditions and prefills name questions that exist, with values those questions can hold."""
        for answer, values, path in self.conditions:
            target = checklist.question_at(answer)
            if target is None:
                raise self.fail(path, "checklist.unknown_answer_path", value=answer)
            allowed: set[Any] = {c.id for c in target.choices} if target.choices else set()
            if target.type == "yes_no":
                allowed = {True, False}
            for value in values:
                if allowed and not _one_of(value, allowed):
                    raise self.fail(path, "checklist.unknown_choice", value=value)
        for source, path in self.prefills:
            target = checklist.question_at(source)
            if target is None or target.type not in ("list", "text"):
                raise self.fail(path, "checklist.bad_prefill", value=source)

    def topics(self, data: Mapping[str, Any]) -> tuple[Topic, ...]:
        topics = []
        for index, raw in enumerate(self.items(data, "topics", [])):
            path: list[PathPart] = ["topics", index]
            entry = self.mapping(raw, path)
            self.known(entry, keys_of(Topic), path)
            topic_id = self.ident(entry, path)
            if topic_id in SECTIONS:
                raise self.fail([*path, "id"], "checklist.reserved_id", value=topic_id)
            hints = entry.get("hints") or []  # optional: absent, empty or a list
            if not isinstance(hints, list):
                raise self.fail([*path, "hints"], "checklist.not_list")
            topics.append(
                Topic(
                    id=topic_id,
                    label=self.localized(entry, "label", path),
                    guide=self.localized(entry, "guide", path),
                    questions=self.questions(
                        entry, "questions", [*path, "questions"], allow_lists=True, reserved=RESERVED_TOPIC_KEYS
                    ),
                    hints=tuple(self.localized({"hint": h}, "hint", [*path, "hints", i]) for i, h in enumerate(hints)),
                )
            )
        self.unique([t.id for t in topics], ["topics"])
        return tuple(topics)

    def path_param(self, checklist: Checklist, value: Any, path: list[PathPart], spec: Param) -> None:
        """An answer path that names a question of a type the rule can read (with the fields it reads)."""
        where = AnswerPath.parse(value) if isinstance(value, str) else None
        question = checklist.question_at(where) if where is not None else None
        if where is None or question is None:
            raise self.fail(path, "checklist.unknown_answer_path", value=value)
        if spec.section == "partner" and not where.is_partner:
            raise self.fail(path, "checklist.partner_path", value=value)
        if spec.types and question.type not in spec.types:
            raise self.fail(
                path, "checklist.wrong_question_type", value=value, found=question.type, allowed=", ".join(spec.types)
            )
        present = {f.id for f in question.fields}
        for name in spec.fields:
            if name not in present:
                raise self.fail(path, "checklist.missing_field", value=value, field=name)

    def rule(self, entry: Mapping[str, Any], path: list[PathPart], kind: RuleKind) -> str:
        name = self.string(entry, "rule", path)
        spec = RULE_SPECS.get(name)
        if spec is None or spec.kind != kind:
            allowed = ", ".join(rules_of(kind))
            raise self.fail([*path, "rule"], "checklist.unknown_rule", value=name, allowed=allowed)
        return name

    def params(self, checklist: Checklist, rule: str, raw: Any, path: list[PathPart]) -> dict[str, Any]:
        """A rule's parameters, each checked against what the rule reads (guide/rule_specs.py)."""
        params = self.mapping(raw if raw is not None else {}, path)
        specs = RULE_SPECS[rule].params
        self.known(params, tuple(specs), path)
        for name, spec in specs.items():
            value = params.get(name)
            where = [*path, name]
            if value is None and spec.optional:
                continue
            if spec.kind == "path":
                self.path_param(checklist, value, where, spec)
            elif spec.kind == "paths":
                if not isinstance(value, list) or not value:
                    raise self.fail(where, "checklist.not_list")
                for pos, item in enumerate(value):
                    self.path_param(checklist, item, [*where, pos], Param("path", spec.types, spec.section))
            elif spec.kind == "number" and (not isinstance(value, int | float) or isinstance(value, bool) or value < 0):
                raise self.fail(where, "checklist.not_number")
            elif spec.kind == "ids" and (not isinstance(value, list) or not all(isinstance(v, str) for v in value)):
                raise self.fail(where, "checklist.not_list")
            elif spec.kind == "note" and checklist.note(str(value)) is None:
                raise self.fail(where, "checklist.unknown_note", value=value)
            elif spec.kind == "phrases":
                self.phrases(value, where)
        return dict(params)

    def pitfalls(self, data: Mapping[str, Any], checklist: Checklist) -> tuple[Pitfall, ...]:
        pitfalls = []
        for index, raw in enumerate(self.items(data, "pitfalls", [])):
            path: list[PathPart] = ["pitfalls", index]
            entry = self.mapping(raw, path)
            self.known(entry, keys_of(Pitfall), path)
            rule = self.rule(entry, path, "pitfall")
            practices = entry.get("practices", [])
            if not isinstance(practices, list):
                raise self.fail([*path, "practices"], "checklist.not_list")
            pitfalls.append(
                Pitfall(
                    id=self.ident(entry, path),
                    text=self.localized(entry, "text", path),
                    advice=self.localized(entry, "advice", path),
                    rule=rule,
                    params=self.params(checklist, rule, entry.get("params"), [*path, "params"]),
                    practices=tuple(str(p) for p in practices),
                )
            )
        self.unique([p.id for p in pitfalls], ["pitfalls"])
        return tuple(pitfalls)

    def consistency(self, data: Mapping[str, Any], checklist: Checklist) -> tuple[Consistency, ...]:
        checks = []
        listed = data.get("consistency") or []  # optional: absent, empty or a list
        if not isinstance(listed, list):
            raise self.fail(["consistency"], "checklist.not_list")
        for index, raw in enumerate(listed):
            path: list[PathPart] = ["consistency", index]
            entry = self.mapping(raw, path)
            self.known(entry, keys_of(Consistency), path)
            rule = self.rule(entry, path, "consistency")
            params = self.params(checklist, rule, entry.get("params"), [*path, "params"])
            checks.append(Consistency(self.ident(entry, path), rule, params))
        self.unique([c.id for c in checks], ["consistency"])
        return tuple(checks)

    def practices(self, data: Mapping[str, Any], checklist: Checklist) -> tuple[Practice, ...]:
        practices = []
        for index, raw in enumerate(self.items(data, "practices", [])):
            path: list[PathPart] = ["practices", index]
            entry = self.mapping(raw, path)
            self.known(entry, keys_of(Practice), path)
            check = None
            if "check" in entry:
                where: list[PathPart] = [*path, "check"]
                raw_check = self.mapping(entry["check"], where)
                self.known(raw_check, keys_of(PracticeCheck), where)
                rule = self.rule(raw_check, where, "practice")
                params = {k: v for k, v in raw_check.items() if k not in ("rule", "expects")}
                params.setdefault("values", [])
                if "values" not in RULE_SPECS[rule].params and not params["values"]:
                    params.pop("values")
                checked = self.params(checklist, rule, params, where)
                for pos, answer_path in enumerate(checked["paths"]):
                    if rule != "every_partner" and str(answer_path).startswith("partner."):
                        raise self.fail([*where, "paths", pos], "checklist.partner_path_needs_every", value=answer_path)
                values = tuple(str(v) for v in checked.get("values") or [])
                expects = self.optional_localized(raw_check, "expects", where)
                check = PracticeCheck(rule, tuple(checked["paths"]), values, expects)
            practices.append(Practice(self.ident(entry, path), self.localized(entry, "text", path), check))
        self.unique([p.id for p in practices], ["practices"])
        return tuple(practices)

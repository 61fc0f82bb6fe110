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
    QUESTION_TYPES,
    RESERVED_PROJECT_KEYS,
    RESERVED_TOPIC_KEYS,
    SECTIONS,
    Checklist,
    Choice,
    Level,
    Note,
    Pitfall,
    Practice,
    PracticeCheck,
    Question,
    QuestionType,
    Topic,
)
from coopwizard.io.yamlio import LoadedYaml


class ChecklistParser:
    """Turns checklist data into the model; the first problem stops it, with its line."""

    def __init__(self, loaded: LoadedYaml, name: str) -> None:
        self.loaded = loaded
        self.name = name

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
            texts[lang] = text
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
        self.known(
            data,
            (
                "format",
                "id",
                "version",
                "title",
                "source",
                "levels",
                "level_notes",
                "classification",
                "project",
                "partner",
                "topics",
                "pitfalls",
                "practices",
            ),
            [],
        )
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
        # The report names a sheet by its title and a partner by its name.
        if checklist.project[0].id != "title" or checklist.project[0].type != "text":
            raise self.fail(["project", 0, "id"], "checklist.title_first")
        if not any(q.id == "name" and q.type == "text" for q in checklist.partner):
            raise self.fail(["partner"], "checklist.partner_name")
        pitfalls = self.pitfalls(data, checklist)
        practices = self.practices(data, checklist)
        known = {p.id for p in practices}
        for index, pitfall in enumerate(pitfalls):
            for practice_id in pitfall.practices:
                if practice_id not in known:
                    raise self.fail(["pitfalls", index, "practices"], "checklist.unknown_practice", value=practice_id)
        return dataclasses.replace(checklist, pitfalls=pitfalls, practices=practices)

    def notes(self, data: Mapping[str, Any]) -> tuple[Note, ...]:
        notes = []
        for index, raw in enumerate(self.items(data, "level_notes", [])):
            path: list[PathPart] = ["level_notes", index]
            entry = self.mapping(raw, path)
            self.known(entry, ("id", "text"), path)
            notes.append(Note(self.ident(entry, path), self.localized(entry, "text", path)))
        return tuple(notes)

    def levels(self, data: Mapping[str, Any], classification_ids: set[str]) -> tuple[Level, ...]:
        levels = []
        for index, raw in enumerate(self.items(data, "levels", [])):
            path: list[PathPart] = ["levels", index]
            entry = self.mapping(raw, path)
            self.known(entry, ("id", "name", "motto", "applies_to", "requires"), path)
            requires = entry.get("requires")
            if not isinstance(requires, list) or not requires:
                raise self.fail([*path, "requires"], "checklist.not_list")
            for pos, question_id in enumerate(requires):
                if question_id not in classification_ids:
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
            result.append(self.question(raw, [*path, index], QUESTION_TYPES if allow_lists else ("yes_no", "choice")))
        self.unique([q.id for q in result], path)
        for index, question in enumerate(result):
            if question.id in reserved or (key == "project" and question.id in RESERVED_PROJECT_KEYS):
                raise self.fail([*path, index, "id"], "checklist.reserved_id", value=question.id)
        return tuple(result)

    def question(self, raw: Any, path: list[PathPart], types: Sequence[str]) -> Question:
        entry = self.mapping(raw, path)
        self.known(
            entry, ("id", "type", "text", "help", "label", "required", "default", "choices", "fields", "to_reach"), path
        )
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
            type=cast(QuestionType, kind),
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
        return question

    def topics(self, data: Mapping[str, Any]) -> tuple[Topic, ...]:
        topics = []
        for index, raw in enumerate(self.items(data, "topics", [])):
            path: list[PathPart] = ["topics", index]
            entry = self.mapping(raw, path)
            self.known(entry, ("id", "label", "guide", "hints", "questions"), path)
            topic_id = self.ident(entry, path)
            if topic_id in SECTIONS:
                raise self.fail([*path, "id"], "checklist.reserved_id", value=topic_id)
            topics.append(
                Topic(
                    id=topic_id,
                    label=self.localized(entry, "label", path),
                    guide=self.localized(entry, "guide", path),
                    questions=self.questions(
                        entry, "questions", [*path, "questions"], allow_lists=True, reserved=RESERVED_TOPIC_KEYS
                    ),
                    hints=tuple(
                        self.localized({"hint": h}, "hint", [*path, "hints", i])
                        for i, h in enumerate(entry.get("hints") or [])
                    ),
                )
            )
        self.unique([t.id for t in topics], ["topics"])
        return tuple(topics)

    def path_param(
        self,
        checklist: Checklist,
        value: Any,
        path: list[PathPart],
        types: Sequence[str] = (),
        section: str | None = None,
        fields: Sequence[str] = (),
    ) -> None:
        """An answer path that names a question of a type the rule can read (with the fields it reads)."""
        question = checklist.question_at(value) if isinstance(value, str) else None
        if question is None:
            raise self.fail(path, "checklist.unknown_answer_path", value=value)
        in_partner = str(value).startswith("partner.")
        if section == "partner" and not in_partner:
            raise self.fail(path, "checklist.partner_path", value=value)
        if types and question.type not in types:
            raise self.fail(
                path, "checklist.wrong_question_type", value=value, found=question.type, allowed=", ".join(types)
            )
        present = {f.id for f in question.fields}
        for name in fields:
            if name not in present:
                raise self.fail(path, "checklist.missing_field", value=value, field=name)

    def pitfalls(self, data: Mapping[str, Any], checklist: Checklist) -> tuple[Pitfall, ...]:
        from coopwizard.audit.rules import PITFALL_RULES  # rules import the model: load them late

        pitfalls = []
        for index, raw in enumerate(self.items(data, "pitfalls", [])):
            path: list[PathPart] = ["pitfalls", index]
            entry = self.mapping(raw, path)
            self.known(entry, ("id", "text", "advice", "practices", "rule", "params"), path)
            rule_name = self.string(entry, "rule", path)
            rule = PITFALL_RULES.get(rule_name)
            if rule is None:
                raise self.fail(
                    [*path, "rule"], "checklist.unknown_rule", value=rule_name, allowed=", ".join(sorted(PITFALL_RULES))
                )
            params = self.mapping(entry.get("params", {}), [*path, "params"])
            self.known(params, tuple(rule.params), [*path, "params"])
            for name, spec in rule.params.items():
                value = params.get(name)
                kind = spec.kind
                if kind == "path":
                    self.path_param(checklist, value, [*path, "params", name], spec.types, spec.section, spec.fields)
                elif kind == "paths":
                    if not isinstance(value, list) or not value:
                        raise self.fail([*path, "params", name], "checklist.not_list")
                    for pos, item in enumerate(value):
                        self.path_param(checklist, item, [*path, "params", name, pos], spec.types, spec.section)
                elif kind == "number" and (not isinstance(value, int | float) or isinstance(value, bool) or value < 0):
                    raise self.fail([*path, "params", name], "checklist.not_number")
                elif kind == "ids" and (not isinstance(value, list) or not all(isinstance(v, str) for v in value)):
                    raise self.fail([*path, "params", name], "checklist.not_list")
            practices = entry.get("practices", [])
            if not isinstance(practices, list):
                raise self.fail([*path, "practices"], "checklist.not_list")
            pitfalls.append(
                Pitfall(
                    id=self.ident(entry, path),
                    text=self.localized(entry, "text", path),
                    advice=self.localized(entry, "advice", path),
                    rule=rule_name,
                    params=dict(params),
                    practices=tuple(practices) if isinstance(practices, list) else (),
                )
            )
        self.unique([p.id for p in pitfalls], ["pitfalls"])
        return tuple(pitfalls)

    def practices(self, data: Mapping[str, Any], checklist: Checklist) -> tuple[Practice, ...]:
        from coopwizard.audit.rules import PRACTICE_CHECKS

        practices = []
        for index, raw in enumerate(self.items(data, "practices", [])):
            path: list[PathPart] = ["practices", index]
            entry = self.mapping(raw, path)
            self.known(entry, ("id", "text", "check"), path)
            check = None
            if "check" in entry:
                raw_check = self.mapping(entry["check"], [*path, "check"])
                self.known(raw_check, ("rule", "paths", "values"), [*path, "check"])
                rule = self.string(raw_check, "rule", [*path, "check"])
                if rule not in PRACTICE_CHECKS:
                    raise self.fail(
                        [*path, "check", "rule"],
                        "checklist.unknown_rule",
                        value=rule,
                        allowed=", ".join(sorted(PRACTICE_CHECKS)),
                    )
                paths = self.items(raw_check, "paths", [*path, "check"])
                spec = PRACTICE_CHECKS[rule]
                for pos, answer_path in enumerate(paths):
                    where = [*path, "check", "paths", pos]
                    self.path_param(checklist, answer_path, where, spec.types)
                    if rule != "every_partner" and str(answer_path).startswith("partner."):
                        raise self.fail(where, "checklist.partner_path_needs_every", value=answer_path)
                values = raw_check.get("values", [])
                check = PracticeCheck(rule, tuple(paths), tuple(str(v) for v in values or []))
            practices.append(Practice(self.ident(entry, path), self.localized(entry, "text", path), check))
        self.unique([p.id for p in practices], ["practices"])
        return tuple(practices)

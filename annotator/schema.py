"""The label schema: labels, their names, colours, keys and form fields, loaded from TOML.

The schema is data (``resources/labels.toml``); the GUI builds its buttons, shortcuts and forms
from it and names no label itself. ``load_schema`` is strict: every unknown key, duplicate id,
bad colour or clashing key is refused with the file, the key path and the reason. A project keeps
its own copy of the schema (``dump_schema``/``schema_from_dict``) so it stays self-consistent.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from annotator.errors import SchemaError
from annotator.text.numbers import parse_cn_number

FieldType = Literal["text", "number", "choice", "bool"]
FIELD_TYPES: tuple[str, ...] = ("text", "number", "choice", "bool")
SCHEMA_FORMAT = 1

# Keys the workbench uses for navigation and commands; a label may not take them.
# 0 clears, J/K and N/P move, B flips boilerplate, S skips (review), Z undo (review),
# ? shows shortcuts, space accepts suggestions, G shows suggestions, H hides boilerplate,
# U shows the uncertain-first queue.
RESERVED_KEYS: frozenset[str] = frozenset("0JKNPBSZGHU? ")

_ID = re.compile(r"[a-z][a-z0-9_]*\Z")
_COLOR = re.compile(r"#[0-9a-fA-F]{6}\Z")


@dataclass(frozen=True, slots=True)
class Names:
    """A text in Chinese and English."""

    zh: str
    en: str

    def get(self, language: str) -> str:
        """Return the text for ``language`` ("zh…" gives Chinese, anything else English)."""
        return self.zh if language.startswith("zh") else self.en


@dataclass(frozen=True, slots=True)
class Choice:
    id: str
    name: Names


@dataclass(frozen=True, slots=True)
class Field:
    id: str
    type: FieldType
    name: Names
    required: bool = False
    choices: tuple[Choice, ...] = ()
    help: Names | None = None

    def choice_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.choices)


@dataclass(frozen=True, slots=True)
class Label:
    id: str
    name: Names
    color: str
    key: str
    description: Names | None
    fields: tuple[Field, ...]
    span: bool = False
    span_fields: tuple[Field, ...] = ()


@dataclass(frozen=True, slots=True)
class LabelSchema:
    version: int
    labels: tuple[Label, ...]
    article_fields: tuple[Field, ...]

    def label(self, label_id: str) -> Label:
        """Return the label with this id; unknown ids list the known ones."""
        for label in self.labels:
            if label.id == label_id:
                return label
        known = ", ".join(lab.id for lab in self.labels)
        raise SchemaError(None, None, f"unknown label '{label_id}'; known labels: {known}")

    @property
    def label_ids(self) -> tuple[str, ...]:
        return tuple(lab.id for lab in self.labels)

    def order(self, label_ids: Sequence[str] | set[str] | frozenset[str]) -> list[str]:
        """Return ``label_ids`` in schema order (the order used in storage and export)."""
        wanted = set(label_ids)
        return [lab for lab in self.label_ids if lab in wanted]

    @property
    def hash(self) -> str:
        """A stable hash of the schema, stored with trained models and exports."""
        text = json.dumps(dump_schema(self), sort_keys=True, ensure_ascii=False, allow_nan=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# --------------------------------------------------------------------------- loading


def load_schema(path: str | Path) -> LabelSchema:
    """Read and validate a schema TOML file; raise SchemaError naming the file and key."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SchemaError(path, None, "no such file") from None
    except UnicodeDecodeError as e:
        raise SchemaError(path, None, f"not UTF-8 text ({e.reason} at byte {e.start})") from None
    except tomllib.TOMLDecodeError as e:
        # Python 3.11's TOMLDecodeError carries its position only in the text (STYLE Part B.8).
        raise SchemaError(path, None, f"invalid TOML: {e}") from None
    return schema_from_dict(data, path)


def schema_from_dict(data: Mapping[str, Any], path: str | Path | None = None) -> LabelSchema:
    """Validate a schema given as a dict (from TOML or from a project's stored JSON)."""
    p = _Parser(path)
    p.keys(data, "", required={"labels"}, optional={"schema_version", "article_fields"})
    version = data.get("schema_version", SCHEMA_FORMAT)
    if not isinstance(version, int) or version != SCHEMA_FORMAT:
        p.fail("schema_version", f"must be {SCHEMA_FORMAT}, got {version!r}")
    labels_raw = p.list_of_tables(data["labels"], "labels")
    if not labels_raw:
        p.fail("labels", "at least one label is required")
    labels = tuple(p.label(raw, f"labels[{i}]") for i, raw in enumerate(labels_raw))
    p.unique([lab.id for lab in labels], "labels", "id")
    keys: dict[str, str] = {}
    for i, lab in enumerate(labels):
        if lab.key.upper() in keys:
            p.fail(
                f"labels[{i}].key",
                f'"{lab.key}" is already used by label "{keys[lab.key.upper()]}"',
            )
        keys[lab.key.upper()] = lab.id
    article_fields = p.fields(data.get("article_fields", []), "article_fields")
    return LabelSchema(version=version, labels=labels, article_fields=article_fields)


class _Parser:
    """Validation helpers that raise SchemaError with the file and key path."""

    def __init__(self, path: str | Path | None) -> None:
        self.path = path

    def fail(self, key: str, reason: str) -> None:
        raise SchemaError(self.path, key or None, reason)

    def keys(self, table: Any, where: str, *, required: set[str], optional: set[str]) -> None:
        if not isinstance(table, Mapping):
            self.fail(where, "must be a table")
        for key in table:
            if key not in required and key not in optional:
                known = ", ".join(sorted(required | optional))
                self.fail(_join(where, key), f"unknown key (expected one of: {known})")
        for key in sorted(required):
            if key not in table:
                self.fail(_join(where, key), "missing required key")

    def list_of_tables(self, value: Any, where: str) -> list[Mapping[str, Any]]:
        if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
            self.fail(where, "must be an array of tables")
        return value

    def string(self, table: Mapping[str, Any], key: str, where: str) -> str:
        value = table[key]
        if not isinstance(value, str) or not value.strip():
            self.fail(_join(where, key), "must be a non-empty string")
        return value

    def ident(self, table: Mapping[str, Any], where: str) -> str:
        value = self.string(table, "id", where)
        if not _ID.match(value):
            self.fail(_join(where, "id"), f'"{value}" must match [a-z][a-z0-9_]*')
        return value

    def names(self, value: Any, where: str) -> Names:
        self.keys(value, where, required={"zh", "en"}, optional=set())
        for lang in ("zh", "en"):
            if not isinstance(value[lang], str) or not value[lang].strip():
                self.fail(_join(where, lang), "must be a non-empty string")
        return Names(zh=value["zh"], en=value["en"])

    def unique(self, ids: Sequence[str], where: str, what: str) -> None:
        seen: set[str] = set()
        for i, ident in enumerate(ids):
            if ident in seen:
                self.fail(f"{where}[{i}].{what}", f'duplicate id "{ident}"')
            seen.add(ident)

    def label(self, raw: Mapping[str, Any], where: str) -> Label:
        self.keys(
            raw,
            where,
            required={"id", "name", "color", "key"},
            optional={"description", "fields", "span", "span_fields"},
        )
        ident = self.ident(raw, where)
        color = raw["color"]
        if not isinstance(color, str) or not _COLOR.match(color):
            self.fail(_join(where, "color"), f"{color!r} is not a colour like #2b7bb9")
        key = raw["key"]
        if not isinstance(key, str) or len(key) != 1 or key.isspace():
            self.fail(_join(where, "key"), f"{key!r} must be a single character")
        if key.upper() in RESERVED_KEYS:
            self.fail(_join(where, "key"), f'"{key}" is reserved for navigation')
        span = raw.get("span", False)
        if not isinstance(span, bool):
            self.fail(_join(where, "span"), "must be true or false")
        span_fields = self.fields(raw.get("span_fields", []), _join(where, "span_fields"))
        if span_fields and not span:
            self.fail(_join(where, "span_fields"), "only labels with span = true have span fields")
        desc = raw.get("description")
        return Label(
            id=ident,
            name=self.names(raw["name"], _join(where, "name")),
            color=color.lower(),
            key=key,
            description=None if desc is None else self.names(desc, _join(where, "description")),
            fields=self.fields(raw.get("fields", []), _join(where, "fields")),
            span=span,
            span_fields=span_fields,
        )

    def fields(self, raw_list: Any, where: str) -> tuple[Field, ...]:
        raws = self.list_of_tables(raw_list, where)
        out = tuple(self.field(raw, f"{where}[{i}]") for i, raw in enumerate(raws))
        self.unique([f.id for f in out], where, "id")
        return out

    def field(self, raw: Mapping[str, Any], where: str) -> Field:
        self.keys(
            raw, where, required={"id", "type", "name"}, optional={"required", "choices", "help"}
        )
        ident = self.ident(raw, where)
        ftype = raw["type"]
        if ftype not in FIELD_TYPES:
            self.fail(
                _join(where, "type"),
                f"unknown type {ftype!r}; valid types: {', '.join(FIELD_TYPES)}",
            )
        required = raw.get("required", False)
        if not isinstance(required, bool):
            self.fail(_join(where, "required"), "must be true or false")
        choices: tuple[Choice, ...] = ()
        if ftype == "choice":
            if not raw.get("choices"):
                self.fail(_join(where, "choices"), "a choice field needs at least one choice")
            choices = tuple(
                self.choice(c, f"{_join(where, 'choices')}[{i}]")
                for i, c in enumerate(self.list_of_tables(raw["choices"], _join(where, "choices")))
            )
            self.unique([c.id for c in choices], _join(where, "choices"), "id")
        elif "choices" in raw:
            self.fail(_join(where, "choices"), f"only choice fields have choices, not {ftype}")
        help_raw = raw.get("help")
        return Field(
            id=ident,
            type=ftype,
            name=self.names(raw["name"], _join(where, "name")),
            required=required,
            choices=choices,
            help=None if help_raw is None else self.names(help_raw, _join(where, "help")),
        )

    def choice(self, raw: Mapping[str, Any], where: str) -> Choice:
        self.keys(raw, where, required={"id", "zh", "en"}, optional=set())
        ident = self.ident(raw, where)
        return Choice(id=ident, name=self.names({"zh": raw["zh"], "en": raw["en"]}, where))


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


# --------------------------------------------------------------------------- dumping


def dump_schema(schema: LabelSchema) -> dict[str, Any]:
    """Return the schema as plain data (TOML/JSON shaped), the inverse of ``schema_from_dict``."""

    def names(n: Names) -> dict[str, str]:
        return {"zh": n.zh, "en": n.en}

    def field(f: Field) -> dict[str, Any]:
        out: dict[str, Any] = {"id": f.id, "type": f.type, "name": names(f.name)}
        if f.required:
            out["required"] = True
        if f.choices:
            out["choices"] = [{"id": c.id, "zh": c.name.zh, "en": c.name.en} for c in f.choices]
        if f.help:
            out["help"] = names(f.help)
        return out

    labels = []
    for lab in schema.labels:
        entry: dict[str, Any] = {
            "id": lab.id,
            "name": names(lab.name),
            "color": lab.color,
            "key": lab.key,
            "span": lab.span,
            "fields": [field(f) for f in lab.fields],
        }
        if lab.description:
            entry["description"] = names(lab.description)
        if lab.span_fields:
            entry["span_fields"] = [field(f) for f in lab.span_fields]
        labels.append(entry)
    return {
        "schema_version": schema.version,
        "labels": labels,
        "article_fields": [field(f) for f in schema.article_fields],
    }


# --------------------------------------------------------------------------- values


def parse_number(raw: Any) -> float | int:
    """Parse a form's number: 16300, "16,300", "1.63万" → 16300, full-width "１２.５", "12.5%",
    Chinese numerals (三亿五千万, 一千零五, 两千多); see ``annotator.text.numbers``.

    Raises ValueError for anything else, digit-by-digit years (二〇二二) included.
    """
    if isinstance(raw, bool):
        raise ValueError("not a number")
    if isinstance(raw, int | float):
        if not math.isfinite(raw):
            raise ValueError(f"{raw!r} is not a finite number")
        return raw
    try:
        value = parse_cn_number(str(raw))
    except OverflowError:  # "9999…9" with 400 digits read as a float
        value = float("inf")
    if value is None:
        raise ValueError(f"{raw!r} is not a number")
    try:
        finite = math.isfinite(value)
    except OverflowError:  # an int too big for a float
        finite = False
    if not finite:  # "9999…9" with 400 digits, or 1e300亿
        shown = str(raw) if len(str(raw)) <= 24 else str(raw)[:20] + "…"
        raise ValueError(f"{shown!r} is too large a number")
    return value


def validate_values(
    fields: Sequence[Field], values: Mapping[str, Any], *, where: str = ""
) -> dict[str, Any]:
    """Coerce and check form values against their fields; drop empty ones.

    Raises SchemaError naming the field (``where.field_id``) for unknown fields, bad numbers,
    choices outside the list and missing required values.
    """
    by_id = {f.id: f for f in fields}
    out: dict[str, Any] = {}
    for key, raw in values.items():
        field = by_id.get(key)
        if field is None:
            known = ", ".join(by_id) or "none"
            raise SchemaError(None, _join(where, key), f"unknown field (known fields: {known})")
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            continue
        out[key] = _coerce(field, raw, _join(where, key))
    for field in fields:
        if field.required and field.id not in out:
            raise SchemaError(None, _join(where, field.id), "a value is required")
    return {f.id: out[f.id] for f in fields if f.id in out}


def _coerce(field: Field, raw: Any, where: str) -> Any:
    if field.type == "text":
        if not isinstance(raw, str | int | float) or isinstance(raw, bool):
            raise SchemaError(None, where, f"expected text, got {type(raw).__name__}")
        if isinstance(raw, float) and not math.isfinite(raw):
            raise SchemaError(None, where, f"{raw!r} is not a finite number")
        return str(raw).strip()
    if field.type == "number":
        try:
            return parse_number(raw)
        except ValueError as e:
            reason = str(e) if "finite" in str(e) or "large" in str(e) else f"{raw!r} is not a number"
            raise SchemaError(None, where, reason) from None
    if field.type == "bool":
        if isinstance(raw, bool):
            return raw
        if raw in (0, 1, "true", "false"):
            return raw in (1, "true")
        raise SchemaError(None, where, f"expected true or false, got {raw!r}")
    ids = field.choice_ids()
    if raw not in ids:
        raise SchemaError(None, where, f"{raw!r} is not one of: {', '.join(ids)}")
    return raw

"""The base of every wire model: exact JSON in, exact JSON out.

Every request, response, content block and stream event of the four APIs is a subclass of
:class:`WireModel`. The rules that make ``to_wire(from_wire(T, payload)) == payload`` hold:

* **Three states per field.** A field the payload leaves out stays *unset* and is omitted again on
  output; a field sent as ``null`` is ``None`` and is written as ``null``; a value is a value.
  Output therefore uses ``exclude_unset`` and never ``exclude_none``.
* **Discriminator tags are always written.** A field typed as a single ``Literal`` with that value
  as its default (``type: Literal["text"] = "text"``) counts as set even when a converter builds
  the model without naming it, so ``TextBlockParam(text="hi")`` dumps ``{"type": "text", ...}``.
  So does a tag that real servers also fill with other strings (``object: Union[Literal[
  "chat.completion.chunk"], str] = "chat.completion.chunk"``). A payload read *as it came*
  (``from_wire(..., as_sent=True)``, how streams read their source events) keeps a tag its
  server left out absent, so a relayed event comes back exactly.
* **Strict types.** ``"100"`` is not an integer and ``true`` is not a number: wrong types are
  invalid input, never silently coerced (which would also break the exact round trip). Numbers
  that may be integral or not are typed ``int | float`` (``Number``): ``1`` stays ``1``.
* **Unknown fields survive.** ``extra="allow"``: a field this package does not know is kept and
  written back unchanged (forward compatibility). Converters never copy extras across formats.
* **Open unions.** ``Annotated[Union[A, B, UnknownX], OpenUnion("type", fallback=UnknownX)]`` is a
  discriminated union whose unknown tags parse into the fallback model (which dumps back
  unchanged); without a fallback an unknown tag is invalid input.

``from_wire`` turns every validation failure into an :class:`InvalidInputError` whose ``path``
points into the payload (``messages[2].content[0].text``).

Converters call these many times per payload, so each takes the shortest way to its answer:
``from_fields`` is ``from_wire`` for the dict of fields an encoder built (the model's validator at
once); ``wire_fields`` is the part of ``to_wire`` for a few fields (a decoder's leftovers), not a
dump of the whole model; ``to_wire`` asks the model's serializer what ``model_dump`` would.
"""

from __future__ import annotations

import json
import threading
import types
import typing
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar, Literal, TypeVar, Union, cast, overload

from pydantic import BaseModel, ConfigDict, GetCoreSchemaHandler, TypeAdapter, ValidationError
from pydantic_core import CoreSchema, core_schema

from .errors import InvalidInputError

__all__ = [
    "Number",
    "OpenUnion",
    "WireModel",
    "from_fields",
    "from_wire",
    "json_path",
    "to_wire",
    "union_members",
    "union_tags",
    "wire_fields",
]

#: A JSON number that keeps its integral/fractional form through a round trip.
Number = Union[int, float]

_TAG_PREFIX = "\u2039"  # marks discriminator tags in validation error locations
_TAG_SUFFIX = "\u203a"
_UNKNOWN_CHOICE = _TAG_PREFIX + "?" + _TAG_SUFFIX


class WireModel(BaseModel):
    """Base of every wire model: frozen, strict, extras kept, tags always dumped."""

    model_config = ConfigDict(
        extra="allow",
        frozen=True,
        strict=True,
        populate_by_name=True,
        protected_namespaces=(),
        ser_json_inf_nan="constants",
    )

    #: Names of the discriminator fields that are dumped even when left at their default.
    __wire_tags__: ClassVar[frozenset[str]] = frozenset()
    #: Field name -> wire name, for the fields whose wire name is another (``from_`` -> ``from``).
    __wire_aliases__: ClassVar[Mapping[str, str]] = types.MappingProxyType({})

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        tags = set()
        aliases = {}
        for name, field in cls.model_fields.items():
            if field.default is not None and field.default == _tag_of(field.annotation):
                tags.add(name)
            if field.alias is not None and field.alias != name:
                aliases[name] = field.alias
        cls.__wire_tags__ = frozenset(tags)
        cls.__wire_aliases__ = types.MappingProxyType(aliases)

    def model_post_init(self, context: Any, /) -> None:
        # runs for every model validated: the usual context (none) is told first
        tags = self.__wire_tags__
        if tags and (context is None or not (context is _AS_SENT or _as_sent(context))):
            self.__pydantic_fields_set__.update(tags)


#: The validation context of :func:`from_wire` with ``as_sent=True``.
_AS_SENT: Any = {"as_sent": True}


def _as_sent(context: Any) -> bool:
    return isinstance(context, dict) and context.get("as_sent") is True


def _tag_of(annotation: Any) -> Any:
    """The value of a discriminator tag annotation: ``Literal["x"]``, or ``Union[Literal["x"],
    str]`` (a tag some servers send other strings in); ``None`` for any other annotation."""
    if typing.get_origin(annotation) in (Union, types.UnionType):
        args = typing.get_args(annotation)
        if len(args) != 2 or str not in args:
            return None
        annotation = next(arg for arg in args if arg is not str)
    if typing.get_origin(annotation) is Literal:
        values = typing.get_args(annotation)
        if len(values) == 1:
            return values[0]
    return None


ModelT = TypeVar("ModelT", bound=BaseModel)


def to_wire(model: BaseModel) -> dict[str, Any]:
    """The exact JSON object the real API sends/accepts for ``model``.

    Fields the source left unset stay absent, ``null`` stays ``null``, unknown fields kept from
    the source are written back unchanged.
    """
    if not isinstance(model, BaseModel):
        raise TypeError(f"to_wire() takes a model of this package, not {type(model).__name__}")
    return _dump(model, None)


def wire_fields(model: BaseModel, names: set[str]) -> dict[str, Any]:
    """The entries of :func:`to_wire` ``(model)`` for the fields ``names`` (field names, as the
    model spells them, and extra keys), in the same order, without dumping the others: a decoder
    that needs a few fields of a big model (the ``null`` beside a message's content) dumps
    only those."""
    return _dump(model, names)


def _dump(model: BaseModel, include: set[str] | None) -> dict[str, Any]:
    """``model.model_dump(mode="json", by_alias=True, exclude_unset=True, include=include)``,
    asked of the model's serializer at once (``model_dump`` passes every other option at its
    default: a frame that costs as much as dumping a small model)."""
    try:
        dumped: dict[str, Any] = model.__pydantic_serializer__.to_python(
            model, mode="json", by_alias=True, exclude_unset=True, include=include
        )
        return dumped
    except RecursionError:
        raise InvalidInputError("payload is nested too deeply") from None
    except ValueError as exc:  # pydantic-core's own depth guard
        if "depth" not in str(exc):
            raise
        raise InvalidInputError("payload is nested too deeply") from None


# --------------------------------------------------------------------------- open unions


class OpenUnion:
    """Marks a ``Union`` of wire models as discriminated by one field.

    ``field`` names the discriminator (``"type"``, ``"role"``, ``"object"``); each member's
    ``Literal`` annotation of that field gives its tags. ``fallback`` is the member that takes
    every unknown tag (it must declare the field as plain ``str``); without it an unknown tag is
    invalid input. ``default`` is the member for payloads that leave the field out (e.g. a
    Responses message may omit ``"type": "message"``); without it a missing tag is invalid.
    """

    def __init__(
        self,
        field: str = "type",
        *,
        fallback: type[BaseModel] | None = None,
        default: type[BaseModel] | None = None,
    ) -> None:
        self.field = field
        self.fallback = fallback
        self.default = default

    def __repr__(self) -> str:
        fb = f", fallback={self.fallback.__name__}" if self.fallback else ""
        return f"OpenUnion({self.field!r}{fb})"

    def tags_of(self, members: Iterable[Any]) -> dict[str, type[BaseModel]]:
        """Map each known tag to the member that carries it."""
        tags: dict[str, type[BaseModel]] = {}
        for member in members:
            if member is self.fallback:
                continue
            field = member.model_fields.get(self.field)
            if field is None:
                raise TypeError(f"{member.__name__} has no {self.field!r} field")
            for value in _literal_values(field.annotation):
                if value in tags and tags[value] is not member:
                    raise TypeError(
                        f"tag {value!r} is claimed by {tags[value].__name__} and {member.__name__}"
                    )
                tags[value] = member
        return tags

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        members = typing.get_args(source)
        tags = self.tags_of(members)
        choices: dict[Any, CoreSchema] = {}
        schemas: dict[type[BaseModel], CoreSchema] = {}
        for tag, member in tags.items():
            if member not in schemas:
                schemas[member] = handler.generate_schema(member)
            choices[_TAG_PREFIX + tag + _TAG_SUFFIX] = schemas[member]
        if self.fallback is not None:
            choices[_UNKNOWN_CHOICE] = handler.generate_schema(self.fallback)
        known = frozenset(tags)
        labels = {tag: _TAG_PREFIX + tag + _TAG_SUFFIX for tag in tags}
        field, has_fallback = self.field, self.fallback is not None
        default_choice = None
        if self.default is not None:
            default_tag = next(t for t, m in tags.items() if m is self.default)
            default_choice = _TAG_PREFIX + default_tag + _TAG_SUFFIX

        def discriminate(value: Any) -> str | None:
            # called for every union value validated or dumped: one lookup for a known tag
            tag = value.get(field) if isinstance(value, dict) else getattr(value, field, None)
            if tag is None:  # missing or null
                return default_choice
            if not isinstance(tag, str):
                return None
            label = labels.get(tag)
            if label is not None:
                return label
            return _UNKNOWN_CHOICE if has_fallback else _TAG_PREFIX + tag + _TAG_SUFFIX

        return core_schema.tagged_union_schema(
            choices,
            discriminate,
            custom_error_type="wire_union_tag",
            custom_error_message=f"unknown or missing {field!r}",
            custom_error_context={
                "discriminator": field,
                "expected_tags": ", ".join(sorted(known)),
            },
        )


_MISSING: Any = object()


def _literal_values(annotation: Any) -> list[str]:
    origin = typing.get_origin(annotation)
    if origin is Literal:
        return [v for v in typing.get_args(annotation) if isinstance(v, str)]
    if origin is Union or origin is types.UnionType:
        out: list[str] = []
        for arg in typing.get_args(annotation):
            out.extend(_literal_values(arg))
        return out
    return []


def _open_union_of(tp: Any) -> tuple[tuple[Any, ...], OpenUnion] | None:
    if typing.get_origin(tp) is typing.Annotated:
        inner, *meta = typing.get_args(tp)
        for m in meta:
            if isinstance(m, OpenUnion):
                return typing.get_args(inner), m
    return None


def union_members(tp: Any) -> tuple[type[BaseModel], ...]:
    """The member models of an ``OpenUnion``-annotated union (fallback included)."""
    found = _open_union_of(tp)
    if found is None:
        raise TypeError(f"{tp!r} is not an OpenUnion")
    return cast("tuple[type[BaseModel], ...]", found[0])


def union_tags(tp: Any) -> frozenset[str]:
    """The tags an ``OpenUnion``-annotated union knows (its fallback's open tag excluded)."""
    found = _open_union_of(tp)
    if found is None:
        raise TypeError(f"{tp!r} is not an OpenUnion")
    members, marker = found
    return frozenset(marker.tags_of(members))


# --------------------------------------------------------------------------- parsing

_adapters: dict[Any, TypeAdapter[Any]] = {}
_adapters_lock = threading.Lock()


def _adapter(tp: Any) -> TypeAdapter[Any]:
    adapter = _adapters.get(tp)
    if adapter is None:
        with _adapters_lock:
            adapter = _adapters.get(tp)
            if adapter is None:
                adapter = TypeAdapter(tp)
                _adapters[tp] = adapter
    return adapter


def _is_plain_class(tp: Any) -> bool:
    """Whether ``tp`` is a class ``isinstance`` accepts: not a parameterized generic such as
    ``list[X]``, which Python 3.10 still reports as an instance of ``type``."""
    return isinstance(tp, type) and not isinstance(tp, types.GenericAlias)


@overload
def from_wire(
    tp: type[ModelT],
    data: Any,
    *,
    path: str = "",
    event_index: int | None = None,
    as_sent: bool = False,
) -> ModelT: ...
@overload
def from_wire(
    tp: Any, data: Any, *, path: str = "", event_index: int | None = None, as_sent: bool = False
) -> Any: ...
def from_wire(
    tp: Any, data: Any, *, path: str = "", event_index: int | None = None, as_sent: bool = False
) -> Any:
    """Parse ``data`` (a dict of parsed JSON, JSON text/bytes, or a model) as wire type ``tp``.

    ``tp`` is a model class, one of the package's union aliases, or a generic of them
    (``list[AnnotationUnion]``). Every failure raises :class:`InvalidInputError` with the JSON
    path of the offending value (prefixed by ``path``). ``as_sent``: the payload as a server
    sent it, to be given back exactly — a discriminator tag it left out stays unset (see the
    module docstring).
    """
    plain = _is_plain_class(tp)
    if plain and isinstance(data, tp):
        return data
    if isinstance(data, (str, bytes, bytearray)):
        try:
            data = json.loads(data)
        except (ValueError, UnicodeDecodeError) as exc:
            raise InvalidInputError(
                f"not valid JSON: {exc}", path=path, event_index=event_index
            ) from None
    validator = getattr(tp, "__pydantic_validator__", None) if plain else None
    if validator is None:
        validator = _adapter(tp).validator
    return _validated(validator, data, _AS_SENT if as_sent else None, path, event_index)


def from_fields(tp: type[ModelT], data: dict[str, Any]) -> ModelT:
    """``from_wire(tp, data)`` for a model class and the dict of fields a converter built: the
    model's validator at once (an encoder validates many small models; none of the checks
    :func:`from_wire` makes first applies to such a dict)."""
    model: ModelT = _validated(tp.__pydantic_validator__, data, None, "", None)
    return model


def _validated(validator: Any, data: Any, context: Any, path: str, event_index: int | None) -> Any:
    """``data`` validated, every failure an :class:`InvalidInputError` at its JSON path."""
    try:
        return validator.validate_python(data, context=context)
    except ValidationError as exc:
        raise _invalid_input(exc, data, path, event_index) from None
    except RecursionError:
        raise InvalidInputError(
            "payload is nested too deeply", path=path, event_index=event_index
        ) from None


def json_path(parts: Iterable[str | int], prefix: str = "") -> str:
    """Render path parts as ``messages[2].content[0].text`` (appended to ``prefix``); a key
    that is not an ASCII identifier is quoted as JSON: ``["a-b"]``, ``["x_ÿ"]``."""
    out = prefix
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part.isascii() and part.isidentifier():
            out += f".{part}" if out else part
        else:
            out += f"[{json.dumps(part)}]"
    return out


def _data_path(loc: tuple[str | int, ...], data: Any, missing: bool) -> list[str | int]:
    """Map a pydantic error location onto the payload: drop the union member labels and
    discriminator tags pydantic inserts, keep the keys and indices that exist in ``data`` (and,
    for a ``missing`` error, the absent key at the end)."""
    parts: list[str | int] = []
    current: Any = data
    last = len(loc) - 1
    for i, item in enumerate(loc):
        if isinstance(item, str) and item.startswith(_TAG_PREFIX) and item.endswith(_TAG_SUFFIX):
            continue
        if isinstance(current, Mapping) and isinstance(item, str) and item in current:
            parts.append(item)
            current = current[item]
        elif isinstance(current, BaseModel) and isinstance(item, str) and hasattr(current, item):
            parts.append(item)
            current = getattr(current, item)
        elif isinstance(current, (list, tuple)) and isinstance(item, int) and item < len(current):
            parts.append(item)
            current = current[item]
        elif missing and i == last and isinstance(current, Mapping):
            parts.append(item)  # a missing key
            current = None
        # otherwise: a label pydantic put there for a union member, e.g. 'str' or 'list[...]'
    return parts


def _describe(error: Mapping[str, Any]) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return "required field is missing"
    if kind == "wire_union_tag":
        field = ctx.get("discriminator", "type")
        expected = ctx.get("expected_tags", "")
        got = error.get("input")
        if not isinstance(got, Mapping):
            return f"expected a JSON object, got {_json_type(got)}"
        value = got.get(field, _MISSING)
        if value is _MISSING:
            return f"missing {field!r} (expected one of: {expected})"
        return f"unknown {field} {value!r} (expected one of: {expected})"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"expected a JSON object, got {_json_type(error.get('input'))}"
    msg = str(error.get("msg", kind))
    if "input" in error and kind not in ("literal_error",):
        msg += f", got {_json_type(error['input'])}"
    elif kind == "literal_error":
        msg += f", got {_short(error.get('input'))}"
    return msg


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"boolean {json.dumps(value)}"
    if isinstance(value, (int, float)):
        return f"number {value!r}"
    if isinstance(value, str):
        return f"string {_short(value)}"
    if isinstance(value, (list, tuple)):
        return "an array"
    if isinstance(value, Mapping):
        return "an object"
    return type(value).__name__


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _is_under(path: str, parent: str) -> bool:
    if path == parent or not path.startswith(parent):
        return False
    return not parent or path[len(parent)] in ".["


def _invalid_input(
    exc: ValidationError, data: Any, prefix: str, event_index: int | None
) -> InvalidInputError:
    errors = exc.errors(include_url=False)
    by_path: dict[str, list[str]] = {}
    for error in errors:
        missing = error["type"] == "missing"
        where = json_path(_data_path(tuple(error["loc"]), data, missing), prefix)
        messages = by_path.setdefault(where, [])
        message = _describe(error)
        if message not in messages:
            messages.append(message)
    # A union member that failed at the value itself (``content`` is not a string) is noise when
    # another member got further into it (``content[0].text`` is missing): keep the deeper ones.
    by_path = {
        where: messages
        for where, messages in by_path.items()
        if not any(_is_under(other, where) for other in by_path)
    }
    # Report the deepest location first: it is the most specific one.
    first_path = max(by_path, key=lambda p: (p.count(".") + p.count("["), -list(by_path).index(p)))
    first = by_path[first_path]
    message = first[0] if len(first) == 1 else "; or ".join(first)
    if len(by_path) > 1:
        message += f" (and {len(by_path) - 1} more problem{'s' if len(by_path) > 2 else ''})"
    details = tuple((p, " | ".join(ms)) for p, ms in by_path.items())
    return InvalidInputError(message, path=first_path, event_index=event_index, details=details)

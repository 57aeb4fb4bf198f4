"""OData query options as Dataverse reads them: $select, $filter, $orderby, $top and paging tokens.

Pure functions over rows (dicts); the dispatcher decides which rows and which entity type.
"""

from __future__ import annotations

import base64
import binascii
import functools
import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any, Callable, Iterable, Sequence

from .errors import ODATA_ERROR, SandboxError, bad_request
from .schema import BOOL, DATE, DATETIME, GUID, INT, STRING, EntityDef

DECIMAL = "Edm.Decimal"
DOUBLE = "Edm.Double"
INT64 = "Edm.Int64"
_NUMERIC = {INT, INT64, DECIMAL, DOUBLE}
_TEMPORAL = {DATE, DATETIME}

MAX_PAGE_SIZE = 5000
MAX_COUNT = 5000


# --------------------------------------------------------------------------------------------- $select


def parse_select(raw: str | None, entity: EntityDef) -> list[str] | None:
    """The selected columns in request order, or None for all of them."""
    if raw is None:
        return None
    names = [part.strip() for part in raw.split(",") if part.strip()]
    if not names or "*" in names:
        return None
    for name in names:
        if name not in entity.fields:
            raise unknown_property(name, entity)
    return list(dict.fromkeys(names))


def unknown_property(name: str, entity: EntityDef) -> SandboxError:
    return bad_request(f"Could not find a property named '{name}' on type '{entity.type_name}'.")


# --------------------------------------------------------------------------------------------- $top


def parse_top(raw: str | None) -> int | None:
    if raw is None:
        return None
    text = raw.strip()
    if not text.isdigit():
        raise bad_request(
            f"Invalid value '{raw}' for $top query option found. "
            "The $top query option requires a non-negative integer value."
        )
    return int(text)


# --------------------------------------------------------------------------------------------- $orderby


@dataclass(frozen=True)
class OrderItem:
    field: str
    descending: bool = False


def parse_orderby(raw: str | None, entity: EntityDef) -> list[OrderItem]:
    if raw is None or not raw.strip():
        return []
    items: list[OrderItem] = []
    for part in raw.split(","):
        words = part.split()
        if not words or len(words) > 2:
            raise bad_request(f"Syntax error in $orderby: '{raw}'.")
        name = words[0]
        if name not in entity.fields:
            raise unknown_property(name, entity)
        direction = words[1].lower() if len(words) == 2 else "asc"
        if direction not in ("asc", "desc"):
            raise bad_request(f"Syntax error in $orderby: '{raw}'. Expected 'asc' or 'desc' after '{name}'.")
        items.append(OrderItem(name, direction == "desc"))
    return items


# --------------------------------------------------------------------------------------------- $filter
# A small recursive-descent parser. The grammar, loosest binding first:
#   or_expr  := and_expr ('or' and_expr)*
#   and_expr := not_expr ('and' not_expr)*
#   not_expr := 'not' not_expr | cmp_expr
#   cmp_expr := operand (('eq'|'ne'|'gt'|'ge'|'lt'|'le') operand)?
#   operand  := '(' or_expr ')' | function call | literal | property


_TOKEN_SPEC = [
    ("WS", r"\s+"),
    ("STRING", r"'(?:[^']|'')*'"),
    ("GUID", r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![\w-])"),
    ("DATETIME", r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2})?(?![\w:])"),
    ("DATE", r"\d{4}-\d{2}-\d{2}(?![\w:-])"),
    ("NUMBER", r"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?![\w.])"),
    ("IDENT", r"[A-Za-z_][\w.]*"),
    ("LPAREN", r"\("),
    ("RPAREN", r"\)"),
    ("LBRACKET", r"\["),
    ("RBRACKET", r"\]"),
    ("COMMA", r","),
    ("EQUALS", r"="),
    ("SLASH", r"/"),
]
_TOKEN_RE = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in _TOKEN_SPEC))

_COMPARISONS = {
    "eq": "Equal",
    "ne": "NotEqual",
    "gt": "GreaterThan",
    "ge": "GreaterThanOrEqual",
    "lt": "LessThan",
    "le": "LessThanOrEqual",
}
_STRING_FUNCTIONS = {"contains", "startswith", "endswith"}
_IN_FUNCTIONS = {"Microsoft.Dynamics.CRM.In": False, "Microsoft.Dynamics.CRM.NotIn": True}


@dataclass(frozen=True)
class _Tok:
    kind: str
    text: str
    pos: int


def tokenize(text: str) -> list[_Tok]:
    tokens: list[_Tok] = []
    pos = 0
    while pos < len(text):
        match = _TOKEN_RE.match(text, pos)
        if match is None:
            raise _syntax_error(text, pos, f"character '{text[pos]}' is not valid")
        kind = match.lastgroup or ""
        if kind != "WS":
            tokens.append(_Tok(kind, match.group(), pos))
        pos = match.end()
    tokens.append(_Tok("END", "", len(text)))
    return tokens


def _syntax_error(text: str, pos: int, what: str = "") -> SandboxError:
    detail = f"{what} " if what else ""
    return bad_request(f"Syntax error: {detail}at position {pos} in '{text}'.")


# AST nodes. Each evaluates to True, False or None (SQL's unknown, which a filter treats as "not matched").


@dataclass(frozen=True)
class Prop:
    name: str
    edm: str


@dataclass(frozen=True)
class Lit:
    value: Any
    edm: str | None  # None for the null literal


@dataclass(frozen=True)
class Compare:
    op: str
    left: Prop | Lit
    right: Prop | Lit


@dataclass(frozen=True)
class And:
    left: Any
    right: Any


@dataclass(frozen=True)
class Or:
    left: Any
    right: Any


@dataclass(frozen=True)
class Not:
    operand: Any


@dataclass(frozen=True)
class StringFunc:
    name: str
    subject: Prop | Lit
    needle: Prop | Lit


@dataclass(frozen=True)
class In:
    prop: Prop
    values: tuple[Any, ...]
    negate: bool

    @functools.cached_property
    def wanted(self) -> frozenset[str]:
        # Once per query, not once per row: a lookup of 500 emails over 20,000 leads stays quick.
        return frozenset(_in_text(v) for v in self.values)


class _Parser:
    def __init__(self, text: str, entity: EntityDef) -> None:
        self.text = text
        self.entity = entity
        self.tokens = tokenize(text)
        self.i = 0

    # -- token helpers
    def peek(self) -> _Tok:
        return self.tokens[self.i]

    def take(self) -> _Tok:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def expect(self, kind: str) -> _Tok:
        tok = self.take()
        if tok.kind != kind:
            raise _syntax_error(self.text, tok.pos, f"expected {kind.lower()} but found '{tok.text or 'end of text'}'")
        return tok

    def at_keyword(self, *words: str) -> bool:
        tok = self.peek()
        return tok.kind == "IDENT" and tok.text in words

    # -- grammar
    def parse(self) -> Any:
        if self.peek().kind == "END":
            raise bad_request("The $filter query option cannot be empty.")
        node = self.or_expr()
        tok = self.peek()
        if tok.kind != "END":
            raise _syntax_error(self.text, tok.pos, f"unexpected '{tok.text}'")
        self.require_boolean(node)
        return node

    def or_expr(self) -> Any:
        node = self.and_expr()
        while self.at_keyword("or"):
            self.take()
            right = self.and_expr()
            self.require_boolean(node)
            self.require_boolean(right)
            node = Or(node, right)
        return node

    def and_expr(self) -> Any:
        node = self.not_expr()
        while self.at_keyword("and"):
            self.take()
            right = self.not_expr()
            self.require_boolean(node)
            self.require_boolean(right)
            node = And(node, right)
        return node

    def not_expr(self) -> Any:
        if self.at_keyword("not"):
            self.take()
            operand = self.not_expr()
            self.require_boolean(operand)
            return Not(operand)
        return self.cmp_expr()

    def cmp_expr(self) -> Any:
        left = self.operand()
        if self.peek().kind == "IDENT" and self.peek().text in _COMPARISONS:
            op = self.take().text
            right = self.operand()
            for side in (left, right):
                if not isinstance(side, (Prop, Lit)):
                    raise bad_request(f"The operands of '{op}' must be properties or literals in '{self.text}'.")
            self._check_types(op, left, right)
            return Compare(op, left, right)
        return left

    def operand(self) -> Any:
        tok = self.peek()
        if tok.kind == "LPAREN":
            self.take()
            node = self.or_expr()
            self.expect("RPAREN")
            return node
        if tok.kind == "STRING":
            self.take()
            return Lit(tok.text[1:-1].replace("''", "'"), STRING)
        if tok.kind == "GUID":
            self.take()
            return Lit(tok.text.lower(), GUID)
        if tok.kind == "DATETIME":
            self.take()
            return Lit(_parse_datetime(tok.text, self.text), DATETIME)
        if tok.kind == "DATE":
            self.take()
            return Lit(_parse_date(tok.text, self.text), DATE)
        if tok.kind == "NUMBER":
            self.take()
            return _number_literal(tok.text)
        if tok.kind == "IDENT":
            if tok.text == "true":
                self.take()
                return Lit(True, BOOL)
            if tok.text == "false":
                self.take()
                return Lit(False, BOOL)
            if tok.text == "null":
                self.take()
                return Lit(None, None)
            if self.tokens[self.i + 1].kind == "LPAREN":
                return self.function()
            self.take()
            if self.peek().kind == "SLASH":
                raise SandboxError(
                    501,
                    ODATA_ERROR,
                    f"Filtering on columns of related tables ('{tok.text}/...') is not implemented by the sandbox.",
                )
            if tok.text in _COMPARISONS or tok.text in ("and", "or", "not"):
                raise _syntax_error(self.text, tok.pos, f"unexpected '{tok.text}'")
            if tok.text not in self.entity.fields:
                raise unknown_property(tok.text, self.entity)
            return Prop(tok.text, self.entity.fields[tok.text])
        raise _syntax_error(self.text, tok.pos, f"unexpected '{tok.text or 'end of text'}'")

    def function(self) -> Any:
        name_tok = self.take()
        name = name_tok.text
        self.expect("LPAREN")
        if name in _STRING_FUNCTIONS:
            subject = self.operand()
            self.expect("COMMA")
            needle = self.operand()
            self.expect("RPAREN")
            for arg in (subject, needle):
                if not isinstance(arg, (Prop, Lit)) or arg.edm not in (STRING, None):
                    raise bad_request(
                        f"No function signature for the function with name '{name}' matches the specified "
                        f"arguments. The function signatures considered are: "
                        f"{name}(Edm.String Nullable=true, Edm.String Nullable=true)."
                    )
            return StringFunc(name, subject, needle)
        if name in _IN_FUNCTIONS:
            return self.in_function(name)
        if name.startswith("Microsoft.Dynamics.CRM."):
            raise SandboxError(501, ODATA_ERROR, f"The query function '{name}' is not implemented by the sandbox.")
        raise bad_request(
            f"An unknown function with name '{name}' was found. This may also be a function import or a key "
            "lookup on a navigation property, which is not allowed."
        )

    def in_function(self, name: str) -> In:
        params: dict[str, Any] = {}
        while True:
            key = self.expect("IDENT").text
            self.expect("EQUALS")
            if key == "PropertyName":
                params[key] = self.expect("STRING").text[1:-1].replace("''", "'")
            elif key == "PropertyValues":
                self.expect("LBRACKET")
                values: list[Any] = []
                while self.peek().kind != "RBRACKET":
                    lit = self.operand()
                    if not isinstance(lit, Lit):
                        raise bad_request(f"{name}: PropertyValues must be a list of literals.")
                    values.append(lit.value)
                    if self.peek().kind == "COMMA":
                        self.take()
                    elif self.peek().kind != "RBRACKET":
                        tok = self.peek()
                        raise _syntax_error(self.text, tok.pos, f"unexpected '{tok.text}'")
                self.expect("RBRACKET")
                params[key] = values
            else:
                raise bad_request(f"The function '{name}' has no parameter named '{key}'.")
            if self.peek().kind == "COMMA":
                self.take()
                continue
            self.expect("RPAREN")
            break
        if "PropertyName" not in params or "PropertyValues" not in params:
            raise bad_request(f"The function '{name}' requires the parameters PropertyName and PropertyValues.")
        prop_name = params["PropertyName"]
        if prop_name not in self.entity.fields:
            raise unknown_property(prop_name, self.entity)
        return In(Prop(prop_name, self.entity.fields[prop_name]), tuple(params["PropertyValues"]), _IN_FUNCTIONS[name])

    # -- typing
    def _check_types(self, op: str, left: Prop | Lit, right: Prop | Lit) -> None:
        lt, rt = left.edm, right.edm
        if lt is None or rt is None:
            return
        if lt == rt or (lt in _NUMERIC and rt in _NUMERIC) or (lt in _TEMPORAL and rt in _TEMPORAL):
            return
        raise bad_request(
            "A binary operator with incompatible types was detected. "
            f"Found operand types '{lt}' and '{rt}' for operator kind '{_COMPARISONS[op]}'."
        )

    def require_boolean(self, node: Any) -> None:
        if isinstance(node, (Prop, Lit)) and node.edm != BOOL:
            raise bad_request("The $filter expression must evaluate to a single boolean value.")


def _number_literal(text: str) -> Lit:
    if re.fullmatch(r"-?\d+", text):
        value = int(text)
        return Lit(value, INT if -(2**31) <= value < 2**31 else INT64)
    if "e" in text.lower():
        return Lit(float(text), DOUBLE)
    return Lit(float(text), DECIMAL)


def _parse_datetime(token: str, text: str) -> datetime:
    try:
        value = datetime.fromisoformat(token)
    except ValueError:
        raise bad_request(f"The date-time literal '{token}' in '{text}' is not valid.") from None
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def _parse_date(token: str, text: str) -> datetime:
    try:
        day = date.fromisoformat(token)
    except ValueError:
        raise bad_request(f"The date literal '{token}' in '{text}' is not valid.") from None
    return datetime(day.year, day.month, day.day, tzinfo=timezone.utc)


def parse_filter(text: str, entity: EntityDef) -> Any:
    """Parse a $filter value into a tree; raises SandboxError (400) on anything Dataverse would refuse."""
    return _Parser(text, entity).parse()


def _coerce(value: Any, edm: str | None) -> Any:
    """Bring a column value or literal into a form where Python comparison matches Dataverse's."""
    if value is None:
        return None
    if edm == STRING:
        return str(value).casefold()  # Dataverse compares text case-insensitively
    if edm == GUID:
        return str(value).lower()
    if edm in _TEMPORAL:
        if isinstance(value, datetime):
            return value
        text = str(value)
        if len(text) == 10:
            return _parse_date(text, text)
        return _parse_datetime(text, text)
    return value


def _operand_value(node: Prop | Lit, row: dict[str, Any]) -> Any:
    if isinstance(node, Prop):
        return _coerce(row.get(node.name), node.edm)
    return _coerce(node.value, node.edm)


def evaluate(node: Any, row: dict[str, Any]) -> bool | None:
    if isinstance(node, Compare):
        left = _operand_value(node.left, row)
        right = _operand_value(node.right, row)
        # Comparing with the null literal is a null test; a null column against a value is unknown, as
        # in SQL, so "ne" never returns rows whose column is empty (a known Dataverse gotcha).
        null_test = _is_null_literal(node.left) or _is_null_literal(node.right)
        if node.op in ("eq", "ne") and null_test:
            both_null = left is None and right is None
            return both_null if node.op == "eq" else not both_null
        if left is None or right is None:
            return None
        if node.op == "eq":
            return left == right
        if node.op == "ne":
            return left != right
        if node.op == "gt":
            return left > right
        if node.op == "ge":
            return left >= right
        if node.op == "lt":
            return left < right
        return left <= right
    if isinstance(node, And):
        a, b = evaluate(node.left, row), evaluate(node.right, row)
        if a is False or b is False:
            return False
        return None if a is None or b is None else True
    if isinstance(node, Or):
        a, b = evaluate(node.left, row), evaluate(node.right, row)
        if a is True or b is True:
            return True
        return None if a is None or b is None else False
    if isinstance(node, Not):
        value = evaluate(node.operand, row)
        return None if value is None else not value
    if isinstance(node, StringFunc):
        subject = _operand_value(node.subject, row)
        needle = _operand_value(node.needle, row)
        if subject is None or needle is None:
            return None
        if node.name == "contains":
            return needle in subject
        if node.name == "startswith":
            return subject.startswith(needle)
        return subject.endswith(needle)
    if isinstance(node, In):
        value = row.get(node.prop.name)
        if value is None:
            return None
        found = _in_text(value) in node.wanted
        return not found if node.negate else found
    if isinstance(node, (Prop, Lit)):
        return _operand_value(node, row)
    raise TypeError(f"not a filter node: {node!r}")


def _is_null_literal(node: Prop | Lit) -> bool:
    return isinstance(node, Lit) and node.edm is None


def _in_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).casefold()


def compile_filter(text: str | None, entity: EntityDef) -> Callable[[dict[str, Any]], bool]:
    if text is None:
        return lambda row: True
    tree = parse_filter(text, entity)
    return lambda row: evaluate(tree, row) is True


# --------------------------------------------------------------------------------------------- paging
# Keyset paging: a token carries the sort key of the last row served, so rows created or deleted between
# two pages never shift the remaining ones (what Dataverse's paging cookie achieves too).


@dataclass(frozen=True)
class PageToken:
    last_key: tuple
    page: int  # number of the page this token leads to
    served: int  # rows already served, so $top is honoured across pages
    order: str  # the $orderby the token was made for


def _sort_value(value: Any, edm: str) -> list:
    if value is None:
        return [0, None]  # nulls first when ascending, as in SQL Server
    if edm == STRING:
        return [1, str(value).casefold()]
    if edm == GUID:
        return [1, str(value).lower()]
    if edm == BOOL:
        return [1, int(value)]
    return [1, value]


def _order_signature(order: Sequence[OrderItem]) -> str:
    return ",".join(f"{o.field} {'desc' if o.descending else 'asc'}" for o in order)


def _row_key(row: dict[str, Any], order: Sequence[OrderItem], entity: EntityDef) -> tuple:
    parts = [_sort_value(row.get(o.field), entity.fields[o.field]) for o in order]
    parts.append(_sort_value(row.get(entity.key), GUID))
    return tuple(tuple(p) for p in parts)


def _compare_keys(a: tuple, b: tuple, descending: Sequence[bool]) -> int:
    for x, y, desc in zip(a, b, descending):
        if x == y:
            continue
        result = -1 if x < y else 1
        return -result if desc else result
    return 0


def encode_token(token: PageToken) -> str:
    payload = {"k": [list(p) for p in token.last_key], "p": token.page, "n": token.served, "o": token.order}
    raw = json.dumps(payload, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_token(text: str) -> PageToken:
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        payload = json.loads(raw)
        return PageToken(
            last_key=tuple(tuple(p) for p in payload["k"]),
            page=int(payload["p"]),
            served=int(payload["n"]),
            order=str(payload["o"]),
        )
    except (binascii.Error, ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise bad_request("The $skiptoken is not valid. Follow @odata.nextLink exactly as returned.") from None


@dataclass
class Page:
    rows: list[dict[str, Any]]
    next_token: PageToken | None
    total: int


def paginate(
    rows: Iterable[dict[str, Any]],
    entity: EntityDef,
    order: Sequence[OrderItem],
    page_size: int,
    token: PageToken | None = None,
    top: int | None = None,
) -> Page:
    """Sort the rows (stable: the primary key breaks ties) and cut the page that follows `token`."""
    signature = _order_signature(order)
    if token is not None and token.order != signature:
        raise bad_request("The $skiptoken was made for a different $orderby. Follow @odata.nextLink unchanged.")
    descending = [o.descending for o in order] + [False]
    keyed = [(_row_key(row, order, entity), row) for row in rows]
    keyed.sort(key=functools.cmp_to_key(lambda a, b: _compare_keys(a[0], b[0], descending)))
    total = len(keyed)
    start = 0
    served = 0
    page_number = 1
    if token is not None:
        served = token.served
        page_number = token.page
        start = len(keyed)
        for index, (key, _row) in enumerate(keyed):
            if _compare_keys(key, token.last_key, descending) > 0:
                start = index
                break
    if top is not None:
        total = min(total, top)
    limit = page_size if top is None else max(0, min(page_size, top - served))
    chunk = keyed[start : start + limit]
    more_rows = start + len(chunk) < len(keyed)
    more_allowed = top is None or served + len(chunk) < top
    next_token = None
    if chunk and more_rows and more_allowed:
        next_token = PageToken(chunk[-1][0], page_number + 1, served + len(chunk), signature)
    return Page([row for _key, row in chunk], next_token, total)

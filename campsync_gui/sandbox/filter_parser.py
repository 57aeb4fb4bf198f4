"""The $filter grammar: a recursive-descent parser that types every comparison the way Dataverse does."""

from __future__ import annotations

from typing import Any

from .errors import ODATA_ERROR, SandboxError, bad_request, unknown_property
from .filter_functions import FunctionCalls
from .filter_lexer import syntax_error
from .filter_nodes import (
    NUMERIC,
    TEMPORAL,
    And,
    Compare,
    Lit,
    Not,
    Or,
    Prop,
    number_literal,
    parse_date,
    parse_datetime,
)
from .schema import BOOL, DATE, DATETIME, GUID, STRING, EntityDef

# The grammar, loosest binding first:
#   or_expr  := and_expr ('or' and_expr)*
#   and_expr := not_expr ('and' not_expr)*
#   not_expr := 'not' not_expr | cmp_expr
#   cmp_expr := operand (('eq'|'ne'|'gt'|'ge'|'lt'|'le') operand)?
#   operand  := '(' or_expr ')' | function call | literal | property

# Operator -> the name Dataverse uses for it in type errors.
_COMPARISONS = {
    "eq": "Equal",
    "ne": "NotEqual",
    "gt": "GreaterThan",
    "ge": "GreaterThanOrEqual",
    "lt": "LessThan",
    "le": "LessThanOrEqual",
}


class _Parser(FunctionCalls):
    def __init__(self, text: str, entity: EntityDef) -> None:
        self.entity = entity
        super().__init__(text)

    def parse(self) -> Any:
        if self.peek().kind == "END":
            raise bad_request("The $filter query option cannot be empty.")
        node = self.or_expr()
        tok = self.peek()
        if tok.kind != "END":
            raise syntax_error(self.text, tok.pos, f"unexpected '{tok.text}'")
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
            return Lit(parse_datetime(tok.text, self.text), DATETIME)
        if tok.kind == "DATE":
            self.take()
            return Lit(parse_date(tok.text, self.text), DATE)
        if tok.kind == "NUMBER":
            self.take()
            return number_literal(tok.text)
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
                raise syntax_error(self.text, tok.pos, f"unexpected '{tok.text}'")
            if tok.text not in self.entity.fields:
                raise unknown_property(tok.text, self.entity)
            return Prop(tok.text, self.entity.fields[tok.text])
        raise syntax_error(self.text, tok.pos, f"unexpected '{tok.text or 'end of text'}'")

    def _check_types(self, op: str, left: Prop | Lit, right: Prop | Lit) -> None:
        lt, rt = left.edm, right.edm
        if lt is None or rt is None:
            return
        if lt == rt or (lt in NUMERIC and rt in NUMERIC) or (lt in TEMPORAL and rt in TEMPORAL):
            return
        raise bad_request(
            "A binary operator with incompatible types was detected. "
            f"Found operand types '{lt}' and '{rt}' for operator kind '{_COMPARISONS[op]}'."
        )

    def require_boolean(self, node: Any) -> None:
        if isinstance(node, (Prop, Lit)) and node.edm != BOOL:
            raise bad_request("The $filter expression must evaluate to a single boolean value.")


def parse_filter(text: str, entity: EntityDef) -> Any:
    """Parse a $filter value into a tree; raises SandboxError (400) on anything Dataverse would refuse."""
    return _Parser(text, entity).parse()

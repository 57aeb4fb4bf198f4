"""The logic of a smart list: "all", "any" or an expression such as "1 and (2 or not 3)".

Parses the text into a tree of filter numbers (never evaluating anything), renders a tree back as canonical text,
and lists the filters a tree refers to. Evaluating the tree is the job of `evaluation` (Python) and `sql`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from ...language import translate
from .vocabulary import MAX_LOGIC_TERMS, SmartListError

# Logic tree: ("ref", n) with n 1-based, ("not", node), ("and", (nodes...)), ("or", (nodes...)).
Node = tuple

_TOKEN = re.compile(r"\s*(?:(?P<num>[0-9]+)|(?P<open>\()|(?P<close>\))|(?P<word>[A-Za-z_]+)|(?P<other>\S))")
MAX_LOGIC_DEPTH = 50  # parentheses and nots inside each other; deeper is a mistake (and would hit recursion limits)
_PRECEDENCE = {"or": 1, "and": 2, "not": 3, "ref": 4}


def parse_logic(logic: str, filter_count: int) -> tuple[str, Node]:
    """Parse 'all', 'any' or an expression of filter numbers, and/or/not and parentheses.

    Returns (canonical text, tree). Precedence: not > and > or. Never evaluates anything."""
    text = logic.strip()
    if text.lower() in ("", "all", "any"):
        word = text.lower() or "all"
        refs = tuple(("ref", n) for n in range(1, filter_count + 1))
        return word, (("and" if word == "all" else "or"), refs)
    return _LogicParser(text, filter_count).parse()


class _LogicParser:
    """Recursive descent over: or := and ('or' and)* ; and := not ('and' not)* ; not := 'not' not | atom ;
    atom := NUMBER | '(' or ')'."""

    def __init__(self, text: str, filter_count: int):
        self.text, self.filter_count = text, filter_count
        self.tokens: list[tuple[str, str]] = []
        for match in _TOKEN.finditer(text):
            kind = match.lastgroup
            value = match.group(kind)
            if kind == "word":
                value = value.lower()
                if value not in ("and", "or", "not"):
                    raise self.fail(translate("SmartLists", "unknown word {word} (use filter numbers with and, or, "
                                                            "not and parentheses, or just 'all' / 'any')").format(
                        word=repr(match.group(kind))))
            elif kind == "other":
                raise self.fail(translate("SmartLists", "unexpected {value} (use filter numbers with and, or, not "
                                                        "and parentheses)").format(value=repr(value)))
            self.tokens.append((kind if kind != "word" else value, value))
        terms = sum(kind == "num" for kind, _ in self.tokens)
        if terms > MAX_LOGIC_TERMS:
            raise self.fail(translate("SmartLists", "too long: {count} filter numbers, at most {limit}").format(
                count=terms, limit=MAX_LOGIC_TERMS))
        depth = 0
        for kind, _ in self.tokens:
            depth += {"open": 1, "close": -1}.get(kind, 0)
            if depth < 0:
                break
        if depth != 0:
            raise self.fail(translate("SmartLists", "unbalanced parentheses"))
        self.pos = 0
        self.depth = 0

    def fail(self, message: str) -> SmartListError:
        return SmartListError(translate("SmartLists", "Logic {logic}: {problem}.").format(logic=repr(self.text),
                                                                                         problem=message))

    def peek(self) -> str | None:
        return self.tokens[self.pos][0] if self.pos < len(self.tokens) else None

    def parse(self) -> tuple[str, Node]:
        tree = self.parse_or()
        if self.pos < len(self.tokens):
            kind, value = self.tokens[self.pos]
            if kind in ("num", "open", "not"):
                raise self.fail(_and_or_before(value))
            raise self.fail(translate("SmartLists", "unexpected {value}").format(value=repr(value)))
        return render_logic(tree), tree

    def parse_or(self) -> Node:
        items = [self.parse_and()]
        while self.peek() == "or":
            self.pos += 1
            items.append(self.parse_and(after="or"))
        return items[0] if len(items) == 1 else ("or", _flatten("or", items))

    def parse_and(self, after: str | None = None) -> Node:
        items = [self.parse_not(after)]
        while self.peek() == "and":
            self.pos += 1
            items.append(self.parse_not("and"))
        return items[0] if len(items) == 1 else ("and", _flatten("and", items))

    def parse_not(self, after: str | None) -> Node:
        if self.peek() == "not":
            self.pos += 1
            with self.nested():
                return ("not", self.parse_not("not"))
        return self.parse_atom(after)

    @contextmanager
    def nested(self) -> Iterator[None]:
        self.depth += 1
        if self.depth > MAX_LOGIC_DEPTH:
            raise self.fail(translate("SmartLists", "nested more than {limit} levels deep").format(
                limit=MAX_LOGIC_DEPTH))
        yield
        self.depth -= 1

    def parse_atom(self, after: str | None) -> Node:
        after_open = not after and bool(self.pos) and self.tokens[self.pos - 1][0] == "open"
        if self.pos >= len(self.tokens):
            raise self.fail(_expected_number(after, after_open))
        kind, value = self.tokens[self.pos]
        if kind == "num":
            self.pos += 1
            number = int(value)
            if number < 1:
                raise self.fail(translate("SmartLists", "filter numbers start at 1"))
            if number > self.filter_count:
                raise self.fail((translate("SmartLists", "filter {number} does not exist (there is only 1 filter)")
                                 if self.filter_count == 1 else
                                 translate("SmartLists", "filter {number} does not exist (there are {count} "
                                                         "filters)")).format(number=number, count=self.filter_count))
            return ("ref", number)
        if kind == "open":
            self.pos += 1
            with self.nested():
                inner = self.parse_or()
            if self.peek() != "close":
                kind, value = self.tokens[self.pos]  # parentheses balance, so something is left
                raise self.fail(_and_or_before(value))
            self.pos += 1
            return inner
        raise self.fail(_expected_number(after, after_open, value))


def _and_or_before(value: str) -> str:
    return translate("SmartLists", "expected 'and' or 'or' before {value}").format(value=repr(value))


def _expected_number(after: str | None, after_open: bool, value: str | None = None) -> str:
    """"expected a filter number", after a word or '(' when there was one, and what came instead if anything."""
    if after:
        text = (translate("SmartLists", "expected a filter number after {word}") if value is None
                else translate("SmartLists", "expected a filter number after {word}, not {value}"))
    elif after_open:
        text = (translate("SmartLists", "expected a filter number after '('") if value is None
                else translate("SmartLists", "expected a filter number after '(', not {value}"))
    else:
        text = (translate("SmartLists", "expected a filter number") if value is None
                else translate("SmartLists", "expected a filter number, not {value}"))
    return text.format(word=repr(after), value=repr(value))


def _flatten(op: str, items: list[Node]) -> tuple[Node, ...]:
    out: list[Node] = []
    for item in items:
        out.extend(item[1] if item[0] == op else (item,))
    return tuple(out)


def render_logic(node: Node, parent: int = 0) -> str:
    """The canonical text of a logic tree: lower-case words, parentheses only where needed."""
    kind = node[0]
    if kind == "ref":
        return str(node[1])
    if kind == "not":
        text = "not " + render_logic(node[1], _PRECEDENCE["not"])
    else:
        text = f" {kind} ".join(render_logic(child, _PRECEDENCE[kind]) for child in node[1])
    return f"({text})" if _PRECEDENCE[kind] < parent else text


def referenced_filters(node: Node) -> set[int]:
    """The filter numbers a logic tree refers to."""
    if node[0] == "ref":
        return {node[1]}
    if node[0] == "not":
        return referenced_filters(node[1])
    return set().union(*(referenced_filters(child) for child in node[1])) if node[1] else set()


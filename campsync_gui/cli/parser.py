"""argparse for `campsync`, in the person's language: our help texts are marked where the commands add them; the
words argparse writes itself ("usage: ", "options", "-h"'s help, its error messages) come from gettext inside
argparse, for which CampSync ships no catalogue, so they are given from ours here. With --json the language is
English (cli.main), and every text here is then exactly argparse's own."""

from __future__ import annotations

import argparse
import re
import sys

from ..language import SOURCE_LANGUAGE, language, translate
from .common import print_error


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, with "usage: " in the person's language (help, and the usage printed with an error)."""

    def add_usage(self, usage, actions, groups, prefix=None):
        # argparse passes a prefix only when it wants none ('' for a subcommand's prog): that one stays.
        super().add_usage(usage, actions, groups, translate("Cli", "usage: ") if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """argparse, with a command's mistakes explained by that command's usage, and as JSON when --json was asked;
    its own words translated (subcommands' parsers are made of this class too: argparse uses the parent's)."""

    json_errors = False

    def __init__(self, prog=None, *, add_help: bool = True, formatter_class=HelpFormatter, **kwargs):
        # -h is added here rather than by argparse, whose help text for it would be its English one.
        super().__init__(prog, add_help=False, formatter_class=formatter_class, **kwargs)
        # The two groups argparse makes for every parser: their titles are its gettext words, retitled ours.
        self._positionals.title = translate("Cli", "positional arguments")
        self._optionals.title = translate("Cli", "options")
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help=translate("Cli", "show this help message and exit"))

    def parse_known_args(self, args=None, namespace=None):
        # argparse hands a subcommand's unknown arguments up to the top parser, which then prints the top usage
        # (`usage: campsync [-h] …`) for `campsync queue --bogus`. Refused here, by the parser that knows them.
        parsed, extras = super().parse_known_args(args, namespace)
        if extras:
            self.error(translate("Cli", "unrecognized arguments: {arguments}").format(arguments=" ".join(extras)))
        return parsed, extras

    def error(self, message: str):
        message = argparse_message(message)
        if self.json_errors:
            print_error("usage_error", f"{self.prog}: {message} (see: {self.prog} --help)", as_json=True)
            self.exit(2)
        self.print_usage(sys.stderr)
        self.exit(2, translate("Cli", "{prog}: error: {message}").format(prog=self.prog, message=message) + "\n")


def _argparse_words() -> list[tuple[str, str]]:
    """argparse's error messages (as its source writes them, with named groups for the %s parts) and ours."""
    return [
        (r"the following arguments are required: (?P<names>.*)",
         translate("Cli", "the following arguments are required: {names}")),
        (r"one of the arguments (?P<names>.*) is required",
         translate("Cli", "one of the arguments {names} is required")),
        (r"unrecognized arguments: (?P<arguments>.*)", translate("Cli", "unrecognized arguments: {arguments}")),
        (r"invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)",
         translate("Cli", "invalid choice: {value} (choose from {choices})")),
        (r"invalid (?P<type>\S+) value: (?P<value>.*)", translate("Cli", "invalid {type} value: {value}")),
        (r"expected one argument", translate("Cli", "expected one argument")),
        (r"expected at most one argument", translate("Cli", "expected at most one argument")),
        (r"expected at least one argument", translate("Cli", "expected at least one argument")),
        (r"not allowed with argument (?P<argument>.*)", translate("Cli", "not allowed with argument {argument}")),
        (r"ignored explicit argument (?P<value>.*)", translate("Cli", "ignored explicit argument {value}")),
        (r"ambiguous option: (?P<option>\S+) could match (?P<matches>.*)",
         translate("Cli", "ambiguous option: {option} could match {matches}")),
    ]


def argparse_message(message: str) -> str:
    """An error message argparse wrote in English, in the person's language (unchanged in English, or when it is
    not one of argparse's: ours, from a type= function, are translated where they are raised)."""
    if language() == SOURCE_LANGUAGE:
        return message
    argument = re.fullmatch(r"argument (?P<name>.+?): (?P<message>.*)", message, re.DOTALL)
    if argument:
        return translate("Cli", "argument {name}: {message}").format(
            name=argument["name"], message=argparse_message(argument["message"]))
    for pattern, words in _argparse_words():
        found = re.fullmatch(pattern, message, re.DOTALL)
        if found:
            return words.format(**found.groupdict())
    return message

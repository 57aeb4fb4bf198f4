"""The `campsync` command: main.py (parser, entry points), common.py (what every command shares), and one module
per group of commands. Each command is one call on the application core (core/workspace.py) and its output."""

"""`campsync sandbox`: run the sandbox org in the foreground and print the settings a client needs.

stdout carries only the CAMPSYNC_*=value lines, so `eval`-style tooling and scripts can read it; the
human hint goes to stderr.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import sys
import tempfile
import threading
from pathlib import Path

from ..language import translate
from ..paths import AppPaths
from .knobs import Knobs

_VERSION_RE = re.compile(r"^\d+(\.\d+){1,3}$")
SECRET_ENV = "CAMPSYNC_SANDBOX_CLIENT_SECRET"
_SECRET_FILE_LIMIT = 4096  # a secret is tens of characters: a bigger file is the wrong file


def _port(text: str) -> int:
    value = _integer(text)
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(
            translate("Sandbox", "{text} is not a port number (0-65535; 0 picks a free port)").format(text=repr(text))
        )
    return value


def _integer(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            translate("Sandbox", "{text} is not a whole number").format(text=repr(text))
        ) from None


def _non_negative(text: str) -> int:
    value = _integer(text)
    if value < 0:
        raise argparse.ArgumentTypeError(translate("Sandbox", "{text} must be 0 or more").format(text=repr(text)))
    return value


def _positive(text: str) -> int:
    value = _integer(text)
    if value < 1:
        raise argparse.ArgumentTypeError(translate("Sandbox", "{text} must be 1 or more").format(text=repr(text)))
    return value


def _dop_hint(text: str) -> int | None:
    return None if text.strip().lower() == "none" else _positive(text)


def _throttle(text: str) -> tuple[int, float]:
    match = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+(?:\.\d+)?)\s*", text)
    if match is None or int(match.group(1)) < 1 or float(match.group(2)) <= 0:
        raise argparse.ArgumentTypeError(
            translate("Sandbox", "{text} is not N/SECONDS: give the number of requests allowed per window, e.g. 100/60")
            .format(text=repr(text))
        )
    return int(match.group(1)), float(match.group(2))


def _rate(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            translate("Sandbox", "{text} is not a number between 0 and 1").format(text=repr(text))
        ) from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(translate("Sandbox", "{text} is not between 0 and 1").format(text=repr(text)))
    return value


def _ttl(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            translate("Sandbox", "{text} is not a number of seconds").format(text=repr(text))
        ) from None
    if value < 0:
        raise argparse.ArgumentTypeError(
            translate("Sandbox", "{text} must be 0 or more seconds").format(text=repr(text))
        )
    return value


def _solution_version(text: str) -> str | None:
    if text.strip().lower() == "none":
        return None
    if not _VERSION_RE.match(text.strip()):
        raise argparse.ArgumentTypeError(
            translate("Sandbox", "{text} is not a version such as 4.2.0.0 (or 'none': not installed)").format(
                text=repr(text))
        )
    return text.strip()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=_port, default=8443,
                        help=translate("Sandbox", "HTTPS port on 127.0.0.1 (default 8443; 0 = free)"))
    parser.add_argument("--latency-ms", type=_non_negative, default=0,
                        help=translate("Sandbox", "delay added to every API request"))
    parser.add_argument("--page-size", type=_positive, default=None,
                        help=translate("Sandbox", "force a maximum page size"))
    parser.add_argument(
        "--throttle", type=_throttle, default=None, metavar="N/SECONDS",
        help=translate("Sandbox", "allow N API requests per SECONDS"),
    )
    parser.add_argument(
        "--fail-rate", type=_rate, default=0.0,
        help=translate("Sandbox", "share of API requests failing with 503 or a dropped connection"),
    )
    parser.add_argument("--dop-hint", type=_dop_hint, default=Knobs().dop_hint, metavar="N",
                        help=translate("Sandbox", "x-ms-dop-hint sent on API answers: requests a client may run in "
                                                  "parallel (default {default}; 'none' sends no header)").format(
                            default=Knobs().dop_hint))
    parser.add_argument("--token-ttl", type=_ttl, default=3600,
                        help=translate("Sandbox", "lifetime of access tokens, in seconds"))
    parser.add_argument("--seed", type=_integer, default=42,
                        help=translate("Sandbox", "seed of the demo data (default 42)"))
    parser.add_argument(
        "--solution-version",
        type=_solution_version,
        default=Knobs().solution_version,
        help=translate("Sandbox", "version of the prerequisite solution, or 'none' for not installed"),
    )
    parser.add_argument("--mfa-required", action="store_true",
                        help=translate("Sandbox", "the tenant asks every user a one-time code (123456) at sign-in; "
                                                  "refresh tokens from earlier sign-ins are answered "
                                                  "interaction_required (AADSTS50076)"))
    parser.add_argument("--consent-required", action="store_true",
                        help=translate("Sandbox", "the app has no consent: user sign-ins and refreshes fail with "
                                                  "AADSTS65001"))
    parser.add_argument("--refresh-revoked", action="store_true",
                        help=translate("Sandbox", "every refresh token is refused as revoked (AADSTS50173): users "
                                                  "must sign in again"))
    parser.add_argument(
        "--data-dir", type=Path, default=None,
        help=translate("Sandbox", "folder for the CA certificate (default: the app's sandbox folder)"),
    )
    parser.add_argument("--env-file", type=Path, default=None,
                        help=translate("Sandbox", "also write the CAMPSYNC_* lines to this file"))
    secret = parser.add_mutually_exclusive_group()
    secret.add_argument("--client-secret-file", type=Path, default=None, metavar="PATH",
                        help=translate("Sandbox", "use the client secret in this file instead of a random one (also: "
                                                  "the {env} variable)").format(env=SECRET_ENV))
    secret.add_argument("--client-secret", default=None,
                        help=translate("Sandbox", "deprecated: other local users see it in the process list; use "
                                                  "--client-secret-file or {env}").format(env=SECRET_ENV))


def _write_env_file(path: Path, lines: list[str]) -> None:
    path = path.expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    # The file holds a client secret: readable by its owner only, and never seen half-written.
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


class SecretProblem(Exception):
    """The client secret asked for cannot be used; the message says why."""


def _client_secret(args: argparse.Namespace, environ: dict[str, str] | None = None) -> str | None:
    """The secret from --client-secret-file, --client-secret (warned about) or CAMPSYNC_SANDBOX_CLIENT_SECRET; None
    for a random one. A command line is readable by every local user (ps, /proc/<pid>/cmdline): a file or the
    environment is not."""
    env = os.environ if environ is None else environ
    if args.client_secret_file is not None:
        path = args.client_secret_file.expanduser()
        try:
            with open(path, "rb") as handle:
                raw = handle.read(_SECRET_FILE_LIMIT + 1)
        except OSError as exc:
            raise SecretProblem(translate("Sandbox", "cannot read the client secret file {path}: {reason}").format(
                path=path, reason=exc.strerror or exc)) from exc
        try:
            secret = raw.decode("utf-8").strip()
        except UnicodeDecodeError:
            secret = ""
        if len(raw) > _SECRET_FILE_LIMIT or not secret or "\n" in secret:
            raise SecretProblem(translate("Sandbox", "{path} does not hold a client secret: give a file with the "
                                                     "secret on one line").format(path=path))
        return secret
    if args.client_secret is not None:
        # Kept working, so scripts that pass it do not break; a sandbox's secret guards only a local test org.
        warning = translate("Sandbox", "warning: --client-secret is visible to other local users in the process "
                                       "list; use --client-secret-file PATH or {env} instead.").format(env=SECRET_ENV)
        print(f"campsync sandbox: {warning}", file=sys.stderr, flush=True)
        return args.client_secret
    return env.get(SECRET_ENV, "").strip() or None


def run(args: argparse.Namespace) -> int:
    try:
        client_secret = _client_secret(args)
    except SecretProblem as exc:
        print(f"campsync sandbox: {exc}", file=sys.stderr)
        return 2
    knobs = Knobs(
        latency_ms=args.latency_ms,
        page_size=args.page_size,
        throttle=args.throttle,
        fail_rate=args.fail_rate,
        dop_hint=args.dop_hint,
        token_ttl=args.token_ttl,
        solution_version=args.solution_version,
        mfa_required=args.mfa_required,
        consent_required=args.consent_required,
        refresh_revoked=args.refresh_revoked,
    )
    data_dir = args.data_dir if args.data_dir is not None else AppPaths.resolve().sandbox_dir
    from .server import PortInUseError, SandboxOrg  # the server's libraries, only when one is started
    org = SandboxOrg(seed=args.seed, knobs=knobs, data_dir=data_dir, port=args.port, client_secret=client_secret)
    # Installed before start so a Ctrl+C during start-up is not lost as a traceback.
    stop = threading.Event()
    previous = {}
    for signum in (signal.SIGINT, signal.SIGTERM):
        try:
            previous[signum] = signal.signal(signum, lambda *_: stop.set())
        except ValueError:  # not the main thread: the caller stops us some other way
            pass
    try:
        try:
            org.start()
        except PortInUseError as exc:
            hint = translate("Sandbox", "{reason}; choose another with --port (0 picks a free one).").format(
                reason=exc.strerror)
            print(f"campsync sandbox: {hint}", file=sys.stderr)
            return 2
        except OSError as exc:
            problem = translate("Sandbox", "cannot start: {error}").format(error=exc)
            print(f"campsync sandbox: {problem}", file=sys.stderr)
            return 2
        lines = [f"{key}={value}" for key, value in org.env().items()]
        if args.env_file is not None:
            _write_env_file(args.env_file, lines)
        sys.stdout.write("\n".join(lines) + "\n")
        sys.stdout.flush()
        print(translate("Sandbox", "Sandbox org running at {url}; Ctrl+C stops it.").format(url=org.url),
              file=sys.stderr)
        # Hints for people (stderr: stdout stays CAMPSYNC_*=value lines only).
        print("# " + translate("Sandbox", "Certificate instead of the secret: CAMPSYNC_CLIENT_CERTIFICATE={file}")
              .format(file=org.certificate_file), file=sys.stderr)
        print("# " + translate("Sandbox", "Sign in as a person (password 'demo'): {users}").format(
            users=", ".join(org.demo_users)), file=sys.stderr, flush=True)
        while not stop.wait(0.5):
            pass
        print(translate("Sandbox", "Stopping the sandbox org."), file=sys.stderr, flush=True)
        return 0
    finally:
        org.stop()
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="campsync sandbox",
                                     description=translate("Sandbox", "Run a local Dynamics 365 sandbox org."))
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())

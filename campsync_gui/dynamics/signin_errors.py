"""What Entra ID's answers to a person's sign-in mean, in one sentence each with what to do.

msal returns failures as dicts (`error`, `error_description` starting "AADSTS<code>: ...", `error_codes`); the
table below turns the codes a signing-in person meets into messages, and says which ones only a new sign-in
fixes (SignInRequired), which were the person's own cancel (SignInCancelled), and which need someone else.

The messages are in the person's language, built when the error happens (the functions below); the constants in
capitals stay the English texts, for the callers that imported them. The command-line instructions a message ends
with (`sign_in_hint()`, `use_device_code()`) are filled into each sentence as pieces of their own, so a window can
find them in either language and put its own way in their place: `without_command_line()`."""

from __future__ import annotations

import re

from ..language import translate
from .auth import aadsts_code, sign_in_failed
from .errors import AuthError, SignInCancelled, SignInRequired

# The words every "sign in again" message ends with. The window shows its own (a Sign in button).
SIGN_IN_HINT = "run `campsync login` (or `campsync login --device-code` on a machine without a browser)"
# How a message without a browser says to sign in with a code; the window names its own button instead.
USE_DEVICE_CODE = "use device code sign-in instead (`campsync login --device-code`)"
_DEVICE_CODE_COMMAND = re.compile(r"\s\(`campsync login --device-code`\)")

# English, as before (imported by callers that show them as they are); the functions below translate.
NOT_SIGNED_IN = f"Not signed in: {SIGN_IN_HINT}."
SIGNED_OUT = f"Your sign-in has expired or was removed: sign in again — {SIGN_IN_HINT}."
CANCELLED = "Sign-in was cancelled."
BROWSER_UNAVAILABLE = ("No web browser could be opened on this machine for sign-in: use device code sign-in "
                       "instead (`campsync login --device-code`) and approve the code on any device with a browser.")
DEVICE_CODE_EXPIRED = ("The sign-in code expired before it was approved: start again with "
                       "`campsync login --device-code` and enter the new code within its time.")
NO_ANSWER = ("No answer came back from the sign-in page in time: sign in again, and finish in the browser "
             "window CampSync opens.")


def sign_in_hint() -> str:
    """SIGN_IN_HINT in the person's language (the commands themselves stay as they are typed)."""
    return translate("SignInErrors", "run `campsync login` (or `campsync login --device-code` on a machine without "
                                     "a browser)")


def use_device_code() -> str:
    """USE_DEVICE_CODE in the person's language."""
    return translate("SignInErrors", "use device code sign-in instead (`campsync login --device-code`)")


def not_signed_in() -> str:
    return translate("SignInErrors", "Not signed in: {hint}.").format(hint=sign_in_hint())


def signed_out() -> str:
    return translate("SignInErrors", "Your sign-in has expired or was removed: sign in again — {hint}.").format(
        hint=sign_in_hint())


def cancelled() -> str:
    return translate("SignInErrors", "Sign-in was cancelled.")


def browser_unavailable() -> str:
    return translate("SignInErrors", "No web browser could be opened on this machine for sign-in: {use_code} and "
                                     "approve the code on any device with a browser.").format(
        use_code=use_device_code())


def device_code_expired() -> str:
    return translate("SignInErrors", "The sign-in code expired before it was approved: start again with "
                                     "`campsync login --device-code` and enter the new code within its time.")


def no_answer() -> str:
    return translate("SignInErrors", "No answer came back from the sign-in page in time: sign in again, and finish "
                                     "in the browser window CampSync opens.")


def page_not_completed(failure: object) -> str:
    """The browser's sign-in page failed in a way msal did not explain (`failure`: what went wrong)."""
    return translate("SignInErrors", "The sign-in page could not be completed: {problem}").format(problem=failure)


def user_aadsts_help(code: int | None) -> tuple[str | None, bool]:
    """(message, only a new sign-in fixes it) for an AADSTS code a signing-in person meets; (None, False) else."""
    hint = sign_in_hint()
    help_texts: dict[int, tuple[str, bool]] = {
        50076: (translate("SignInErrors", "Your organisation requires multi-factor authentication (MFA) for this "
                                          "sign-in: sign in again and complete the second step — {hint}."
                          ).format(hint=hint), True),
        50079: (translate("SignInErrors", "Your organisation requires you to set up multi-factor authentication "
                                          "(MFA): sign in again and follow the setup steps — {hint}."
                          ).format(hint=hint), True),
        53003: (translate("SignInErrors", "Access was blocked by your organisation's conditional access policy: "
                                          "sign in from a device and network your organisation allows, or ask your "
                                          "Entra ID administrator which policy applies."), True),
        65001: (translate("SignInErrors", "This app has not been granted access to Dynamics 365 for you: an Entra "
                                          "ID administrator grants consent for the app registration (API "
                                          "permissions → Dynamics CRM → user_impersonation → Grant admin "
                                          "consent), then sign in again — {hint}.").format(hint=hint), True),
        50020: (translate("SignInErrors", "This account is not a member of the organisation's tenant: sign in with "
                                          "your work account of this organisation, or ask an administrator to "
                                          "invite you."), False),
        50034: (translate("SignInErrors", "This user name does not exist in the organisation: check the spelling "
                                          "of your work account (name@yourcompany.com)."), False),
        50057: (translate("SignInErrors", "This account is disabled: ask your Entra ID administrator to enable "
                                          "it."), False),
        50126: (translate("SignInErrors", "The user name or password is wrong: check them and sign in again."),
                False),
        700082: (translate("SignInErrors", "Your sign-in has expired (it was not used for a long time): sign in "
                                           "again — {hint}.").format(hint=hint), True),
        50173: (translate("SignInErrors", "Your sign-in is no longer valid (the password was changed or the session "
                                          "was revoked): sign in again — {hint}.").format(hint=hint), True),
        50011: (translate("SignInErrors", "The app registration does not accept this sign-in's redirect address "
                                          "(http://localhost): add it under Authentication → Mobile and desktop "
                                          "applications, or use device code sign-in "
                                          "(`campsync login --device-code`)."), False),
        7000218: (translate("SignInErrors", "The app registration does not allow public client sign-in: turn on "
                                            "'Allow public client flows' under Authentication in the app "
                                            "registration."), False),
        700016: (translate("SignInErrors", "Application (client) id not found in this tenant: check the client id "
                                           "and the tenant."), False),
        90002: (translate("SignInErrors", "Tenant not found: check the tenant id (a GUID or "
                                          "yourcompany.onmicrosoft.com)."), False),
    }
    return help_texts.get(code if code is not None else -1, (None, False))


def without_command_line(message: str, *, sign_in: str, use_code: str, button: str) -> str:
    """A sign-in message without the command-line instructions it carries, for a face that offers its own way:
    the "sign in again" hint goes with the separator before it (" — ", ": ", French " : "), or becomes `sign_in`
    elsewhere; "use device code sign-in instead (`campsync login --device-code`)" becomes `use_code`; the command
    left in brackets becomes `(button)`. Matches the pieces in English and in the person's language alike (a
    message may have been made before the language changed, or by a process in English)."""
    text = message
    for hint in dict.fromkeys((sign_in_hint(), SIGN_IN_HINT)):
        text = re.sub(r"\s*(?:—|:)\s*" + re.escape(hint), "", text)
        text = text.replace(hint, sign_in)
    for phrase in dict.fromkeys((use_device_code(), USE_DEVICE_CODE)):
        text = text.replace(phrase, use_code)
    return _DEVICE_CODE_COMMAND.sub(lambda _: f" ({button})", text)


# OAuth error values that mean "the person must interact again", whatever the AADSTS code.
_NEEDS_SIGN_IN = {"interaction_required", "login_required", "consent_required", "invalid_grant"}


def user_error_from_result(result: dict, *, silent: bool) -> AuthError:
    """An msal failure dict from a person's sign-in → the error to raise. `silent`: the failure came from a token
    request without the person (a refresh), where anything that needs them means SignInRequired."""
    error = str(result.get("error") or "")
    description = str(result.get("error_description") or "")
    codes = result.get("error_codes") or []
    code = codes[0] if codes else aadsts_code(description)
    first_line = description.splitlines()[0] if description else error or "unknown error"
    # The person pressed Cancel (Entra: access_denied, AADSTS65004 "User declined to consent", subcode cancel).
    if error == "access_denied" and (code in (None, 65004) or result.get("error_subcode") == "cancel"):
        return SignInCancelled(cancelled(), error=error, description=first_line)
    if error == "expired_token":
        return AuthError(device_code_expired(), error=error, aadsts=code, description=first_line)
    help_text, needs_sign_in = user_aadsts_help(code or -1)
    if silent and (needs_sign_in or error in _NEEDS_SIGN_IN):
        return SignInRequired(help_text or signed_out(), error=error, aadsts=code, description=first_line)
    return AuthError(help_text or sign_in_failed(first_line), error=error, aadsts=code, description=first_line)

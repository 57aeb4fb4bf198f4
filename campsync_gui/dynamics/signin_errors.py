"""What Entra ID's answers to a person's sign-in mean, in one sentence each with what to do.

msal returns failures as dicts (`error`, `error_description` starting "AADSTS<code>: ...", `error_codes`); the
table below turns the codes a signing-in person meets into messages, and says which ones only a new sign-in
fixes (SignInRequired), which were the person's own cancel (SignInCancelled), and which need someone else."""

from __future__ import annotations

from .auth import aadsts_code
from .errors import AuthError, SignInCancelled, SignInRequired

# The words every "sign in again" message ends with. The window shows its own (a Sign in button).
SIGN_IN_HINT = "run `campsync login` (or `campsync login --device-code` on a machine without a browser)"

NOT_SIGNED_IN = f"Not signed in: {SIGN_IN_HINT}."
SIGNED_OUT = f"Your sign-in has expired or was removed: sign in again — {SIGN_IN_HINT}."
CANCELLED = "Sign-in was cancelled."
BROWSER_UNAVAILABLE = ("No web browser could be opened on this machine for sign-in: use device code sign-in "
                       "instead (`campsync login --device-code`) and approve the code on any device with a browser.")
DEVICE_CODE_EXPIRED = ("The sign-in code expired before it was approved: start again with "
                       "`campsync login --device-code` and enter the new code within its time.")
NO_ANSWER = ("No answer came back from the sign-in page in time: sign in again, and finish in the browser "
             "window CampSync opens.")

# AADSTS code → (message, only a new sign-in fixes it)
USER_AADSTS_HELP: dict[int, tuple[str, bool]] = {
    50076: ("Your organisation requires multi-factor authentication (MFA) for this sign-in: sign in again and "
            f"complete the second step — {SIGN_IN_HINT}.", True),
    50079: ("Your organisation requires you to set up multi-factor authentication (MFA): sign in again and follow "
            f"the setup steps — {SIGN_IN_HINT}.", True),
    53003: ("Access was blocked by your organisation's conditional access policy: sign in from a device and "
            "network your organisation allows, or ask your Entra ID administrator which policy applies.", True),
    65001: ("This app has not been granted access to Dynamics 365 for you: an Entra ID administrator grants consent "
            "for the app registration (API permissions → Dynamics CRM → user_impersonation → Grant admin consent), "
            f"then sign in again — {SIGN_IN_HINT}.", True),
    50020: ("This account is not a member of the organisation's tenant: sign in with your work account of this "
            "organisation, or ask an administrator to invite you.", False),
    50034: ("This user name does not exist in the organisation: check the spelling of your work account "
            "(name@yourcompany.com).", False),
    50057: ("This account is disabled: ask your Entra ID administrator to enable it.", False),
    50126: ("The user name or password is wrong: check them and sign in again.", False),
    700082: ("Your sign-in has expired (it was not used for a long time): sign in again — "
             f"{SIGN_IN_HINT}.", True),
    50173: ("Your sign-in is no longer valid (the password was changed or the session was revoked): sign in "
            f"again — {SIGN_IN_HINT}.", True),
    50011: ("The app registration does not accept this sign-in's redirect address (http://localhost): add it under "
            "Authentication → Mobile and desktop applications, or use device code sign-in "
            "(`campsync login --device-code`).", False),
    7000218: ("The app registration does not allow public client sign-in: turn on 'Allow public client flows' "
              "under Authentication in the app registration.", False),
    700016: ("Application (client) id not found in this tenant: check the client id and the tenant.", False),
    90002: ("Tenant not found: check the tenant id (a GUID or yourcompany.onmicrosoft.com).", False),
}

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
        return SignInCancelled(CANCELLED, error=error, description=first_line)
    if error == "expired_token":
        return AuthError(DEVICE_CODE_EXPIRED, error=error, aadsts=code, description=first_line)
    help_text, needs_sign_in = USER_AADSTS_HELP.get(code or -1, (None, False))
    if silent and (needs_sign_in or error in _NEEDS_SIGN_IN):
        return SignInRequired(help_text or SIGNED_OUT, error=error, aadsts=code, description=first_line)
    return AuthError(help_text or f"Sign-in failed: {first_line}", error=error, aadsts=code, description=first_line)

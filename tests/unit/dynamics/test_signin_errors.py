"""Entra ID's answers to a person's sign-in become one sentence each, saying what to do."""

import pytest

from campsync_gui.dynamics.errors import AuthError, SignInCancelled, SignInRequired
from campsync_gui.dynamics.signin_errors import user_error_from_result


def answer(error, code=None, text="something went wrong"):
    result = {"error": error, "error_description": f"AADSTS{code}: {text}\nTrace ID: 1" if code else text}
    if code:
        result["error_codes"] = [code]
    return result


@pytest.mark.parametrize("error, code, words", [
    ("invalid_grant", 700082, "expired"),
    ("invalid_grant", 50173, "no longer valid"),
    ("interaction_required", 50076, "multi-factor authentication"),
    ("interaction_required", 50079, "set up multi-factor"),
    ("interaction_required", 53003, "conditional access"),
    ("invalid_grant", 65001, "consent"),
])
def test_a_refresh_that_needs_the_person_asks_to_sign_in(error, code, words):
    exc = user_error_from_result(answer(error, code), silent=True)
    assert isinstance(exc, SignInRequired) and exc.aadsts == code
    assert words in exc.message
    if code not in (53003,):
        assert "campsync login" in exc.message and "--device-code" in exc.message


def test_an_unknown_interaction_required_still_asks_to_sign_in():
    exc = user_error_from_result(answer("interaction_required"), silent=True)
    assert isinstance(exc, SignInRequired) and "sign in again" in exc.message


@pytest.mark.parametrize("code, words", [
    (50057, "disabled"), (50034, "does not exist"), (50020, "not a member"), (50011, "redirect"),
    (7000218, "Allow public client flows"),
])
def test_problems_only_someone_else_fixes_are_not_sign_in_prompts(code, words):
    exc = user_error_from_result(answer("invalid_request", code), silent=False)
    assert type(exc) is AuthError and words in exc.message


def test_cancel_on_the_page_is_a_cancel():
    exc = user_error_from_result({"error": "access_denied", "error_description": "cancelled"}, silent=False)
    assert isinstance(exc, SignInCancelled) and exc.message == "Sign-in was cancelled."


def test_an_expired_device_code_says_to_start_again():
    exc = user_error_from_result({"error": "expired_token"}, silent=False)
    assert "--device-code" in exc.message and "expired" in exc.message


def test_an_unknown_code_shows_the_authority_s_first_line():
    exc = user_error_from_result(answer("invalid_request", 999999, "Odd thing."), silent=False)
    assert exc.message == "Sign-in failed: AADSTS999999: Odd thing."


def test_entra_s_cancel_answer_is_a_cancel():
    exc = user_error_from_result(answer("access_denied", 65004, "User declined to consent to access the app."),
                                 silent=False)
    assert isinstance(exc, SignInCancelled)

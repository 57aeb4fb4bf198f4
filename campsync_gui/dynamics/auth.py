"""Access tokens for Dataverse from Entra ID through msal, behind one small async interface.

An application user signs in with a client secret or a certificate (`MsalConfidentialProvider`); a person signs
in with their own account through `signin.UserSignIn`. All are `TokenProvider`s with the same `get_token()`.
"""

from __future__ import annotations

import asyncio
import re
import socket
import ssl
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol
from urllib.parse import urlsplit

import httpx

from ..language import translate
from .errors import AuthError, ConnectionFailed, HostNotFound, UntrustedCertificate
from .tls import ConnectionTrust, is_microsoft_host

if TYPE_CHECKING:  # msal loads when a token is first asked for, not when the window starts
    import msal

DEFAULT_AUTHORITY_HOST = "https://login.microsoftonline.com"


def aadsts_help(code: int | None) -> str | None:
    """A message a person can act on for the AADSTS code Entra puts in error_description, in their language (read
    when the error happens, not at import); None for codes without one."""
    words = {
        90002: translate("Auth", "Tenant not found: check the tenant id (a GUID or yourcompany.onmicrosoft.com)."),
        900023: translate("Auth", "The tenant id is malformed: use the directory (tenant) GUID from the app "
                                  "registration."),
        700016: translate("Auth", "Application (client) id not found in this tenant: check the client id and the "
                                  "tenant."),
        7000215: translate("Auth", "The client secret is wrong: paste the secret's Value (not its Secret ID), or "
                                   "create a new one."),
        7000222: translate("Auth", "The client secret has expired: create a new secret in the app registration."),
        500011: translate("Auth", "The org URL is not a resource in this tenant: check the org URL "
                                  "(https://yourorg.crm.dynamics.com)."),
        70011: translate("Auth", "The requested scope is invalid: the org URL must be the environment URL."),
        70003: translate("Auth", "The authority does not support client-credentials sign-in for this app."),
        700027: translate("Auth", "The certificate is not registered on the app registration, or its key does not "
                                  "match: upload the certificate (its public part) under Certificates & secrets."),
        700024: translate("Auth", "The certificate's sign-in assertion is outside its valid time: check this "
                                  "machine's clock."),
    }
    return words.get(code if code is not None else -1)


class TokenProvider(Protocol):
    async def get_token(self, *, force_refresh: bool = False) -> str: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class ClientSecretCredential:
    tenant_id: str
    client_id: str
    client_secret: str
    authority_host: str = DEFAULT_AUTHORITY_HOST

    def __repr__(self) -> str:  # never let a secret reach a log line or a traceback
        return f"ClientSecretCredential(tenant_id={self.tenant_id!r}, client_id={self.client_id!r}, secret=***)"

    def msal_credential(self) -> str | dict:
        return self.client_secret

    def describe(self) -> str:
        return translate("Auth", "client-credentials token")


@dataclass(frozen=True)
class CertificateCredential:
    """An application user's certificate (certificates.load_certificate reads and checks it). msal signs a
    client assertion (RS256, x5t = the SHA-1 thumbprint) with the private key instead of sending a secret."""

    tenant_id: str
    client_id: str
    certificate_pem: str = field(repr=False)
    private_key_pem: str = field(repr=False)
    authority_host: str = DEFAULT_AUTHORITY_HOST
    thumbprint: str = ""

    def __repr__(self) -> str:  # the key never reaches a log line or a traceback
        return (f"CertificateCredential(tenant_id={self.tenant_id!r}, client_id={self.client_id!r}, "
                f"thumbprint={self.thumbprint!r}, private_key=***)")

    def msal_credential(self) -> str | dict:
        return {"private_key": self.private_key_pem, "thumbprint": self.thumbprint or _sha1_thumbprint(
            self.certificate_pem), "public_certificate": self.certificate_pem}

    def describe(self) -> str:
        return translate("Auth", "certificate token (thumbprint {thumbprint})").format(
            thumbprint=self.thumbprint or _sha1_thumbprint(self.certificate_pem))


def _sha1_thumbprint(certificate_pem: str) -> str:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes

    cert = x509.load_pem_x509_certificate(certificate_pem.encode("ascii"))
    return cert.fingerprint(hashes.SHA1()).hex().upper()


def aadsts_code(text: str | None) -> int | None:
    m = re.search(r"AADSTS(\d+)", text or "")
    return int(m.group(1)) if m else None


def auth_error_from_result(result: dict) -> AuthError:
    """An msal failure dict → AuthError with a plain-language message."""
    description = str(result.get("error_description") or "")
    codes = result.get("error_codes") or []
    code = codes[0] if codes else aadsts_code(description)
    help_text = aadsts_help(code or -1)
    first_line = description.splitlines()[0] if description else str(result.get("error") or "unknown error")
    message = help_text or sign_in_failed(first_line)
    return AuthError(message, error=result.get("error"), aadsts=code, description=first_line)


def sign_in_failed(first_line: str) -> str:
    """The message for a sign-in failure Entra explains only in its own words (its first line)."""
    return translate("Auth", "Sign-in failed: {problem}").format(problem=first_line)


class MsalHttp:
    """An httpx.Client as msal's http_client. msal is written for requests, which sends bytes in a form as they
    are; httpx would send their repr ("b'eyJ...'"), and the signed client assertion of a certificate is bytes."""

    def __init__(self, client: httpx.Client):
        self._client = client

    def post(self, url, params=None, data=None, headers=None, **kwargs):
        if isinstance(data, dict):
            data = {k: v.decode("ascii") if isinstance(v, bytes) else v for k, v in data.items()}
        return self._client.post(url, params=params, data=data, headers=headers, **kwargs)

    def get(self, url, params=None, headers=None, **kwargs):
        return self._client.get(url, params=params, headers=headers, **kwargs)

    def close(self) -> None:
        self._client.close()


class MsalConfidentialProvider:
    """Client-credentials tokens from msal, with a secret or a certificate; msal's own cache makes repeated calls
    cheap."""

    def __init__(self, credential: ClientSecretCredential | CertificateCredential, resource: str,
                 ssl_context: ssl.SSLContext | ConnectionTrust, timeout: float = 30.0):
        self._credential = credential
        self._scopes = [resource.rstrip("/") + "/.default"]
        # msal is synchronous; it gets an httpx client with the connection's trust: an extra CA only on the
        # connection's own hosts (a ConnectionTrust), or one context for every host (a plain SSLContext).
        # trust_env=False: the machine-wide SSL_CERT_FILE/REQUESTS_CA_BUNDLE must not override it.
        if isinstance(ssl_context, ConnectionTrust):
            self._http = httpx.Client(timeout=timeout, **ssl_context.sync_client_options())
        else:
            self._http = httpx.Client(verify=ssl_context, trust_env=False, timeout=timeout)
        self._app: msal.ConfidentialClientApplication | None = None
        self._lock = threading.Lock()

    @property
    def authority(self) -> str:
        return f"{self._credential.authority_host.rstrip('/')}/{self._credential.tenant_id}"

    def _application(self) -> msal.ConfidentialClientApplication:
        if self._app is None:
            import msal

            host = self._credential.authority_host.lower()
            self._app = msal.ConfidentialClientApplication(
                self._credential.client_id,
                authority=self.authority,
                client_credential=self._credential.msal_credential(),
                http_client=MsalHttp(self._http),
                # Instance discovery only knows Microsoft's clouds; a sandbox or sovereign host needs it off.
                instance_discovery="login.microsoftonline.com" in host,
            )
        return self._app

    def _acquire(self, force_refresh: bool) -> str:
        with self._lock:
            try:
                app = self._application()
                if force_refresh:
                    cache = app.token_cache
                    for item in list(cache.search(cache.CredentialType.ACCESS_TOKEN)):
                        cache.remove_at(item)
                result = app.acquire_token_for_client(scopes=self._scopes)
            except ValueError as exc:
                # msal wraps a failed OIDC discovery in a generic ValueError; the Entra text is in its context.
                original = str(exc.__context__ or exc)
                code = aadsts_code(original)
                if code:
                    raise auth_error_from_result({"error": "invalid_tenant", "error_description": original}) from exc
                raise AuthError(not_entra(self.authority), error="discovery_failed") from exc
            except httpx.ConnectError as exc:
                raise network_error(exc, self._credential.authority_host) from exc
            except httpx.HTTPError as exc:
                raise ConnectionFailed(no_answer_from(self._credential.authority_host, exc), cause=exc) from exc
        if "access_token" not in result:
            raise auth_error_from_result(result)
        return result["access_token"]

    async def get_token(self, *, force_refresh: bool = False) -> str:
        return await asyncio.to_thread(self._acquire, force_refresh)

    def describe(self) -> str:
        """What kind of token and from where, for the doctor (no secret in it)."""
        return translate("Auth", "{token} issued by {authority}").format(token=self._credential.describe(),
                                                                           authority=self.authority)

    def close(self) -> None:
        self._http.close()


MsalClientSecretProvider = MsalConfidentialProvider  # the name callers used before certificates


def not_entra(authority: str) -> str:
    """The message for an authority whose discovery answer is not Entra ID's."""
    return translate("Auth", "The authority did not answer like Entra ID at {authority}: check the tenant id and "
                             "CAMPSYNC_AUTHORITY_HOST.").format(authority=authority)


def no_answer_from(authority_host: str, exc: BaseException) -> str:
    """The message for a sign-in authority that did not answer (`exc`: httpx's error, named by its class)."""
    return translate("Auth", "The sign-in authority {host} did not answer: {problem}").format(
        host=authority_host, problem=exc.__class__.__name__)


def _causes(exc: BaseException):
    """The exception and everything it was raised from (httpx wraps the OSError several levels down)."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = exc.__cause__ or exc.__context__


def network_error(exc: BaseException, where: str) -> ConnectionFailed:
    """A connect-level failure → a message that says which of DNS, TLS or the port is the problem."""
    chain = list(_causes(exc))
    text = " | ".join(str(e) for e in chain)
    lowered = text.lower()
    if any(isinstance(e, ssl.SSLCertVerificationError) for e in chain) or "certificate_verify_failed" in lowered:
        if is_microsoft_host(urlsplit(where if "://" in where else "//" + where).hostname or ""):
            return UntrustedCertificate(translate(
                "Auth", "The TLS certificate of {host} is not trusted ({problem}). Microsoft's hosts are checked "
                        "against the system's CAs only (CAMPSYNC_CA_BUNDLE is not used for them): if your "
                        "organisation inspects TLS, install its CA in the system's trust store.").format(
                host=where, problem=_reason(text)), cause=exc)
        return UntrustedCertificate(translate(
            "Auth", "The TLS certificate of {host} is not trusted ({problem}). If your organisation inspects TLS or "
                    "this is the sandbox, set CAMPSYNC_CA_BUNDLE to the CA certificate file.").format(
            host=where, problem=_reason(text)), cause=exc)
    if any(isinstance(e, socket.gaierror) for e in chain) or "name or service not known" in lowered \
            or "nodename nor servname" in lowered or "temporary failure in name resolution" in lowered:
        return HostNotFound(translate("Auth", "The host name of {host} could not be resolved (DNS): check the URL "
                                              "for typos.").format(host=where), cause=exc)
    if any(isinstance(e, ConnectionRefusedError) for e in chain):
        return ConnectionFailed(translate("Auth", "Nothing is listening at {host} (connection refused): check the URL "
                                                  "and port, and that the org or sandbox is running.").format(
            host=where), cause=exc)
    return ConnectionFailed(translate("Auth", "Could not connect to {host}: {problem}").format(
        host=where, problem=chain[-1] or exc.__class__.__name__), cause=exc)


def _reason(text: str) -> str:
    m = re.search(r"certificate verify failed: ([^(\]]+)", text)
    return m.group(1).strip() if m else translate("Auth", "verification failed")

"""The built-in rules, one module each; the module docstring is what `explain` prints."""

from __future__ import annotations

from emaillint.model import Rule
from emaillint.rules import (
    address_syntax,
    cc_quota,
    cert_verification_off,
    cleartext_auth,
    contradictory_security,
    daily_recipient_quota,
    default_port,
    duplicate_key,
    empty_password,
    io_error,
    legacy_auth,
    legacy_host,
    message_recipient_limit,
    opportunistic_tls,
    plaintext_password,
    plugin_error,
    port_security_mismatch,
    probe_auth,
    probe_certificate,
    probe_connect,
    probe_tls,
    provider_host,
    provider_mismatch,
    provider_password,
    provider_port,
    provider_security,
    provider_username,
    schema,
    sender_mismatch,
    shared_quota,
    tls_ip_host,
    unexpanded_reference,
    unknown_key,
    unknown_provider,
    unused_suppression,
    yaml_ambiguous,
    yaml_syntax,
)

BUILTIN: tuple[Rule, ...] = tuple(module.RULE for module in (
    yaml_syntax, duplicate_key, yaml_ambiguous, schema, io_error, port_security_mismatch,
    cleartext_auth, plaintext_password, address_syntax, unknown_provider, provider_host,
    legacy_host, provider_port, provider_security, provider_mismatch, legacy_auth,
    sender_mismatch, daily_recipient_quota, cc_quota, message_recipient_limit, shared_quota,
    plugin_error, unused_suppression, cert_verification_off, contradictory_security,
    unexpanded_reference, default_port, tls_ip_host, unknown_key, opportunistic_tls, empty_password,
    probe_connect, probe_tls, probe_certificate, probe_auth, provider_username, provider_password,
))

"""The password is written in the file instead of a reference to it.

## What it does
Reports a non-empty password that is not a reference. In emaillint's format a
reference is `${NAME}` (braces required); templates (`{{ smtp_password }}`) and
secret-store tags (`!secret smtp_password`) count as references too; other formats
have their own (Alertmanager's `auth_password_file`, Grafana's `$__file{...}`). A
default in an interpolation (`${SMTP_PASS:-hunter2}` in docker-compose,
`${SMTP_PASS:hunter2}` in Spring) is a password written in the file too: it is used
whenever the variable is unset. `$NAME` where the program expands only `${NAME}` is
`unexpanded-reference`'s. A provider's secret recognised by its shape in a field that
holds no secret (a SendGrid `SG.` key as the username, in the From address or in a key of
the account) is reported there too: it is as written in the file as a literal password.
The message never repeats the value.

Text written to be replaced (`your-app-password`, `<password>`, `xxxx xxxx xxxx xxxx`,
`CHANGE_ME`) is no leaked secret, but it is no reference either: it is reported as a
warning that says so, since the program would try to sign in with that text and fail.
Only a bracketed slot, one mask character repeated, or words of a placeholder vocabulary
alone count as a placeholder, so `MyPassw0rd!` is still a password written in the file.

## Why is this bad
Config repositories are cloned, forked, backed up and pasted into tickets. A password in
one is a leaked password; for Gmail and Yahoo it is usually an app password that signs in
to the whole mailbox. A placeholder leaks nothing, but the config cannot sign in until
someone edits it, and the edit is where real passwords get committed.

## Example
```yaml
password: abcd efgh ijkl mnop
```

## Use instead
```yaml
password: ${SMTP_PASSWORD}
```
and set `SMTP_PASSWORD` from your secret store when the program starts.
"""

from __future__ import annotations

from typing import Iterator

from emaillint.fixing import setting_fix
from emaillint.model import DISPLAY_ONLY, ERROR, INTERPOLATION_DEFAULT, WARNING, Account, Context, Problem, Rule
from emaillint.provider import graded
from emaillint.vocabulary import LITERAL, PLACEHOLDER, PLAINTEXT_PASSWORD


def check(account: Account, context: Context) -> Iterator[Problem]:
    instead = account.setting("password", "${SMTP_PASSWORD}")
    for found in context.secrets:
        if found.where != "password":
            yield Problem(found.where, f"{found.shape.meaning} is written in {_named(found.where)}",
                          graded(ERROR, found.shape),
                          help=f"move the secret to a secret store and refer to it from the password ({instead})")
    secret = account.password
    if secret is None or secret.kind not in (LITERAL, PLACEHOLDER):
        return
    default = secret.detail == INTERPOLATION_DEFAULT
    if secret.kind == PLACEHOLDER:
        where = "the interpolation's default is" if default else "the password is"
        yield Problem("password", f"{where} a placeholder, not a password: this config cannot sign in with it",
                      WARNING, help=f"keep the real password in a secret store and write {instead}")
    elif default:
        yield Problem("password", ("the interpolation's default is a password written in the file, used whenever the"
                                   " variable is unset"), help=f"drop the default and write {instead}")
    else:
        move = f"move the password to a secret store and write {instead}"
        yield Problem("password", "the password is written in the file", help=move,
                      fix=setting_fix(account, "password", None, "${SMTP_PASSWORD}", applicability=DISPLAY_ONLY,
                                      title=move))


_NAMES = {"username": "the username", "host": "the host", "sender": "the From address", "to": "a To address",
          "cc": "a CC address", "bcc": "a BCC address", "provider": "provider", "plan": "plan"}


def _named(place: str) -> str:
    """``cc.1`` -> ``a CC address``; a plugin's key is named as written."""
    return _NAMES.get(place.partition(".")[0], place)


RULE = Rule(PLAINTEXT_PASSWORD, ERROR, "the password is a literal instead of a reference", __doc__, check)

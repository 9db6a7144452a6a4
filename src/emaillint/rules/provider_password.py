"""The password is a kind of secret the provider does not take for SMTP.

## What it does
Recognises the provider's secrets by the shapes its data sheet declares, in a password
written in the file, and reports one that does not belong in the SMTP password: a Brevo
API key (`xkeysib-...`) where Brevo's SMTP relay wants an SMTP key, or an IAM secret
access key (40 characters) where Amazon SES wants the SMTP password derived from it (44
characters, one per Region). A password written as a reference is unknown at lint time
and not checked. The message never repeats the password.

## Why is this bad
The sign-in fails (`535 Authentication Credentials Invalid` from SES), and the key sits
in the config for no purpose: an API key usually opens more than sending mail.

## Example
```yaml
host: smtp-relay.brevo.com
username: 8a1b2c001@smtp-brevo.com
password: xkeysib-...            # the API key
```

## Use instead
```yaml
host: smtp-relay.brevo.com
username: 8a1b2c001@smtp-brevo.com
password: ${BREVO_SMTP_KEY}      # the SMTP key, from SMTP & API > SMTP
```
A password written in the file is `plaintext-password`'s too.
"""

from __future__ import annotations

from typing import Iterator

from emaillint.model import ERROR, Account, Context, Problem, Rule
from emaillint.provider import graded
from emaillint.rules.hosts import own_host
from emaillint.vocabulary import PROVIDER_PASSWORD


def check(account: Account, context: Context) -> Iterator[Problem]:
    provider = context.provider
    if provider is None or not own_host(account, context):
        return
    for found in context.secrets:
        shape = found.shape
        if found.where == "password" and found.provider == provider.name and shape.instead:
            yield Problem("password", f"the password is {shape.meaning}, which {provider.title} does not take for SMTP",
                          graded(ERROR, shape), help=f"sign in with {shape.instead}")
            return


RULE = Rule(PROVIDER_PASSWORD, ERROR,
            "the password is a secret the provider does not take for SMTP (an API key, an IAM key)",
            __doc__, check)

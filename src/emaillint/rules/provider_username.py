"""The username is not the one the provider signs in with.

## What it does
For providers that sign in with an API key, checks the username against what the
provider's data sheet requires: a fixed word (SendGrid `apikey`, Resend `resend`,
SparkPost `SMTP_Injection`, Mailtrap's sending hosts `api`), or a shape (Mailgun: the
full SMTP login address of the sending domain; Amazon SES: the SMTP user name, an access
key ID, `AKIA` and 16 letters or digits; Postmark and Mailjet: a token or key, not an
address). A username written as a reference (`${SMTP_USERNAME}`) or a template
(`{{ smtp_user }}`) is not checked, nor a placeholder (`<SMTP_USER>`, `your-username`)
against a shape: only a fixed username is then worth saying. The message never repeats the
username, which is sometimes the key itself.

## Why is this bad
The server refuses the sign-in (`535 Authentication failed`), and nothing is sent. The
usual slip is the account's email address, copied from a mailbox provider's settings, or
the API key in both fields: SendGrid's username is literally the word `apikey`.

## Example
```yaml
host: smtp.sendgrid.net
username: billing@example.com
password: ${SENDGRID_API_KEY}
```

## Use instead
```yaml
host: smtp.sendgrid.net
username: apikey
password: ${SENDGRID_API_KEY}
```
`emaillint providers` lists each provider's username with its source.
"""

from __future__ import annotations

import re
from typing import Iterator

from emaillint import credentials, vocabulary
from emaillint.model import ERROR, Account, Context, Problem, Rule
from emaillint.provider import Username, graded, serves
from emaillint.rules.advice import write
from emaillint.rules.hosts import own_host
from emaillint.vocabulary import LITERAL, PROVIDER_USERNAME

PLACEHOLDER = re.compile(r"^<.*>$|^\[.*\]$|^your[-_ .]|change.?me|x{4}", re.IGNORECASE)
"""A username meant to be replaced; unlike a password's, ``example`` is no sign of one
(``postmaster@mg.example.com`` is a fine test username)."""


def accepts(entry: Username, username: str) -> bool:
    if entry.fixed:
        return username.lower() == entry.fixed.lower()
    if not entry.pattern or PLACEHOLDER.search(username):
        return True  # a placeholder fits no shape, and saying so helps nobody
    return re.fullmatch(entry.pattern, username) is not None


def check(account: Account, context: Context) -> Iterator[Problem]:
    provider = context.provider
    username = (account.username or "").strip()
    if provider is None or not username or not own_host(account, context):
        return
    if credentials.classify(username).kind not in (LITERAL, vocabulary.PLACEHOLDER):
        return  # a template or a look-alike reference: the value is unknown here
    plan = context.plan.name if context.plan else None
    entry = next((u for u in provider.usernames if serves(u, plan) and not accepts(u, username)), None)
    if entry is None:
        return
    held = [found.shape.meaning for found in context.secrets if found.where == "username"]
    if entry.fixed:
        message = (f"the username is {held[0]}; {provider.title} signs in with {entry.fixed}" if held
                   else f"{provider.title} signs in with the username {entry.fixed}, not the one written here")
        instead = f"{write(account, 'username', entry.fixed, f'use {entry.fixed} as the username')} ({entry.meaning})"
    else:
        message = (f"the username is {held[0]}, not what {provider.title} signs in with" if held
                   else f"the username is not what {provider.title} signs in with")
        instead = f"sign in with {entry.meaning}"
    if held:
        instead += "; the key belongs in the password"
    yield Problem("username", message, graded(ERROR, entry), help=instead)

RULE = Rule(PROVIDER_USERNAME, ERROR, "the username is not what the provider requires (apikey, a full address, ...)",
            __doc__, check)

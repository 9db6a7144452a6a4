"""The account signs in with a method the provider retired, or has announced to retire.

## What it does
Compares `auth` (default `password` when credentials are set) with the provider's
retired methods and their dates, for the account's plan: Gmail stopped taking plain
account passwords ("less secure apps") on 2022-05-30 for personal accounts and on
2024-09-30 for Google Workspace; Yahoo wants an app password; Outlook.com and Hotmail
took Basic authentication (passwords and app passwords) away on 2024-09-16; Microsoft 365
turns Basic SMTP AUTH off by default at the end of December 2026. A retirement that has
happened is an error; one that is only announced is a warning naming the date. A method
the provider only turns off by default, which an admin may turn back on (Microsoft 365's
Basic SMTP AUTH until the final removal Microsoft will date in 2027), stays a warning
after the date too, since no config shows what the admin did. A method the provider never
took over SMTP (QQ Mail's and NetEase's account passwords: they want an authorization code)
is reported without a date. The date
is today unless pinned with `--as-of YYYY-MM-DD` (or `as_of` in the project configuration).

## Why is this bad
Sign-in fails: `535-5.7.8 Username and Password not accepted` (Gmail),
`535 5.7.0 (#AUTH005) Too many bad auth attempts` (Yahoo),
`535 5.7.139 Authentication unsuccessful, basic authentication is disabled` (Outlook.com).
Old guides still say to enable "less secure apps" or DisplayUnlockCaptcha; neither
exists any more.

## Example
```yaml
host: smtp.gmail.com
username: billing@gmail.com
password: ${SMTP_PASSWORD}   # the account password
```

## Use instead
```yaml
host: smtp.gmail.com
username: billing@gmail.com
auth: app-password           # created under Google Account > Security > App passwords
password: ${SMTP_APP_PASSWORD}
```
or `auth: oauth2` with a token from the provider's OAuth flow, the only way left for
Outlook.com and Hotmail, and the way forward for Microsoft 365:
```yaml
host: smtp.office365.com
username: billing@example.com
auth: oauth2                 # scope https://outlook.office.com/SMTP.Send
```
`emaillint providers` lists each provider's accepted methods and where to set them up;
the provider notes below say how.
"""

from __future__ import annotations

from typing import Iterator

from emaillint.fixing import setting_fix
from emaillint.model import ERROR, UNSAFE, WARNING, Account, Context, Problem, Rule
from emaillint.provider import NOT_ACCEPTED, OFF_BY_DEFAULT, AuthMethod, Provider, graded
from emaillint.rules.advice import alternatives
from emaillint.vocabulary import APP_PASSWORD, LEGACY_AUTH, OAUTH2, PASSWORD

_WORDS = {PASSWORD: "plain account passwords", APP_PASSWORD: "app passwords", OAUTH2: "OAuth2"}


def effective_method(account: Account) -> str | None:
    """``auth``, or ``password`` when the account signs in without saying how."""
    if account.auth:
        return account.auth
    return PASSWORD if account.has_credentials else None


def retired(provider: Provider, method: str, plan: str | None) -> AuthMethod | None:
    """The provider's retirement of ``method`` that applies to ``plan``, if any."""
    for entry in provider.auth:
        if entry.method == method and entry.refused and (not entry.plans or plan in entry.plans):
            return entry
    return None


def retired_on(provider: Provider, method: str, plan: str | None) -> str | None:
    entry = retired(provider, method, plan)
    return (entry.retired_on or entry.retirement) if entry else None


def check(account: Account, context: Context) -> Iterator[Problem]:
    provider = context.provider
    method = effective_method(account)
    if provider is None or method is None:
        return
    plan = context.plan.name if context.plan else None
    entry = retired(provider, method, plan)
    if entry is None:
        return
    # Whether the plan matters: the plans the account may be on retire the method on
    # different dates, or not all of them. Only then is the assumed plan worth a word.
    matters = len({retired_on(provider, method, p.name) for p in context.plans}) > 1
    who = _who(entry, context, matters)
    words = _WORDS.get(entry.method, entry.method)
    assumed = context.plan_note if matters else ""
    where = "auth" if "auth" in account.positions else "password"
    # the methods to write first (the fix writes the first), then how to get one, then the plan assumed
    help = "; ".join(part for part in (_instead(account, provider, plan, method), entry.note, assumed) if part)
    app = any(a.method == APP_PASSWORD and not a.retired_on and (not a.plans or plan in a.plans) for a in provider.auth)
    fix = setting_fix(account, "auth", account.auth, APP_PASSWORD, applicability=UNSAFE) if app and account.auth else None
    if entry.retirement == NOT_ACCEPTED:
        yield Problem(where, f"{who} does not take {words} over SMTP", graded(ERROR, entry), help=help, fix=fix)
        return
    happened = context.as_of >= entry.retired_on
    aside = "" if happened else " (announced)"
    if entry.retirement == OFF_BY_DEFAULT:
        # An admin may have turned it back on, which no config shows: a warning either way.
        verb = "turned" if happened else "turns"
        yield Problem(where, f"{who} {verb} {words} off by default on {entry.retired_on}{aside}",
                      graded(WARNING, entry), help=help, fix=fix)
    elif happened:
        yield Problem(where, f"{who} stopped accepting {words} on {entry.retired_on}",
                      graded(ERROR, entry), help=help, fix=fix)
    else:
        yield Problem(where, f"{who} stops accepting {words} on {entry.retired_on}{aside}",
                      graded(WARNING, entry), help=help, fix=fix)


def _who(entry: AuthMethod, context: Context, plan_matters: bool) -> str:
    """Whom the retirement is about: the provider, the plan, or every plan the account may be on."""
    if not entry.plans or context.plan is None:
        return context.provider.title
    if plan_matters or len(context.plans) < 2:
        return context.plan.title
    titles = [p.title for p in context.plans]
    return f"{', '.join(titles[:-1])} and {titles[-1]}"


def _instead(account: Account, provider: Provider, plan: str | None, method: str) -> str:
    """``write auth: app-password, or auth: oauth2``: the methods the plan still accepts,
    where the account's format has an ``auth`` setting (the notes say it in words)."""
    accepted = [("auth", a.method) for a in provider.auth
                if not a.refused and a.method != method and (not a.plans or plan in a.plans)]
    instead = alternatives(account, accepted)
    return f"write {instead}" if instead else ""


RULE = Rule(LEGACY_AUTH, ERROR,
            "the auth method is one the provider retired (a warning while only announced)", __doc__, check)

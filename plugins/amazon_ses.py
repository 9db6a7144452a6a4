"""Amazon SES (Simple Email Service), as a data sheet.

Facts and confidence levels: PROVIDERS-2.md section 1.1 in the project's shared notes
(H, M, L as given there). The per-message limit of 50 was "from memory" there (M); the
SES API reference states it for SendEmail and SendRawEmail, which SMTP submission goes
through, so it is M with two sources. Re-check the FIPS Regions before a release.
"""

from __future__ import annotations

from emaillint.api import (
    API_ENDPOINT,
    API_KEY,
    HIGH,
    INBOUND_ENDPOINT,
    MEDIUM,
    VERIFIES_SENDER,
    AuthMethod,
    Host,
    OtherHost,
    Plan,
    Provider,
    SecretShape,
    Username,
    endpoints,
    hookimpl,
)

SMTP_CONNECT = "https://docs.aws.amazon.com/ses/latest/dg/smtp-connect.html"
ENDPOINTS = "https://docs.aws.amazon.com/general/latest/gr/ses.html"
CREDENTIALS = "https://docs.aws.amazon.com/ses/latest/dg/smtp-credentials.html"
QUOTAS = "https://docs.aws.amazon.com/ses/latest/dg/quotas.html"
SANDBOX = "https://docs.aws.amazon.com/console/ses/sandbox"
SEND_EMAIL = "https://docs.aws.amazon.com/ses/latest/APIReference/API_SendEmail.html"
SEND_RAW_EMAIL = ("https://docs.aws.amazon.com/sdkfornet1/latest/apidocs/html/"
                  "M_Amazon_SimpleEmail_AmazonSimpleEmailService_SendRawEmail.htm")
INBOUND = "https://github.com/aws-samples/amazon-connect-email-tasks/issues/6"
TLS_WRAPPER = "https://gist.github.com/chrisroos/6b32b07aefa010526f7e5cfe58d61978"
OLD_USERNAME_DOC = "https://gist.github.com/sysadmiral/c85c09e6534428a8bb578ab420a40207"
CDK_CREDENTIALS = "https://github.com/pepperize/cdk-ses-smtp-credentials"
GITLEAKS_AWS_SECRET = "https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/aws_secret.go"
WRONG_KEY_REPORT = "https://github.com/knadh/listmonk/issues/2160"
VERIFIED_REPORT = "https://github.com/mageplaza/magento-2-smtp/issues/211"

REGION = r"(?P<region>[a-z]{2}(?:-gov)?-[a-z]+-\d)"
"""An AWS Region's name (``eu-west-1``, ``us-gov-west-1``): the shape of G02 in PROVIDERS-2."""


# STARTTLS on 25, 587 and 2587, implicit TLS ("TLS Wrapper") on 465 and 2465.
PORTS = (endpoints(SMTP_CONNECT, starttls=(587, 25, 2587), confidence=HIGH)
         + endpoints(f"{SMTP_CONNECT} {TLS_WRAPPER}", tls=(465, 2465), recommended=0, confidence=HIGH))


SES = Provider(
    name="amazon-ses",
    title="Amazon SES",
    hosts=(
        Host("email-smtp.<region>.amazonaws.com", PORTS, f"{SMTP_CONNECT} {ENDPOINTS}",
             pattern=rf"email-smtp\.{REGION}\.amazonaws\.com", confidence=HIGH,
             note="one host per AWS Region, and SMTP credentials work only in the Region they were made"
                  " in; EC2 throttles port 25 by default, so use 587 or 2587 from EC2"),
        Host("email-smtp-fips.<region>.amazonaws.com", PORTS, ENDPOINTS,
             pattern=rf"email-smtp-fips\.{REGION}\.amazonaws\.com", confidence=MEDIUM,
             note="FIPS 140 endpoints, in some US and GovCloud Regions only"),
    ),
    wrong_hosts=(
        OtherHost("email.<region>.amazonaws.com", "email-smtp.{region}.amazonaws.com",
                  "{host} is Amazon SES's HTTPS API endpoint, not its SMTP one", ENDPOINTS, pattern=rf"email\.{REGION}\.(?:amazonaws\.com|api\.aws)",
                  kind=API_ENDPOINT, confidence=HIGH),
        OtherHost("email-fips.<region>.amazonaws.com", "email-smtp-fips.{region}.amazonaws.com",
                  "{host} is Amazon SES's FIPS HTTPS API endpoint, not its SMTP one", ENDPOINTS, pattern=rf"email-fips\.{REGION}\.(?:amazonaws\.com|api\.aws)",
                  kind=API_ENDPOINT, confidence=HIGH),
        OtherHost("inbound-smtp.<region>.amazonaws.com", "email-smtp.{region}.amazonaws.com",
                  "{host} is Amazon SES's receiving (MX) host, not its SMTP one", f"{INBOUND} {ENDPOINTS}", pattern=rf"inbound-smtp\.{REGION}\.amazonaws\.com",
                  kind=INBOUND_ENDPOINT, confidence=HIGH),
    ),
    domains=(),
    plans=(
        Plan("sandbox", "Amazon SES sandbox", f"{QUOTAS} {SANDBOX} {SEND_EMAIL} {SEND_RAW_EMAIL}",
             recipients_per_day=200, recipients_per_message=50, confidence=MEDIUM,
             sandbox="sends only to addresses and domains verified in SES (or the mailbox simulator),"
                     " at most one message a second; every new account starts there, in each Region",
             note="SES counts recipients, not messages; 50 recipients per message (To, CC and BCC),"
                  " as the SES API reference states it"),
        Plan("production", "Amazon SES production", f"{QUOTAS} {SEND_EMAIL} {SEND_RAW_EMAIL}",
             recipients_per_message=50, confidence=MEDIUM,
             note="the daily quota and sending rate are set per account and Region ('varies based on"
                  " your specific use case'), and the SES console shows them"),
    ),
    auth=(AuthMethod(API_KEY, CREDENTIALS, confidence=HIGH,
                     note="SMTP credentials made in the SES console: an SMTP user name and password"),),
    usernames=(
        Username("the SMTP user name that SES shows with the SMTP password (an access key ID: AKIA and"
                 " 16 capital letters or digits), not an address or an IAM user name",
                 f"{OLD_USERNAME_DOC} {CDK_CREDENTIALS}", pattern=r"AKIA[0-9A-Z]{16}", confidence=MEDIUM),
    ),
    secrets=(
        SecretShape("aws-secret-access-key", r"(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])",
                    "40 characters like an IAM secret access key", GITLEAKS_AWS_SECRET, confidence=MEDIUM,
                    instead="the SMTP password the SES console made with the SMTP user name (44 characters,"
                            " one per Region), which is not the secret access key",
                    distinctive=False),
    ),
    sender_policy=VERIFIES_SENDER,
    sender_source=f"{SANDBOX} {VERIFIED_REPORT}",
    sender_confidence=HIGH,
    sender_note="verify the From address or its domain as an identity in SES, in the Region of the SMTP"
                " host ('554 Message rejected: Email address is not verified' otherwise)",
    explanation=(
        "Amazon SES accepts mail submission on email-smtp.<region>.amazonaws.com, one host per AWS"
        " Region (email-smtp-fips.<region> in some US Regions): STARTTLS on 587, 25 and 2587, or"
        " implicit TLS on 465 and 2465; every connection must be encrypted. email.<region> is the"
        " HTTPS API and inbound-smtp.<region> receives mail: neither takes SMTP submission. Sign in"
        " with SMTP credentials made in the SES console for that Region: the SMTP user name (AKIA...)"
        " and SMTP password, not an IAM access key and secret key. Every From must be a verified"
        " identity; a new account is in the sandbox (200 recipients a day, verified recipients only)"
        " until AWS grants production access, in each Region."
    ),
    setup=(
        f"SES console > SMTP settings > Create SMTP credentials, in the Region of the host ({CREDENTIALS});"
        f" request production access to leave the sandbox ({SANDBOX})."
    ),
    sources=(SMTP_CONNECT, ENDPOINTS, CREDENTIALS, QUOTAS, SANDBOX, WRONG_KEY_REPORT),
)


@hookimpl
def emaillint_providers():
    return [SES]

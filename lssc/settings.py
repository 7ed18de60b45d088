"""Settings for the LSSC platform, read from the environment.

Every secret and every deployment choice comes from an environment variable (see
``.env.example``). With nothing set the app runs for local development on SQLite with
Celery tasks executed eagerly; production sets ``DATABASE_URL``, ``REDIS_URL``,
``SECRET_KEY`` and ``ALLOWED_HOSTS``.
"""

from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "django-insecure-local-development-only"  # noqa: S105

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
# The program's postal address, shown in the footer of every mail.
PROGRAM_ADDRESS = env(
    "PROGRAM_ADDRESS",
    default="Library Support Staff Certification, ALA-APA\n"
    "50 East Huron Street\nChicago, IL 60611",
)

INSTALLED_APPS = [
    "lssc.accounts.admin_config.ProgramAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "simple_history",
    "lssc.accounts",
    "lssc.core",
    "lssc.competencies",
    "lssc.fees",
    "lssc.audit",
    "lssc.notifications",
    "lssc.outbox",
    "lssc.payments",
    "lssc.appeals",
    "lssc.reports",
    "lssc.manuals",
    "candidates",
    "portfolios",
    "evaluations",
    "courses",
    "renewals",
    # Demo and benchmark data: above every app.
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "lssc.core.middleware.ControlCharacterMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "lssc.accounts.middleware.StaffMFARequiredMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "lssc.core.middleware.DomainErrorMiddleware",
]

ROOT_URLCONF = "lssc.urls"
WSGI_APPLICATION = "lssc.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
            ],
        },
    },
]

# Database: PostgreSQL in production and CI, a local SQLite file when unset.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis: Celery broker and results, and the shared cache (rate limits). Sessions live
# in the database, so an outage of Redis signs nobody out.
REDIS_URL = env("REDIS_URL", default="")
# How long a page may wait on Redis or the broker before carrying on without it.
REDIS_TIMEOUT_SECONDS = env.float("REDIS_TIMEOUT_SECONDS", default=1.0)
if REDIS_URL:
    CACHES = {
        "default": {
            # Falls back to local memory while Redis is unreachable (lssc/core/cache).
            "BACKEND": "lssc.core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "socket_connect_timeout": REDIS_TIMEOUT_SECONDS,
                "socket_timeout": REDIS_TIMEOUT_SECONDS,
                "RETRY_AFTER": 30,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or "cache+memory://"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "UTC"
# Tasks are queued through the outbox (lssc/outbox): a publish that fails is retried by
# its sweep, so a request never waits on retries, only once on a short timeout.
CELERY_TASK_PUBLISH_RETRY = False
CELERY_BROKER_CONNECTION_TIMEOUT = REDIS_TIMEOUT_SECONDS
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_connect_timeout": REDIS_TIMEOUT_SECONDS,
    "socket_timeout": REDIS_TIMEOUT_SECONDS * 2,
}
# No caller reads a task's result: sending one must not touch the result backend.
CELERY_TASK_IGNORE_RESULT = True
CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = REDIS_TIMEOUT_SECONDS
CELERY_REDIS_SOCKET_TIMEOUT = REDIS_TIMEOUT_SECONDS * 2
# Periodic sweeps (reminders, expiry) are added here by the apps that own them.
CELERY_BEAT_SCHEDULE: dict = {
    # Background work that could not reach the broker when it was queued, and mail
    # whose sending failed and is due to be tried again.
    "outbox": {"task": "outbox.dispatch_pending", "schedule": 60.0},
    "mail-retry": {"task": "notifications.retry_failed", "schedule": 300.0},
    "review-reminders": {
        "task": "evaluations.send_review_reminders",
        "schedule": crontab(hour=13, minute=0),  # 7 or 8 a.m. in Chicago
    },
    "candidate-deadlines": {
        "task": "candidates.deadline_reminders",
        "schedule": crontab(hour=14, minute=0),
    },
    "renewals": {
        "task": "renewals.renewal_reminders",
        "schedule": crontab(hour=14, minute=20),
    },
    "course-approvals": {
        "task": "courses.approvals_daily",
        "schedule": crontab(hour=6, minute=10),  # after midnight in every US zone
    },
    # The month's award notices to state library agencies, on the 1st (idempotent).
    "state-library-digests": {
        "task": "candidates.state_library_digests",
        "schedule": crontab(day_of_month=1, hour=15, minute=0),  # 9 or 10 a.m.
    },
    # manage.py check_data over the whole database, mailed to the Program Officers
    # when a rule is broken; at 2 or 3 a.m. in Chicago, when no one is at work.
    "data-check-nightly": {
        "task": "notifications.data_check_nightly",
        "schedule": crontab(hour=8, minute=0),
    },
}

# Accounts
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["full_name*", "email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_SIGNUP_FORM_CLASS = "lssc.accounts.forms.SignupDetailsForm"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[LSSC] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if not DEBUG else "http"
ACCOUNT_ADAPTER = "lssc.accounts.adapter.AccountAdapter"
# allauth's default rate limits stay on (sign-ups, resets, sign-in attempts per
# address). Failed passwords count per client and account (lssc/accounts/lockout): a
# browser the person has signed in from before counts on its own, so a stranger's
# guesses never lock them out of it; other clients count per address and account,
# and together per account.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "login_failed_device": "5/5m/key",
    "login_failed_account": "30/h/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "LSSC"

# Email: console in development; in production EMAIL_URL
# (smtp+tls://user:pass@host:587), or the local mail server when it is unset.
_email = env.email_url(
    "EMAIL_URL", default="consolemail://" if DEBUG else "smtp://localhost:25"
)
_smtp = _email["EMAIL_BACKEND"].endswith("smtp.EmailBackend")
MAILERS = {
    "default": {
        "BACKEND": _email["EMAIL_BACKEND"],
        "OPTIONS": {
            "host": _email.get("EMAIL_HOST"),
            "port": _email.get("EMAIL_PORT") or None,
            "username": _email.get("EMAIL_HOST_USER", ""),
            "password": _email.get("EMAIL_HOST_PASSWORD", ""),
            "use_tls": bool(_email.get("EMAIL_USE_TLS")),
            "use_ssl": bool(_email.get("EMAIL_USE_SSL")),
            "timeout": 10,
        }
        if _smtp
        else {},
    }
}
# A message that fails to send is tried again after these pauses, then given up.
MAIL_RETRY_MINUTES = (1, 5, 30, 120, 360, 1440)
DEFAULT_FROM_EMAIL = env(
    "DEFAULT_FROM_EMAIL", default="LSSC Program <lssc@example.org>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Payments: card payment is offered only when both keys are configured.
STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY", default="")
STRIPE_WEBHOOK_SECRET = env("STRIPE_WEBHOOK_SECRET", default="")
STRIPE_MAX_NETWORK_RETRIES = 2
# Where checks are sent; shown on the payment instructions page.
LSSC_PAYMENT_ADDRESS = env(
    "LSSC_PAYMENT_ADDRESS",
    default="LSSC Program, ALA-APA\n50 East Huron Street\nChicago, IL 60611",
)
LSSC_PAYABLE_TO = env("LSSC_PAYABLE_TO", default="ALA-APA")

# Internationalisation
LANGUAGE_CODE = "en-us"
TIME_ZONE = env("TIME_ZONE", default="America/Chicago")
USE_I18N = True
# The account pages' wording in the program's voice (locale/en: sentence case).
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True

# Static and uploaded files. Uploads are never served from a public URL: views check
# permission and stream them.
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Security. Production (DEBUG off) passes ``manage.py check --deploy`` cleanly.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
# Monitoring that sends this as a bearer token sees which dependency of /healthz failed.
HEALTHZ_TOKEN = env("HEALTHZ_TOKEN", default="")
# Container and load-balancer health probes speak plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
# No script of ours reads the CSRF cookie, so scripts need not see it at all.
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF, "https://checkout.stripe.com"],
    "frame-ancestors": [CSP.NONE],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
}

# Program rules that are not fees: see lssc/core/program.py for the defaults.

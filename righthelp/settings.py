"""Django settings for righthelp.

SQLite is the embedded default so a newcomer needs no server; set DATABASE_URL (for example
``postgres://postgres@127.0.0.1:5432/righthelp``) to use PostgreSQL, the production database.
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("RIGHTHELP_VAR_DIR", BASE_DIR / "var"))

SECRET_KEY = os.environ.get("RIGHTHELP_SECRET_KEY", "insecure-development-key-change-me")
DEBUG = os.environ.get("RIGHTHELP_DEBUG", "1") == "1"
ALLOWED_HOSTS = os.environ.get(
    "RIGHTHELP_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver"
).split(",")

# The council whose settings file is loaded by default (councils/<name>.toml).
RIGHTHELP_COUNCIL_FILE = Path(
    os.environ.get("RIGHTHELP_COUNCIL_FILE", BASE_DIR / "councils" / "blackpool.toml")
)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "simple_history",
    "righthelp.core",
    "righthelp.staff",
    "righthelp.people",
    "righthelp.frontdoor",
    "righthelp.directory",
    "righthelp.earlyhelp",
    "righthelp.socialwork",
    "righthelp.familiestogether",
    "righthelp.complexneeds",
    "righthelp.returns",
    "righthelp.synthetic",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "righthelp.core.url_policy.UrlPolicyMiddleware",
]

ROOT_URLCONF = "righthelp.urls"
WSGI_APPLICATION = "righthelp.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "righthelp.core.context_processors.service",
            ],
        },
    },
]
FORM_RENDERER = "righthelp.core.forms.GovukFormRenderer"

VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'righthelp.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets the demo serve reads while a write is in progress.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "staff.User"
LOGIN_URL = "sign-in"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "sign-in"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d %B %Y", "%d %b %Y"]

# GOV.UK Frontend's CSS asks for fonts and images under /assets/, so static files live there.
STATIC_URL = "/assets/"
STATIC_ROOT = BASE_DIR / "staticfiles"
_GOVUK = BASE_DIR / "node_modules" / "govuk-frontend" / "dist" / "govuk"
STATICFILES_DIRS = [_GOVUK / "assets", ("govuk", _GOVUK)] if _GOVUK.exists() else []
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

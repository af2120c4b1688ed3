"""The settings' own checks, without a server: what is accepted, what is refused and how it is named, and the
secrets unwrapped in one place."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet

from voice.settings import ConfigError, Settings


def _refused(**settings) -> list[str]:
    """The settings named by the ConfigError `settings` raise (none: accepted)."""
    try:
        Settings(_env_file=None, **settings)
    except ConfigError as exc:
        return [problem.split(":")[0] for problem in exc.problems]
    return []


@pytest.mark.parametrize("url", ["postgres://u:p@db:5432/triage", "postgresql://u@db/triage",
                                 "postgresql+asyncpg://u@db/triage", "sqlite+aiosqlite:////srv/triage.db"])
def test_the_database_urls_the_store_speaks_are_accepted(url):
    assert _refused(database_url=url) == []


@pytest.mark.parametrize("url", ["mysql://u:p@db/triage", "sqlite:///triage.db", "triage.db",
                                 "postgresql+psycopg2://db/x"])
def test_a_database_url_the_store_cannot_speak_is_refused_by_name(url):
    assert _refused(database_url=url) == ["DATABASE_URL"]


def test_the_database_url_for_logs_has_no_credentials():
    settings = Settings(_env_file=None, database_url="postgres://triage:hunter2@db.internal:5432/cases")
    assert settings.effective_database_url == "postgresql+asyncpg://triage:hunter2@db.internal:5432/cases"
    assert settings.database_url_for_logs == "postgresql+asyncpg://db.internal:5432/cases"


def test_one_phi_key_without_the_other_is_refused_even_in_development():
    """Before, development quietly used generated keys for both when only one was set."""
    assert _refused(phi_key=Fernet.generate_key().decode()) == ["PHI_HASH_KEY"]
    assert _refused(phi_hash_key="h" * 32) == ["PHI_HASH_KEY"]
    assert _refused(phi_key=Fernet.generate_key().decode(), phi_hash_key="h" * 32) == []


def test_every_problem_is_in_one_error_in_field_order():
    with pytest.raises(ConfigError) as caught:
        Settings(_env_file=None, environment="production", offer_timeout_s="soon", stt_backend="openai")
    names = [problem.split(":")[0] for problem in caught.value.problems]
    assert names == ["PUBLIC_BASE_URL", "SERVER_SECRET", "PHI_KEY", "PHI_HASH_KEY", "TWILIO_ACCOUNT_SID",
                     "TWILIO_AUTH_TOKEN", "TWILIO_FROM_NUMBER", "OFFER_TIMEOUT_S", "STT_BACKEND"]
    assert "\n" not in str(caught.value)


def test_development_secrets_are_generated_once_and_never_printed(tmp_path):
    settings = Settings(_env_file=None, data_dir=tmp_path)
    first, again = settings.secrets(), Settings(_env_file=None, data_dir=tmp_path).secrets()
    assert first == again and len(first.server_secret) == 64 and first.twilio_auth_token is None
    assert repr(first) == "Secrets()"
    given = Settings(_env_file=None, data_dir=tmp_path, server_secret="s" * 40, twilio_auth_token="tok").secrets()
    assert (given.server_secret, given.twilio_auth_token) == (b"s" * 40, "tok")


def test_processes_starting_at_once_on_a_new_data_dir_share_one_secret(tmp_path):
    """Web and worker processes first started together each make a secret; one wins and all read it (a worker
    had failed with FileExistsError when another created the file between its check and its write)."""
    from concurrent.futures import ThreadPoolExecutor

    from voice.settings import _secret_from_file

    path = tmp_path / "var" / "server_secret"
    with ThreadPoolExecutor(8) as pool:
        secrets = list(pool.map(lambda _: _secret_from_file(path), range(32)))
    assert len(set(secrets)) == 1 and len(secrets[0]) == 64
    assert sorted(p.name for p in path.parent.iterdir()) == ["server_secret"]  # no temporary file left behind

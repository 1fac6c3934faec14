"""The benchmarks start real servers with settings of their own: those settings must be ones the server
accepts (a benchmark that cannot start is found here, not on the night of a load test)."""

from bench.load_server import ADMIN_TOKEN
from bot.config import Settings


def test_the_load_benchmarks_admin_token_is_one_the_server_accepts(tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(data_dir=tmp_path, admin_token=ADMIN_TOKEN)
    assert settings.admin_token is not None and settings.admin_token.get_secret_value() == ADMIN_TOKEN

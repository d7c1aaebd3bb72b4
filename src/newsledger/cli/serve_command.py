"""`newsledger serve`: the HTTP API over a ledger, run by uvicorn.

Only parses options, builds the app with `newsledger.api.create_app` and hands
it to uvicorn. It binds to 127.0.0.1 unless told otherwise and is read-only
unless `--allow-ingest`, which also needs a bearer token read from an
environment variable (never from the command line, where `ps` would show it).
"""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path

import click

from newsledger.cli.options import db_option

__all__ = ["MIN_TOKEN_CHARS", "register"]

# A shorter token is guessable; the check costs users nothing but a longer string.
MIN_TOKEN_CHARS = 16
DEFAULT_TOKEN_ENV = "NEWSLEDGER_TOKEN"


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="address to listen on")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--allow-ingest",
    is_flag=True,
    help="enable POST /api/articles (needs the bearer token from --token-env)",
)
@click.option(
    "--token-env",
    default=DEFAULT_TOKEN_ENV,
    show_default=True,
    help="environment variable holding the bearer token for POST /api/articles",
)
@click.option(
    "--max-body-bytes",
    type=click.IntRange(min=1),
    default=None,
    help="largest request body accepted (default 2 MiB); larger ones get 413",
)
@click.option("--access-log/--no-access-log", default=True, show_default=True)
def serve_command(
    db_path: str,
    host: str,
    port: int,
    allow_ingest: bool,
    token_env: str,
    max_body_bytes: int | None,
    access_log: bool,
) -> None:
    """Serve the ledger as a JSON API (OpenAPI spec at /openapi.json)."""
    import uvicorn

    from newsledger.api import DEFAULT_MAX_BODY_BYTES, create_app
    from newsledger.errors import NewsledgerError

    token = None
    if allow_ingest:
        token = os.environ.get(token_env, "")
        if len(token) < MIN_TOKEN_CHARS:
            raise click.UsageError(
                f"--allow-ingest needs a bearer token of at least {MIN_TOKEN_CHARS} "
                f"characters in the environment variable {token_env}"
            )
    elif not Path(db_path).exists():
        raise click.ClickException(
            f"no ledger at {db_path}; create it with `newsledger ingest` "
            "(or serve with --allow-ingest)"
        )
    if not _is_loopback(host):
        click.echo(f"warning: listening on {host}, reachable from other machines", err=True)
    try:
        app = create_app(
            db_path,
            allow_ingest=allow_ingest,
            token=token,
            max_body_bytes=max_body_bytes or DEFAULT_MAX_BODY_BYTES,
        )
    except NewsledgerError as exc:
        raise click.ClickException(f"cannot open ledger {db_path}: {exc}") from exc
    uvicorn.run(app, host=host, port=port, access_log=access_log, log_level="info")


def register(main: click.Group) -> None:
    main.add_command(serve_command)

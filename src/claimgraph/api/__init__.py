"""The explorer's HTTP API and page: `create_app(settings, db_path)` returns a FastAPI application."""

from .app import create_app

__all__ = ["create_app"]

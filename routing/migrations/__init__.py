"""Alembic migrations, shipped inside the package so `triage db upgrade` needs no alembic.ini."""

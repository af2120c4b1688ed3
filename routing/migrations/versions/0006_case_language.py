"""A case records the language its conversation was held in, so the queue can prefer a worker who speaks it.

Not PHI (like the region): a plain column beside category and urgency, read by the queue's scoring. Cases
from before it are NULL (English was the only language then; the queue treats NULL as no preference).

Revision ID: 0006
Revises: 0005

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

revision: str = '0006'
down_revision: Union[str, Sequence[str], None] = '0005'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema (a plain ADD COLUMN, as 0004)."""
    op.add_column('cases', sa.Column('language', sa.String(length=8), nullable=True))


def downgrade() -> None:
    """Downgrade schema (SQLite 3.35+ and PostgreSQL drop a column in place)."""
    op.execute("ALTER TABLE cases DROP COLUMN language")

"""A case records whether a high-risk mechanism of injury was described (a fall from a roof, a crash).

SAFETY.md: the mechanism alone is not a red flag and never ends the assessment, but it raises the case's
queue priority. It lives on the case, beside category and urgency, because the priority is recomputed
from the case's own columns at every status change.

Revision ID: 0004
Revises: 0003

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

revision: str = '0004'
down_revision: Union[str, Sequence[str], None] = '0003'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema (a plain ADD COLUMN: SQLite's batch copy would trip over the foreign keys into cases)."""
    op.add_column('cases', sa.Column('high_risk_mechanism', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    """Downgrade schema (SQLite 3.35+ and PostgreSQL drop a column in place)."""
    op.execute("ALTER TABLE cases DROP COLUMN high_risk_mechanism")

"""Opt-outs, the inbound message ledger (retries and the daily limit), one photo row per stored file.

Revision ID: 0002
Revises: 0001

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

revision: str = '0002'
down_revision: Union[str, Sequence[str], None] = '0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('contact_preferences',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('phone_hash', sa.String(length=64), nullable=False),
    sa.Column('opted_out', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact_preferences')),
    sa.UniqueConstraint('phone_hash', name=op.f('uq_contact_preferences_phone_hash'))
    )
    op.create_table('received_messages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('message_sid', sa.String(length=64), nullable=False),
    sa.Column('phone_hash', sa.String(length=64), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('reply_enc', sa.Text(), nullable=True),
    sa.Column('answered', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_received_messages')),
    sa.UniqueConstraint('message_sid', name=op.f('uq_received_messages_message_sid'))
    )
    with op.batch_alter_table('received_messages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_received_messages_phone_hash'), ['phone_hash'], unique=False)
        batch_op.create_index(batch_op.f('ix_received_messages_received_at'), ['received_at'], unique=False)
    with op.batch_alter_table('photos', schema=None) as batch_op:
        batch_op.create_unique_constraint('uq_photos_case_id_path', ['case_id', 'path'])


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('photos', schema=None) as batch_op:
        batch_op.drop_constraint('uq_photos_case_id_path', type_='unique')
    with op.batch_alter_table('received_messages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_received_messages_received_at'))
        batch_op.drop_index(batch_op.f('ix_received_messages_phone_hash'))
    op.drop_table('received_messages')
    op.drop_table('contact_preferences')

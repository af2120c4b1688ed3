"""Case notes move out of the audit log, where key rotation could not reach them; photos record their purge.

A worker's `DONE <ref> <note>` was written into audit_log.detail as Fernet ciphertext. The audit log refuses
UPDATE (triggers from 0001), so `reencrypt` could never rewrite those notes, and an old key could never be
retired. They move to case_notes, which rotates like every other PHI column; the audit line stays, its
detail replaced by a pointer. This migration is the only writer ever to lift the trigger, inside its own
transaction, for exactly those rows.

Revision ID: 0003
Revises: 0002

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

revision: str = '0003'
down_revision: Union[str, Sequence[str], None] = '0002'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

MOVED = "moved to case notes"
ENCRYPTED_NOTE = "action = 'note' AND case_id IS NOT NULL AND detail LIKE 'gAAAAA%'"  # Fernet tokens start so
SQLITE_NO_UPDATE = """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"""


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('case_notes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('author', sa.String(length=64), nullable=False),
    sa.Column('note_enc', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_notes_case_id_cases')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_notes'))
    )
    with op.batch_alter_table('case_notes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_notes_case_id'), ['case_id'], unique=False)
    with op.batch_alter_table('photos', schema=None) as batch_op:
        batch_op.add_column(sa.Column('purged_at', sa.DateTime(timezone=True), nullable=True))

    op.execute("INSERT INTO case_notes (case_id, author, note_enc, created_at) "
               f"SELECT case_id, actor, detail, at FROM audit_log WHERE {ENCRYPTED_NOTE} ORDER BY id")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only")
        op.execute(f"UPDATE audit_log SET detail = '{MOVED}' WHERE {ENCRYPTED_NOTE}")
        op.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only")
    else:
        op.execute("DROP TRIGGER audit_log_no_update")
        op.execute(f"UPDATE audit_log SET detail = '{MOVED}' WHERE {ENCRYPTED_NOTE}")
        op.execute(SQLITE_NO_UPDATE)


def downgrade() -> None:
    """Downgrade schema: the notes go back to the audit log as new lines (it accepts inserts only)."""
    op.execute("INSERT INTO audit_log (case_id, actor, action, detail, at) "
               "SELECT case_id, author, 'note', note_enc, created_at FROM case_notes ORDER BY id")
    with op.batch_alter_table('photos', schema=None) as batch_op:
        batch_op.drop_column('purged_at')
    with op.batch_alter_table('case_notes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_notes_case_id'))
    op.drop_table('case_notes')

"""Word and Excel documents: 会议纪要, 任务分解表, 工作任务交办单, 会议通知 and 发文稿纸
(GB/T 9704-2012) and the 台账.

The Word files are rendered from the docxtpl templates in ``templates/`` (built by
``templates/build.py`` with every GB/T 9704 figure: A4, margins, 22×28 grid, fonts per
paragraph role, page numbers on the outer side). One module per document prepares
the data its template shows — plain dicts, lists and strings; ``render`` renders them in
a sandboxed, autoescaping Jinja environment and writes every file atomically.
"""

from __future__ import annotations

from minutes.writers.assignment import assignment_contexts, issue_assignments, plan_sheets, write_assignments
from minutes.writers.cover import cover_context, write_cover
from minutes.writers.ledger import LEDGER_COLUMNS, ledger_status, write_ledger
from minutes.writers.minutes import minutes_context, write_minutes
from minutes.writers.notice import notice_context, write_notice
from minutes.writers.reminder import reminder_contexts, write_reminders
from minutes.writers.render import TEMPLATES, atomic_write, export_templates, render_docx, write_bytes
from minutes.writers.tasks import task_sheet_context, write_task_sheet
from minutes.writers.text import deadline_label, safe_filename

__all__ = [
    "LEDGER_COLUMNS", "TEMPLATES", "assignment_contexts", "atomic_write", "cover_context", "deadline_label",
    "export_templates", "issue_assignments", "ledger_status", "minutes_context", "notice_context", "plan_sheets",
    "reminder_contexts", "render_docx", "safe_filename", "task_sheet_context", "write_assignments", "write_bytes",
    "write_cover", "write_ledger", "write_minutes", "write_notice", "write_reminders", "write_task_sheet",
]

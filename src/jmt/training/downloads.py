"""Export kinds of 培训 (registered with the download center at start-up)."""

from __future__ import annotations

from jmt.core.catalog import Surface
from jmt.downloads.registry import ExportJob, ExportKind, register
from jmt.training import cockpit

COCKPIT = "training.cockpit"
VIEW = "content:training:view"


def write_cockpit(job: ExportJob) -> int:
    """The cockpit's five sheets (a few hundred rows at most: built in memory, then written)."""
    job.progress(0, 1)
    data = cockpit.export_xlsx(job.actor)
    job.target.write(data)
    job.progress(1, 1)
    return 1


register(
    ExportKind(
        key=COCKPIT,
        title="培训驾驶舱",
        permission=VIEW,
        surface=Surface.ADMIN,
        write=write_cockpit,
        formats=("xlsx",),
    )
)

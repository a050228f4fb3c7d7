"""`newslint audit`: sourcing and style figures per desk, author and month over a whole
archive, on one machine or a Dask cluster (issue 22; the figures are defined in
docs/audit.md).

One module per job: `sources` reads stories and plans partitions, `accumulators` keeps
the running totals and merges them, `runs` audits partitions locally or on Dask,
`resume` keeps finished partitions, `figures` turns totals into the figures an editor
reads, `outputs` writes them, `command` is the command line.
"""

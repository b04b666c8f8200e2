"""``minutes serve``: the archive as a web page for staff — search, documents, the task
ledger, units, a dashboard and import — server-rendered, every asset served from this
package (offices run offline LANs)."""

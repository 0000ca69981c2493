"""HTML fragments for pages, rendered through Jinja with autoescaping: the
marker registry, the tables, the knowledge pages, the charts and the links."""

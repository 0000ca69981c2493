"""Reading editors' files: strict YAML and text with line and column, and the
``Problem`` every later layer reports in."""

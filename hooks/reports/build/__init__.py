"""What MkDocs makes the hooks share: the current build's context, and the
guard that turns an unexpected error in a hook into a Chinese message."""

//! Security regression tests: bounded reading of token files, specs and project files.

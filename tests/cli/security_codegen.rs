//! Security regression tests: generated code and exported files escape what specs and tokens hold.

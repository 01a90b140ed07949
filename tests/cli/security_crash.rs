//! Security regression tests: crash ordering and what human output prints.

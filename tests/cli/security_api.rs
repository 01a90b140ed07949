//! Security regression tests: what pushes, PATCHes and pulls may carry, and the API schema.

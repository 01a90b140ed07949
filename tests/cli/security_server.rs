//! Security regression tests: accounts, access tokens, the data directory and server hygiene.

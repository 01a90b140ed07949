-- 0002: login throttling counts attempts, not only failures. Each login records a row per
-- key (account, client address) tagged with its attempt id before the password is
-- checked; a success removes its rows (and the account's), a throttled attempt removes
-- its own, a failure keeps them. Counting after the insert has committed makes the
-- check-and-count atomic across concurrent logins and servers.
ALTER TABLE login_failures ADD COLUMN attempt TEXT;
CREATE INDEX login_failures_attempt ON login_failures(attempt);

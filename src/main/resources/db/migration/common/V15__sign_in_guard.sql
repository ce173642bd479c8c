-- Sign-in guard: when the last password check was reserved (see UserRepository.reserveAttempt).
-- A count left at the maximum by a crash between reservation and outcome starts again once this
-- is older than the lock duration.
alter table app_user add column last_attempt_at timestamp(6) with time zone;

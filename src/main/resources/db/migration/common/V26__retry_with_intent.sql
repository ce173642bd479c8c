-- Retry with intent (issue 12): the payee the failed payment was sent to, as a keyed hash, so that
-- 重新发放 can tell whether the card (or name or bank) was corrected since. Null for payments that
-- failed before this version: the system cannot tell, so their retry works as before (audited as
-- NOT_RECORDED).
alter table aid_case add column payment_failed_payee varchar(64);

-- The disability certificate number contains the 18-digit ID number: it is personal data like
-- the ID number and is kept only encrypted (AES-GCM, base64) with a masked form for display.
-- V11 (a Java migration, it needs the configured key) encrypts the existing clear values and
-- V12 drops the clear column.
alter table worker add column disability_cert_enc varchar(200);
alter table worker add column disability_cert_masked varchar(40);

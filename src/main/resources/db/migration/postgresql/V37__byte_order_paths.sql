-- Prefix matches on the materialised path (`org_path like '/SX/SX-XA/%'`, every scope check and
-- roll-up) served by the btree indexes (issue 13). Under a linguistic collation (en_US.UTF-8,
-- zh_CN.UTF-8, even C.UTF-8) PostgreSQL cannot turn LIKE 'prefix%' into an index range; under
-- "C" it can. Paths are ASCII codes and slashes, so byte order is also the natural order (a unit
-- before its children, siblings by code) and the one H2 uses. Changing the collation rebuilds the
-- indexes on these columns; the rows are not rewritten. (attachment, V46, is created later on a new
-- database; its scope checks go through the record's key, not a path prefix.)
alter table org_unit alter column path type varchar(1000) collate "C";
alter table audit_log alter column org_path type varchar(1000) collate "C";
alter table campaign alter column org_path type varchar(1000) collate "C";
alter table worker alter column org_path type varchar(1000) collate "C";
alter table hardship_file alter column org_path type varchar(1000) collate "C";
alter table aid_case alter column org_path type varchar(1000) collate "C";
alter table stat_case_fact alter column org_path type varchar(1000) collate "C";
alter table stat_summary alter column org_path type varchar(1000) collate "C";
alter table payment_batch alter column org_path type varchar(1000) collate "C";
alter table fund_record alter column org_path type varchar(1000) collate "C";
alter table activity alter column org_path type varchar(1000) collate "C";
alter table campaign_report alter column org_path type varchar(1000) collate "C";
alter table api_token alter column org_path type varchar(1000) collate "C";

-- Name search is a prefix rule (decisions.md, "Name search: a prefix rule"): the surname or the
-- whole name. Byte order on the name serves `name like '王%'` whatever the query's length; a
-- trigram index (pg_trgm, available in Debian's and the embedded binaries) could not serve the
-- one- and two-character queries that Chinese names make.
alter table worker alter column name type varchar(60) collate "C";

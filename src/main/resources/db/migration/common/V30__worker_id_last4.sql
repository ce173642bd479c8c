-- Lists that scale (issue 11): find a worker (and their files and cases) by the last 4 characters
-- of the ID number. Those 4 characters are already shown in every masked ID (first 3 and last 4,
-- domain.md §4), so the column reveals nothing new; on its own it identifies nobody. V31 fills it
-- for existing workers from the encrypted number (a Java migration: SQL cannot reach the key).
alter table worker add column id_last4 varchar(4);
create index ix_worker_id_last4 on worker (id_last4, org_path);
-- The hardship-file list filters by status within a scope.
create index ix_hardship_file_status_path on hardship_file (status, org_path);

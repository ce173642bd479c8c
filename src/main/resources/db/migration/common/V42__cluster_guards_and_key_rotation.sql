-- Issue 14: two application nodes on one database.

-- A scheduled job (evidence retention, ...) claims its run here before it starts: the primary key
-- lets exactly one node win each run, whatever the clocks of the nodes say.
create table job_run (
  job_name    varchar(64)  not null,
  run_key     varchar(64)  not null,
  node        varchar(128) not null,
  claimed_at  timestamp(6) with time zone not null,
  finished_at timestamp(6) with time zone,
  primary key (job_name, run_key)
);

-- Re-encryption of personal data to a new key (KeyRotation): one row per target key, the progress
-- committed with each batch, so that a run killed half-way resumes where it stopped.
create table pii_rotation (
  key_id          varchar(16)  not null primary key,
  last_worker_id  bigint       not null default 0,
  rotated_values  bigint       not null default 0,
  started_at      timestamp(6) with time zone not null,
  updated_at      timestamp(6) with time zone not null,
  finished_at     timestamp(6) with time zone
);

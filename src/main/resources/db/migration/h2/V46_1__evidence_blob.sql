-- The database attachment store (H2): one row per stored object (an original or a thumbnail).
create table attachment_blob (
  storage_key  varchar(80) not null primary key,
  content      blob        not null,
  created_at   timestamp(6) with time zone not null
);

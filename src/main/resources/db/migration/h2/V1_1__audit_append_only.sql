-- H2 has no PL/pgSQL; the append-only rule is kept by the application (no update path exists).
-- This empty migration keeps the version numbers equal on both databases.
select 1;

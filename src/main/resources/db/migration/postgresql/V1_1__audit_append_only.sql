-- The audit log is append-only, also against hand-written SQL.
create or replace function audit_log_append_only() returns trigger as $$
begin
  raise exception 'audit_log is append-only';
end;
$$ language plpgsql;

create trigger trg_audit_log_append_only
  before update or delete on audit_log
  for each row execute function audit_log_append_only();

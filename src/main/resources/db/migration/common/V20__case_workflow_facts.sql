-- The approval table's answer (which sign-offs a case needs), written on the case when the process
-- takes the decision, so that pages and the API compute the allowed actions from the case itself.
-- Cases opened before this migration keep null: their answer is still read from the engine.
alter table aid_case add column finance_required boolean;
alter table aid_case add column manager_required boolean;

-- Who confirmed the disbursement (the officer at the hand-over, or whoever imported the bank's
-- answer): message events of the process carry no assignee, the case's timeline names them.
alter table aid_case add column payment_confirmed_by varchar(64);

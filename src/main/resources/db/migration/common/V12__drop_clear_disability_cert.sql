-- Every certificate number was encrypted by V11: the clear column goes.
alter table worker drop column disability_cert_no;

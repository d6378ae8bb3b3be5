-- Fragment: true for a staged employee row that plainly keeps every rule, so it skips the
-- full judgement (most rows of a real file): an id of 1 to 9 digits without a leading zero,
-- a name that starts with no space and holds no control character, a datetime of the
-- historic shape on a day its month has in every year (only February 29 takes the full
-- path: it depends on the year), ids as plain.
{id} ~ '^[1-9][0-9]{{0,8}}$'
AND {name_cell} IS NOT NULL AND LENGTH({name_cell}) <= 255 AND {name_cell} ~ {plain_name}
AND {datetime} ~ '^[0-9]{{4}}-((0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31)T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]Z$'
AND SUBSTRING({datetime}, 1, 4) <> '0000'
AND ({department_id} IS NULL OR {department_id} ~ '^[1-9][0-9]{{0,8}}$')
AND ({job_id} IS NULL OR {job_id} ~ '^[1-9][0-9]{{0,8}}$')

-- (Regex counts are written {{n}}: the file is filled in with str.format.)
-- Fragment: why the stripped datetime text {text} breaks validation.parse_datetime, or NULL.
-- The shape is validation.ISO_DATETIME (extended ISO-8601: a date, then optionally a time
-- after T or a space, a fraction, and Z or a +HH[:MM] offset); then the calendar: month, the
-- day of that month (leap years), hour, minute, second, and an offset under 24 hours (its
-- minutes may pass 59, as Python allows). Each WHEN runs only for the
-- rows the ones before it let through, so no CAST meets text that is not digits.
CASE WHEN {text} IS NULL OR {text} = '' THEN {absent}
     WHEN {text} ~ {control} THEN {control_problem}
     WHEN {text} !~ '^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}([T ][0-9]{{2}}(:[0-9]{{2}}(:[0-9]{{2}}([.,][0-9]+)?)?)?(Z|[+-][0-9]{{2}}(:?[0-9]{{2}})?)?)?$'
       OR {text} ~ '^.{{11}}([2][4-9]|[3-9])'
       OR {text} ~ '^.{{13}}:[6-9]'
       OR {text} ~ '^.{{16}}:[6-9]'
       OR {text} ~ '^.{{12}}.*[+-](2[4-9]|[3-9][0-9])(:?[0-9]{{2}})?$'
       OR {text} ~ '^.{{12}}.*[+-]23:?[6-9][0-9]$'
     THEN 'must be an ISO-8601 date-time in extended form, like 2021-07-27T16:02:08Z, got ' || {repr}
     WHEN CAST(SUBSTRING({text}, 1, 4) AS INT) = 0
       OR CAST(SUBSTRING({text}, 6, 2) AS INT) NOT BETWEEN 1 AND 12
       OR CAST(SUBSTRING({text}, 9, 2) AS INT) NOT BETWEEN 1 AND CASE
            WHEN CAST(SUBSTRING({text}, 6, 2) AS INT) IN (4, 6, 9, 11) THEN 30
            WHEN CAST(SUBSTRING({text}, 6, 2) AS INT) <> 2 THEN 31
            WHEN CAST(SUBSTRING({text}, 1, 4) AS INT) % 400 = 0 THEN 29
            WHEN CAST(SUBSTRING({text}, 1, 4) AS INT) % 100 = 0 THEN 28
            WHEN CAST(SUBSTRING({text}, 1, 4) AS INT) % 4 = 0 THEN 29
            ELSE 28 END
     THEN 'must be an ISO-8601 date-time in extended form, like 2021-07-27T16:02:08Z, got ' || {repr}
END

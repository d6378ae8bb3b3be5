-- Redshift: the uploaded CSV straight from S3 into the staging table (the worker never holds
-- a row). {columns} are the file's, in its order; an empty cell is NULL, as in the batch.
COPY {staged} ({columns}) FROM {source} IAM_ROLE {role} FORMAT AS CSV {header} EMPTYASNULL

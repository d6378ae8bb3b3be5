-- Large restores: Redshift reads the verified Avro backup straight from S3. 'auto' matches
-- Avro fields to columns by name; datetime is timestamp-millis (epoch milliseconds).
COPY {staging} FROM {source} IAM_ROLE {role} FORMAT AS AVRO 'auto' TIMEFORMAT 'epochmillisecs'

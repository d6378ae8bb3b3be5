-- Rows refused, per reason (the job reports them).
SELECT reason, COUNT(*) FROM {rejected} GROUP BY reason

-- One rule history: each activation is a numbered version (its id), with the vocabulary of /api/v1/rules/versions
-- (START_UP, DRAFT, FOLDER_EDIT, ROLLBACK) and, for a rollback, the version whose files it restored.
ALTER TABLE rule_activation ADD COLUMN restored_from BIGINT;
UPDATE rule_activation SET action = 'DRAFT' WHERE action = 'ACTIVATION';

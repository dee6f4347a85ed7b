-- Records of Employment arrive through the employers' API (issue #15): each record names the employer whose
-- payroll system sent it, and a serial is unique per employer (another employer's serial can never block it).
ALTER TABLE record_of_employment ADD COLUMN employer_id text NOT NULL DEFAULT 'unknown';
ALTER TABLE record_of_employment ALTER COLUMN employer_id DROP DEFAULT;
ALTER TABLE record_of_employment DROP CONSTRAINT record_of_employment_serial_key;
CREATE UNIQUE INDEX record_of_employment_serial_idx ON record_of_employment (employer_id, serial);

-- A store file as CampSync 2edd3be wrote it (schema version 2): the DDL its models.py made with
-- SQLModel.metadata.create_all(), dumped with sqlite3 .schema. Commit: Kill -9 drill, people commands, CLI flow tests, schema upgrade, engine keeps rows when the org is down
CREATE TABLE schemainfo (
	id INTEGER NOT NULL,
	version INTEGER NOT NULL,
	PRIMARY KEY (id)
);
CREATE TABLE setting (
	scope VARCHAR NOT NULL,
	"key" VARCHAR NOT NULL,
	value VARCHAR NOT NULL,
	PRIMARY KEY (scope, "key")
);
CREATE TABLE connectionprofile (
	name VARCHAR NOT NULL,
	org_url VARCHAR NOT NULL,
	tenant_id VARCHAR NOT NULL,
	client_id VARCHAR NOT NULL,
	authority_host VARCHAR NOT NULL,
	ca_bundle VARCHAR,
	environment VARCHAR NOT NULL,
	is_default BOOLEAN NOT NULL,
	PRIMARY KEY (name)
);
CREATE TABLE person (
	id INTEGER NOT NULL,
	first_name VARCHAR NOT NULL,
	last_name VARCHAR NOT NULL,
	email VARCHAR,
	company VARCHAR,
	job_title VARCHAR,
	country VARCHAR,
	score INTEGER NOT NULL,
	dynamics_type VARCHAR,
	dynamics_id VARCHAR,
	created_at FLOAT NOT NULL,
	updated_at FLOAT NOT NULL,
	PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_person_email ON person (email);
CREATE INDEX ix_person_dynamics_id ON person (dynamics_id);
CREATE TABLE campaign (
	id VARCHAR NOT NULL,
	name VARCHAR NOT NULL,
	code VARCHAR,
	statecode INTEGER NOT NULL,
	statuscode INTEGER NOT NULL,
	refreshed_at FLOAT NOT NULL,
	PRIMARY KEY (id)
);
CREATE TABLE applist (
	id INTEGER NOT NULL,
	campaign_id VARCHAR NOT NULL,
	member_type VARCHAR NOT NULL,
	name VARCHAR NOT NULL,
	dynamics_list_id VARCHAR,
	PRIMARY KEY (id)
);
CREATE INDEX ix_applist_campaign_id ON applist (campaign_id);
CREATE TABLE triggerevent (
	id INTEGER NOT NULL,
	"trigger" VARCHAR NOT NULL,
	person_id INTEGER NOT NULL,
	email VARCHAR,
	campaign_id VARCHAR NOT NULL,
	campaign_name VARCHAR NOT NULL,
	origin VARCHAR NOT NULL,
	request_id VARCHAR NOT NULL,
	outbox_id INTEGER,
	at FLOAT NOT NULL,
	prev_hash VARCHAR NOT NULL,
	hash VARCHAR NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (outbox_id)
);
CREATE INDEX ix_triggerevent_campaign_id ON triggerevent (campaign_id);
CREATE INDEX ix_triggerevent_person_id ON triggerevent (person_id);
CREATE TABLE chainhead (
	id INTEGER NOT NULL,
	seq INTEGER NOT NULL,
	last_hash VARCHAR NOT NULL,
	PRIMARY KEY (id)
);
CREATE TABLE activity (
	id INTEGER NOT NULL,
	person_id INTEGER NOT NULL,
	type VARCHAR NOT NULL,
	detail VARCHAR NOT NULL,
	at FLOAT NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(person_id) REFERENCES person (id)
);
CREATE INDEX ix_activity_type ON activity (type);
CREATE INDEX ix_activity_person_id ON activity (person_id);
CREATE TABLE membership (
	person_id INTEGER NOT NULL,
	campaign_id VARCHAR NOT NULL,
	list_id VARCHAR NOT NULL,
	source VARCHAR NOT NULL,
	added_at FLOAT NOT NULL,
	origin VARCHAR NOT NULL,
	request_id VARCHAR,
	PRIMARY KEY (person_id, campaign_id, list_id),
	FOREIGN KEY(person_id) REFERENCES person (id)
);
CREATE INDEX ix_membership_campaign_id ON membership (campaign_id);
CREATE TABLE outboxrow (
	id INTEGER NOT NULL,
	action VARCHAR NOT NULL,
	campaign_id VARCHAR NOT NULL,
	person_id INTEGER NOT NULL,
	state VARCHAR NOT NULL,
	attempts INTEGER NOT NULL,
	last_error VARCHAR,
	outcome VARCHAR,
	reason VARCHAR,
	idempotency_key VARCHAR NOT NULL,
	request_id VARCHAR NOT NULL,
	origin VARCHAR NOT NULL,
	depth INTEGER NOT NULL,
	claimed_by VARCHAR,
	created_at FLOAT NOT NULL,
	claimed_at FLOAT,
	sent_at FLOAT,
	done_at FLOAT,
	PRIMARY KEY (id),
	FOREIGN KEY(person_id) REFERENCES person (id),
	UNIQUE (idempotency_key)
);
CREATE INDEX ix_outboxrow_request_id ON outboxrow (request_id);
CREATE INDEX ix_outboxrow_person_id ON outboxrow (person_id);
CREATE INDEX ix_outboxrow_campaign_id ON outboxrow (campaign_id);
CREATE INDEX ix_outboxrow_state ON outboxrow (state);
INSERT INTO schemainfo VALUES (1, 2);

CREATE TABLE "matching_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"area" integer DEFAULT 20 NOT NULL,
	"interests" integer DEFAULT 25 NOT NULL,
	"language" integer DEFAULT 20 NOT NULL,
	"availability" integer DEFAULT 15 NOT NULL,
	"age" integer DEFAULT 10 NOT NULL,
	"gender" integer DEFAULT 10 NOT NULL,
	"continuity" integer DEFAULT 20 NOT NULL,
	"waited" integer DEFAULT 30 NOT NULL,
	"deadline" integer DEFAULT 40 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "matching_settings_single_row" CHECK ("matching_settings"."id" = 1),
	CONSTRAINT "matching_settings_range" CHECK (least("matching_settings"."area", "matching_settings"."interests", "matching_settings"."language", "matching_settings"."availability", "matching_settings"."age", "matching_settings"."gender", "matching_settings"."continuity", "matching_settings"."waited", "matching_settings"."deadline") >= 0 and greatest("matching_settings"."area", "matching_settings"."interests", "matching_settings"."language", "matching_settings"."availability", "matching_settings"."age", "matching_settings"."gender", "matching_settings"."continuity", "matching_settings"."waited", "matching_settings"."deadline") <= 100)
);

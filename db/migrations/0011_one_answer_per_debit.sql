-- Debits answered twice before this constraint keep their first answer; later ones stay as moments without a prompt.
UPDATE "delight_moments" d SET "prompt_interaction_id" = NULL
WHERE "prompt_interaction_id" IS NOT NULL
  AND EXISTS (SELECT 1 FROM "delight_moments" e WHERE e."prompt_interaction_id" = d."prompt_interaction_id" AND e."id" < d."id");--> statement-breakpoint
DROP INDEX "delight_moments_prompt_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "delight_moments_prompt_key" ON "delight_moments" USING btree ("prompt_interaction_id") WHERE "delight_moments"."prompt_interaction_id" is not null;

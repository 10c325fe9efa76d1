import { parseArgs } from "node:util";
import { z } from "zod";
import { closeDatabase, db } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { members } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { runScript, UsageError } from "./run-script";

const input = z.object({
  email: z.string().trim().toLowerCase().email("--email must be an email address."),
  name: z.string().trim().min(1, "--name must not be empty.").max(120),
  role: z.enum(["admin", "manager", "csm", "viewer"], { message: "--role must be admin, manager, csm or viewer." }),
  password: z.string().min(12, "The password must have at least 12 characters.").max(200),
});

runScript("user:create", async () => {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string", default: "admin" },
      password: { type: "string" },
    },
  });
  const password = values.password ?? process.env.HOURGLASS_PASSWORD;
  const parsed = input.safeParse({ ...values, name: values.name ?? values.email?.split("@")[0], password });
  if (!parsed.success) {
    throw new UsageError(
      `${parsed.error.issues.map((issue) => issue.message).join(" ")}\nUsage: npm run user:create -- --email you@example.com --role admin [--name "Your Name"] --password '…' (or HOURGLASS_PASSWORD)`,
    );
  }
  await migrateDatabase();
  const [created] = await db
    .insert(members)
    .values({
      email: parsed.data.email,
      name: parsed.data.name,
      role: parsed.data.role,
      passwordHash: await hashPassword(parsed.data.password),
    })
    .onConflictDoNothing({ target: members.email })
    .returning({ id: members.id });
  await closeDatabase();
  if (!created) throw new UsageError(`A member with the email ${parsed.data.email} already exists.`);
  console.log(`Created ${parsed.data.role} ${parsed.data.email}.`);
});

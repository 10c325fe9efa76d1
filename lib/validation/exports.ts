import { z } from "zod";
import { EARLIEST_DATE } from "./fields";

const earliestDay = EARLIEST_DATE.toISOString().slice(0, 10);

/** The interactions export's date range: UTC days, from 2000 on (PostgreSQL has no year 0), start not after end. */
export const exportRangeSchema = z
  .object({ from: z.iso.date(), to: z.iso.date() })
  .refine((r) => r.from >= earliestDay, "The start date must not be before 2000.")
  .refine((r) => r.from <= r.to, "The start date must not be after the end date.");

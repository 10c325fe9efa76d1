import { z } from "zod";
import { message } from "@/lib/error-messages";
import { checkbox, optionalText } from "./fields";
import { fails } from "./messages";

export const preferencesSchema = z.object({
  digestEmail: checkbox,
  inAppAlerts: checkbox,
  webhookUrl: optionalText(500, message("field.label.webhookUrl")).refine(
    (value) => value === null || /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value),
    fails("notifications.webhookAddress"),
  ),
});

export const noFieldsSchema = z.object({});

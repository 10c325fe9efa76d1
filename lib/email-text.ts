import type { useTranslations } from "next-intl";
import type { Format } from "./format";

/**
 * What text for one member outside a page (an email, the digest, an alert stored for the bell, a
 * webhook) is written with: the "emails" messages and the "labels" in their language, and their
 * formatter. server/notifications/member-messages.ts makes one for a member.
 */
export type EmailText = {
  t: ReturnType<typeof useTranslations<"emails">>;
  tl: ReturnType<typeof useTranslations<"labels">>;
  f: Format;
};
